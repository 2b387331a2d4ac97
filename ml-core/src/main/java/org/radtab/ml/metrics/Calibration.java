package org.radtab.ml.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calibration of predicted probabilities {@code p} against binary outcomes {@code y}.
 *
 * <ul>
 *   <li>Brier score: {@code (1/n) sum (p_i - y_i)^2} (0 for a perfect model, 0.25 for a constant
 *       0.5).</li>
 *   <li>Calibration curve (reliability diagram): the cases are grouped into bins of predicted
 *       probability; each non-empty bin gives (mean predicted probability, observed fraction of
 *       positives, count). {@link Binning#UNIFORM}: {@code bins} equal-width bins on [0, 1]
 *       (bin {@code k} holds {@code k/B <= p < (k+1)/B}, the last one includes 1); {@link Binning#QUANTILE}:
 *       bin edges at the type-7 quantiles {@code k/B} of {@code p}, so bins hold about equally many
 *       cases. A case goes to bin {@code k} = the number of inner edges {@code <= p} (so a
 *       case on an edge belongs to the bin above it, and tied edges leave empty bins). Empty bins are dropped (scikit-learn's
 *       {@code calibration_curve}).</li>
 *   <li>Logistic recalibration (Cox 1958): the maximum-likelihood fit of
 *       {@code logit P(y = 1) = a + b logit(p)}; {@code b} is the calibration slope (1 = ideal,
 *       &lt; 1 = over-fitted, too extreme predictions) and {@code a} the calibration intercept of
 *       that fit. The calibration-in-the-large intercept is the fit of {@code a} with the slope
 *       fixed at 1 ({@code logit(p)} as an offset); 0 = ideal. Probabilities are clipped to
 *       {@code [1e-15, 1 - 1e-15]} before the logit. Fitted by Newton-Raphson.</li>
 * </ul>
 */
public final class Calibration {
    static final double EPS = 1e-15;

    private Calibration() {
    }

    /** How to place calibration bins. */
    public enum Binning { UNIFORM, QUANTILE }

    /** One bin of a calibration curve. */
    public record Bin(double meanPredicted, double observedFraction, int count, double lowerEdge, double upperEdge) {
    }

    /** Slope and intercepts of logistic recalibration. */
    public record Recalibration(double slope, double intercept, double interceptInTheLarge) {
    }

    /** Brier score {@code (1/n) sum (p - y)^2}. */
    public static double brier(int[] y, double[] p) {
        BinaryInput.check(y, p, false);
        BinaryInput.checkProbabilities(p);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = p[i] - y[i];
            s += d * d;
        }
        return s / y.length;
    }

    /** The calibration curve with {@code bins} bins (see the class comment). */
    public static List<Bin> curve(int[] y, double[] p, int bins, Binning binning) {
        BinaryInput.check(y, p, false);
        BinaryInput.checkProbabilities(p);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        double[] edges = new double[bins + 1];
        if (binning == Binning.UNIFORM) {
            for (int k = 0; k <= bins; k++) {
                edges[k] = (double) k / bins;
            }
        } else {
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            for (int k = 0; k <= bins; k++) {
                edges[k] = Auroc.quantile(sorted, (double) k / bins);
            }
        }
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < p.length; i++) {
            // bin index = number of inner edges <= p (numpy searchsorted(edges[1:-1], p, 'right'))
            int k = 0;
            for (int e = 1; e < bins; e++) {
                if (edges[e] <= p[i]) {
                    k++;
                }
            }
            sumP[k] += p[i];
            sumY[k] += y[i];
            count[k]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int k = 0; k < bins; k++) {
            if (count[k] > 0) {
                out.add(new Bin(sumP[k] / count[k], sumY[k] / count[k], count[k], edges[k], edges[k + 1]));
            }
        }
        return out;
    }

    /** Logistic recalibration slope and intercepts (both classes must occur). */
    public static Recalibration recalibration(int[] y, double[] p) {
        BinaryInput.check(y, p, true);
        BinaryInput.checkProbabilities(p);
        int n = y.length;
        double[] lp = new double[n];
        for (int i = 0; i < n; i++) {
            double q = Math.min(1 - EPS, Math.max(EPS, p[i]));
            lp[i] = Math.log(q / (1 - q));
        }
        double[] ab = fitLogistic(y, lp);
        // intercept with the slope fixed at 1 (offset logit(p)): 1-D Newton
        double a = 0;
        for (int it = 0; it < 100; it++) {
            double g = 0;
            double h = 0;
            for (int i = 0; i < n; i++) {
                double m = sigmoid(a + lp[i]);
                g += y[i] - m;
                h += m * (1 - m);
            }
            double step = g / Math.max(h, 1e-300);
            a += step;
            if (Math.abs(step) < 1e-12) {
                break;
            }
        }
        return new Recalibration(ab[1], ab[0], a);
    }

    /** ML fit of {@code logit P(y=1) = a + b x} by Newton-Raphson with step halving; returns {a, b}. */
    static double[] fitLogistic(int[] y, double[] x) {
        double a = 0;
        double b = 0;
        double ll = logLik(y, x, a, b);
        for (int it = 0; it < 200; it++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < y.length; i++) {
                double m = sigmoid(a + b * x[i]);
                double w = m * (1 - m);
                ga += y[i] - m;
                gb += (y[i] - m) * x[i];
                haa += w;
                hab += w * x[i];
                hbb += w * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            if (!(det > 0)) {
                throw new ArithmeticException("logistic recalibration: singular information matrix (constant predictions?)");
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1;
            double na = a + da;
            double nb = b + db;
            double nll = logLik(y, x, na, nb);
            while (nll < ll - 1e-12 && step > 1e-10) {
                step /= 2;
                na = a + step * da;
                nb = b + step * db;
                nll = logLik(y, x, na, nb);
            }
            a = na;
            b = nb;
            boolean done = Math.abs(step * da) < 1e-12 && Math.abs(step * db) < 1e-12;
            ll = nll;
            if (done) {
                break;
            }
        }
        return new double[] {a, b};
    }

    private static double logLik(int[] y, double[] x, double a, double b) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double eta = a + b * x[i];
            // log(sigmoid(eta)) = -log1p(exp(-eta)), computed stably
            s += y[i] == 1 ? -softplus(-eta) : -softplus(eta);
        }
        return s;
    }

    static double softplus(double t) {
        return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
