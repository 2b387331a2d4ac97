package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;
import org.radtab.radiomics.math.WorkArrays;

/**
 * First-order statistics of the intensity-mask voxels: PyRadiomics {@code firstorder} and IBSI
 * intensity-based statistics ({@code stat_*}).
 *
 * <p>Notation: {@code X} = the {@code N} raw intensities of the intensity mask (the image is not
 * discretised, except for PyRadiomics Entropy and Uniformity, which use the grey levels of a
 * {@link GreyLevelImage}); {@code mu} = mean; central moments
 * {@code m_k = (1/N) sum (x - mu)^k} (population); {@code c} = PyRadiomics
 * {@code voxelArrayShift}; percentiles {@code P_q} by NumPy's linear rule (see
 * {@link Percentiles}), from order statistics selected on demand ({@link OrderStatistics}, no
 * full sort). Sums run over the voxels in flat-index order, except those of the robust mean absolute
 * deviation, which run over the values between P10 and P90 in the order {@link OrderStatistics} holds them.
 *
 * <p>Differences between the profiles: PyRadiomics Kurtosis is {@code m4 / m2^2} (IBSI
 * {@code stat_kurt} subtracts 3); PyRadiomics Energy, TotalEnergy and RootMeanSquared add
 * {@code c} to every intensity (IBSI uses {@code c = 0}); TotalEnergy, Entropy and Uniformity
 * exist only in PyRadiomics (IBSI puts the last two in the intensity histogram family);
 * coefficient of variation, quartile coefficient of dispersion and median absolute deviation only
 * in IBSI. For a flat ROI ({@code m2 = 0}) PyRadiomics returns {@code m3} for Skewness and
 * {@code m4} for Kurtosis (both 0), IBSI defines both as 0.
 *
 * <p>An empty intensity mask is an {@link IllegalArgumentException}.
 */
public final class FirstOrderFamily {
    private static final double EPS = Math.ulp(1.0);

    /** The intensities in flat-index order (sums run in this order). */
    private final double[] values;
    /** Order statistics of the intensities (percentiles, median), selected on demand. */
    private final OrderStatistics order;
    private final double min;
    private final double max;
    private final int n;
    private final double mean;
    private final double m2;
    private final double m3;
    private final double m4;
    private final double voxelVolume;
    private final long[] levelCounts; // null without grey levels

    private FirstOrderFamily(RoiImage roi, GreyLevelImage levels) {
        this(roi, levels, false);
    }

    /**
     * @param reuse order statistics in an array of the thread's {@link WorkArrays} (only for an
     *              object that stays inside one call, which gives it back with {@link #release})
     */
    private FirstOrderFamily(RoiImage roi, GreyLevelImage levels, boolean reuse) {
        double[] x = roi.intensityValuesShared(); // read only
        if (x.length == 0) {
            throw new IllegalArgumentException("the intensity mask is empty: no first-order features");
        }
        this.n = x.length;
        this.values = x;
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double lo = roi.intensityMin(); // Math.min over the voxels: NaN if any is NaN
        double hi = roi.intensityMax();
        boolean nan = Double.isNaN(lo);
        this.mean = s / n;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double absDev = 0;
        double squares = 0;
        for (double v : x) {
            double d = v - mean;
            double d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
            absDev += Math.abs(d); // mean absolute deviation, same sum as its own loop would make
            double t = v + 0.0;
            squares += t * t; // energy without shift, as energy(0) would sum it
        }
        this.meanAbsDev = absDev / n;
        this.energyShift = 0.0;
        this.energy = squares;
        this.m2 = s2 / n;
        this.m3 = s3 / n;
        this.m4 = s4 / n;
        this.order = new OrderStatistics(x, lo, hi, reuse ? WorkArrays.doubles(x.length) : null);
        // as in a sorted array: NaN values sort last
        this.min = nan ? order.get(0) : lo;
        this.max = nan ? order.get(n - 1) : hi;
        this.voxelVolume = roi.geometry().voxelVolume();
        if (levels != null) {
            int[] l = levels.levels();
            long[] counts = new long[levels.numLevels() + 1];
            for (int v : l) {
                counts[v]++; // level 0 (outside) counted too, then dropped: no branch per voxel
            }
            long total = l.length - counts[0];
            counts[0] = 0;
            if (total == 0) {
                throw new IllegalArgumentException("the grey-level image has no ROI voxels");
            }
            this.levelCounts = counts;
        } else {
            this.levelCounts = null;
        }
    }

