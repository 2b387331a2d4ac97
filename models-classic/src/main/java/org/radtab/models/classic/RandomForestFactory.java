package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.ParameterSpace.Choice;
import org.radtab.ml.model.ParameterSpace.IntRange;
import org.radtab.ml.model.Params;
import org.radtab.ml.model.ProbabilisticClassifier;

/**
 * Factory of {@link RandomForestModel} ({@code "rf"}). Search space: n_estimators in [50, 300],
 * max_depth in {0 (unlimited), 3, 5, 8, 12}, min_samples_leaf in [1, 10], min_samples_split in
 * [2, 10], max_features in {sqrt, log2, 0.5}, bootstrap in {true, false}.
 */
public final class RandomForestFactory implements ClassifierFactory {
    public static final String NAME = "rf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(new IntRange("n_estimators", 50, 300, false),
            new Choice("max_depth", List.of(0, 3, 5, 8, 12)), new IntRange("min_samples_leaf", 1, 10, false),
            new IntRange("min_samples_split", 2, 10, false), new Choice("max_features", List.of("sqrt", "log2", "0.5")),
            new Choice("bootstrap", List.of(true, false)));
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("n_estimators", 100);
        d.put("max_depth", 0);
        d.put("min_samples_split", 2);
        d.put("min_samples_leaf", 1);
        d.put("max_features", "sqrt");
        d.put("bootstrap", true);
        d.put("n_jobs", 1);
        return d;
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new RandomForestModel(Params.resolve(NAME, defaults(), params), seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        return RandomForestModel.restore(Params.resolve(NAME, defaults(), params), featureNames, state);
    }
}
