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
 * Factory of {@link SvmModel} ({@code "svm"}). The C range stops at 10 because SMO, like
 * libsvm, needs very many steps for a linear kernel with a large C on overlapping classes (on
 * 800 x 30 rows, C = 100 took minutes per fit). Search space: kernel in {linear, rbf, poly}, C
 * log-uniform in [1e-2, 10], gamma log-uniform in [1e-3, 0.3], degree in {2, 3}, coef0 in {0, 1}.
 */
public final class SvmFactory implements ClassifierFactory {
    public static final String NAME = "svm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(new Choice("kernel", List.of("linear", "rbf", "poly")),
            new RealRange("C", 1e-2, 10, true), new RealRange("gamma", 1e-3, 0.3, true), new Choice("degree", List.of(2, 3)),
            new Choice("coef0", List.of(0.0, 1.0)));
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kernel", "rbf");
        d.put("C", 1.0);
        d.put("gamma", "scale");
        d.put("degree", 3);
        d.put("coef0", 0.0);
        d.put("standardize", true);
        d.put("tol", 1e-3);
        d.put("max_iter", 1_000_000);
        d.put("probability_folds", 5);
        return d;
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new SvmModel(Params.resolve(NAME, defaults(), params), seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        return SvmModel.restore(Params.resolve(NAME, defaults(), params), featureNames, state);
    }
}
