package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;

/**
 * Grey-level discretisation of the intensity-mask voxels of a {@link RoiImage}.
 *
 * <ul>
 *   <li>{@link #pyradiomicsBinWidth}: PyRadiomics fixed bin width. Edges are
 *       {@code low + k w} with {@code low = w floor(min / w)} (anchored at 0, not at the minimum),
 *       {@code k = 0, 1, ...} while the edge is below {@code max + 2w}; the level of {@code x} is
 *       the number of edges {@code <= x} (NumPy {@code digitize}).</li>
 *   <li>{@link #pyradiomicsBinCount}: PyRadiomics fixed bin count: NumPy histogram edges
 *       {@code min + k (max - min) / N} (range widened to min-0.5..max+0.5 when flat), the last
 *       edge raised by 1, then {@code digitize}. A flat ROI lands in level {@code floor(N/2)+1}.</li>
 *   <li>{@link #ibsiBinSize}: IBSI fixed bin size {@code floor((x - xmin) / w) + 1}, with
 *       {@code xmin} the lower bound of the re-segmentation range or the ROI minimum.</li>
 *   <li>{@link #ibsiBinNumber}: IBSI fixed bin number
 *       {@code floor(N (x - xmin) / (xmax - xmin)) + 1}, and {@code N} for {@code x = xmax}; a
 *       flat ROI gets level 1.</li>
 * </ul>
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
        // np.arange(low, max + 2w, w): count = ceil((stop - start) / step), edge k = low + k * w
        double stop = max + 2 * binWidth;
        int count = (int) Math.ceil((stop - low) / binWidth);
        double[] edges = new double[Math.max(count, 0)];
        for (int k = 0; k < edges.length; k++) {
            edges[k] = low + k * binWidth;
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
        boolean[] in = roi.intensityMask();
        int[] levels = new int[d.length];
        int max = 0;
        for (int n = 0; n < d.length; n++) {
            if (in[n]) {
                int l = countEdgesAtOrBelow(edges, d[n]);
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
        double[] d = roi.image().data();
        boolean[] in = roi.intensityMask();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < d.length; n++) {
            if (in[n]) {
                min = Math.min(min, d[n]);
                max = Math.max(max, d[n]);
            }
        }
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
