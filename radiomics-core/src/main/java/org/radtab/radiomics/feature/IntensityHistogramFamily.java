package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;

/**
 * IBSI intensity histogram features ({@code ih_*}) of a discretised ROI.
 *
 * <p>Notation: {@code X_d} = the grey levels of the {@code N} ROI voxels of a
 * {@link GreyLevelImage}; {@code n_i} = count of level i for {@code i = 1..N_g}
 * ({@code N_g = }{@link GreyLevelImage#numLevels()}, the histogram is non-sparse: absent levels
 * count 0); {@code p_i = n_i / N}; {@code mu = sum i p_i}. Percentiles of {@code X_d} follow
 * NumPy's linear rule ({@link Percentiles}), read from the cumulative histogram without sorting.
 *
 * <p>Ties: the mode is the most frequent level; among equally frequent levels the one closest to
 * the mean, and of two equidistant ones the lower (IBSI). The maximum / minimum histogram gradient
 * intensity is the lowest level at which the extreme gradient occurs. For a flat histogram
 * (variance 0) skewness and kurtosis are 0 (IBSI).
 */
public final class IntensityHistogramFamily {
    private final long[] counts; // index 1..Ng
    private final int numLevels;
    private final long n;
    private final long[] cumulative; // cumulative[i] = number of voxels with level <= i
    private final double mean;
    private final double m2;
    private final double m3;
    private final double m4;

