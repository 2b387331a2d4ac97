package org.radtab.ml.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision-curve analysis (Vickers and Elkin, Medical Decision Making 26:565-574, 2006).
 *
 * <p>At threshold probability {@code t} (0 &lt; t &lt; 1) a case is treated when {@code p >= t}.
 * With {@code n} cases, net benefit of the model
 * {@code NB = TP/n - FP/n * t/(1 - t)}; of treating everyone
 * {@code NB_all = prevalence - (1 - prevalence) * t/(1 - t)}; of treating no one {@code 0}.
 */
public final class DecisionCurve {
    private DecisionCurve() {
    }

    /** Net benefits at one threshold. */
    public record Point(double threshold, double model, double treatAll, double treatNone) {
    }

    /** Net benefit at each of the given thresholds (each in (0, 1)). */
    public static List<Point> of(int[] y, double[] p, double[] thresholds) {
        BinaryInput.check(y, p, false);
        BinaryInput.checkProbabilities(p);
        int n = y.length;
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        double prevalence = (double) pos / n;
        List<Point> out = new ArrayList<>(thresholds.length);
        for (double t : thresholds) {
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1), was " + t);
            }
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (p[i] >= t) {
                    if (y[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double odds = t / (1 - t);
            out.add(new Point(t, (double) tp / n - (double) fp / n * odds, prevalence - (1 - prevalence) * odds, 0));
        }
        return out;
    }

    /** Net benefit at thresholds {@code from, from+step, ..., <= to} (e.g. 0.01 to 0.99 by 0.01). */
    public static List<Point> of(int[] y, double[] p, double from, double to, double step) {
        if (!(step > 0) || !(to >= from)) {
            throw new IllegalArgumentException("bad threshold grid " + from + ".." + to + " by " + step);
        }
        int m = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] t = new double[m];
        for (int k = 0; k < m; k++) {
            t[k] = from + k * step;
        }
        return of(y, p, t);
    }
}
