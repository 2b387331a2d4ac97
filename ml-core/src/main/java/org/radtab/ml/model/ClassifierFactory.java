package org.radtab.ml.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Creates one kind of model: its registry name, its hyper-parameter space for randomized
 * search, new unfitted instances, and fitted instances restored from a saved document.
 *
 * <p>Factories are found with {@link java.util.ServiceLoader} (declare them in
 * {@code META-INF/services/org.radtab.ml.model.ClassifierFactory}).
 */
public interface ClassifierFactory {

    /** The registry name, equal to {@link Classifier#name()} of the models it creates. */
    String name();

    /** The declared search space (may be empty). */
    ParameterSpace space();

    /** Default hyper-parameters. */
    Map<String, Object> defaults();

    /**
     * A new, unfitted model. Missing parameters take their defaults; unknown names are rejected
     * with {@link IllegalArgumentException} naming the parameter.
     */
    ProbabilisticClassifier create(Map<String, Object> params, long seed);

    /** Rebuilds a fitted model from the parts written by {@link ModelIO#save}. */
    ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state);
}
