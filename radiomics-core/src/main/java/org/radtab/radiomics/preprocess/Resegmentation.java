package org.radtab.radiomics.preprocess;

import java.util.Arrays;
import org.radtab.radiomics.image.Volume;

/**
 * Re-segmentation: removes voxels from the <em>intensity</em> mask by their intensity; the
 * morphological mask is left alone (IBSI 1, section "Re-segmentation"). Every method takes the
 * image and a ROI ({@code true} = in) on the same grid and returns a new array, a subset of the ROI.
 *
 * <ul>
 *   <li>{@link #range}: keep {@code lo <= x <= hi} (closed); either bound may be open (NaN).</li>
 *   <li>{@link #outliers}: IBSI intensity outlier filtering, keep {@code mu - k sigma <= x <= mu + k sigma}
 *       with the mean and the <em>population</em> standard deviation
 *       {@code sigma = sqrt(sum (x - mu)^2 / N)} of the ROI voxels (IBSI uses k = 3).</li>
 *   <li>{@link #ibsi}: the IBSI combination (configuration E): the range first, then the outlier
 *       filter with {@code mu, sigma} taken over the voxels that survived the range.</li>
 *   <li>{@link #pyradiomics}: PyRadiomics {@code resegmentRange} with {@code resegmentMode}:
 *       thresholds are the sorted values ({@code absolute}), value times the ROI maximum
 *       ({@code relative}), or {@code mu + value sigma} with the population SD ({@code sigma}).
 *       One threshold keeps {@code x >= T}, two keep {@code T_lo <= x <= T_hi}. Fewer than 2
 *       remaining voxels is an error, as in PyRadiomics.</li>
 * </ul>
 */
public final class Resegmentation {

    /** PyRadiomics {@code resegmentMode}. */
    public enum Mode {
        ABSOLUTE,
        RELATIVE,
        SIGMA;

        /** {@code "absolute"}, {@code "relative"} or {@code "sigma"} (case-insensitive). */
        public static Mode parse(String s) {
            switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "absolute":
                    return ABSOLUTE;
                case "relative":
                    return RELATIVE;
                case "sigma":
                    return SIGMA;
                default:
                    throw new IllegalArgumentException("resegmentMode '" + s + "' is not one of absolute, relative, sigma");
            }
        }
    }

    private Resegmentation() {
    }

    /** Keeps ROI voxels with {@code lo <= x <= hi}; NaN leaves that side open. */
    public static boolean[] range(Volume image, boolean[] roi, double lo, double hi) {
        double[] d = check(image, roi);
        if (!Double.isNaN(lo) && !Double.isNaN(hi) && lo > hi) {
            throw new IllegalArgumentException("re-segmentation range is empty: [" + lo + ", " + hi + "]");
        }
        boolean noLo = Double.isNaN(lo);
        boolean noHi = Double.isNaN(hi);
        boolean[] out = new boolean[d.length];
        for (int n = 0; n < d.length; n++) {
            out[n] = roi[n] && (noLo || d[n] >= lo) && (noHi || d[n] <= hi);
        }
        return out;
    }

    /** Keeps ROI voxels within {@code mu +- k sigma} (population SD over the ROI). */
    public static boolean[] outliers(Volume image, boolean[] roi, double k) {
        double[] d = check(image, roi);
        if (!(k >= 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("outlier factor must be finite and >= 0, was " + k);
        }
        double[] ms = meanSd(d, roi);
        return range(image, roi, ms[0] - k * ms[1], ms[0] + k * ms[1]);
    }

    /**
     * IBSI re-segmentation: range (NaN bounds = open; both NaN = none), then, if
     * {@code outlierSigma} is not NaN, the outlier filter on the remaining voxels.
     */
    public static boolean[] ibsi(Volume image, boolean[] roi, double lo, double hi, double outlierSigma) {
        boolean[] r = Double.isNaN(lo) && Double.isNaN(hi) ? roi.clone() : range(image, roi, lo, hi);
        if (!Double.isNaN(outlierSigma)) {
            if (count(r) == 0) {
                return r;
            }
            r = outliers(image, r, outlierSigma);
        }
        return r;
    }

    /**
     * PyRadiomics re-segmentation.
     *
     * @param thresholds one or two values ({@code resegmentRange})
     * @throws InvalidRoiException if one voxel or fewer remains
     */
    public static boolean[] pyradiomics(Volume image, boolean[] roi, double[] thresholds, Mode mode) {
        double[] d = check(image, roi);
        if (thresholds.length < 1 || thresholds.length > 2) {
            throw new IllegalArgumentException("resegmentRange needs 1 or 2 values, had " + thresholds.length);
        }
        double[] t = thresholds.clone();
        Arrays.sort(t);
        if (count(roi) == 0) {
            throw new InvalidRoiException("re-segmentation: the ROI is empty");
        }
        switch (mode) {
            case RELATIVE: {
                double max = Double.NEGATIVE_INFINITY;
                for (int n = 0; n < d.length; n++) {
                    if (roi[n]) {
                        max = Math.max(max, d[n]);
                    }
                }
                for (int i = 0; i < t.length; i++) {
                    t[i] *= max;
                }
                break;
            }
            case SIGMA: {
                double[] ms = meanSd(d, roi);
                for (int i = 0; i < t.length; i++) {
                    t[i] = ms[0] + t[i] * ms[1];
                }
                break;
            }
            default:
                break;
        }
        boolean[] out = range(image, roi, t[0], t.length == 2 ? t[1] : Double.NaN);
        int left = count(out);
        if (left <= 1) {
            throw new InvalidRoiException("re-segmentation (" + mode.name().toLowerCase(java.util.Locale.ROOT) + " "
                + Arrays.toString(thresholds) + ") left " + left + " voxel(s) in the ROI");
        }
        return out;
    }

    /** Mean and population SD of the ROI voxels. */
    static double[] meanSd(double[] d, boolean[] roi) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < d.length; i++) {
            if (roi[i]) {
                sum += d[i];
                n++;
            }
        }
        if (n == 0) {
            throw new InvalidRoiException("re-segmentation: the ROI is empty");
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < d.length; i++) {
            if (roi[i]) {
                double e = d[i] - mean;
                ss += e * e;
            }
        }
        return new double[] {mean, Math.sqrt(ss / n)};
    }

    static int count(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            if (x) {
                c++;
            }
        }
        return c;
    }

    private static double[] check(Volume image, boolean[] roi) {
        if (roi.length != image.data().length) {
            throw new IllegalArgumentException("ROI has " + roi.length + " voxels, image " + image.data().length);
        }
        return image.data();
    }
}