    /**
     * First-order statistics of {@code roi}'s intensity mask.
     *
     * @param levels the discretised ROI for PyRadiomics Entropy and Uniformity, or null
     */
    public static FirstOrderFamily of(RoiImage roi, GreyLevelImage levels) {
        return new FirstOrderFamily(roi, levels);
    }

    /**
     * PyRadiomics {@code firstorder}: the 18 default features (names without prefix) in
     * PyRadiomics' output order.
     *
     * @param levels          discretised ROI (Entropy, Uniformity)
     * @param voxelArrayShift PyRadiomics {@code voxelArrayShift} c (default 0)
     */
    public static LinkedHashMap<String, Double> pyradiomics(RoiImage roi, GreyLevelImage levels,
                                                            double voxelArrayShift) {
        if (levels == null) {
            throw new IllegalArgumentException("PyRadiomics first order needs the grey levels (Entropy, Uniformity)");
        }
        FirstOrderFamily f = new FirstOrderFamily(roi, levels, true); // used here only: may reuse the buffer
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("10Percentile", f.percentile(10));
        out.put("90Percentile", f.percentile(90));
        out.put("Energy", f.energy(voxelArrayShift));
        out.put("Entropy", f.entropy());
        out.put("InterquartileRange", f.interquartileRange());
        out.put("Kurtosis", f.kurtosis());
        out.put("Maximum", f.maximum());
        out.put("MeanAbsoluteDeviation", f.meanAbsoluteDeviation());
        out.put("Mean", f.mean());
        out.put("Median", f.median());
        out.put("Minimum", f.minimum());
        out.put("Range", f.range());
        out.put("RobustMeanAbsoluteDeviation", f.robustMeanAbsoluteDeviation());
        out.put("RootMeanSquared", f.rootMeanSquared(voxelArrayShift));
        out.put("Skewness", f.skewness());
        out.put("TotalEnergy", f.totalEnergy(voxelArrayShift));
        out.put("Uniformity", f.uniformity());
        out.put("Variance", f.variance());
        f.release();
        return out;
    }

    /** Gives the order statistics' array back to the thread's pool; this object is done. */
    private void release() {
        order.release();
    }

    /** IBSI intensity-based statistics ({@code stat_*} tags in the order of the IBSI manual). */
    public static LinkedHashMap<String, Double> ibsi(RoiImage roi) {
        FirstOrderFamily f = of(roi, null);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("stat_mean", f.mean());
        out.put("stat_var", f.variance());
        out.put("stat_skew", f.ibsiSkewness());
        out.put("stat_kurt", f.excessKurtosis());
        out.put("stat_median", f.median());
        out.put("stat_min", f.minimum());
        out.put("stat_p10", f.percentile(10));
        out.put("stat_p90", f.percentile(90));
        out.put("stat_max", f.maximum());
        out.put("stat_iqr", f.interquartileRange());
        out.put("stat_range", f.range());
        out.put("stat_mad", f.meanAbsoluteDeviation());
        out.put("stat_rmad", f.robustMeanAbsoluteDeviation());
        out.put("stat_medad", f.medianAbsoluteDeviation());
        out.put("stat_cov", f.coefficientOfVariation());
        out.put("stat_qcod", f.quartileCoefficientOfDispersion());
        out.put("stat_energy", f.energy(0));
        out.put("stat_rms", f.rootMeanSquared(0));
        return out;
    }

    /** Number of intensity-mask voxels N. */
    public int voxelCount() {
        return n;
    }

    /** {@code P_q}, NumPy linear percentile of X. */
    public double percentile(double q) {
        return Percentiles.linear(order, q);
    }

    /** Energy {@code sum (x + c)^2}. */
    public double energy(double shift) {
        // Energy, TotalEnergy and RootMeanSquared all need it: the last one computed is kept
        if (Double.compare(shift, energyShift) == 0) {
            return energy;
        }
        double s = 0;
        for (double v : values) {
            double t = v + shift;
            s += t * t;
        }
        energyShift = shift;
        energy = s;
        return s;
    }

    private double energyShift;
    private double energy;

