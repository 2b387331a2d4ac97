package org.radtab.ml.metrics;

/**
 * Precision-recall curve and average precision (scikit-learn conventions).
 *
 * <p>Thresholds are the distinct scores in descending order; at threshold {@code t} the cases
 * with {@code score >= t} are called positive: {@code precision = TP / (TP + FP)},
 * {@code recall = TP / N1}. The curve starts at the conventional point (recall 0, precision 1,
 * threshold {@code +Infinity}). Average precision is the step-wise (not interpolated) area
 * {@code AP = sum_k (R_k - R_{k-1}) P_k}, as {@code sklearn.metrics.average_precision_score}.
 */
public final class PrecisionRecallCurve {
    private final double[] precision;
    private final double[] recall;
    private final double[] thresholds;

    private PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {
        this.precision = precision;
        this.recall = recall;
        this.thresholds = thresholds;
    }

    /** The curve of {@code score} for labels {@code y} (0/1; at least one positive). */
    public static PrecisionRecallCurve of(int[] y, double[] score) {
        int n1 = BinaryInput.check(y, score, false);
        if (n1 == 0) {
            throw new IllegalArgumentException("precision-recall needs at least one positive case");
        }
        Integer[] order = BinaryInput.orderDescending(score);
        int distinct = 1;
        for (int k = 1; k < order.length; k++) {
            if (score[order[k]] != score[order[k - 1]]) {
                distinct++;
            }
        }
        double[] p = new double[distinct + 1];
        double[] r = new double[distinct + 1];
        double[] th = new double[distinct + 1];
        p[0] = 1;
        th[0] = Double.POSITIVE_INFINITY;
        int tp = 0;
        int called = 0;
        int point = 0;
        int k = 0;
        while (k < order.length) {
            double s = score[order[k]];
            while (k < order.length && score[order[k]] == s) {
                tp += y[order[k]];
                called++;
                k++;
            }
            point++;
            p[point] = (double) tp / called;
            r[point] = (double) tp / n1;
            th[point] = s;
        }
        return new PrecisionRecallCurve(p, r, th);
    }

    public double[] precision() { return precision.clone(); }

    public double[] recall() { return recall.clone(); }

    /** {@code +Infinity}, then the distinct scores in descending order. */
    public double[] thresholds() { return thresholds.clone(); }

    /** {@code AP = sum_k (R_k - R_{k-1}) P_k}. */
    public double averagePrecision() {
        double ap = 0;
        for (int k = 1; k < recall.length; k++) {
            ap += (recall[k] - recall[k - 1]) * precision[k];
        }
        return ap;
    }

    /** Average precision of {@code score} for labels {@code y}. */
    public static double averagePrecision(int[] y, double[] score) {
        return of(y, score).averagePrecision();
    }
}
