package org.radtab.selection;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Agreement between two (or k) measurements of the same cases: Lin's concordance correlation
 * coefficient with its confidence interval, and the intraclass correlations ICC(1,1), ICC(2,1)
 * and ICC(3,1).
 *
 * <h2>Lin's CCC (Lin 1989, Biometrics 45:255-268; corrected in Lin 2000, Biometrics 56:324-325)</h2>
 * With means {@code xbar, ybar}, population (divide-by-n) variances {@code sx2, sy2} and
 * covariance {@code sxy}:
 * <pre>
 *   rho_c = 2 sxy / (sx2 + sy2 + (xbar - ybar)^2)
 * </pre>
 * It factors as {@code rho_c = r * C_b} with Pearson's {@code r = sxy / (sx sy)} (precision) and
 * the bias correction {@code C_b = 2 / (v + 1/v + u^2)} (accuracy), where {@code v = sx / sy} is
 * the scale shift and {@code u = (xbar - ybar) / sqrt(sx sy)} the location shift.
 *
 * <p><b>Confidence interval</b>: Lin's asymptotic normal approximation for the Fisher
 * transform {@code Z = atanh(rho_c)}, with
 * <pre>
 *   var(Z) = 1/(n-2) [ (1 - r^2) rho_c^2 / ((1 - rho_c^2) r^2)
 *                    + 2 rho_c^3 (1 - rho_c) u^2 / (r (1 - rho_c^2)^2)
 *                    - rho_c^4 u^4 / (2 r^2 (1 - rho_c^2)^2) ]
 * </pre>
 * (the variance as corrected in Lin 2000; the same formula as R's {@code epiR::epi.ccc} and
 * {@code DescTools::CCC}). The interval is {@code tanh(Z -/+ z_(1-alpha/2) sqrt(var Z))}. The
 * terms are evaluated with {@code rho_c / r = C_b} substituted, so the formula stays finite
 * when r = 0. Special cases: identical readings ({@code rho_c = 1}) give the interval [1, 1] (and
 * {@code rho_c = -1} gives [-1, -1]);
 * when either reader is constant the interval is undefined and both bounds are NaN (the
 * coefficient itself is still reported: 0 when only one reader is constant, NaN when both are
 * constant and the denominator vanishes).
 *
 * <h2>Intraclass correlations (Shrout and Fleiss 1979; McGraw and Wong 1996)</h2>
 * For an n x k table (n targets/cases in rows, k raters in columns) the two-way ANOVA gives
 * <pre>
 *   MSR = k sum_i (rowmean_i - grand)^2 / (n - 1)              (between targets)
 *   MSC = n sum_j (colmean_j - grand)^2 / (k - 1)              (between raters)
 *   MSE = (SST - SSR - SSC) / ((n - 1)(k - 1))                 (residual)
 *   MSW = (SST - SSR) / (n (k - 1))                            (within targets, one-way)
 *   ICC(1,1) = (MSR - MSW) / (MSR + (k - 1) MSW)
 *   ICC(2,1) = (MSR - MSE) / (MSR + (k - 1) MSE + k (MSC - MSE) / n)   two-way random, absolute agreement
 *   ICC(3,1) = (MSR - MSE) / (MSR + (k - 1) MSE)                        two-way mixed, consistency
 * </pre>
 * ICC(2,1) is McGraw and Wong's ICC(A,1); ICC(3,1) is their ICC(C,1).
 */
public final class Concordance {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private Concordance() {
    }

    /** Lin's CCC with its components and confidence interval. */
    public record CccResult(double ccc, double lower, double upper, double confidence, double pearson,
                            double biasCorrection, int n) {
    }

    /** Mean squares and ICCs of an n x k ratings table. */
    public record IccResult(double icc11, double icc21, double icc31, double msRows, double msColumns,
                            double msError, double msWithin, int n, int k) {
    }

    /** Lin's CCC with a 95% confidence interval. */
    public static CccResult lin(double[] x, double[] y) {
        return lin(x, y, 0.95);
    }

