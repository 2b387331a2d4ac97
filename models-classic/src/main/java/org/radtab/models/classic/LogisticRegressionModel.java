package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary logistic regression with L1, L2 or elastic-net penalty ({@code "lr"}).
 *
 * <h2>Model and objective</h2>
 * {@code P(y = 1 | x) = 1 / (1 + exp(-(b0 + x . b)))}. The fit minimises (scikit-learn's
 * parameterisation divided by {@code C n}):
 * <pre>
 *   (1/n) sum_i logloss_i + lambda [ r ||b||_1 + (1 - r)/2 ||b||_2^2 ],   lambda = 1 / (C n)
 * </pre>
 * with {@code r = l1_ratio} (penalty {@code l1}: r = 1; {@code l2}: r = 0; {@code elasticnet}:
 * the given ratio; {@code none}: lambda = 0). The intercept is never penalised. With
 * {@code standardize = true} (default) the penalty applies to the coefficients of z-scored
 * features (mean 0, population sd 1 on the training rows), as glmnet does, so features on
 * different scales are penalised alike; the reported {@link #coefficients()} are converted back to
 * the original scale. With {@code standardize = false} the objective is exactly scikit-learn's
 * {@code LogisticRegression(penalty, C, l1_ratio)}.
 * Solver: {@link ElasticNetLogistic} (IRLS + coordinate descent).
 *
 * <h2>Parameters</h2>
 * {@code penalty} (l2; l1, l2, elasticnet, none), {@code C} (1.0, &gt; 0), {@code l1_ratio}
 * (0.5, used by elasticnet), {@code standardize} (true), {@code max_iter} (200 outer steps),
 * {@code tol} (1e-7).
 * Feature importance: |coefficient| on the standardised scale ({@code |b_j| sd_j}).
 */
public final class LogisticRegressionModel extends AbstractModel {
    private static final Logger LOG = LoggerFactory.getLogger(LogisticRegressionModel.class);

    private double intercept;
    private double[] coef;        // original scale
    private double[] importance;  // |standardised coefficient|

    LogisticRegressionModel(Map<String, Object> params, long seed) {
        super(params, seed);
    }

    @Override
    public String name() {
        return LogisticRegressionFactory.NAME;
    }

    @Override
    public void fit(Dataset train) {
        startFit(train, true);
        String penalty = Params.getString(params, "penalty").toLowerCase(Locale.ROOT);
        double c = Params.getDouble(params, "C");
        if (!(c > 0)) {
            throw new IllegalArgumentException("lr: C must be > 0, was " + c);
        }
        double ratio = switch (penalty) {
            case "l1" -> 1;
            case "l2", "none" -> 0;
            case "elasticnet" -> Params.checkRange("l1_ratio", Params.getDouble(params, "l1_ratio"), 0, 1);
            default -> throw new IllegalArgumentException("lr: penalty must be l1, l2, elasticnet or none, was '" + penalty + "'");
        };
        int n = train.rows();
        double lambda = penalty.equals("none") ? 0 : 1 / (c * n);
        boolean standardize = Params.getBoolean(params, "standardize");
        Standardizer st = standardize ? Standardizer.fit(train) : Standardizer.identity(train.cols());
        double[][] x = st.apply(train);
        ElasticNetLogistic.Fit f = ElasticNetLogistic.fit(x, train.labels(), lambda, ratio,
            Params.getDouble(params, "tol"), Params.getInt(params, "max_iter"));
        if (!f.converged()) {
            LOG.warn("lr: no convergence after {} outer iterations (penalty {}, C {})", f.iterations(), penalty, c);
        }
        int p = train.cols();
        coef = new double[p];
        importance = new double[p];
        double b0 = f.intercept();
        Standardizer scale = standardize ? st : Standardizer.fit(train);
        for (int j = 0; j < p; j++) {
            coef[j] = f.beta()[j] / st.sd[j];
            b0 -= coef[j] * st.mean[j];
            importance[j] = Math.abs(coef[j]) * scale.sd[j];
        }
        intercept = b0;
    }

    /** Intercept on the original feature scale. */
    public double intercept() {
        requireFitted();
        return intercept;
    }

    /** Coefficients on the original feature scale, in training column order. */
    public double[] coefficients() {
        requireFitted();
        return coef.clone();
    }

    /** Linear predictor {@code b0 + x . b} per row. */
    public double[] decisionFunction(double[][] x) {
        checkInput(x);
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double e = intercept;
            for (int j = 0; j < coef.length; j++) {
                e += coef[j] * x[r][j];
            }
            out[r] = e;
        }
        return out;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        double[] eta = decisionFunction(x);
        double[][] out = new double[x.length][2];
        for (int r = 0; r < x.length; r++) {
            out[r][1] = sigmoid(eta[r]);
            out[r][0] = 1 - out[r][1];
        }
        return out;
    }

    @Override
    public Optional<double[]> featureImportance() {
        requireFitted();
        return Optional.of(importance.clone());
    }

    @Override
    public ObjectNode saveState() {
        requireFitted();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("intercept", intercept);
        o.set("coefficients", array(coef));
        o.set("importance", array(importance));
        return o;
    }

    static LogisticRegressionModel restore(Map<String, Object> params, java.util.List<String> names, JsonNode state) {
        LogisticRegressionModel m = new LogisticRegressionModel(params, 0);
        m.coef = doubles(state, "coefficients");
        m.importance = doubles(state, "importance");
        requireLength("coefficients", m.coef.length, names.size());
        requireLength("importance", m.importance.length, names.size());
        if (!state.path("intercept").isNumber()) {
            throw new IllegalArgumentException("model state lacks 'intercept'");
        }
        m.intercept = state.get("intercept").doubleValue();
        m.featureNames = java.util.List.copyOf(names);
        m.numClasses = 2;
        return m;
    }
}
