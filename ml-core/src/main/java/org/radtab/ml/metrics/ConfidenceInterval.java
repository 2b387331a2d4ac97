package org.radtab.ml.metrics;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the statistic on the full data
 * @param lower    lower bound
 * @param upper    upper bound
 * @param level    coverage, e.g. 0.95
 * @param method   how the interval was computed ("DeLong", "bootstrap percentile", ...)
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level, String method) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4f (%.0f%% CI %.4f-%.4f, %s)", estimate, 100 * level, lower, upper,
            method);
    }
}
