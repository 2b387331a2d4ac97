package org.radtab.selection;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test of two independent samples, two-sided (as R's
 * {@code t.test(x, y)} and {@code scipy.stats.ttest_ind(x, y, equal_var=False)}).
 *
 * <pre>
 *   t  = (mean1 - mean2) / sqrt(s1^2/n1 + s2^2/n2)           s^2 the sample variances (n - 1)
 *   df = (s1^2/n1 + s2^2/n2)^2 / ((s1^2/n1)^2/(n1 - 1) + (s2^2/n2)^2/(n2 - 1))   (Welch-Satterthwaite)
 *   p  = 2 P(T_df >= |t|)
 * </pre>
 * Reference: Welch, B. L. (1947), Biometrika 34:28-35.
 */
public final class WelchTTest {

    /** Test result; {@code t} is positive when the first mean is larger. */
    public record Result(double t, double df, double p, double mean1, double mean2, double variance1,
                         double variance2) {
    }

    private WelchTTest() {
    }

    /**
     * Two-sided Welch test.
     *
     * @throws SelectionException when a sample has fewer than 2 values, a value is not finite, or
     *                            both samples have zero variance (t undefined)
     */
    public static Result test(double[] x, double[] y) {
        if (x.length < 2 || y.length < 2) {
            throw new SelectionException("Welch t-test needs at least 2 values per sample (sizes " + x.length + ", "
                + y.length + ")");
        }
        Descriptive.requireFinite(x, "Welch t-test sample 1");
        Descriptive.requireFinite(y, "Welch t-test sample 2");
        double m1 = Descriptive.mean(x);
        double m2 = Descriptive.mean(y);
        double v1 = Descriptive.sampleVariance(x);
        double v2 = Descriptive.sampleVariance(y);
        double a = v1 / x.length;
        double b = v2 / y.length;
        if (a + b == 0) {
            throw new SelectionException("Welch t-test: both samples have zero variance; t is undefined");
        }
        double t = (m1 - m2) / Math.sqrt(a + b);
        double df = (a + b) * (a + b) / (a * a / (x.length - 1) + b * b / (y.length - 1));
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return new Result(t, df, Math.min(1, p), m1, m2, v1, v2);
    }
}
