package org.radtab.ml.metrics;

/**
 * Binary confusion matrix and the measures derived from it.
 *
 * <pre>
 *                predicted 1   predicted 0
 *   actual 1         TP            FN
 *   actual 0         FP            TN
 * </pre>
 * accuracy = (TP + TN) / n; precision = TP / (TP + FP); recall (sensitivity) = TP / (TP + FN);
 * specificity = TN / (TN + FP); F1 = 2 TP / (2 TP + FP + FN); Cohen's kappa =
 * (p_o - p_e) / (1 - p_e) with p_o = accuracy and
 * p_e = [(TP + FP)(TP + FN) + (FN + TN)(FP + TN)] / n^2.
 * A ratio whose denominator is 0 (e.g. precision when nothing is predicted positive) is 0, as
 * scikit-learn's default {@code zero_division}; kappa is 0 when p_e = 1 (both raters constant).
 *
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record ConfusionMatrix(int tp, int fp, int tn, int fn) {

    public ConfusionMatrix {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    /** Confusion matrix of {@code p >= threshold} against {@code y}. */
    public static ConfusionMatrix at(int[] y, double[] p, double threshold) {
        BinaryInput.check(y, p, false);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < y.length; i++) {
            boolean called = p[i] >= threshold;
            if (y[i] == 1) {
                if (called) tp++; else fn++;
            } else {
                if (called) fp++; else tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    /** Confusion matrix of predicted classes (0/1) against {@code y}. */
    public static ConfusionMatrix of(int[] y, int[] predicted) {
        double[] p = new double[predicted.length];
        for (int i = 0; i < p.length; i++) {
            if (predicted[i] != 0 && predicted[i] != 1) {
                throw new IllegalArgumentException("case " + i + ": prediction " + predicted[i] + " is not 0 or 1");
            }
            p[i] = predicted[i];
        }
        return at(y, p, 0.5);
    }

    public int total() { return tp + fp + tn + fn; }

    public double accuracy() { return ratio(tp + tn, total()); }

    public double precision() { return ratio(tp, tp + fp); }

    /** Recall = sensitivity = true-positive rate. */
    public double recall() { return ratio(tp, tp + fn); }

    public double sensitivity() { return recall(); }

    public double specificity() { return ratio(tn, tn + fp); }

    public double f1() { return ratio(2.0 * tp, 2.0 * tp + fp + fn); }

    /** Cohen's kappa between predictions and labels. */
    public double kappa() {
        double n = total();
        double po = (tp + tn) / n;
        double pe = ((double) (tp + fp) * (tp + fn) + (double) (fn + tn) * (fp + tn)) / (n * n);
        return pe == 1 ? 0 : (po - pe) / (1 - pe);
    }

    private static double ratio(double num, double den) {
        return den == 0 ? 0 : num / den;
    }
}
