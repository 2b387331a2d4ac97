package org.radtab.ml.validation;

import java.util.Map;

/**
 * One configuration of a randomized search with its cross-validated scores.
 *
 * @param index      trial number (0-based; also fixes its seeds)
 * @param params     the sampled hyper-parameters (defaults filled in by the factory)
 * @param foldScores score on each validation fold, in fold order
 * @param mean       mean of the fold scores (NaN when the trial failed)
 * @param sd         sample standard deviation of the fold scores (n - 1 denominator)
 * @param error      why the trial failed, or null
 */
public record Trial(int index, Map<String, Object> params, double[] foldScores, double mean, double sd, String error) {

    public boolean failed() {
        return error != null;
    }
}
