package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * IBSI intensity-volume histogram features ({@code ivh_*}) of the intensity-mask voxels.
 *
 * <p><b>Discretisation</b> ({@link Discretisation}) gives every voxel a value {@code X_dgl}, a
 * total range {@code G = [G_min, G_max]} and a step {@code w_d} (IBSI 1, "Intensity-volume
 * histogram features"):
 * <ul>
 *   <li>{@link Discretisation#asIs}: calibrated discrete intensities such as CT (and the IBSI
 *       digital phantom): {@code X_dgl = X}, {@code w_d = 1}, G = the re-segmentation range, its
 *       missing ends taken from the ROI minimum / maximum.</li>
 *   <li>{@link Discretisation#fixedBinSize}: calibrated continuous intensities (e.g. PET, or
 *       IBSI configuration C with 2.5 HU): bins {@code X_d = floor((x - X_min) / w_b) + 1} are
 *       replaced by their centres {@code X_dgl = X_min + (X_d - 0.5) w_b};
 *       {@code G = [X_min + w_b/2, X_max - w_b/2]}, {@code w_d = w_b}; X_min / X_max = the
 *       re-segmentation range or the ROI minimum / maximum.</li>
 *   <li>{@link Discretisation#fixedBinNumber}: arbitrary units (e.g. MRI; IBSI configuration E
 *       with 1000 bins): {@code X_dgl = X_d = floor(N_g (x - min) / (max - min)) + 1} (N_g for the
 *       maximum, 1 for a flat ROI), {@code G = [1, N_g]}, {@code w_d = 1}.</li>
 * </ul>
 *
 * <p><b>Histogram</b> at the intensities {@code i_k = G_min + k w_d}, k = 0, 1, ...:
 * volume fraction {@code nu_k = 1 - (1/N) #{X_dgl < i_k}} and intensity fraction
 * {@code gamma_k = (i_k - G_min) / (G_max - G_min)}. Comparisons are made in grid units
 * {@code (X_dgl - G_min) / w_d}, which are integers for all three discretisations of whole-number
 * data, so no voxel changes side by rounding.
 *
 * <p><b>Features</b>: {@code V_x} = {@code nu} at the smallest k with {@code gamma_k >= x}
 * (the largest volume fraction with intensity fraction at least x); {@code I_x} = the smallest
 * {@code i_k} with {@code nu_k <= x} (the grid continues above G_max if needed, where {@code nu}
 * reaches 0); differences {@code V10 - V90}, {@code I10 - I90}; area under the curve by the
 * trapezoidal rule over the grid points inside G, 0 when G has a single point. A degenerate range
 * ({@code G_max = G_min}) makes the volume fractions at intensity fractions undefined (NaN).
 *
 * <p>Note on IBSI configuration A ({@code asIs(-500, 400)}): the manual's G = the re-segmentation
 * range gives V90 = 7 / 114596 voxels (HU >= 310); the consensus value 8 / 114596 corresponds to
 * G = [min, max] of the ROI (HU >= 290). Both lie within the IBSI tolerance (one voxel); RadTab
 * follows the manual.
 */
public final class IntensityVolumeHistogramFamily {

    /** How intensities are discretised for the IVH; immutable. */
    public static final class Discretisation {
        enum Kind { AS_IS, BIN_SIZE, BIN_NUMBER }

        private final Kind kind;
        private final double width;
        private final int bins;
        private final double lower;
        private final double upper;

        private Discretisation(Kind kind, double width, int bins, double lower, double upper) {
            this.kind = kind;
            this.width = width;
            this.bins = bins;
            this.lower = lower;
            this.upper = upper;
        }

        /**
         * Intensities as they are ({@code w_d = 1}).
         *
         * @param lower lower end of G (re-segmentation range), NaN for the ROI minimum
         * @param upper upper end of G, NaN for the ROI maximum (half-open range)
         */
        public static Discretisation asIs(double lower, double upper) {
            return new Discretisation(Kind.AS_IS, 1, 0, lower, upper);
        }

        /**
         * Fixed bin size {@code w_b} with bin-centre intensities.
         *
         * @param lower X_min (re-segmentation range lower bound), NaN for the ROI minimum
         * @param upper X_max (re-segmentation range upper bound), NaN for the ROI maximum
         */
        public static Discretisation fixedBinSize(double width, double lower, double upper) {
            if (!(width > 0) || !Double.isFinite(width)) {
                throw new IllegalArgumentException("IVH bin width must be finite and > 0, was " + width);
            }
            return new Discretisation(Kind.BIN_SIZE, width, 0, lower, upper);
        }

        /** Fixed bin number N_g (IBSI recommends 1000 for arbitrary units). */
        public static Discretisation fixedBinNumber(int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("IVH bin number must be >= 1, was " + bins);
            }
            return new Discretisation(Kind.BIN_NUMBER, 1, bins, Double.NaN, Double.NaN);
        }

        @Override
        public String toString() {
            switch (kind) {
                case AS_IS: return String.format(Locale.ROOT, "asIs[%s, %s]", lower, upper);
                case BIN_SIZE: return String.format(Locale.ROOT, "fixedBinSize[%s, %s, %s]", width, lower, upper);
                default: return "fixedBinNumber[" + bins + "]";
            }
        }
    }

    private final double gMin;
    private final double gMax;
    private final double step;
    /** Grid coordinates {@code (X_dgl - G_min) / w_d} of the voxels, ascending. */
    private final double[] units;

    private IntensityVolumeHistogramFamily(double[] x, Discretisation d) {
        if (x.length == 0) {
            throw new IllegalArgumentException("the intensity mask is empty: no intensity-volume histogram");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        units = new double[x.length];
        switch (d.kind) {
            case AS_IS: {
                gMin = Double.isNaN(d.lower) ? min : d.lower;
                gMax = Double.isNaN(d.upper) ? max : d.upper;
                step = 1;
                for (int i = 0; i < x.length; i++) {
                    units[i] = x[i] - gMin;
                }
                break;
            }
            case BIN_SIZE: {
                double xMin = Double.isNaN(d.lower) ? min : d.lower;
                double xMax = Double.isNaN(d.upper) ? max : d.upper;
                gMin = xMin + 0.5 * d.width;
                gMax = xMax - 0.5 * d.width;
                step = d.width;
                for (int i = 0; i < x.length; i++) {
                    // bin number minus one is the grid index of the bin centre
                    units[i] = Math.floor((x[i] - xMin) / d.width);
                }
                break;
            }
            default: {
                gMin = 1;
                gMax = d.bins;
                step = 1;
                for (int i = 0; i < x.length; i++) {
                    int level;
                    if (max == min) {
                        level = 1;
                    } else if (x[i] >= max) {
                        level = d.bins;
                    } else {
                        level = (int) Math.floor(d.bins * (x[i] - min) / (max - min)) + 1;
                    }
                    units[i] = level - 1;
                }
                break;
            }
        }
        Arrays.sort(units);
    }

    /** The IVH of {@code roi}'s intensity mask. */
    public static IntensityVolumeHistogramFamily of(RoiImage roi, Discretisation d) {
        return new IntensityVolumeHistogramFamily(roi.intensityValues(), d);
    }

    /** IBSI intensity-volume histogram features ({@code ivh_*} tags). */
    public static LinkedHashMap<String, Double> ibsi(RoiImage roi, Discretisation d) {
        IntensityVolumeHistogramFamily h = of(roi, d);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("ivh_v10", h.volumeAtIntensityFraction(0.10));
        out.put("ivh_v90", h.volumeAtIntensityFraction(0.90));
        out.put("ivh_i10", h.intensityAtVolumeFraction(0.10));
        out.put("ivh_i90", h.intensityAtVolumeFraction(0.90));
        out.put("ivh_diff_v10_v90", h.volumeAtIntensityFraction(0.10) - h.volumeAtIntensityFraction(0.90));
        out.put("ivh_diff_i10_i90", h.intensityAtVolumeFraction(0.10) - h.intensityAtVolumeFraction(0.90));
        out.put("ivh_auc", h.areaUnderCurve());
        return out;
    }

    /** Number of grid steps K inside G ({@code i_K <= G_max}). */
    private int steps() {
        return (int) Math.floor((gMax - gMin) / step + 1e-9);
    }

    /** Volume fraction {@code nu_k = 1 - #{X_dgl < i_k} / N}. */
    public double volumeFraction(int k) {
        int below = lowerBound(k - 1e-9);
        return 1 - (double) below / units.length;
    }

    /** Number of grid units strictly below t. */
    private int lowerBound(double t) {
        int lo = 0;
        int hi = units.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (units[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code V_x}: the volume fraction at the smallest grid intensity whose intensity fraction is >= x. */
    public double volumeAtIntensityFraction(double x) {
        double span = gMax - gMin;
        if (!(span > 0)) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(x * span / step - 1e-9);
        return volumeFraction(Math.max(k, 0));
    }

    /** {@code I_x}: the smallest grid intensity {@code i_k} with volume fraction {@code <= x}. */
    public double intensityAtVolumeFraction(double x) {
        // nu_k <= x  <=>  #{units < k} >= (1 - x) N
        double need = (1 - x) * units.length - 1e-9;
        int k = 0;
        while (lowerBound(k - 1e-9) < need) {
            k++;
        }
        return gMin + k * step;
    }

    /** Area under the IVH curve (trapezoidal rule in gamma); 0 for a single grid point. */
    public double areaUnderCurve() {
        int kMax = steps();
        if (kMax <= 0) {
            return 0;
        }
        double span = gMax - gMin;
        double area = 0;
        double prevNu = volumeFraction(0);
        double prevGamma = 0;
        for (int k = 1; k <= kMax; k++) {
            double nu = volumeFraction(k);
            double gamma = k * step / span;
            area += (gamma - prevGamma) * (nu + prevNu) / 2;
            prevNu = nu;
            prevGamma = gamma;
        }
        return area;
    }
}