    /** TotalEnergy {@code V_voxel * sum (x + c)^2} (PyRadiomics only). */
    public double totalEnergy(double shift) {
        return voxelVolume * energy(shift);
    }

    /**
     * PyRadiomics Entropy {@code -sum_i p_i log2(p_i + eps)} over the grey levels, eps = 2^-52.
     */
    public double entropy() {
        long[] c = requireLevels();
        double total = 0;
        for (long v : c) {
            total += v;
        }
        double s = 0;
        for (long v : c) {
            if (v > 0) {
                double p = v / total;
                s -= p * Math.log(p + EPS) / Math.log(2);
            }
        }
        return s;
    }

    /** PyRadiomics Uniformity {@code sum_i p_i^2} over the grey levels. */
    public double uniformity() {
        long[] c = requireLevels();
        double total = 0;
        for (long v : c) {
            total += v;
        }
        double s = 0;
        for (long v : c) {
            double p = v / total;
            s += p * p;
        }
        return s;
    }

    private long[] requireLevels() {
        if (levelCounts == null) {
            throw new IllegalStateException("Entropy and Uniformity need the grey levels (pass a GreyLevelImage)");
        }
        return levelCounts;
    }

    /** Interquartile range {@code P75 - P25}. */
    public double interquartileRange() {
        return percentile(75) - percentile(25);
    }

    /** PyRadiomics Kurtosis {@code m4 / m2^2} (not excess); {@code m4} when {@code m2 = 0}. */
    public double kurtosis() {
        return m2 == 0 ? m4 : m4 / (m2 * m2);
    }

    /** IBSI excess kurtosis {@code m4 / m2^2 - 3}; 0 when {@code m2 = 0}. */
    public double excessKurtosis() {
        return m2 == 0 ? 0 : m4 / (m2 * m2) - 3;
    }

    /** PyRadiomics Skewness {@code m3 / m2^(3/2)}; {@code m3} when {@code m2 = 0}. */
    public double skewness() {
        return m2 == 0 ? m3 : m3 / Math.pow(m2, 1.5);
    }

    /** IBSI skewness {@code m3 / m2^(3/2)}; 0 when {@code m2 = 0}. */
    public double ibsiSkewness() {
        return m2 == 0 ? 0 : m3 / Math.pow(m2, 1.5);
    }

    /** Maximum of X. */
    public double maximum() {
        return max;
    }

    /** Minimum of X. */
    public double minimum() {
        return min;
    }

    /** Mean {@code (1/N) sum x}. */
    public double mean() {
        return mean;
    }

    /** Median (mean of the two middle values for even N). */
    public double median() {
        return Percentiles.median(order);
    }

    /** Range {@code max - min}. */
    public double range() {
        return maximum() - minimum();
    }

    /** Mean absolute deviation {@code (1/N) sum |x - mu|}. */
    public double meanAbsoluteDeviation() {
        return meanAbsDev; // summed in the constructor's pass over the voxels
    }

    private final double meanAbsDev;

    /**
     * Robust mean absolute deviation: {@code Y = {x : P10 <= x <= P90}} (closed),
     * {@code (1/|Y|) sum_Y |y - mean(Y)|}.
     */
    public double robustMeanAbsoluteDeviation() {
        return order.meanAbsoluteDeviationWithin(percentile(10), percentile(90));
    }

    /** IBSI median absolute deviation {@code (1/N) sum |x - median|}. */
    public double medianAbsoluteDeviation() {
        double med = median();
        double s = 0;
        for (double v : values) {
            s += Math.abs(v - med);
        }
        return s / n;
    }

    /** Root mean square {@code sqrt((1/N) sum (x + c)^2)}. */
    public double rootMeanSquared(double shift) {
        return Math.sqrt(energy(shift) / n);
    }

    /** Variance {@code m2} (population, no bias correction). */
    public double variance() {
        return m2;
    }

    /** IBSI coefficient of variation {@code sqrt(m2) / mu}. */
    public double coefficientOfVariation() {
        return Math.sqrt(m2) / mean;
    }

    /** IBSI quartile coefficient of dispersion {@code (P75 - P25) / (P75 + P25)}. */
    public double quartileCoefficientOfDispersion() {
        double p25 = percentile(25);
        double p75 = percentile(75);
        return (p75 - p25) / (p75 + p25);
    }
}
