package org.radtab.ml.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radtab.ml.Dataset;

/**
 * A classifier that outputs class probabilities.
 *
 * <p>Implementations are created by a {@link ClassifierFactory} from a parameter map and a
 * seed; the same parameters, seed and data give the same model. {@link #saveState()} returns
 * the fitted state as JSON so that {@link ModelIO} can write a self-describing document and
 * {@link ClassifierFactory#restore} can rebuild a model that predicts identically.
 */
public interface ProbabilisticClassifier extends Classifier {

    /** Probability per class, one row per input row (rows sum to 1). */
    double[][] predictProba(double[][] x);

    /** Probability of class 1 per row (binary problems). */
    default double[] predictPositive(double[][] x) {
        double[][] p = predictProba(x);
        double[] out = new double[p.length];
        for (int r = 0; r < p.length; r++) {
            out[r] = p[r][1];
        }
        return out;
    }

    /**
     * Probability per class for the rows of {@code data}, whose columns are matched to
     * {@link #featureNames()} by name (extra columns are ignored, their order does not matter).
     *
     * @throws IllegalArgumentException naming a training column that {@code data} lacks
     */
    default double[][] predictProba(Dataset data) {
        return predictProba(data.columns(featureNames()).toMatrix());
    }

    /** Probability of class 1 for the rows of {@code data}, columns matched by name (see {@link #predictProba(Dataset)}). */
    default double[] predictPositive(Dataset data) {
        return predictPositive(data.columns(featureNames()).toMatrix());
    }

    /** Binary prediction: 1 where P(class 1) is at least {@code threshold}. */
    default int[] predict(double[][] x, double threshold) {
        double[] p = predictPositive(x);
        int[] out = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            out[r] = p[r] >= threshold ? 1 : 0;
        }
        return out;
    }

    /** Most probable class per row (ties to the lower code); threshold 0.5 for binary problems. */
    @Override
    default int[] predict(double[][] x) {
        double[][] p = predictProba(x);
        int[] out = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            int best = 0;
            for (int c = 1; c < p[r].length; c++) {
                if (p[r][c] > p[r][best]) {
                    best = c;
                }
            }
            out[r] = best;
        }
        return out;
    }

    /** Feature importance per training column (same order), where the model defines one. */
    default Optional<double[]> featureImportance() {
        return Optional.empty();
    }

    /** Names of the training columns (after {@link #fit}). */
    List<String> featureNames();

    /** The hyper-parameters this model was created with (as passed to its factory, defaults filled in). */
    Map<String, Object> params();

    /** Fitted state as JSON (weights, trees, ...); binary blobs as base64 strings. */
    ObjectNode saveState();
}
