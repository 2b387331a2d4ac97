package org.radtab.radiomics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtab.radiomics.feature.FirstOrderFamily;
import org.radtab.radiomics.feature.GlcmFamily;
import org.radtab.radiomics.feature.GlrlmFamily;
import org.radtab.radiomics.feature.GlszmFamily;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.NgldmFamily;
import org.radtab.radiomics.feature.NgtdmFamily;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.feature.Shape2DFamily;
import org.radtab.radiomics.feature.ShapeFamily;
import org.radtab.radiomics.feature.TextureFamily;
import org.radtab.radiomics.feature.TextureOptions;
import org.radtab.radiomics.filter.GradientMagnitude;
import org.radtab.radiomics.filter.IntensityTransform;
import org.radtab.radiomics.filter.PyRadiomicsWavelet;
import org.radtab.radiomics.filter.RecursiveLaplacianOfGaussian;
import org.radtab.radiomics.filter.Wavelet;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.math.Extremes;
import org.radtab.radiomics.math.WorkArrays;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Segment-based feature extraction with PyRadiomics 3 semantics and names.
 *
 * <p>Order of work, as PyRadiomics does it: normalise the whole image (if enabled); resample to
 * {@code resampledPixelSpacing} on PyRadiomics' grid (or preCrop) keeping {@code padDistance}
 * voxels around the ROI; check the ROI; re-segment; compute shape on the (cropped) mask; then
 * for each enabled image type in order, filter the padded image, crop the response to the ROI
 * bounding box, discretise it with that image type's settings, and compute each enabled feature
 * class in order. Output keys are {@code <imageType>_<class>_<Feature>}, e.g.
 * {@code log-sigma-3-0-mm-3D_glszm_ZonePercentage}; diagnostics go to
 * {@link FeatureVector#diagnostics()}.
 *
 * <p>Instances are immutable and thread-safe; extract cases in parallel with one extractor.
 * {@link #withThreads(int)} also spreads one case's derived images (the LoG sigmas, wavelet bands,
 * gradient, ...) over several threads: the output is identical, but up to two image types' derived
 * images are held in memory at once (up to 11 for the paper's configuration: 3 LoG + 8 wavelet
 * bands) instead of one type's, so batches use one thread per case instead.
 */
public final class FeatureExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureExtractor.class);

    private static final Map<String, TextureFamily> TEXTURE = Map.of(
        "glcm", new GlcmFamily(), "glrlm", new GlrlmFamily(), "glszm", new GlszmFamily(), "gldm", new NgldmFamily(),
        "ngtdm", new NgtdmFamily());

    private final RadiomicsSettings settings;
    private final int threads;

    public FeatureExtractor(RadiomicsSettings settings) {
        this(settings, 1);
    }

    private FeatureExtractor(RadiomicsSettings settings, int threads) {
        this.settings = settings;
        this.threads = threads;
        for (String type : settings.imageTypes().keySet()) {
            if (type.startsWith("LBP")) {
                throw new RadiomicsSettingsException("image type " + type + " is not supported by RadTab");
            }
        }
        for (Map.Entry<String, List<String>> e : settings.featureClasses().entrySet()) {
            List<String> known = featureNames(e.getKey());
            for (String f : e.getValue()) {
                if (!known.contains(f) && !DEPRECATED.getOrDefault(e.getKey(), List.of()).contains(f)) {
                    throw new RadiomicsSettingsException("feature class " + e.getKey() + " has no feature '" + f
                        + "' (known: " + known + ")");
                }
            }
        }
    }

    public RadiomicsSettings settings() {
        return settings;
    }

    /**
     * The same extractor computing one case's derived images on {@code threads} threads (1: all in
     * the calling thread, the default). Results do not depend on the thread count.
     */
    public FeatureExtractor withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        return new FeatureExtractor(settings, threads);
    }

    /** Threads used within one case (see {@link #withThreads(int)}). */
    public int threads() {
        return threads;
    }

    /** Reads image and mask files (NIfTI / NRRD) and extracts, honouring the image file's pixel type. */
    public FeatureVector extract(Path imageFile, Path maskFile) throws IOException {
        Volume image = ImageIO.readVolume(imageFile);
        Mask mask = ImageIO.readMask(maskFile);
        OutputCast cast = OutputCast.forPixelType(ImageIO.storedPixelType(imageFile));
        return extract(image, mask, cast);
    }

    /** Extracts from in-memory data whose voxels are already doubles (no integer cast after resampling). */
    public FeatureVector extract(Volume image, Mask mask) {
        return extract(image, mask, OutputCast.NONE);
    }

    /**
     * Extracts the enabled features.
     *
     * @param sourcePixelType the pixel type of the image as stored (SimpleITK casts resampled values back to it;
     *                        e.g. {@link OutputCast#INT16} truncates toward zero)
     * @throws org.radtab.radiomics.preprocess.InvalidRoiException for an empty, 1-voxel or too small ROI
     * @throws org.radtab.radiomics.image.GeometryMismatchException when image and mask grids differ
     */
    public FeatureVector extract(Volume image, Mask mask, OutputCast sourcePixelType) {
        FeatureVector.Builder out = FeatureVector.builder();
        PyRadiomicsPreprocessing.Settings pre = PyRadiomicsPreprocessing.Settings.fromPyRadiomics(settings.settings())
            .withSourcePixelType(sourcePixelType);
        boolean diagnostics = settings.getBoolean("additionalInfo");
        if (diagnostics) {
            out.diagnostic("diagnostics_Versions_RadTab", Version.VERSION);
            out.diagnostic("diagnostics_Configuration_Settings", settings.settings().toString());
            out.diagnostic("diagnostics_Configuration_EnabledImageTypes", settings.imageTypes().toString());
            imageDiagnostics(out, "original", image);
            maskDiagnostics(out, "original", mask, pre.label(), null);
        }
        PyRadiomicsPreprocessing.Result prep = PyRadiomicsPreprocessing.run(image, mask, pre);
        if (diagnostics && prep.resampled()) {
            imageDiagnostics(out, "interpolated", prep.image());
            maskDiagnostics(out, "interpolated", prep.mask(), prep.label(), prep.image());
        }
        RoiImage originalRoi = prep.roi();
        if (settings.featureClasses().containsKey("shape")) {
            select(out, "original_shape_", ShapeFamily.pyradiomics(originalRoi), "shape");
        }
        if (settings.featureClasses().containsKey("shape2D")) {
            int dim = settings.getInt("force2Ddimension");
            if (!settings.getBoolean("force2D") && prep.boundingBox().size(2 - dim) > 1) {
                throw new RadiomicsSettingsException("shape2D needs force2D: true or a ROI one voxel thick along "
                    + "force2Ddimension " + dim);
            }
            select(out, "original_shape2D_", Shape2DFamily.pyradiomics(originalRoi, dim), "shape2D");
        }
        if (threads > 1) {
            derivedInParallel(out, prep);
            return out.build();
        }
        for (Map.Entry<String, Map<String, Object>> type : settings.imageTypes().entrySet()) {
            java.util.Iterator<Map.Entry<String, Volume>> it = derivedImages(type.getKey(), prep).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Volume> derived = it.next();
                RoiImage roi = prep.within(derived.getValue());
                computeClasses(out, type.getKey(), derived.getKey(), roi);
                recycle(prep, derived.getValue());
                it.remove(); // done with this derived image: let it go (peak heap of many-band types)
            }
        }
        return out.build();
    }

    /**
     * The image-type loop of {@link #extract(Volume, Mask, OutputCast)} on a pool of
     * {@link #threads} threads: each derived image's feature classes are a task, and the next image
     * type's filter runs while the current type's images are being processed (so at most two image
     * types' derived images are alive, as against one in the sequential loop). Results are
     * appended in the sequential order; a failure surfaces as the first one in that order, and the
     * tasks not yet started are cancelled.
     */
    private void derivedInParallel(FeatureVector.Builder out, PyRadiomicsPreprocessing.Result prep) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "radtab-derived-images");
            t.setDaemon(true);
            return t;
        });
        List<java.util.concurrent.Future<FeatureVector.Builder>> parts = new ArrayList<>();
        java.util.concurrent.Future<LinkedHashMap<String, Volume>> next = null;
        try {
            List<String> types = new ArrayList<>(settings.imageTypes().keySet());
            if (!types.isEmpty()) {
                next = pool.submit(() -> derivedImages(types.get(0), prep));
            }
            for (int t = 0; t < types.size(); t++) {
                String type = types.get(t);
                LinkedHashMap<String, Volume> images;
                try {
                    images = await(next);
                } catch (RuntimeException | Error e) {
                    for (java.util.concurrent.Future<FeatureVector.Builder> part : parts) {
                        await(part); // an earlier failure wins
                    }
                    throw e;
                }
                int following = t + 1;
                next = following < types.size() ? pool.submit(() -> derivedImages(types.get(following), prep)) : null;
                for (Map.Entry<String, Volume> derived : images.entrySet()) {
                    String name = derived.getKey();
                    Volume image = derived.getValue();
                    parts.add(pool.submit(() -> {
                        FeatureVector.Builder part = FeatureVector.builder();
                        computeClasses(part, type, name, prep.within(image));
                        recycle(prep, image);
                        return part;
                    }));
                }
            }
            for (java.util.concurrent.Future<FeatureVector.Builder> part : parts) {
                out.putAll("", await(part).build().asMap());
            }
        } finally {
            for (java.util.concurrent.Future<?> part : parts) {
                part.cancel(true);
            }
            if (next != null) {
                next.cancel(true);
            }
            pool.shutdownNow();
        }
    }

    /**
     * Hands a derived image's voxels back to the work-array pool once its feature classes are done
     * (the filters take their box-sized outputs from it); never the original image's, which the
     * preprocessing result keeps.
     */
    private static void recycle(PyRadiomicsPreprocessing.Result prep, Volume derived) {
        if (derived != prep.roi().image() && derived != prep.image()) {
            WorkArrays.give(derived.data());
        }
    }

    private static <T> T await(java.util.concurrent.Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    private void computeClasses(FeatureVector.Builder out, String type, String imageName, RoiImage roi) {
        GreyLevelImage levels = discretise(type, roi);
        TextureOptions options = textureOptions(type);
        for (String name : settings.featureClasses().keySet()) {
            LinkedHashMap<String, Double> values;
            if (TEXTURE.containsKey(name)) {
                values = TEXTURE.get(name).pyradiomics(levels, options);
            } else if (name.equals("firstorder")) {
                values = FirstOrderFamily.pyradiomics(roi, levels,
                    ((Number) settings.get(type, "voxelArrayShift")).doubleValue());
            } else {
                continue; // shape classes: once, on the original image
            }
            select(out, imageName + "_" + name + "_", values, name);
        }
        levels.releaseWorkArrays(); // the next derived image reuses them
        roi.releaseWorkArrays();
        WorkArrays.give(levels.levels()); // the grey levels too: this image is done
    }

    /** Adds a class's values: all of them, or the listed ones in list order (deprecated names omitted). */
    private void select(FeatureVector.Builder out, String prefix, LinkedHashMap<String, Double> values, String cls) {
        List<String> wanted = settings.featureClasses().get(cls);
        if (wanted.isEmpty()) {
            out.putAll(prefix, values);
            return;
        }
        for (String f : wanted) {
            Double v = values.get(f);
            if (v == null) {
                LOG.warn("{} feature {} is deprecated in PyRadiomics and omitted", cls, f);
                continue;
            }
            out.put(prefix + f, v);
        }
    }

    private GreyLevelImage discretise(String type, RoiImage roi) {
        Object binCount = settings.get(type, "binCount");
        if (binCount != null) {
            return Discretiser.pyradiomicsBinCount(roi, ((Number) binCount).intValue());
        }
        return Discretiser.pyradiomicsBinWidth(roi, ((Number) settings.get(type, "binWidth")).doubleValue());
    }

    private TextureOptions textureOptions(String type) {
        TextureOptions o = TextureOptions.defaults();
        @SuppressWarnings("unchecked")
        List<Number> d = (List<Number>) settings.get(type, "distances");
        int[] dist = new int[d.size()];
        for (int i = 0; i < dist.length; i++) {
            dist[i] = d.get(i).intValue();
        }
        o = o.withDistances(dist)
            .withSymmetricalGlcm(Boolean.TRUE.equals(settings.get(type, "symmetricalGLCM")))
            .withWeightingNorm((String) settings.get(type, "weightingNorm"))
            .withForce2D(Boolean.TRUE.equals(settings.get(type, "force2D")),
                ((Number) settings.get(type, "force2Ddimension")).intValue())
            .withGldmAlpha(((Number) settings.get(type, "gldm_a")).intValue());
        return o;
    }

    /**
     * The derived images of one image type, named as PyRadiomics names them, in generation order,
     * each on the working bounding box's grid (only the box is used): the filters that can
     * compute the box alone (LoG, wavelet, gradient) do, the others are cropped to it.
     */
    LinkedHashMap<String, Volume> derivedImages(String type, PyRadiomicsPreprocessing.Result prep) {
        Volume image = prep.image();
        BoundingBox roiBox = prep.boundingBox();
        LinkedHashMap<String, Volume> out = new LinkedHashMap<>();
        switch (type) {
            case "Original":
                out.put("original", prep.roi().image());
                break;
            case "LoG": {
                Object sig = settings.get(type, "sigma");
                if (sig == null) {
                    LOG.warn("LoG enabled without 'sigma': no LoG images");
                    break;
                }
                int[] size = image.geometry().size();
                if (size[0] < 4 || size[1] < 4 || size[2] < 4) {
                    LOG.warn("image too small for LoG ({}x{}x{}): no LoG images", size[0], size[1], size[2]);
                    break;
                }
                List<String> names = new ArrayList<>();
                List<Double> sigmas = new ArrayList<>();
                for (Object s : (List<?>) sig) {
                    double sigma = ((Number) s).doubleValue();
                    if (sigma <= 0) {
                        LOG.warn("LoG sigma {} <= 0 skipped", s);
                        continue;
                    }
                    if (!logFits(image.geometry(), sigma)) {
                        LOG.warn("LoG sigma {} mm is too large for the image: skipped", s);
                        continue;
                    }
                    names.add("log-sigma-" + pythonStr(s).replace('.', '-') + "-mm-3D");
                    sigmas.add(sigma);
                }
                List<Volume> maps = RecursiveLaplacianOfGaussian.pyRadiomicsWithin(image, roiBox,
                    sigmas.stream().mapToDouble(Double::doubleValue).toArray());
                for (int i = 0; i < names.size(); i++) {
                    out.put(names.get(i), maps.get(i));
                }
                break;
            }
            case "Wavelet": {
                PyRadiomicsWavelet.Parameters p = new PyRadiomicsWavelet.Parameters(
                    Wavelet.of((String) settings.get(type, "wavelet")),
                    ((Number) settings.get(type, "start_level")).intValue(),
                    ((Number) settings.get(type, "level")).intValue(),
                    Boolean.TRUE.equals(settings.get(type, "force2D")),
                    ((Number) settings.get(type, "force2Ddimension")).intValue());
                out.putAll(new PyRadiomicsWavelet(p).applyAllWithin(image, roiBox));
                break;
            }
            case "Gradient":
                out.put("gradient", new GradientMagnitude(Boolean.TRUE.equals(settings.get(type, "gradientUseSpacing")))
                    .applyWithin(image, roiBox));
                break;
            case "Square":
                out.put(IntensityTransform.SQUARE.pyRadiomicsName(), IntensityTransform.SQUARE.applyWithin(image, roiBox));
                break;
            case "SquareRoot":
                out.put(IntensityTransform.SQUARE_ROOT.pyRadiomicsName(),
                    IntensityTransform.SQUARE_ROOT.applyWithin(image, roiBox));
                break;
            case "Logarithm":
                out.put(IntensityTransform.LOGARITHM.pyRadiomicsName(),
                    IntensityTransform.LOGARITHM.applyWithin(image, roiBox));
                break;
            case "Exponential":
                out.put(IntensityTransform.EXPONENTIAL.pyRadiomicsName(),
                    IntensityTransform.EXPONENTIAL.applyWithin(image, roiBox));
                break;
            default:
                throw new RadiomicsSettingsException("image type " + type + " is not supported by RadTab");
        }
        return out;
    }

    /** PyRadiomics applies a sigma only if every axis has at least ceil(sigma / spacing) + 1 voxels. */
    private static boolean logFits(Geometry g, double sigma) {
        for (int a = 0; a < 3; a++) {
            if (g.size(a) < Math.ceil(sigma / g.spacing(a)) + 1) {
                return false;
            }
        }
        return true;
    }

    /** Python's str() of an int or a float as it appears in a parameter file (1 -> "1", 1.0 -> "1.0"). */
    static String pythonStr(Object number) {
        if (number instanceof Integer || number instanceof Long) {
            return number.toString();
        }
        double d = ((Number) number).doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    /** Deprecated PyRadiomics features: accepted in a feature list and omitted, as PyRadiomics does. */
    private static final Map<String, List<String>> DEPRECATED = Map.of(
        "glcm", List.of("SumAverage", "Dissimilarity", "Homogeneity1", "Homogeneity2", "SumVariance"),
        "gldm", List.of("GrayLevelNonUniformityNormalized", "DependencePercentage"));

    /** Feature names per class in PyRadiomics' default order, taken from the families themselves. */
    private static final Map<String, List<String>> KNOWN = knownFeatureNames();

    private static Map<String, List<String>> knownFeatureNames() {
        // a 3 x 3 x 3 cube with two grey levels: every family defines all of its names on it
        Geometry g = Geometry.of(5, 5, 5, 1, 1, 1);
        double[] v = new double[g.voxelCount()];
        boolean[] m = new boolean[v.length];
        for (int k = 1; k < 4; k++) {
            for (int j = 1; j < 4; j++) {
                for (int i = 1; i < 4; i++) {
                    int n = g.index(i, j, k);
                    m[n] = true;
                    v[n] = (i + j + k) % 2 == 0 ? 10 : 40;
                }
            }
        }
        RoiImage roi = new RoiImage(Volume.wrap(g, v), m);
        GreyLevelImage levels = Discretiser.pyradiomicsBinWidth(roi, 25);
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("shape", List.copyOf(ShapeFamily.pyradiomics(roi).keySet()));
        known.put("firstorder", List.copyOf(FirstOrderFamily.pyradiomics(roi, levels, 0).keySet()));
        for (Map.Entry<String, TextureFamily> t : TEXTURE.entrySet()) {
            known.put(t.getKey(), List.copyOf(t.getValue().pyradiomics(levels, TextureOptions.defaults()).keySet()));
        }
        Geometry flat = Geometry.of(5, 5, 1, 1, 1, 1);
        boolean[] fm = new boolean[flat.voxelCount()];
        for (int j = 1; j < 4; j++) {
            for (int i = 1; i < 4; i++) {
                fm[flat.index(i, j, 0)] = true;
            }
        }
        known.put("shape2D", List.copyOf(Shape2DFamily.pyradiomics(
            new RoiImage(Volume.zeros(flat), fm), 0).keySet()));
        return known;
    }

    /** PyRadiomics feature names of a class in default order (e.g. {@code glcm}: 24 names). */
    public static List<String> featureNames(String featureClass) {
        List<String> names = KNOWN.get(featureClass);
        if (names == null) {
            throw new RadiomicsSettingsException("unknown feature class '" + featureClass + "'");
        }
        return names;
    }

    private static void imageDiagnostics(FeatureVector.Builder out, String stage, Volume image) {
        String p = "diagnostics_Image-" + stage + "_";
        Geometry g = image.geometry();
        out.diagnostic(p + "Spacing", tuple(g.spacing()));
        out.diagnostic(p + "Size", tuple(g.size()));
        double[] mmm = image.minMeanMax();
        out.diagnostic(p + "Mean", num(mmm[1]));
        out.diagnostic(p + "Minimum", num(mmm[0]));
        out.diagnostic(p + "Maximum", num(mmm[2]));
    }

    private static void maskDiagnostics(FeatureVector.Builder out, String stage, Mask mask, int label, Volume image) {
        String p = "diagnostics_Mask-" + stage + "_";
        Geometry g = mask.geometry();
        out.diagnostic(p + "Spacing", tuple(g.spacing()));
        out.diagnostic(p + "Size", tuple(g.size()));
        int count = mask.count(label);
        if (count == 0) {
            return;
        }
        BoundingBox bb = mask.boundingBox(label);
        out.diagnostic(p + "BoundingBox", tuple(new int[] {bb.lo(0), bb.lo(1), bb.lo(2), bb.size(0), bb.size(1),
            bb.size(2)}));
        out.diagnostic(p + "VoxelNum", Integer.toString(count));
        out.diagnostic(p + "VolumeNum", Integer.toString(connectedComponents(mask, label, bb)));
        double[] com = new double[3];
        int[] labels = mask.labels();
        double sum = 0;
        Extremes.Running range = new Extremes.Running();
        double[] data = image == null ? null : image.data();
        // the label's voxels in raster order: only its bounding box is visited
        for (int k = bb.lo(2); k <= bb.hi(2); k++) {
            for (int j = bb.lo(1); j <= bb.hi(1); j++) {
                int n = g.index(bb.lo(0), j, k);
                for (int i = bb.lo(0); i <= bb.hi(0); i++, n++) {
                    if (labels[n] == label) {
                        com[0] += i;
                        com[1] += j;
                        com[2] += k;
                        if (data != null) {
                            double v = data[n];
                            sum += v;
                            range.add(v);
                        }
                    }
                }
            }
        }
        for (int a = 0; a < 3; a++) {
            com[a] /= count;
        }
        out.diagnostic(p + "CenterOfMassIndex", tuple(com));
        out.diagnostic(p + "CenterOfMass", tuple(g.indexToPhysical(com[0], com[1], com[2])));
        if (image != null) {
            out.diagnostic(p + "Mean", num(sum / count));
            out.diagnostic(p + "Minimum", num(range.min()));
            out.diagnostic(p + "Maximum", num(range.max()));
        }
    }

    /**
     * Number of 26-connected components of the label: union-find over the runs of the label along
     * x (a solid mask has one or two runs per row), each joined to the runs it touches, diagonally
     * included, in the row before it and in the three rows of the slice before it.
     */
    static int connectedComponents(Mask mask, int label) {
        Geometry g = mask.geometry();
        BoundingBox box = BoundingBox.ofLabel(mask.labels(), g.nx(), g.ny(), g.nz(), label);
        return box == null ? 0 : connectedComponents(mask, label, box);
    }

    /** {@link #connectedComponents(Mask, int)} with the label's bounding box known: only the box is read. */
    static int connectedComponents(Mask mask, int label, BoundingBox box) {
        Geometry g = mask.geometry();
        int nx = box.size(0);
        int ny = box.size(1);
        int nz = box.size(2);
        int[] labels = mask.labels();
        // runs of the label along x, row by row (row r = j + ny k); runs of row r are first[r] .. first[r + 1] - 1
        int[] first = new int[ny * nz + 1];
        int[] start = new int[64];
        int[] end = new int[64];
        int runs = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                first[j + ny * k] = runs;
                int src = g.index(box.lo(0), box.lo(1) + j, box.lo(2) + k);
                int i = 0;
                while (i < nx) {
                    if (labels[src + i] != label) {
                        i++;
                        continue;
                    }
                    int s = i;
                    while (i < nx && labels[src + i] == label) {
                        i++;
                    }
                    if (runs == start.length) {
                        start = java.util.Arrays.copyOf(start, 2 * runs);
                        end = java.util.Arrays.copyOf(end, 2 * runs);
                    }
                    start[runs] = s;
                    end[runs] = i - 1;
                    runs++;
                }
            }
        }
        first[ny * nz] = runs;
        int[] parent = new int[runs];
        for (int r = 0; r < runs; r++) {
            parent[r] = r;
        }
        int components = runs;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int row = j + ny * k;
                // earlier rows that can touch this one: (j-1, k) and (j-1..j+1, k-1)
                for (int t = 0; t < 4; t++) {
                    int jj = t == 0 ? j - 1 : j + t - 2;
                    int kk = t == 0 ? k : k - 1;
                    if (jj < 0 || jj >= ny || kk < 0) {
                        continue;
                    }
                    int other = jj + ny * kk;
                    int a = first[row];
                    int b = first[other];
                    while (a < first[row + 1] && b < first[other + 1]) {
                        // a's run reaches its diagonal neighbours: [start - 1, end + 1]
                        if (start[b] <= end[a] + 1 && end[b] >= start[a] - 1) {
                            int ra = root(parent, a);
                            int rb = root(parent, b);
                            if (ra != rb) {
                                parent[Math.max(ra, rb)] = Math.min(ra, rb);
                                components--;
                            }
                        }
                        if (end[b] < end[a] + 1) {
                            b++;
                        } else {
                            a++;
                        }
                    }
                }
            }
        }
        return components;
    }

    /** Root of run r, halving the path on the way. */
    private static int root(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    private static String tuple(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(num(v[i]));
        }
        return sb.append(')').toString();
    }

    private static String tuple(int[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(v[i]);
        }
        return sb.append(')').toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
