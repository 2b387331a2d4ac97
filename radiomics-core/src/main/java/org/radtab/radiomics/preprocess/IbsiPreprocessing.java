package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * IBSI 1 image processing (manual chapter "Image processing"), as one call:
 * <ol>
 *   <li><b>interpolation</b> (optional) onto the {@link ResamplingGrid#ibsi IBSI grid} (centres
 *       aligned, size {@code ceil(n s / s')}; a spacing component 0 keeps that axis, which gives
 *       2D in-plane interpolation), image with the chosen {@link Interpolator} and
 *       {@link SamplingConvention#IBSI} (border intensities extended), optionally rounded to
 *       integers (CT: HU); the ROI mask as a 0/1 image with the mask interpolator (linear by
 *       default) and kept where {@code R >= delta} (partial-volume threshold, default 0.5). The
 *       comparison allows {@link #MASK_EPSILON}: a fraction that equals delta in exact arithmetic
 *       (e.g. 0.5 exactly half-way between two slices, which happens on every third plane when
 *       3 mm slices go to 2 mm) must not be lost to rounding as 0.4999999999999999 (the IBSI
 *       manual warns about exactly this);</li>
 *   <li>the interpolated ROI is the <b>morphological mask</b>;</li>
 *   <li><b>re-segmentation</b> of the intensity mask: range {@code [lo, hi]} (either bound
 *       optional), then the outlier filter {@code mu +- k sigma} (population SD over the voxels the
 *       range kept), see {@link Resegmentation#ibsi}.</li>
 * </ol>
 * The fixed-bin-size discretisation origin is the lower re-segmentation bound when there is one
 * ({@link Result#binOrigin()}), else the ROI minimum ({@code Discretiser.ibsiBinSize} with NaN).
 *
 * <p>The IBSI 1 CT phantom configurations (reference manual, chapter "Reference data sets"):
 * <pre>
 *   A  2D  no interpolation                              range [-500, 400]
 *   B  2D  2 x 2 mm in-plane, linear, round, mask linear  range [-500, 400]
 *   C  3D  2 x 2 x 2 mm, linear, round, mask linear       range [-1000, 400]
 *   D  3D  2 x 2 x 2 mm, linear, round, mask linear       outliers mu +- 3 sigma
 *   E  3D  2 x 2 x 2 mm, cubic spline, round, mask linear range [-1000, 400], then mu +- 3 sigma
 * </pre>
 * available as {@link Settings#ctPhantomConfiguration(char)}.
 */
public final class IbsiPreprocessing {
    /** Tolerance of the partial-volume threshold comparison {@code R >= delta - 1e-9}. */
    public static final double MASK_EPSILON = 1e-9;

    private IbsiPreprocessing() {
    }

    /** IBSI processing parameters. Immutable. */
    public static final class Settings {
        private double[] spacing;
        private Interpolator imageInterpolator = Interpolator.LINEAR;
        private Interpolator maskInterpolator = Interpolator.LINEAR;
        private boolean roundIntensities;
        private double partialVolumeThreshold = 0.5;
        private double rangeLow = Double.NaN;
        private double rangeHigh = Double.NaN;
        private double outlierSigma = Double.NaN;
        private int label = 1;

        private Settings() {
        }

        private Settings copy() {
            Settings s = new Settings();
            s.spacing = spacing;
            s.imageInterpolator = imageInterpolator;
            s.maskInterpolator = maskInterpolator;
            s.roundIntensities = roundIntensities;
            s.partialVolumeThreshold = partialVolumeThreshold;
            s.rangeLow = rangeLow;
            s.rangeHigh = rangeHigh;
            s.outlierSigma = outlierSigma;
            s.label = label;
            return s;
        }

        /** No interpolation, no re-segmentation, label 1. */
        public static Settings none() {
            return new Settings();
        }

        /**
         * The settings of IBSI 1 CT phantom configuration {@code A}..{@code E} (see the class
         * documentation).
         */
        public static Settings ctPhantomConfiguration(char config) {
            Settings s = none();
            switch (Character.toUpperCase(config)) {
                case 'A':
                    return s.withRange(-500, 400);
                case 'B':
                    return s.withInterpolation(new double[] {2, 2, 0}, Interpolator.LINEAR, true).withRange(-500, 400);
                case 'C':
                    return s.withInterpolation(new double[] {2, 2, 2}, Interpolator.LINEAR, true).withRange(-1000, 400);
                case 'D':
                    return s.withInterpolation(new double[] {2, 2, 2}, Interpolator.LINEAR, true).withOutlierFilter(3);
                case 'E':
                    return s.withInterpolation(new double[] {2, 2, 2}, Interpolator.BSPLINE_IBSI, true)
                        .withRange(-1000, 400).withOutlierFilter(3);
                default:
                    throw new IllegalArgumentException("IBSI CT phantom configuration must be A..E, was " + config);
            }
        }

        /**
         * Interpolation to {@code spacing} (x, y, z mm; a 0 component keeps that axis) with the image
         * interpolator; {@code round}: round intensities to integers afterwards (CT).
         */
        public Settings withInterpolation(double[] spacing, Interpolator image, boolean round) {
            if (spacing == null || spacing.length != 3) {
                throw new IllegalArgumentException("spacing needs 3 components (x, y, z)");
            }
            Settings s = copy();
            s.spacing = spacing.clone();
            s.imageInterpolator = image;
            s.roundIntensities = round;
            return s;
        }

        /** Mask interpolator (default linear) and partial-volume threshold delta (default 0.5). */
        public Settings withMaskInterpolation(Interpolator mask, double threshold) {
            if (!(threshold > 0) || threshold > 1) {
                throw new IllegalArgumentException("partial-volume threshold must lie in (0, 1], was " + threshold);
            }
            Settings s = copy();
            s.maskInterpolator = mask;
            s.partialVolumeThreshold = threshold;
            return s;
        }

        /** Range re-segmentation {@code [lo, hi]}; NaN leaves a side open. */
        public Settings withRange(double lo, double hi) {
            if (!Double.isNaN(lo) && !Double.isNaN(hi) && lo > hi) {
                throw new IllegalArgumentException("re-segmentation range is empty: [" + lo + ", " + hi + "]");
            }
            Settings s = copy();
            s.rangeLow = lo;
            s.rangeHigh = hi;
            return s;
        }

        /** Outlier filter {@code mu +- k sigma} (NaN = off). */
        public Settings withOutlierFilter(double k) {
            Settings s = copy();
            s.outlierSigma = k;
            return s;
        }

        public Settings withLabel(int label) {
            Settings s = copy();
            s.label = label;
            return s;
        }

        /** Null when there is no interpolation. */
        public double[] spacing() { return spacing == null ? null : spacing.clone(); }

        public Interpolator imageInterpolator() { return imageInterpolator; }

        public Interpolator maskInterpolator() { return maskInterpolator; }

        public boolean roundIntensities() { return roundIntensities; }

        public double partialVolumeThreshold() { return partialVolumeThreshold; }

        public double rangeLow() { return rangeLow; }

        public double rangeHigh() { return rangeHigh; }

        public double outlierSigma() { return outlierSigma; }

        public int label() { return label; }
    }

    /** The interpolated image and the two ROI masks on its grid. */
    public static final class Result {
        private final RoiImage roi;
        private final double binOrigin;

        Result(RoiImage roi, double binOrigin) {
            this.roi = roi;
            this.binOrigin = binOrigin;
        }

        /** The (interpolated) image, whole grid. */
        public Volume image() { return roi.image(); }

        /** Image and both masks on the whole (interpolated) grid. */
        public RoiImage roi() { return roi; }

        /**
         * The region cropped to the morphological mask's bounding box grown by {@code margin}
         * voxels (clipped to the grid), for feature families; local-intensity peaks need a margin.
         */
        public RoiImage roi(int margin) {
            if (margin < 0) {
                throw new IllegalArgumentException("margin must be >= 0, was " + margin);
            }
            Geometry g = roi.geometry();
            BoundingBox box = Mask.of(g, roi.morphologicalMask()).boundingBox(1).padded(margin, g);
            return new RoiImage(roi.image().crop(box), crop(roi.morphologicalMask(), g, box),
                crop(roi.intensityMask(), g, box));
        }

        /** Lower bound of the re-segmentation range (the IBSI fixed-bin-size origin), or NaN. */
        public double binOrigin() { return binOrigin; }

        private static boolean[] crop(boolean[] m, Geometry g, BoundingBox box) {
            int[] s = box.size();
            boolean[] out = new boolean[s[0] * s[1] * s[2]];
            int n = 0;
            for (int k = 0; k < s[2]; k++) {
                for (int j = 0; j < s[1]; j++) {
                    System.arraycopy(m, g.index(box.lo(0), box.lo(1) + j, box.lo(2) + k), out, n, s[0]);
                    n += s[0];
                }
            }
            return out;
        }
    }

    /**
     * Runs interpolation and re-segmentation.
     *
     * @throws InvalidRoiException if the label is absent (before or after interpolation)
     * @throws org.radtab.radiomics.image.GeometryMismatchException if image and mask grids differ
     */
    public static Result run(Volume image, Mask mask, Settings s) {
        mask.requireSameGrid(image, 1e-4 * Math.max(1, image.geometry().spacing(0)));
        int[] labels = mask.labels();
        int label = s.label;
        Volume img = image;
        boolean[] morph = new boolean[labels.length];
        if (s.spacing == null) {
            for (int n = 0; n < labels.length; n++) {
                morph[n] = labels[n] == label;
            }
        } else {
            Geometry target = ResamplingGrid.ibsi(image.geometry(), s.spacing);
            img = Resampler.resample(image, target, s.imageInterpolator, SamplingConvention.IBSI,
                s.roundIntensities ? OutputCast.ROUND : OutputCast.NONE);
            double[] indicator = new double[labels.length];
            for (int n = 0; n < labels.length; n++) {
                indicator[n] = labels[n] == label ? 1.0 : 0.0;
            }
            double[] frac = Resampler.resample(Volume.wrap(image.geometry(), indicator), target, s.maskInterpolator,
                SamplingConvention.IBSI, OutputCast.NONE).data();
            morph = new boolean[frac.length];
            for (int n = 0; n < frac.length; n++) {
                morph[n] = frac[n] >= s.partialVolumeThreshold - MASK_EPSILON;
            }
        }
        if (Resegmentation.count(morph) == 0) {
            throw new InvalidRoiException("label " + label + ": the ROI is empty"
                + (s.spacing == null ? "" : " after interpolation"));
        }
        boolean[] intensity = Resegmentation.ibsi(img, morph, s.rangeLow, s.rangeHigh, s.outlierSigma);
        return new Result(new RoiImage(img, morph, intensity), s.rangeLow);
    }
}
