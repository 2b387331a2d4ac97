package org.radtab.rbp.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.ParameterSpace.Choice;
import org.radtab.ml.model.ParameterSpace.IntRange;
import org.radtab.ml.model.ParameterSpace.RealRange;

/**
 * The hyper-parameter spaces and fixed settings the reference study searches, per model. They
 * are the models' own declared spaces narrowed to ranges that suit 600 training rows and keep the
 * full study within its time budget (documented in the README):
 * <ul>
 *   <li>LR: penalty l1 / l2 / elastic-net, C log-uniform in [1e-3, 100], l1_ratio; solver tolerance 1e-5;</li>
 *   <li>RF: 50-300 trees, depth, leaf size, max features;</li>
 *   <li>SVM: RBF kernel (the linear SMO fits with large C are slow and add nothing here), C and gamma log-uniform;</li>
 *   <li>XGBoost: learning rate, depth 2-6, 50-300 trees, subsample, colsample, min child weight, L1/L2;</li>
 *   <li>TabNet: the small-data region the models-tabnet study found (n_d = n_a in {8, 16}, 1-2 steps,
 *       gamma, 1-2 shared / independent GLU blocks, lambda_sparse, learning rate 0.005-0.03, batch 32-64,
 *       virtual batch 16-32, momentum, mask type, Adam weight decay 0.02-0.1: without it TabNet overfits
 *       a few hundred noisy rows, in RadTab and in pytorch-tabnet alike); fixed:
 *       early stopping with patience 10 on an internal stratified 8:2 train / validation split
 *       (the paper's final 8:2 phase), at most 100 epochs.</li>
 * </ul>
 */
public final class StudySpaces {
    private StudySpaces() {
    }

    /** The search space of a model. */
    public static ParameterSpace space(String model) {
        switch (model) {
            case "lr":
                return ParameterSpace.of(new Choice("penalty", List.of("l1", "l2", "elasticnet")),
                    new RealRange("C", 1e-3, 1e2, true), new RealRange("l1_ratio", 0, 1, false));
            case "rf":
                return ParameterSpace.of(new IntRange("n_estimators", 50, 300, false),
                    new Choice("max_depth", List.of(0, 3, 5, 8, 12)), new IntRange("min_samples_leaf", 1, 10, false),
                    new Choice("max_features", List.of("sqrt", "log2", "0.5")));
            case "svm":
                return ParameterSpace.of(new RealRange("C", 1e-2, 10, true), new RealRange("gamma", 1e-3, 0.3, true));
            case "xgboost":
                return ParameterSpace.of(new RealRange("learning_rate", 0.01, 0.3, true),
                    new IntRange("max_depth", 2, 6, false), new IntRange("n_estimators", 50, 300, false),
                    new RealRange("subsample", 0.5, 1, false), new RealRange("colsample_bytree", 0.5, 1, false),
                    new RealRange("min_child_weight", 0.5, 10, true), new RealRange("reg_lambda", 0.01, 10, true),
                    new RealRange("reg_alpha", 1e-4, 1, true));
            case "tabnet":
                return ParameterSpace.of(new Choice("n_d", List.of(8, 16)), new IntRange("n_steps", 1, 2, false),
                    new RealRange("gamma", 1.0, 2.0, false), new IntRange("n_independent", 1, 2, false),
                    new IntRange("n_shared", 1, 2, false), new RealRange("lambda_sparse", 1e-5, 1e-2, true),
                    new RealRange("lr", 5e-3, 3e-2, true), new Choice("batch_size", List.of(32, 64)),
                    new Choice("virtual_batch_size", List.of(16, 32)), new RealRange("momentum", 0.01, 0.4, true),
                    new Choice("mask_type", List.of("sparsemax", "entmax")),
                    new Choice("weight_decay", List.of(0.02, 0.05, 0.1)));
            default:
                throw new IllegalArgumentException("the study has no search space for model '" + model + "'");
        }
    }

    /** Settings held fixed during the search. */
    public static Map<String, Object> fixed(String model) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (model) {
            case "lr":
                // 1e-5 on the coefficients is far below what moves an AUROC; the default 1e-7 costs 5-10x the time
                m.put("tol", 1e-5);
                break;
            case "svm":
                m.put("kernel", "rbf");
                break;
            case "tabnet":
                m.put("patience", 10);
                m.put("max_epochs", 100);
                m.put("eval_fraction", 0.2);
                break;
            default:
                break;
        }
        return m;
    }
}
