package org.radtab.models.tabnet;

import java.util.Random;
import org.radtab.ml.Dataset;

/** Synthetic binary problems for the learning tests (generated here, not copied from anywhere). */
final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * 30 standard-normal features; only x3, x11 and x27 carry signal:
     * {@code y = 1{ x3 + x11 - x27 + 0.3 e > 0 }}, e ~ N(0, 1) (Bayes AUROC about 0.99).
     */
    static Dataset threeSignalFeatures(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][30];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 30; j++) {
                x[i][j] = rng.nextGaussian();
            }
            double s = x[i][3] + x[i][11] - x[i][27] + 0.3 * rng.nextGaussian();
            y[i] = s > 0 ? 1 : 0;
        }
        return Dataset.of(x, y);
    }

    /** The signal columns of {@link #threeSignalFeatures}. */
    static final int[] SIGNAL = {3, 11, 27};

    /**
     * A noisy linear-logistic problem: 30 standard-normal features, 6 of which enter the logit
     * {@code -2.6 + 0.8 x0 - 0.7 x1 + 0.6 x2 + 0.5 x3 - 0.4 x4 + 0.3 x5} (about 12% positives),
     * y ~ Bernoulli(sigmoid(logit)).
     */
    static Dataset noisyLogistic(int n, long seed) {
        Random rng = new Random(seed);
        double[] w = {0.8, -0.7, 0.6, 0.5, -0.4, 0.3};
        double[][] x = new double[n][30];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double logit = -2.6;
            for (int j = 0; j < 30; j++) {
                x[i][j] = rng.nextGaussian();
                if (j < w.length) {
                    logit += w[j] * x[i][j];
                }
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return Dataset.of(x, y);
    }

    /**
     * A noisy sparse-signal problem: 30 standard-normal features, 3 of which enter the logit
     * {@code b0 + 1.2 (x3 + x11 - x27)} with b0 = -2.9 (about 12% positives), y ~ Bernoulli.
     */
    static Dataset noisySparseLogistic(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][30];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 30; j++) {
                x[i][j] = rng.nextGaussian();
            }
            double logit = -2.9 + 1.2 * (x[i][3] + x[i][11] - x[i][27]);
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return Dataset.of(x, y);
    }

    /** Stratified split (deterministic): {train rows, test rows}, {@code testShare} of each class to the test part. */
    static int[][] stratifiedSplit(int[] y, double testShare, long seed) {
        return TabNetClassifier.stratifiedSplit(y, testShare, seed);
    }
}
