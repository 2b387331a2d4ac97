package org.radtab.selection;

import java.util.Arrays;

/**
 * Descriptive statistics with the estimators used throughout this package, stated once here.
 *
 * <ul>
 *   <li><b>Moments</b> are population (biased, "plug-in") moments:
 *       {@code m_k = (1/n) sum (x_i - mean)^k}.</li>
 *   <li><b>Skewness</b> {@code g1 = m3 / m2^(3/2)} (Fisher-Pearson coefficient, uncorrected;
 *       what {@code scipy.stats.skew(x)} returns with its default {@code bias=True}, and the
 *       PyRadiomics {@code firstorder_Skewness} definition).</li>
 *   <li><b>Excess kurtosis</b> {@code g2 = m4 / m2^2 - 3} (uncorrected; {@code
 *       scipy.stats.kurtosis(x)} with its defaults {@code fisher=True, bias=True}). A normal
 *       distribution has g2 = 0.</li>
 *   <li><b>Quantiles</b> use linear interpolation between order statistics, Hyndman and Fan
 *       (1996) definition 7, the default of numpy's {@code percentile}/{@code quantile}, R's
 *       {@code quantile(type = 7)} and Excel's {@code PERCENTILE.INC}: for sorted values
 *       {@code x_(0) <= ... <= x_(n-1)} and probability {@code p}, let {@code h = (n - 1) p},
 *       {@code j = floor(h)}; then {@code Q(p) = x_(j) + (h - j) (x_(j+1) - x_(j))}.</li>
 *   <li><b>IQR</b> = Q(0.75) - Q(0.25) with that rule; the <b>Tukey fences</b> are
 *       {@code Q1 - c IQR} and {@code Q3 + c IQR} (c = 1.5 by default) and a value is an outlier
 *       when it lies strictly outside them.</li>
 * </ul>
 *
 * <p>Every method that needs order statistics sorts a copy; its input is never modified. The
 * moment functions accumulate over the <em>sorted</em> values, so their results do not depend
 * on the order of the input rows (bit for bit).
 */
public final class Descriptive {

    private Descriptive() {
    }

    /** A sorted copy. */
    public static double[] sorted(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s;
    }

    /** Arithmetic mean. */
    public static double mean(double[] x) {
        requireNonEmpty(x);
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    /** Population variance {@code m2 = (1/n) sum (x - mean)^2} (ddof = 0). */
    public static double populationVariance(double[] x) {
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / x.length;
    }

    /** Sample variance {@code (1/(n-1)) sum (x - mean)^2} (ddof = 1); needs n >= 2. */
    public static double sampleVariance(double[] x) {
        if (x.length < 2) {
            throw new SelectionException("the sample variance needs at least 2 values, got " + x.length);
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return ss / (x.length - 1);
    }

    /** Central moments {@code {mean, m2, m3, m4}} of already sorted values. */
    static double[] momentsOfSorted(double[] s) {
        double mean = mean(s);
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : s) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
            m4 += d2 * d2;
        }
        int n = s.length;
        return new double[] {mean, m2 / n, m3 / n, m4 / n};
    }

    /**
     * Skewness {@code g1 = m3 / m2^(3/2)} with population moments. Undefined (NaN) for a
     * constant input, where m2 = 0.
     */
    public static double skewness(double[] x) {
        double[] m = momentsOfSorted(sorted(x));
        return m[1] == 0 ? Double.NaN : m[2] / Math.pow(m[1], 1.5);
    }

    /**
     * Excess kurtosis {@code g2 = m4 / m2^2 - 3} with population moments. Undefined (NaN) for a
     * constant input.
     */
    public static double excessKurtosis(double[] x) {
        double[] m = momentsOfSorted(sorted(x));
        return m[1] == 0 ? Double.NaN : m[3] / (m[1] * m[1]) - 3;
    }

    /**
     * Quantile of already sorted values by linear interpolation (Hyndman-Fan type 7, numpy's
     * default): {@code h = (n-1) p}, {@code Q = x_(floor h) + (h - floor h)(x_(floor h + 1) - x_(floor h))}.
     *
     * @param p probability in [0, 1]
     */
    public static double quantileOfSorted(double[] s, double p) {
        requireNonEmpty(s);
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], was " + p);
        }
        double h = (s.length - 1) * p;
        int j = (int) Math.floor(h);
        if (j >= s.length - 1) {
            return s[s.length - 1];
        }
        double frac = h - j;
        return frac == 0 ? s[j] : s[j] + frac * (s[j + 1] - s[j]);
    }

    /** Quantile (type 7) of unsorted values. */
    public static double quantile(double[] x, double p) {
        return quantileOfSorted(sorted(x), p);
    }

    /** Median: the type-7 quantile at 0.5 (the middle value, or the mean of the two middle values). */
    public static double median(double[] x) {
        return quantile(x, 0.5);
    }

    /** Interquartile range {@code Q(0.75) - Q(0.25)} (type 7). */
    public static double iqr(double[] x) {
        double[] s = sorted(x);
        return quantileOfSorted(s, 0.75) - quantileOfSorted(s, 0.25);
    }

    /**
     * Share of values strictly outside the fences {@code [Q1 - c IQR, Q3 + c IQR]} of already
     * sorted values (type-7 quartiles).
     */
    public static double outlierShareOfSorted(double[] s, double fenceMultiplier) {
        double q1 = quantileOfSorted(s, 0.25);
        double q3 = quantileOfSorted(s, 0.75);
        double iqr = q3 - q1;
        double lo = q1 - fenceMultiplier * iqr;
        double hi = q3 + fenceMultiplier * iqr;
        int out = 0;
        for (double v : s) {
            if (v < lo || v > hi) {
                out++;
            }
        }
        return (double) out / s.length;
    }

    /** Share of values outside the Tukey fences with multiplier {@code c}. */
    public static double outlierShare(double[] x, double fenceMultiplier) {
        return outlierShareOfSorted(sorted(x), fenceMultiplier);
    }

    static void requireNonEmpty(double[] x) {
        if (x.length == 0) {
            throw new SelectionException("no values");
        }
    }

    static void requireFinite(double[] x, String what) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new SelectionException(what + ": value " + x[i] + " at position " + i + " is not finite");
            }
        }
    }
}