    /**
     * Lin's CCC between paired readings {@code x[i], y[i]} with a {@code confidence} interval.
     *
     * @throws SelectionException for unequal lengths, fewer than 3 pairs, or non-finite values
     */
    public static CccResult lin(double[] x, double[] y, double confidence) {
        if (x.length != y.length) {
            throw new SelectionException("CCC needs paired readings: " + x.length + " vs " + y.length + " values");
        }
        if (x.length < 3) {
            throw new SelectionException("CCC needs at least 3 pairs, got " + x.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        Descriptive.requireFinite(x, "CCC reader 1");
        Descriptive.requireFinite(y, "CCC reader 2");
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        sxx /= n;
        syy /= n;
        sxy /= n;
        return fromMoments(mx, my, sxx, syy, sxy, n, confidence);
    }

    /** CCC and interval from the means and population (co)variances of n pairs. */
    static CccResult fromMoments(double mx, double my, double sxx, double syy, double sxy, int n, double confidence) {
        double d = mx - my;
        double denom = sxx + syy + d * d;
        if (denom == 0) {
            // both readers constant and equal: agreement is undefined, not perfect
            return new CccResult(Double.NaN, Double.NaN, Double.NaN, confidence, Double.NaN, Double.NaN, n);
        }
        double ccc = 2 * sxy / denom;
        if (sxx == 0 || syy == 0) {
            return new CccResult(ccc, Double.NaN, Double.NaN, confidence, Double.NaN, Double.NaN, n);
        }
        double sx = Math.sqrt(sxx);
        double sy = Math.sqrt(syy);
        double r = sxy / (sx * sy);
        double v = sx / sy;
        double u = d / Math.sqrt(sx * sy);
        double cb = 2 / (v + 1 / v + u * u);
        if (ccc >= 1 || ccc <= -1) {
            double bound = ccc >= 1 ? 1 : -1;
            return new CccResult(bound, bound, bound, confidence, r, cb, n);
        }
        double c2 = ccc * ccc;
        double one = 1 - c2;
        double u2 = u * u;
        // Lin's var(Z) with rho_c / r = C_b substituted (finite at r = 0)
        double t1 = (1 - r * r) * cb * cb / one;
        double t2 = 2 * c2 * cb * (1 - ccc) * u2 / (one * one);
        double t3 = c2 * cb * cb * u2 * u2 / (2 * one * one);
        double varZ = (t1 + t2 - t3) / (n - 2);
        double z = 0.5 * Math.log((1 + ccc) / (1 - ccc));
        double q = STANDARD_NORMAL.inverseCumulativeProbability(0.5 + confidence / 2);
        double se = Math.sqrt(Math.max(varZ, 0));
        return new CccResult(ccc, Math.tanh(z - q * se), Math.tanh(z + q * se), confidence, r, cb, n);
    }

    /** ICCs of two paired readings (k = 2). */
    public static IccResult icc(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new SelectionException("ICC needs paired readings: " + x.length + " vs " + y.length + " values");
        }
        double[][] t = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            t[i] = new double[] {x[i], y[i]};
        }
        return icc(t);
    }

    /**
     * ICC(1,1), ICC(2,1) and ICC(3,1) of an n x k table (rows = targets, columns = raters), from
     * the two-way ANOVA mean squares (see the class comment). An ICC whose denominator is 0
     * (all ratings equal) is NaN.
     *
     * @throws SelectionException for fewer than 2 targets or raters, ragged rows or non-finite values
     */
    public static IccResult icc(double[][] ratings) {
        int n = ratings.length;
        if (n < 2) {
            throw new SelectionException("ICC needs at least 2 targets, got " + n);
        }
        int k = ratings[0].length;
        if (k < 2) {
            throw new SelectionException("ICC needs at least 2 raters, got " + k);
        }
        double grand = 0;
        double[] rowMean = new double[n];
        double[] colMean = new double[k];
        for (int i = 0; i < n; i++) {
            if (ratings[i].length != k) {
                throw new SelectionException("ICC: row " + i + " has " + ratings[i].length + " ratings, expected " + k);
            }
            Descriptive.requireFinite(ratings[i], "ICC row " + i);
            for (int j = 0; j < k; j++) {
                rowMean[i] += ratings[i][j];
                colMean[j] += ratings[i][j];
                grand += ratings[i][j];
            }
        }
        grand /= (double) n * k;
        for (int i = 0; i < n; i++) {
            rowMean[i] /= k;
        }
        for (int j = 0; j < k; j++) {
            colMean[j] /= n;
        }
        double ssr = 0;
        for (double m : rowMean) {
            ssr += (m - grand) * (m - grand);
        }
        ssr *= k;
        double ssc = 0;
        for (double m : colMean) {
            ssc += (m - grand) * (m - grand);
        }
        ssc *= n;
        double sst = 0;
        for (double[] row : ratings) {
            for (double v : row) {
                sst += (v - grand) * (v - grand);
            }
        }
        double sse = Math.max(sst - ssr - ssc, 0);
        double msr = ssr / (n - 1);
        double msc = ssc / (k - 1);
        double mse = sse / ((double) (n - 1) * (k - 1));
        double msw = Math.max(sst - ssr, 0) / ((double) n * (k - 1));
        double icc11 = ratio(msr - msw, msr + (k - 1) * msw);
        double icc21 = ratio(msr - mse, msr + (k - 1) * mse + k * (msc - mse) / n);
        double icc31 = ratio(msr - mse, msr + (k - 1) * mse);
        return new IccResult(icc11, icc21, icc31, msr, msc, mse, msw, n, k);
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}
