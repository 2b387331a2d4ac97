package org.radtab.models.tabnet.nn;

import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Central finite differences in double precision, for gradient checks.
 *
 * <p>For a scalar objective f and each coordinate v_i of a variable array, the five-point
 * central difference
 * {@code num_i = (8 (f(v + h e_i) - f(v - h e_i)) - (f(v + 2h e_i) - f(v - 2h e_i))) / (12 h)},
 * h = 1e-6, the array being restored afterwards. Its truncation error is O(h^4), which matters
 * for TabNet's sparsity term {@code M log M}: near a small mask value M its third derivative is
 * ~1/M^2, large enough to spoil the 3-point stencil at the 1e-6 level. Rounding error is
 * ~1e-16 |f| / h ~ 1e-10.
 *
 * <p>The error of an analytic gradient a against num is reported relative to the gradient's
 * scale: the larger of {@code max_i |a_i - num_i| / max(max_i |a_i|, max_i |num_i|)} and the
 * norm-wise {@code ||a - num||_2 / max(||a||_2, ||num||_2)}.
 */
final class GradCheck {
    /** Step of the central differences. */
    static final double H = 1e-6;

    private GradCheck() {
    }

    static double[] numeric(double[] v, DoubleSupplier f) {
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double old = v[i];
            v[i] = old + H;
            double f1 = f.getAsDouble();
            v[i] = old - H;
            double m1 = f.getAsDouble();
            v[i] = old + 2 * H;
            double f2 = f.getAsDouble();
            v[i] = old - 2 * H;
            double m2 = f.getAsDouble();
            v[i] = old;
            g[i] = (8 * (f1 - m1) - (f2 - m2)) / (12 * H);
        }
        return g;
    }

    /**
     * Kink-aware variant for piecewise-smooth functions: {@code pattern} reports the function's
     * smooth piece (e.g. ReLU signs and mask supports) after each evaluation of f. A coordinate
     * whose stencil points do not all lie in the piece of the unperturbed point is retried with
     * h / 10 and h / 100 (finite differences across a kink are meaningless); a coordinate that
     * still crosses a kink at 1e-8 is reported as NaN.
     */
    static double[] numeric(double[] v, DoubleSupplier f, java.util.function.Supplier<Object> pattern) {
        f.getAsDouble();
        Object base = pattern.get();
        double[] g = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            g[i] = Double.NaN;
            double old = v[i];
            for (double h = H; h >= H / 100 * 0.999; h /= 10) {
                double[] vals = new double[4];
                double[] steps = {h, -h, 2 * h, -2 * h};
                boolean same = true;
                for (int s = 0; s < 4; s++) {
                    v[i] = old + steps[s];
                    vals[s] = f.getAsDouble();
                    same &= base.equals(pattern.get());
                }
                v[i] = old;
                if (same) {
                    g[i] = (8 * (vals[0] - vals[1]) - (vals[2] - vals[3])) / (12 * h);
                    break;
                }
            }
        }
        return g;
    }

    static double relativeError(double[] analytic, double[] numeric) {
        double maxDiff = 0;
        double maxA = 0;
        double maxN = 0;
        double sd = 0;
        double sa = 0;
        double sn = 0;
        for (int i = 0; i < analytic.length; i++) {
            double d = analytic[i] - numeric[i];
            maxDiff = Math.max(maxDiff, Math.abs(d));
            maxA = Math.max(maxA, Math.abs(analytic[i]));
            maxN = Math.max(maxN, Math.abs(numeric[i]));
            sd += d * d;
            sa += analytic[i] * analytic[i];
            sn += numeric[i] * numeric[i];
        }
        double scale = Math.max(maxA, maxN);
        if (scale == 0) {
            return 0;
        }
        double elementwise = maxDiff / scale;
        double normwise = Math.sqrt(sd) / Math.max(Math.sqrt(sa), Math.sqrt(sn));
        return Math.max(elementwise, normwise);
    }

    /** Sum of r_i * y_i: the scalar whose gradient with respect to y is r. */
    static double dot(double[] r, double[] y, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += r[i] * y[i];
        }
        return s;
    }

    static double[] gaussian(Random rng, int len, double scale) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = scale * rng.nextGaussian();
        }
        return a;
    }
}
