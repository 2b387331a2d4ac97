package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Grey-level discretisation of the intensity-mask voxels of a {@link RoiImage}: every voxel of the
 * intensity mask gets a level {@code >= 1}, every other voxel 0 ({@link GreyLevelImage}).
 *
 * <ul>
 *   <li>{@link #pyradiomicsBinWidth}: PyRadiomics fixed bin width {@code w}. With the ROI minimum
 *       {@code m} and maximum {@code M}: {@code low = m - (m mod w)} (Python's floor modulo, so
 *       {@code low = w floor(m / w)}: bins are anchored at 0, not at the minimum); the edges are
 *       NumPy's {@code arange(low, M + 2w, w)}: {@code ceil((M + 2w - low) / w)} values
 *       {@code e_0 = low}, {@code e_1 = low + w}, {@code e_k = low + k (e_1 - e_0)}; the level of
 *       {@code x} is the number of edges {@code <= x} (NumPy {@code digitize}: bins
 *       {@code [e_(k-1), e_k)}, a value on an edge goes to the upper bin). In exact arithmetic
 *       {@code level = floor(x / w) - floor(m / w) + 1}; the minimum always gets level 1.</li>
 *   <li>{@link #pyradiomicsBinCount}: PyRadiomics fixed bin count {@code N}: NumPy histogram edges
 *       {@code e_k = k (M - m) / N + m}, {@code k = 0..N}, last edge exactly {@code M} and then
 *       raised by 1 so that {@code M} lands in bin {@code N}; {@code digitize} as above. A flat ROI
 *       ({@code m = M}) uses the range {@code [m - 0.5, m + 0.5]}, so its single value lands in the
 *       middle bin {@code floor(N / 2) + 1}.</li>
 *   <li>{@link #ibsiBinSize}: IBSI fixed bin size {@code floor((x - x_min) / w) + 1}, with
 *       {@code x_min} the lower bound of the re-segmentation range, or the ROI minimum.</li>
 *   <li>{@link #ibsiBinNumber}: IBSI fixed bin number
 *       {@code floor(N (x - m) / (M - m)) + 1} for {@code x < M}, and {@code N} for {@code x = M};
 *       a flat ROI gets level 1.</li>
 * </ul>
 *
 * <p>{@link GreyLevelImage#numLevels()} is the largest level present for the PyRadiomics rules
 * and for the IBSI fixed bin size (PyRadiomics' {@code Ng}), and {@code N} for the IBSI fixed bin
 * number.
 */
public final class Discretiser {
    private Discretiser() {
    }

    /** PyRadiomics {@code binWidth}. {@code numLevels} of the result = largest level present. */
    public static GreyLevelImage pyradiomicsBinWidth(RoiImage roi, double binWidth) {
        requirePositive(binWidth, "binWidth");
        double[] mm = roiMinMax(roi);
        double min = mm[0];
        double max = mm[1];
        double low = min - floorMod(min, binWidth);
        // np.arange(low, max + 2w, w): count = ceil((stop - start) / step); NumPy stores start and
        // start + step, then fills e_k = start + k * (e_1 - e_0)
        double stop = max + 2 * binWidth;
        int count = (int) Math.ceil((stop - low) / binWidth);
        double[] edges = new double[Math.max(count, 0)];
        if (edges.length > 0) {
            edges[0] = low;
        }
        if (edges.length > 1) {
            edges[1] = low + binWidth;
            double delta = edges[1] - edges[0];
            for (int k = 2; k < edges.length; k++) {
                edges[k] = low + k * delta;
            }
        }
        if (edges.length == 1) {
            edges = new double[] {edges[0] - 0.5, edges[0] + 0.5};
        }
        return digitize(roi, edges);
    }

    /** PyRadiomics {@code binCount}. */
    public static GreyLevelImage pyradiomicsBinCount(RoiImage roi, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be >= 1, was " + binCount);
        }
        double[] mm = roiMinMax(roi);
        double first = mm[0];
        double last = mm[1];
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        // np.linspace(first, last, binCount + 1): step = (last - first) / binCount, y_k = k * step + first, y_N = last
        double[] edges = new double[binCount + 1];
        double step = (last - first) / binCount;
        for (int k = 0; k < binCount; k++) {
            edges[k] = k * step + first;
        }
        edges[binCount] = last + 1; // PyRadiomics raises the last edge so max lands in bin N
        return digitize(roi, edges);
    }

    /**
     * IBSI fixed bin size.
     *
     * @param lowerBound {@code xmin}: the lower bound of the re-segmentation range, or NaN to use the ROI minimum
     */
    public static GreyLevelImage ibsiBinSize(RoiImage roi, double binWidth, double lowerBound) {
        requirePositive(binWidth, "bin width");
        double[] mm = roiMinMax(roi);
        double xmin = Double.isNaN(lowerBound) ? mm[0] : lowerBound;
        double[] d = roi.image().data();
        boolean[] in = roi.intensityMask();
        int[] levels = new int[d.length];
        int max = 0;
        for (int n = 0; n < d.length; n++) {
            if (in[n]) {
                int l = (int) Math.floor((d[n] - xmin) / binWidth) + 1;
                if (l < 1) {
                    throw new IllegalArgumentException("intensity " + d[n] + " lies below the bin origin " + xmin);
                }
                levels[n] = l;
                max = Math.max(max, l);
            }
        }
        return new GreyLevelImage(levels, roi.geometry().size(), roi.geometry().spacing(), max);
    }

    /** IBSI fixed bin number; {@code numLevels} of the result = {@code binCount}. */
    public static GreyLevelImage ibsiBinNumber(RoiImage roi, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("bin count must be >= 1, was " + binCount);
        }
        double[] mm = roiMinMax(roi);
        double xmin = mm[0];
        double xmax = mm[1];
        double[] d = roi.image().data();
        boolean[] in = roi.intensityMask();
        int[] levels = new int[d.length];
        for (int n = 0; n < d.length; n++) {
            if (in[n]) {
                if (xmax == xmin) {
                    levels[n] = 1;
                } else if (d[n] >= xmax) {
                    levels[n] = binCount;
                } else {
                    levels[n] = (int) Math.floor(binCount * (d[n] - xmin) / (xmax - xmin)) + 1;
                }
            }
        }
        return new GreyLevelImage(levels, roi.geometry().size(), roi.geometry().spacing(), binCount);
    }

    /** Levels as they are (the IBSI digital phantom: values already 1..Ng); values must be whole and >= 1. */
    public static GreyLevelImage asIs(RoiImage roi) {
        double[] d = roi.image().data();
        boolean[] in = roi.intensityMask();
        int[] levels = new int[d.length];
        int max = 0;
        for (int n = 0; n < d.length; n++) {
            if (in[n]) {
                double v = d[n];
                if (v != Math.rint(v) || v < 1) {
                    throw new IllegalArgumentException("value " + v + " is not a grey level (whole number >= 1)");
                }
                levels[n] = (int) v;
                max = Math.max(max, levels[n]);
            }
        }
        return new GreyLevelImage(levels, roi.geometry().size(), roi.geometry().spacing(), max);
    }

    private static GreyLevelImage digitize(RoiImage roi, double[] edges) {
        double[] d = roi.image().data();
        int[] at = roi.intensityVoxelIndices();
        int[] levels = WorkArrays.zeroedInts(d.length); // 0 outside the ROI
        int max = 0;
        int len = edges.length;
        if (len < 2 || !(edges[1] > edges[0])) {
            for (int n : at) {
                int l = countEdgesAtOrBelow(edges, d[n]);
                levels[n] = l;
                max = Math.max(max, l);
            }
        } else {
            // the edges are (nearly) evenly spaced: guess the bin arithmetically, then step to the
            // exact count of edges <= x (the same result as the binary search)
            double e0 = edges[0];
            double inv = 1.0 / (edges[1] - edges[0]);
            for (int n : at) {
                double x = d[n];
                double guess = Math.floor((x - e0) * inv) + 1;
                int l = guess <= 0 ? 0 : guess >= len ? len : (int) guess;
                while (l < len && edges[l] <= x) {
                    l++;
                }
                while (l > 0 && edges[l - 1] > x) {
                    l--;
                }
                levels[n] = l;
                max = Math.max(max, l);
            }
        }
        return new GreyLevelImage(levels, roi.geometry().size(), roi.geometry().spacing(), max);
    }

    /** NumPy digitize with increasing bins and right=False: number of edges e with e <= x. */
    static int countEdgesAtOrBelow(double[] edges, double x) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Python's floor-type modulo: the result has the sign of the divisor. */
    static double floorMod(double a, double b) {
        double r = a % b;
        if (r != 0 && (r < 0) != (b < 0)) {
            r += b;
        }
        return r;
    }

    private static double[] roiMinMax(RoiImage roi) {
        double min = roi.intensityMin();
        double max = roi.intensityMax();
        if (min > max) {
            throw new IllegalArgumentException("the intensity mask is empty: nothing to discretise");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("ROI intensities are not finite");
        }
        return new double[] {min, max};
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, was " + v);
        }
    }
}
