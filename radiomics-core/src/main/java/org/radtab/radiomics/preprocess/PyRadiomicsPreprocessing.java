package org.radtab.radiomics.preprocess;

import java.util.List;
import java.util.Map;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PyRadiomics 3 preprocessing, steps 4-10 of its extractor, as one call:
 * <ol>
 *   <li>the label must be present in the mask;</li>
 *   <li>{@code normalize}: {@link Normalisation} of the whole image (then the image is floating,
 *       so no integer cast follows);</li>
 *   <li>{@code resampledPixelSpacing} set: spacing rules of {@link ResamplingGrid#pyradiomicsSpacing};
 *       if that spacing is {@code allclose} to the image spacing ({@code |a-b| <= 1e-8 + 1e-5|b|})
 *       nothing is interpolated: the mask is put on the image grid by nearest neighbour and both
 *       are cropped to the ROI bounding box +- {@code padDistance}; otherwise image and mask are
 *       resampled onto {@link ResamplingGrid#pyradiomics} with {@link SamplingConvention#ITK}:
 *       the image with the chosen {@link Interpolator} and the source pixel type's
 *       {@link OutputCast} (an int16 image is truncated back to integers as SimpleITK does), the
 *       mask by nearest neighbour on all labels. Else {@code preCrop}: check the mask and crop
 *       both to the bounding box +- {@code padDistance} (clipped to the image);</li>
 *   <li>mask check ({@link RoiCheck}): grids must match (within {@code geometryTolerance} times
 *       the first spacing component) unless {@code correctMask}, which resamples the mask onto
 *       the image by nearest neighbour; {@code minimumROIDimensions}, {@code minimumROISize};</li>
 *   <li>{@code resegmentRange}: {@link Resegmentation#pyradiomics}; the mask is checked again and
 *       its bounding box becomes the working bounding box;</li>
 *   <li>the shape mask is the mask before re-segmentation (or after, with {@code resegmentShape}),
 *       cropped to the working bounding box: if re-segmentation shrank the box, shape sees a
 *       truncated ROI, exactly as PyRadiomics.</li>
 * </ol>
 * The {@link Result} holds the image the filters run on (with its padding) and crops any image on
 * that grid (the original or a filter response) to the working bounding box as a {@link RoiImage}
 * whose morphological mask is the shape mask and whose intensity mask is the (re-segmented) ROI.
 */
public final class PyRadiomicsPreprocessing {
    private static final Logger LOG = LoggerFactory.getLogger(PyRadiomicsPreprocessing.class);

    private PyRadiomicsPreprocessing() {
    }

    /** Preprocessing settings with PyRadiomics' names and defaults. Immutable. */
    public static final class Settings {
        private int label = 1;
        private boolean normalize;
        private double normalizeScale = 1;
        private double removeOutliers = Double.NaN;
        private double[] resampledPixelSpacing;
        private Interpolator interpolator = Interpolator.BSPLINE_ITK;
        private int padDistance = 5;
        private boolean preCrop;
        private double[] resegmentRange;
        private Resegmentation.Mode resegmentMode = Resegmentation.Mode.ABSOLUTE;
        private boolean resegmentShape;
        private int minimumRoiDimensions = 2;
        private int minimumRoiSize;
        private boolean correctMask;
        private double geometryTolerance = 1e-6;
        private OutputCast sourcePixelType = OutputCast.NONE;

        private Settings() {
        }

        private Settings copy() {
            Settings s = new Settings();
            s.label = label;
            s.normalize = normalize;
            s.normalizeScale = normalizeScale;
            s.removeOutliers = removeOutliers;
            s.resampledPixelSpacing = resampledPixelSpacing;
            s.interpolator = interpolator;
            s.padDistance = padDistance;
            s.preCrop = preCrop;
            s.resegmentRange = resegmentRange;
            s.resegmentMode = resegmentMode;
            s.resegmentShape = resegmentShape;
            s.minimumRoiDimensions = minimumRoiDimensions;
            s.minimumRoiSize = minimumRoiSize;
            s.correctMask = correctMask;
            s.geometryTolerance = geometryTolerance;
            s.sourcePixelType = sourcePixelType;
            return s;
        }

        /** PyRadiomics defaults: label 1, no normalisation, no resampling, padDistance 5, minimumROIDimensions 2. */
        public static Settings defaults() {
            return new Settings();
        }

        /**
         * Settings from a PyRadiomics {@code setting} dictionary (keys {@code label},
         * {@code normalize}, {@code normalizeScale}, {@code removeOutliers},
         * {@code resampledPixelSpacing}, {@code interpolator}, {@code padDistance}, {@code preCrop},
         * {@code resegmentRange}, {@code resegmentMode}, {@code resegmentShape},
         * {@code minimumROIDimensions}, {@code minimumROISize}, {@code correctMask},
         * {@code geometryTolerance}); null values mean "unset", other keys (feature settings) are
         * ignored. The source pixel type is not a PyRadiomics setting: set it with
         * {@link #withSourcePixelType}.
         *
         * @throws IllegalArgumentException naming the key whose value has the wrong type
         */
        public static Settings fromPyRadiomics(Map<String, ?> d) {
            Settings s = new Settings();
            s.label = intValue(d, "label", s.label);
            s.normalize = boolValue(d, "normalize", false);
            s.normalizeScale = doubleValue(d, "normalizeScale", 1);
            s.removeOutliers = doubleValue(d, "removeOutliers", Double.NaN);
            s.resampledPixelSpacing = doubles(d, "resampledPixelSpacing");
            if (d.get("interpolator") != null) {
                s.interpolator = Interpolator.fromSimpleItk(d.get("interpolator"));
            }
            s.padDistance = intValue(d, "padDistance", 5);
            s.preCrop = boolValue(d, "preCrop", false);
            s.resegmentRange = doubles(d, "resegmentRange");
            if (d.get("resegmentMode") != null) {
                s.resegmentMode = Resegmentation.Mode.parse(String.valueOf(d.get("resegmentMode")));
            }
            s.resegmentShape = boolValue(d, "resegmentShape", false);
            s.minimumRoiDimensions = intValue(d, "minimumROIDimensions", 2);
            s.minimumRoiSize = intValue(d, "minimumROISize", 0);
            s.correctMask = boolValue(d, "correctMask", false);
            s.geometryTolerance = doubleValue(d, "geometryTolerance", 1e-6);
            return s.validate();
        }

        public Settings withLabel(int v) {
            Settings s = copy();
            s.label = v;
            return s;
        }

        /** {@code normalize: true} with {@code normalizeScale} and {@code removeOutliers} (NaN = unset). */
        public Settings withNormalisation(double scale, double outliers) {
            Settings s = copy();
            s.normalize = true;
            s.normalizeScale = scale;
            s.removeOutliers = outliers;
            return s.validate();
        }

        /** {@code resampledPixelSpacing} (x, y, z mm; 0 keeps an axis) and {@code interpolator}. */
        public Settings withResampling(double[] spacing, Interpolator interp) {
            Settings s = copy();
            s.resampledPixelSpacing = spacing == null ? null : spacing.clone();
            s.interpolator = interp;
            return s.validate();
        }

        public Settings withPadDistance(int v) {
            Settings s = copy();
            s.padDistance = v;
            return s.validate();
        }

        public Settings withPreCrop(boolean v) {
            Settings s = copy();
            s.preCrop = v;
            return s;
        }

        /** {@code resegmentRange} (1 or 2 values) and {@code resegmentMode}. */
        public Settings withResegmentation(double[] range, Resegmentation.Mode mode) {
            Settings s = copy();
            s.resegmentRange = range == null ? null : range.clone();
            s.resegmentMode = mode;
            return s.validate();
        }

        public Settings withResegmentShape(boolean v) {
            Settings s = copy();
            s.resegmentShape = v;
            return s;
        }

        /** {@code minimumROIDimensions} (1..3) and {@code minimumROISize} (0 = unset). */
        public Settings withRoiChecks(int minimumDimensions, int minimumSize) {
            Settings s = copy();
            s.minimumRoiDimensions = minimumDimensions;
            s.minimumRoiSize = minimumSize;
            return s.validate();
        }

        public Settings withCorrectMask(boolean v) {
            Settings s = copy();
            s.correctMask = v;
            return s;
        }

        public Settings withGeometryTolerance(double v) {
            Settings s = copy();
            s.geometryTolerance = v;
            return s.validate();
        }

        /**
         * The pixel type of the image file (for example {@link OutputCast#INT16} for a {@code short}
         * NRRD): SimpleITK resamples into it, so interpolated values are truncated toward zero.
         * Default {@link OutputCast#NONE} (a double image).
         */
        public Settings withSourcePixelType(OutputCast v) {
            Settings s = copy();
            s.sourcePixelType = v;
            return s;
        }

        public int label() { return label; }

        public boolean normalize() { return normalize; }

        public double normalizeScale() { return normalizeScale; }

        public double removeOutliers() { return removeOutliers; }

        /** Null when resampling is off. */
        public double[] resampledPixelSpacing() { return resampledPixelSpacing == null ? null : resampledPixelSpacing.clone(); }

        public Interpolator interpolator() { return interpolator; }

        public int padDistance() { return padDistance; }

        public boolean preCrop() { return preCrop; }

        /** Null when re-segmentation is off. */
        public double[] resegmentRange() { return resegmentRange == null ? null : resegmentRange.clone(); }

        public Resegmentation.Mode resegmentMode() { return resegmentMode; }

        public boolean resegmentShape() { return resegmentShape; }

        public int minimumRoiDimensions() { return minimumRoiDimensions; }

        public int minimumRoiSize() { return minimumRoiSize; }

        public boolean correctMask() { return correctMask; }

        public double geometryTolerance() { return geometryTolerance; }

        public OutputCast sourcePixelType() { return sourcePixelType; }

        private Settings validate() {
            if (minimumRoiDimensions < 1 || minimumRoiDimensions > 3) {
                throw new IllegalArgumentException("minimumROIDimensions must be 1..3, was " + minimumRoiDimensions);
            }
            if (padDistance < 0) {
                throw new IllegalArgumentException("padDistance must be >= 0, was " + padDistance);
            }
            if (resampledPixelSpacing != null && resampledPixelSpacing.length != 3) {
                throw new IllegalArgumentException("resampledPixelSpacing needs 3 values, had " + resampledPixelSpacing.length);
            }
            if (resegmentRange != null && (resegmentRange.length < 1 || resegmentRange.length > 2)) {
                throw new IllegalArgumentException("resegmentRange needs 1 or 2 values, had " + resegmentRange.length);
            }
            if (!(geometryTolerance >= 0)) {
                throw new IllegalArgumentException("geometryTolerance must be >= 0, was " + geometryTolerance);
            }
            return this;
        }

        private static Object get(Map<String, ?> d, String key) {
            return d.get(key);
        }

        private static int intValue(Map<String, ?> d, String key, int dflt) {
            Object v = get(d, key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Number && ((Number) v).doubleValue() == Math.rint(((Number) v).doubleValue())) {
                return ((Number) v).intValue();
            }
            throw new IllegalArgumentException("setting '" + key + "' must be an integer, was " + v);
        }

        private static double doubleValue(Map<String, ?> d, String key, double dflt) {
            Object v = get(d, key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Number) {
                return ((Number) v).doubleValue();
            }
            throw new IllegalArgumentException("setting '" + key + "' must be a number, was " + v);
        }

        private static boolean boolValue(Map<String, ?> d, String key, boolean dflt) {
            Object v = get(d, key);
            if (v == null) {
                return dflt;
            }
            if (v instanceof Boolean) {
                return (Boolean) v;
            }
            throw new IllegalArgumentException("setting '" + key + "' must be true or false, was " + v);
        }

        private static double[] doubles(Map<String, ?> d, String key) {
            Object v = get(d, key);
            if (v == null) {
                return null;
            }
            if (v instanceof List) {
                List<?> l = (List<?>) v;
                double[] out = new double[l.size()];
                for (int i = 0; i < out.length; i++) {
                    if (!(l.get(i) instanceof Number)) {
                        throw new IllegalArgumentException("setting '" + key + "' must be a list of numbers, was " + v);
                    }
                    out[i] = ((Number) l.get(i)).doubleValue();
                }
                return out;
            }
            if (v instanceof double[]) {
                return ((double[]) v).clone();
            }
            throw new IllegalArgumentException("setting '" + key + "' must be a list of numbers, was " + v);
        }
    }

    /** The preprocessed image, masks and working bounding box. */
    public static final class Result {
        private final Volume image;
        private final Mask mask;
        private final int label;
        private final BoundingBox box;
        private final boolean[] shapeMask;
        private final boolean[] intensityMask;
        private final boolean resampled;
        /** The masks cropped to the box, shared by every {@link #crop} (read-only). */
        private final boolean[] croppedShape;
        private final boolean[] croppedIntensity;
        /** {@link #image()} cropped, with the masks; every {@link #crop} shares its masks and their voxel index. */
        private final RoiImage roi;

        Result(Volume image, Mask mask, int label, BoundingBox box, boolean[] shapeMask, boolean[] intensityMask,
               boolean resampled) {
            this.image = image;
            this.mask = mask;
            this.label = label;
            this.box = box;
            this.shapeMask = shapeMask;
            this.intensityMask = intensityMask;
            this.resampled = resampled;
            this.croppedShape = cropMask(shapeMask);
            this.croppedIntensity = intensityMask == shapeMask ? croppedShape : cropMask(intensityMask);
            this.roi = new RoiImage(image.crop(box), croppedShape, croppedIntensity);
        }

        /**
         * The image the filters run on: normalised, and resampled (PyRadiomics grid, with its
         * padding) or preCropped when enabled; otherwise the input image.
         */
        public Volume image() { return image; }

        /** The label map on {@link #image()}'s grid (all labels, before re-segmentation). */
        public Mask mask() { return mask; }

        public int label() { return label; }

        /** The working bounding box on {@link #image()}'s grid (of the re-segmented ROI if re-segmented). */
        public BoundingBox boundingBox() { return box; }

        /** True when the image was interpolated (not just cropped). */
        public boolean resampled() { return resampled; }

        /** ROI voxels after re-segmentation on {@link #image()}'s grid (the backing array, do not modify). */
        public boolean[] intensityMask() { return intensityMask; }

        /** The ROI as features see it: {@link #image()} cropped to the working bounding box. */
        public RoiImage roi() {
            return roi;
        }

        /**
         * Crops an image on {@link #image()}'s grid (the original or a filter response) to the working
         * bounding box: morphological mask = shape mask, intensity mask = (re-segmented) ROI.
         *
         * @throws GeometryMismatchException if {@code derived} lies on another grid
         */
        public RoiImage crop(Volume derived) {
            derived.geometry().requireSameGrid(image.geometry(), 1e-9 * Math.max(1, image.geometry().spacing(0)));
            if (derived == image) {
                return roi;
            }
            // the cropped masks (and their voxel index) are the same for every derived image: shared
            return roi.withImage(derived.crop(box));
        }

        /**
         * The ROI on an image already on the working bounding box's grid ({@link #roi()}'s grid,
         * e.g. from {@link org.radtab.radiomics.filter.ImageFilter#applyWithin}): no copy.
         *
         * @throws GeometryMismatchException if {@code boxImage} lies on another grid
         */
        public RoiImage within(Volume boxImage) {
            Geometry g = roi.geometry();
            boxImage.geometry().requireSameGrid(g, 1e-9 * Math.max(1, g.spacing(0)));
            if (boxImage == roi.image()) {
                return roi;
            }
            return roi.withImage(boxImage);
        }

        private boolean[] cropMask(boolean[] m) {
            Geometry g = image.geometry();
            int[] s = box.size();
            boolean[] out = new boolean[s[0] * s[1] * s[2]];
            int n = 0;
            for (int k = 0; k < s[2]; k++) {
                for (int j = 0; j < s[1]; j++) {
                    int src = g.index(box.lo(0), box.lo(1) + j, box.lo(2) + k);
                    System.arraycopy(m, src, out, n, s[0]);
                    n += s[0];
                }
            }
            return out;
        }
    }

    /**
     * Runs the preprocessing.
     *
     * @throws InvalidRoiException       for an absent label, a 1-voxel ROI, the ROI checks, or a
     *                                   re-segmentation that leaves fewer than 2 voxels
     * @throws GeometryMismatchException when image and mask grids differ (and {@code correctMask} is off)
     */
    public static Result run(Volume image, Mask mask, Settings s) {
        int label = s.label;
        if (mask.count(label) == 0) {
            throw new InvalidRoiException("label " + label + " is not present in the mask (labels: "
                + mask.labelCounts().keySet() + ")");
        }
        Volume img = image;
        Mask m = mask;
        OutputCast cast = s.sourcePixelType;
        if (s.normalize) {
            img = Normalisation.pyradiomics(img, s.normalizeScale, s.removeOutliers, cast);
            cast = cast == OutputCast.FLOAT32 ? OutputCast.FLOAT32 : OutputCast.NONE;
        }
        boolean resampled = false;
        if (s.resampledPixelSpacing != null) {
            BoundingBox box0 = m.boundingBox(label);
            requireRoiInside(m.geometry(), box0, img.geometry(), label);
            double[] sNew = ResamplingGrid.pyradiomicsSpacing(m.geometry(), box0, s.resampledPixelSpacing);
            if (allClose(img.geometry().spacing(), sNew)) {
                LOG.debug("new spacing equals the image spacing: only the mask is resampled");
                if (!m.geometry().sameGrid(img.geometry(), tolerance(s, img))) {
                    m = Resampler.resampleLabels(m, img.geometry(), SamplingConvention.ITK);
                }
                BoundingBox b = RoiCheck.check(m, label, 1, 0);
                BoundingBox padded = b.padded(s.padDistance, img.geometry());
                img = img.crop(padded);
                m = m.crop(padded);
            } else {
                Geometry target = ResamplingGrid.pyradiomics(m.geometry(), box0, sNew, s.padDistance);
                LOG.debug("resampling {} to {}", img.geometry(), target);
                img = Resampler.resample(img, target, s.interpolator, SamplingConvention.ITK, cast);
                m = Resampler.resampleLabels(m, target, SamplingConvention.ITK);
                resampled = true;
            }
        } else if (s.preCrop) {
            m = onImageGrid(img, m, s, label);
            BoundingBox b = RoiCheck.check(m, label, s.minimumRoiDimensions, s.minimumRoiSize);
            BoundingBox padded = b.padded(s.padDistance, img.geometry());
            img = img.crop(padded);
            m = m.crop(padded);
        }
        m = onImageGrid(img, m, s, label);
        BoundingBox box = RoiCheck.check(m, label, s.minimumRoiDimensions, s.minimumRoiSize);
        int[] labels = m.labels();
        boolean[] roi = new boolean[labels.length];
        for (int n = 0; n < roi.length; n++) {
            roi[n] = labels[n] == label;
        }
        boolean[] intensity = roi;
        if (s.resegmentRange != null) {
            intensity = Resegmentation.pyradiomics(img, roi, s.resegmentRange, s.resegmentMode);
            box = RoiCheck.check(intensity, img.geometry(), "re-segmented label " + label, s.minimumRoiDimensions,
                s.minimumRoiSize);
        }
        return new Result(img, m, label, box, s.resegmentShape ? intensity : roi, intensity, resampled);
    }

    /** PyRadiomics checkMask: same grid, or (correctMask) the mask resampled onto the image by nearest neighbour. */
    private static Mask onImageGrid(Volume img, Mask m, Settings s, int label) {
        double tol = tolerance(s, img);
        if (m.geometry().sameGrid(img.geometry(), tol)) {
            return m;
        }
        if (!s.correctMask) {
            m.geometry().requireSameGrid(img.geometry(), tol);
        }
        requireRoiInside(m.geometry(), m.boundingBox(label), img.geometry(), label);
        LOG.debug("correctMask: resampling the mask onto the image grid");
        return Resampler.resampleLabels(m, img.geometry(), SamplingConvention.ITK);
    }

    private static double tolerance(Settings s, Volume img) {
        return s.geometryTolerance * Math.max(1.0, img.geometry().spacing(0));
    }

    /** The ROI box corners (continuous indices lo - 0.5, hi + 0.5) must map inside the image +- 1e-3. */
    private static void requireRoiInside(Geometry mask, BoundingBox box, Geometry image, int label) {
        for (int corner = 0; corner < 8; corner++) {
            double i = (corner & 1) == 0 ? box.lo(0) - 0.5 : box.hi(0) + 0.5;
            double j = (corner & 2) == 0 ? box.lo(1) - 0.5 : box.hi(1) + 0.5;
            double k = (corner & 4) == 0 ? box.lo(2) - 0.5 : box.hi(2) + 0.5;
            double[] p = mask.indexToPhysical(i, j, k);
            double[] c = image.physicalToIndex(p[0], p[1], p[2]);
            for (int a = 0; a < 3; a++) {
                if (c[a] < -0.5 - 1e-3 || c[a] > image.size(a) - 0.5 + 1e-3) {
                    throw new InvalidRoiException("label " + label + ": the ROI bounding box extends outside the image "
                        + "(corner at continuous image index " + java.util.Arrays.toString(c) + ")");
                }
            }
        }
    }

    /** NumPy allclose(a, b): |a - b| <= 1e-8 + 1e-5 |b| for every component. */
    static boolean allClose(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - b[i]) <= 1e-8 + 1e-5 * Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }
}
