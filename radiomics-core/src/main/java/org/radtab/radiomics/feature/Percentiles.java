package org.radtab.radiomics.feature;

import java.util.function.IntToDoubleFunction;

/**
 * Percentiles of a sorted sample with NumPy's default ("linear", Hyndman-Fan type 7) rule, used by
 * both profiles: with values {@code v_0 <= ... <= v_{n-1}} and {@code h = (n - 1) q / 100},
 * {@code P_q = v_floor(h) + (h - floor(h)) (v_floor(h)+1 - v_floor(h))}. The IBSI 1 reference
 * values agree with this rule (digital phantom P90 = 4; the manual notes that other rules give
 * 4.2). Package-private helper.
 */
final class Percentiles {
    private Percentiles() {
    }

    /** NumPy {@code percentile(values, q)} of an ascending array (not checked). */
    static double linear(double[] sorted, double q) {
        return linear(sorted.length, q, k -> sorted[k]);
    }

    /** NumPy {@code percentile(values, q)} from the order statistics of the values. */
    static double linear(OrderStatistics values, double q) {
        return linear(values.size(), q, values::get);
    }

    /** NumPy {@code median}: the middle value, or the mean of the two middle values. */
    static double median(double[] sorted) {
        return median(sorted.length, k -> sorted[k]);
    }

    /** NumPy {@code median} from the order statistics of the values. */
    static double median(OrderStatistics values) {
        return median(values.size(), values::get);
    }

    /** {@code P_q} of n values whose k-th smallest is {@code kth(k)}. */
    private static double linear(int n, double q, IntToDoubleFunction kth) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * q / 100.0;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return kth.applyAsDouble(n - 1);
        }
        double frac = h - lo;
        double a = kth.applyAsDouble(lo);
        double b = kth.applyAsDouble(lo + 1);
        // NumPy's lerp: a + (b - a) t, evaluated as b - (b - a)(1 - t) for t >= 0.5
        double d = b - a;
        return frac >= 0.5 ? b - d * (1 - frac) : a + d * frac;
    }

    private static double median(int n, IntToDoubleFunction kth) {
        if (n == 0) {
            return Double.NaN;
        }
        int m = n / 2;
        return n % 2 == 1 ? kth.applyAsDouble(m) : 0.5 * (kth.applyAsDouble(m - 1) + kth.applyAsDouble(m));
    }
}
