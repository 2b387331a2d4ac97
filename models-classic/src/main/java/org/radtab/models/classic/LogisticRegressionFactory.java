package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.ParameterSpace.Choice;
import org.radtab.ml.model.ParameterSpace.RealRange;
import org.radtab.ml.model.Params;
import org.radtab.ml.model.ProbabilisticClassifier;

/**
 * Factory of {@link LogisticRegressionModel} ({@code "lr"}). Search space: penalty in {l1, l2,
 * elasticnet}, C log-uniform in [1e-3, 1e2], l1_ratio uniform in [0, 1].
 */
public final class LogisticRegressionFactory implements ClassifierFactory {
    public static final String NAME = "lr";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(new Choice("penalty", List.of("l1", "l2", "elasticnet")),
            new RealRange("C", 1e-3, 1e2, true), new RealRange("l1_ratio", 0, 1, false));
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("penalty", "l2");
        d.put("C", 1.0);
        d.put("l1_ratio", 0.5);
        d.put("standardize", true);
        d.put("max_iter", 200);
        d.put("tol", 1e-7);
        return d;
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new LogisticRegressionModel(Params.resolve(NAME, defaults(), params), seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        return LogisticRegressionModel.restore(Params.resolve(NAME, defaults(), params), featureNames, state);
    }
}