    private IntensityHistogramFamily(GreyLevelImage image) {
        numLevels = image.numLevels();
        counts = new long[numLevels + 1];
        long total = 0;
        for (int l : image.levels()) {
            if (l > 0) {
                counts[l]++;
                total++;
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("the grey-level image has no ROI voxels: no intensity histogram");
        }
        n = total;
        cumulative = new long[numLevels + 1];
        for (int i = 1; i <= numLevels; i++) {
            cumulative[i] = cumulative[i - 1] + counts[i];
        }
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            s += (double) i * counts[i];
        }
        mean = s / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int i = 1; i <= numLevels; i++) {
            double d = i - mean;
            double d2 = d * d;
            s2 += counts[i] * d2;
            s3 += counts[i] * d2 * d;
            s4 += counts[i] * d2 * d2;
        }
        m2 = s2 / n;
        m3 = s3 / n;
        m4 = s4 / n;
    }

    /** The histogram of {@code image}'s ROI levels. */
    public static IntensityHistogramFamily of(GreyLevelImage image) {
        return new IntensityHistogramFamily(image);
    }

    /** IBSI intensity histogram features ({@code ih_*} tags in the order of the IBSI manual). */
    public static LinkedHashMap<String, Double> ibsi(GreyLevelImage image) {
        IntensityHistogramFamily h = of(image);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("ih_mean", h.mean());
        out.put("ih_var", h.variance());
        out.put("ih_skew", h.skewness());
        out.put("ih_kurt", h.excessKurtosis());
        out.put("ih_median", h.median());
        out.put("ih_min", h.minimum());
        out.put("ih_p10", h.percentile(10));
        out.put("ih_p90", h.percentile(90));
        out.put("ih_max", h.maximum());
        out.put("ih_mode", h.mode());
        out.put("ih_iqr", h.interquartileRange());
        out.put("ih_range", h.range());
        out.put("ih_mad", h.meanAbsoluteDeviation());
        out.put("ih_rmad", h.robustMeanAbsoluteDeviation());
        out.put("ih_medad", h.medianAbsoluteDeviation());
        out.put("ih_cov", h.coefficientOfVariation());
        out.put("ih_qcod", h.quartileCoefficientOfDispersion());
        out.put("ih_entropy", h.entropy());
        out.put("ih_uniformity", h.uniformity());
        out.put("ih_max_grad", h.maximumGradient());
        out.put("ih_max_grad_g", (double) h.maximumGradientLevel());
        out.put("ih_min_grad", h.minimumGradient());
        out.put("ih_min_grad_g", (double) h.minimumGradientLevel());
        return out;
    }

    /** Count {@code n_i} of level i (0 outside 1..N_g). */
    public long count(int level) {
        return level >= 1 && level <= numLevels ? counts[level] : 0;
    }

    /** Mean {@code sum i p_i}. */
    public double mean() {
        return mean;
    }

    /** Variance {@code sum (i - mu)^2 p_i}. */
    public double variance() {
        return m2;
    }

    /** Skewness {@code sum (i - mu)^3 p_i / var^(3/2)}; 0 for zero variance. */
    public double skewness() {
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    /** Excess kurtosis {@code sum (i - mu)^4 p_i / var^2 - 3}; 0 for zero variance. */
    public double excessKurtosis() {
        return m2 == 0 ? 0 : m4 / (m2 * m2) - 3;
    }

    /** The level of the k-th smallest voxel (k = 0..N-1). */
    private int levelAt(long k) {
        int lo = 1;
        int hi = numLevels;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > k) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Percentile {@code P_q} of X_d (NumPy linear rule). */
    public double percentile(double q) {
        double h = (n - 1) * q / 100.0;
        long lo = (long) Math.floor(h);
        if (lo >= n - 1) {
            return levelAt(n - 1);
        }
        double frac = h - lo;
        double a = levelAt(lo);
        double b = levelAt(lo + 1);
        double d = b - a;
        return frac >= 0.5 ? b - d * (1 - frac) : a + d * frac;
    }

    /** Median of X_d. */
    public double median() {
        long m = n / 2;
        return n % 2 == 1 ? levelAt(m) : 0.5 * (levelAt(m - 1) + levelAt(m));
    }

    /** Lowest level present. */
    public double minimum() {
        return levelAt(0);
    }

    /** Highest level present. */
    public double maximum() {
        return levelAt(n - 1);
    }

    /** Mode: the most frequent level; ties to the level closest to the mean, then the lower. */
    public double mode() {
        long best = -1;
        int level = 0;
        for (int i = 1; i <= numLevels; i++) {
            long c = counts[i];
            if (c > best || (c == best && Math.abs(i - mean) < Math.abs(level - mean))) {
                best = c;
                level = i;
            }
        }
        return level;
    }

    /** Interquartile range {@code P75 - P25}. */
    public double interquartileRange() {
        return percentile(75) - percentile(25);
    }

    /** Range {@code max(X_d) - min(X_d)}. */
    public double range() {
        return maximum() - minimum();
    }

    /** Mean absolute deviation {@code (1/N) sum |X_d - mu|}. */
    public double meanAbsoluteDeviation() {
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            s += counts[i] * Math.abs(i - mean);
        }
        return s / n;
    }

    /** Robust mean absolute deviation over {@code {x in X_d : P10 <= x <= P90}}. */
    public double robustMeanAbsoluteDeviation() {
        double p10 = percentile(10);
        double p90 = percentile(90);
        long m = 0;
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            if (i >= p10 && i <= p90) {
                m += counts[i];
                s += (double) i * counts[i];
            }
        }
        if (m == 0) {
            return Double.NaN;
        }
        double mu = s / m;
        double d = 0;
        for (int i = 1; i <= numLevels; i++) {
            if (i >= p10 && i <= p90) {
                d += counts[i] * Math.abs(i - mu);
            }
        }
        return d / m;
    }

    /** Median absolute deviation {@code (1/N) sum |X_d - median|}. */
    public double medianAbsoluteDeviation() {
        double med = median();
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            s += counts[i] * Math.abs(i - med);
        }
        return s / n;
    }

    /** Coefficient of variation {@code sqrt(var) / mu}. */
    public double coefficientOfVariation() {
        return Math.sqrt(m2) / mean;
    }

    /** Quartile coefficient of dispersion {@code (P75 - P25) / (P75 + P25)}. */
    public double quartileCoefficientOfDispersion() {
        double p25 = percentile(25);
        double p75 = percentile(75);
        return (p75 - p25) / (p75 + p25);
    }

    /** Entropy {@code -sum p_i log2 p_i} (over non-empty levels). */
    public double entropy() {
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            if (counts[i] > 0) {
                double p = (double) counts[i] / n;
                s -= p * Math.log(p) / Math.log(2);
            }
        }
        return s;
    }

    /** Uniformity {@code sum p_i^2}. */
    public double uniformity() {
        double s = 0;
        for (int i = 1; i <= numLevels; i++) {
            double p = (double) counts[i] / n;
            s += p * p;
        }
        return s;
    }

    /**
     * Histogram gradient {@code H'_1 = n_2 - n_1}, {@code H'_i = (n_{i+1} - n_{i-1}) / 2},
     * {@code H'_{N_g} = n_{N_g} - n_{N_g - 1}}; index 1..N_g ({@code H' = 0} when N_g = 1).
     */
    public double[] gradient() {
        double[] g = new double[numLevels + 1];
        if (numLevels == 1) {
            return g;
        }
        g[1] = counts[2] - counts[1];
        for (int i = 2; i < numLevels; i++) {
            g[i] = 0.5 * (counts[i + 1] - counts[i - 1]);
        }
        g[numLevels] = counts[numLevels] - counts[numLevels - 1];
        return g;
    }

    /** Maximum histogram gradient {@code max H'}. */
    public double maximumGradient() {
        return gradient()[maximumGradientLevel()];
    }

    /** The (lowest) level i at which {@code H'_i} is maximal. */
    public int maximumGradientLevel() {
        double[] g = gradient();
        int best = 1;
        for (int i = 2; i <= numLevels; i++) {
            if (g[i] > g[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Minimum histogram gradient {@code min H'}. */
    public double minimumGradient() {
        return gradient()[minimumGradientLevel()];
    }

    /** The (lowest) level i at which {@code H'_i} is minimal. */
    public int minimumGradientLevel() {
        double[] g = gradient();
        int best = 1;
        for (int i = 2; i <= numLevels; i++) {
            if (g[i] < g[best]) {
                best = i;
            }
        }
        return best;
    }
}
