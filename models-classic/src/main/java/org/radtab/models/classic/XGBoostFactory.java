package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.ParameterSpace.IntRange;
import org.radtab.ml.model.ParameterSpace.RealRange;
import org.radtab.ml.model.Params;
import org.radtab.ml.model.ProbabilisticClassifier;

/**
 * Factory of {@link XGBoostModel} ({@code "xgboost"}). Search space: learning_rate log-uniform in
 * [0.01, 0.3], max_depth in [2, 8], n_estimators in [50, 400], subsample in [0.5, 1],
 * colsample_bytree in [0.5, 1], min_child_weight log-uniform in [0.5, 10], reg_lambda
 * log-uniform in [0.01, 10], reg_alpha log-uniform in [1e-4, 1].
 */
public final class XGBoostFactory implements ClassifierFactory {
    public static final String NAME = "xgboost";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(new RealRange("learning_rate", 0.01, 0.3, true), new IntRange("max_depth", 2, 8, false),
            new IntRange("n_estimators", 50, 400, false), new RealRange("subsample", 0.5, 1, false),
            new RealRange("colsample_bytree", 0.5, 1, false), new RealRange("min_child_weight", 0.5, 10, true),
            new RealRange("reg_lambda", 0.01, 10, true), new RealRange("reg_alpha", 1e-4, 1, true));
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("n_estimators", 100);
        d.put("learning_rate", 0.3);
        d.put("max_depth", 6);
        d.put("subsample", 1.0);
        d.put("colsample_bytree", 1.0);
        d.put("min_child_weight", 1.0);
        d.put("reg_lambda", 1.0);
        d.put("reg_alpha", 0.0);
        d.put("tree_method", "hist");
        d.put("nthread", 1);
        return d;
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new XGBoostModel(Params.resolve(NAME, defaults(), params), seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        return XGBoostModel.restore(Params.resolve(NAME, defaults(), params), featureNames, state);
    }
}
