package org.radtab.ml.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Area under the ROC curve with its variance and confidence intervals.
 *
 * <h2>Definition</h2>
 * With {@code N1} positives (scores {@code X_i}) and {@code N0} negatives ({@code Y_j}),
 * {@code AUC = (1 / (N1 N0)) sum_i sum_j psi(X_i, Y_j)} where {@code psi = 1} if {@code X > Y},
 * {@code 1/2} if {@code X = Y}, else 0: the Mann-Whitney {@code U / (N1 N0)}, equal to the
 * trapezoidal area of {@link RocCurve}.
 *
 * <h2>DeLong variance</h2>
 * DeLong, DeLong and Clarke-Pearson (Biometrics 44:837-845, 1988): the placement values
 * {@code V10(X_i) = (1/N0) sum_j psi(X_i, Y_j)} and {@code V01(Y_j) = (1/N1) sum_i psi(X_i, Y_j)}
 * have sample variances {@code S10} and {@code S01} (denominators {@code N1 - 1}, {@code N0 - 1});
 * {@code Var(AUC) = S10 / N1 + S01 / N0}. The placements are computed in O(n log n) with midranks
 * (Sun and Xu, IEEE Signal Processing Letters 21:1389-1393, 2014):
 * {@code V10(X_i) = (Tz_i - Tx_i) / N0} and {@code V01(Y_j) = 1 - (Tz_j - Ty_j) / N1}, where
 * {@code Tz} are midranks in the pooled sample and {@code Tx}, {@code Ty} midranks within each class.
 * The confidence interval is {@code AUC +- z_{(1+level)/2} sqrt(Var)}, clipped to [0, 1] (as R's
 * pROC does).
 *
 * <h2>Bootstrap</h2>
 * Stratified: each replicate draws {@code N1} positives and {@code N0} negatives with replacement
 * (so both classes are always present); the interval is the percentile interval of the replicate
 * AUCs (type-7 quantiles). A seed fixes the replicates.
 */
public final class Auroc {
    private Auroc() {
    }

    /** AUROC of {@code score} for labels {@code y} (0/1, both classes present). */
    public static double of(int[] y, double[] score) {
        return placements(y, score).auc;
    }

    /** DeLong variance of the AUROC (needs at least 2 cases of each class). */
    public static double deLongVariance(int[] y, double[] score) {
        return placements(y, score).variance();
    }

    /** AUROC with a DeLong confidence interval at {@code level} (e.g. 0.95). */
    public static ConfidenceInterval deLong(int[] y, double[] score, double level) {
        checkLevel(level);
        Placements p = placements(y, score);
        double se = Math.sqrt(p.variance());
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + level / 2);
        return new ConfidenceInterval(p.auc, Math.max(0, p.auc - z * se), Math.min(1, p.auc + z * se), level, "DeLong");
    }

    /** AUROC with a 95% DeLong confidence interval. */
    public static ConfidenceInterval deLong(int[] y, double[] score) {
        return deLong(y, score, 0.95);
    }

    /**
     * AUROC with a stratified bootstrap percentile interval.
     *
     * @param replicates number of bootstrap replicates (e.g. 2000)
     * @param seed       fixes the replicates
     */
    public static ConfidenceInterval bootstrap(int[] y, double[] score, int replicates, double level, long seed) {
        checkLevel(level);
        if (replicates < 10) {
            throw new IllegalArgumentException("at least 10 bootstrap replicates are needed, asked " + replicates);
        }
        double auc = of(y, score);
        int n1 = 0;
        for (int v : y) {
            n1 += v;
        }
        double[] pos = new double[n1];
        double[] neg = new double[y.length - n1];
        for (int i = 0, a = 0, b = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos[a++] = score[i];
            } else {
                neg[b++] = score[i];
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] reps = new double[replicates];
        int[] yy = new int[y.length];
        Arrays.fill(yy, 0, n1, 1);
        double[] ss = new double[y.length];
        for (int b = 0; b < replicates; b++) {
            for (int i = 0; i < n1; i++) {
                ss[i] = pos[rng.nextInt(n1)];
            }
            for (int j = 0; j < neg.length; j++) {
                ss[n1 + j] = neg[rng.nextInt(neg.length)];
            }
            reps[b] = placements(yy, ss).auc;
        }
        Arrays.sort(reps);
        double alpha = (1 - level) / 2;
        return new ConfidenceInterval(auc, quantile(reps, alpha), quantile(reps, 1 - alpha), level,
            "stratified bootstrap percentile, " + replicates + " replicates");
    }

    /**
     * DeLong's test for two correlated AUROCs (two scores on the same cases).
     *
     * @return {@code {auc1, auc2, z, two-sided p}} with {@code z = (AUC1 - AUC2) / sqrt(Var(AUC1 - AUC2))}
     */
    public static double[] deLongTest(int[] y, double[] score1, double[] score2) {
        Placements a = placements(y, score1);
        Placements b = placements(y, score2);
        double s10 = cov(a.v10, a.auc, b.v10, b.auc);
        double s01 = cov(a.v01, a.auc, b.v01, b.auc);
        double var = a.variance() + b.variance() - 2 * (s10 / a.v10.length + s01 / a.v01.length);
        double z = (a.auc - b.auc) / Math.sqrt(var);
        double p = var > 0 ? 2 * (1 - new NormalDistribution().cumulativeProbability(Math.abs(z))) : Double.NaN;
        return new double[] {a.auc, b.auc, z, p};
    }

    /** Placement values of the positives ({@code V10}) and the negatives ({@code V01}) (Sun and Xu 2014). */
    static Placements placements(int[] y, double[] score) {
        int n1 = BinaryInput.check(y, score, true);
        int n0 = y.length - n1;
        double[] x = new double[n1];
        double[] yv = new double[n0];
        double[] z = new double[y.length];
        for (int i = 0, a = 0, b = 0; i < y.length; i++) {
            if (y[i] == 1) {
                x[a++] = score[i];
            } else {
                yv[b++] = score[i];
            }
        }
        System.arraycopy(x, 0, z, 0, n1);
        System.arraycopy(yv, 0, z, n1, n0);
        double[] tx = BinaryInput.midranks(x);
        double[] ty = BinaryInput.midranks(yv);
        double[] tz = BinaryInput.midranks(z);
        double[] v10 = new double[n1];
        double[] v01 = new double[n0];
        double sum = 0;
        for (int i = 0; i < n1; i++) {
            v10[i] = (tz[i] - tx[i]) / n0;
            sum += v10[i];
        }
        for (int j = 0; j < n0; j++) {
            v01[j] = 1 - (tz[n1 + j] - ty[j]) / n1;
        }
        return new Placements(sum / n1, v10, v01);
    }

    static final class Placements {
        final double auc;
        final double[] v10;
        final double[] v01;

        Placements(double auc, double[] v10, double[] v01) {
            this.auc = auc;
            this.v10 = v10;
            this.v01 = v01;
        }

        double variance() {
            if (v10.length < 2 || v01.length < 2) {
                throw new IllegalArgumentException("DeLong variance needs at least 2 cases of each class ("
                    + v10.length + " positives, " + v01.length + " negatives)");
            }
            return cov(v10, auc, v10, auc) / v10.length + cov(v01, auc, v01, auc) / v01.length;
        }
    }

    private static double cov(double[] a, double ma, double[] b, double mb) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }

    /** Type-7 (linear interpolation) quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }
}
