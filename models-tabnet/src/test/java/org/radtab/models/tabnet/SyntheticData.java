package org.radtab.models.tabnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
     * y ~ Bernoulli(sigmoid(logit)). The true logit ranks fresh rows with AUROC 0.815.
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

    /** Names of the binary clinical columns of {@link #rbpLike}. */
    static final String[] RBP_CLINICAL = {"male", "smoker", "stage34", "diabetes", "chemo", "hpv"};

    /**
     * An RBP-like problem (radiotherapy toxicity style): 6 binary clinical variables and 29
     * continuous radiomics-like features, about 12% positives, a non-linear ground truth.
     * <ul>
     *   <li>Clinical: male ~ B(0.5), smoker ~ B(0.3), stage34 ~ B(0.4), diabetes ~ B(0.2),
     *       chemo ~ B(0.6), hpv ~ B(0.35).</li>
     *   <li>Radiomics r0..r28: four latent factors f_0..f_3 ~ N(0, 1); for k &lt; 20,
     *       r_k = 0.8 f_{k mod 4} + 0.6 e_k (correlated blocks, as texture features of one
     *       image are); for k &gt;= 20, r_k = e_k; e_k ~ N(0, 1). Every r_k with k mod 7 = 3 is
     *       then replaced by exp(0.5 r_k) (skewed, like size and energy features).</li>
     *   <li>logit = -3.4 + 0.7 stage34 + 0.5 male + 0.6 r0 - 0.5 r2
     *       + 1.5 smoker * r21 (interaction of a binary and a continuous feature)
     *       + 1.0 (r22^2 - 1) (U-shaped effect); y ~ Bernoulli(sigmoid(logit)).</li>
     * </ul>
     * Columns in the order clinical then r0..r28 (35 columns). About 12.5% positives; the true
     * logit ranks fresh rows with AUROC 0.88, logistic regression fitted on 600 rows about 0.62.
     */
    static Dataset rbpLike(int n, long seed) {
        Random rng = new Random(seed);
        double[] prev = {0.5, 0.3, 0.4, 0.2, 0.6, 0.35};
        int nc = prev.length;
        int nr = 29;
        double[][] x = new double[n][nc + nr];
        int[] y = new int[n];
        double[] f = new double[4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < nc; j++) {
                x[i][j] = rng.nextDouble() < prev[j] ? 1 : 0;
            }
            for (int g = 0; g < 4; g++) {
                f[g] = rng.nextGaussian();
            }
            double[] r = new double[nr];
            for (int k = 0; k < nr; k++) {
                double e = rng.nextGaussian();
                r[k] = k < 20 ? 0.8 * f[k % 4] + 0.6 * e : e;
            }
            double logit = -3.4 + 0.7 * x[i][2] + 0.5 * x[i][0] + 0.6 * r[0] - 0.5 * r[2]
                + 1.5 * x[i][1] * r[21] + 1.0 * (r[22] * r[22] - 1);
            for (int k = 0; k < nr; k++) {
                x[i][nc + k] = k % 7 == 3 ? Math.exp(0.5 * r[k]) : r[k];
            }
            y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        List<String> names = new ArrayList<>(Arrays.asList(RBP_CLINICAL));
        for (int k = 0; k < nr; k++) {
            names.add("r" + k);
        }
        return Dataset.of(x, names, y);
    }

    /**
     * Standardises every column of {@code train} in place to mean 0 and standard deviation 1
     * (population sd), and applies the same training means and deviations to {@code others}.
     */
    static void standardise(double[][] train, double[][]... others) {
        int p = train[0].length;
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / train.length;
            }
        }
        for (double[] row : train) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / train.length;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-12;
        }
        List<double[][]> all = new ArrayList<>();
        all.add(train);
        all.addAll(Arrays.asList(others));
        for (double[][] x : all) {
            for (double[] row : x) {
                for (int j = 0; j < p; j++) {
                    row[j] = (row[j] - mean[j]) / sd[j];
                }
            }
        }
    }

    /** Stratified split (deterministic): {train rows, test rows}, {@code testShare} of each class to the test part. */
    static int[][] stratifiedSplit(int[] y, double testShare, long seed) {
        return TabNetClassifier.stratifiedSplit(y, testShare, seed);
    }
}
