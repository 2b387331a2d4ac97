package org.radtab.ml.metrics;

/**
 * Receiver operating characteristic curve of a score for binary labels (1 = positive; a higher
 * score means "more likely positive").
 *
 * <p>Thresholds are the distinct scores in descending order, preceded by {@code +Infinity}; at
 * threshold {@code t} a case is called positive when {@code score >= t}. Point {@code k} is
 * {@code (FPR_k, TPR_k) = (FP_k / N0, TP_k / N1)}; the first point is (0, 0), the last (1, 1).
 * Tied scores move the curve diagonally, which is what makes the trapezoidal area equal the
 * Mann-Whitney {@code U / (N1 N0)} with ties counted one half (scikit-learn's
 * {@code roc_curve(drop_intermediate=False)} and {@code roc_auc_score}).
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final int positives;
    private final int negatives;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds, int positives, int negatives) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * The ROC curve of {@code score} for labels {@code y} (0/1; both classes must occur).
     */
    public static RocCurve of(int[] y, double[] score) {
        int n1 = BinaryInput.check(y, score, true);
        int n0 = y.length - n1;
        Integer[] order = BinaryInput.orderDescending(score);
        int distinct = 1;
        for (int k = 1; k < order.length; k++) {
            if (score[order[k]] != score[order[k - 1]]) {
                distinct++;
            }
        }
        double[] f = new double[distinct + 1];
        double[] t = new double[distinct + 1];
        double[] th = new double[distinct + 1];
        th[0] = Double.POSITIVE_INFINITY;
        int tp = 0;
        int fp = 0;
        int point = 0;
        int k = 0;
        while (k < order.length) {
            double s = score[order[k]];
            while (k < order.length && score[order[k]] == s) {
                if (y[order[k]] == 1) {
                    tp++;
                } else {
                    fp++;
                }
                k++;
            }
            point++;
            f[point] = (double) fp / n0;
            t[point] = (double) tp / n1;
            th[point] = s;
        }
        return new RocCurve(f, t, th, n1, n0);
    }

    /** False-positive rates, one per threshold (starts at 0, ends at 1). */
    public double[] fpr() { return fpr.clone(); }

    /** True-positive rates (sensitivity), one per threshold. */
    public double[] tpr() { return tpr.clone(); }

    /** Thresholds: {@code +Infinity}, then the distinct scores in descending order. */
    public double[] thresholds() { return thresholds.clone(); }

    public int positives() { return positives; }

    public int negatives() { return negatives; }

    /** Trapezoidal area under the curve: {@code sum_k (FPR_k - FPR_{k-1}) (TPR_k + TPR_{k-1}) / 2}. */
    public double auc() {
        double a = 0;
        for (int k = 1; k < fpr.length; k++) {
            a += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2;
        }
        return a;
    }
}
