package org.radtab.ml.metrics;

/**
 * Chooses a decision threshold on a score from its ROC curve (cases with {@code score >= t} are
 * called positive).
 *
 * <ul>
 *   <li>{@link #youden}: the threshold maximising Youden's {@code J = sensitivity + specificity - 1}
 *       (= TPR - FPR); ties go to the highest threshold.</li>
 *   <li>{@link #forSensitivity}: the highest threshold whose sensitivity is at least the target,
 *       i.e. the best specificity that keeps the sensitivity.</li>
 * </ul>
 */
public final class ThresholdChooser {
    private ThresholdChooser() {
    }

    /** A chosen threshold with its operating point. */
    public record Choice(double threshold, double sensitivity, double specificity) {
        public double youdenJ() {
            return sensitivity + specificity - 1;
        }
    }

    public static Choice youden(int[] y, double[] score) {
        RocCurve roc = RocCurve.of(y, score);
        double[] f = roc.fpr();
        double[] t = roc.tpr();
        double[] th = roc.thresholds();
        int best = 1;
        for (int k = 2; k < th.length; k++) {
            if (t[k] - f[k] > t[best] - f[best]) {
                best = k;
            }
        }
        return new Choice(th[best], t[best], 1 - f[best]);
    }

    /** @param target minimum sensitivity in (0, 1] */
    public static Choice forSensitivity(int[] y, double[] score, double target) {
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target sensitivity must be in (0, 1], was " + target);
        }
        RocCurve roc = RocCurve.of(y, score);
        double[] f = roc.fpr();
        double[] t = roc.tpr();
        double[] th = roc.thresholds();
        for (int k = 1; k < th.length; k++) {
            if (t[k] >= target - 1e-12) {
                return new Choice(th[k], t[k], 1 - f[k]);
            }
        }
        throw new IllegalStateException("unreachable: the last ROC point has sensitivity 1");
    }
}
