package org.radtab.radiomics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtab.radiomics.feature.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Immutable extraction settings, readable from a PyRadiomics parameter file so that an existing
 * {@code params.yaml} works unchanged.
 *
 * <p>A parameter file has up to four top-level keys: {@code imageType} (enabled image types in
 * order, each with optional per-type settings such as {@code LoG: {sigma: [1.0, 3.0]}}),
 * {@code featureClass} (enabled classes in order, each with an optional list of feature names;
 * an empty or missing list enables all), {@code setting} (global settings, PyRadiomics key
 * names and defaults) and {@code voxelSetting} (voxel-based mode: accepted and ignored with a
 * warning, since RadTab extracts per segment). Any other key, an unknown setting, image type or
 * feature class, or a value of the wrong type is rejected with a {@link RadiomicsSettingsException}
 * naming it. Without a parameter file the PyRadiomics defaults apply: image type Original and
 * every feature class except {@code shape2D}.
 */
public final class RadiomicsSettings {
    private static final Logger LOG = LoggerFactory.getLogger(RadiomicsSettings.class);

    /** Image types RadTab knows, with PyRadiomics' key names. */
    public static final List<String> IMAGE_TYPES = List.of("Original", "LoG", "Wavelet", "Gradient", "Square",
        "SquareRoot", "Logarithm", "Exponential", "LBP2D", "LBP3D");

    /** Feature classes, in PyRadiomics' default order (shape first, then alphabetical module order). */
    public static final List<String> FEATURE_CLASSES = List.of("shape", "firstorder", "glcm", "gldm", "glrlm",
        "glszm", "ngtdm", "shape2D");

    /** Setting keys with their PyRadiomics defaults (null = disabled) and kinds. */
    private static final Map<String, Object[]> SCHEMA = new LinkedHashMap<>();

    private enum Kind { INT, NUMBER, BOOL, STRING, NUMBER_LIST, INT_LIST, ANY }

    private static void key(String name, Kind kind, Object dflt) {
        SCHEMA.put(name, new Object[] {kind, dflt});
    }

    static {
        key("minimumROIDimensions", Kind.INT, 2);
        key("minimumROISize", Kind.INT, null);
        key("geometryTolerance", Kind.NUMBER, null);
        key("correctMask", Kind.BOOL, false);
        key("additionalInfo", Kind.BOOL, true);
        key("label", Kind.INT, 1);
        key("label_channel", Kind.INT, 0);
        key("binWidth", Kind.NUMBER, 25.0);
        key("binCount", Kind.INT, null);
        key("normalize", Kind.BOOL, false);
        key("normalizeScale", Kind.NUMBER, 1.0);
        key("removeOutliers", Kind.NUMBER, null);
        key("resampledPixelSpacing", Kind.NUMBER_LIST, null);
        key("interpolator", Kind.STRING, "sitkBSpline");
        key("padDistance", Kind.INT, 5);
        key("preCrop", Kind.BOOL, false);
        key("resegmentRange", Kind.NUMBER_LIST, null);
        key("resegmentMode", Kind.STRING, "absolute");
        key("resegmentShape", Kind.BOOL, false);
        key("distances", Kind.INT_LIST, List.of(1));
        key("force2D", Kind.BOOL, false);
        key("force2Ddimension", Kind.INT, 0);
        key("sigma", Kind.NUMBER_LIST, null);
        key("wavelet", Kind.STRING, "coif1");
        key("start_level", Kind.INT, 0);
        key("level", Kind.INT, 1);
        key("gradientUseSpacing", Kind.BOOL, true);
        key("lbp2DRadius", Kind.NUMBER, 1.0);
        key("lbp2DSamples", Kind.INT, 8);
        key("lbp2DMethod", Kind.STRING, "uniform");
        key("lbp3DLevels", Kind.INT, 2);
        key("lbp3DIcosphereRadius", Kind.NUMBER, 1.0);
        key("lbp3DIcosphereSubdivision", Kind.INT, 1);
        key("voxelArrayShift", Kind.NUMBER, 0.0);
        key("symmetricalGLCM", Kind.BOOL, true);
        key("weightingNorm", Kind.STRING, null);
        key("gldm_a", Kind.INT, 0);
        key("dtype", Kind.ANY, null);
    }

    private static final Set<String> INTERPOLATORS = Set.of("sitkNearestNeighbor", "sitkLinear", "sitkBSpline",
        "sitkGaussian", "sitkLabelGaussian", "sitkHammingWindowedSinc", "sitkCosineWindowedSinc",
        "sitkWelchWindowedSinc", "sitkLanczosWindowedSinc", "sitkBlackmanWindowedSinc");

    private final Profile profile;
    private final Map<String, Object> settings;                  // every schema key, defaults filled in
    private final Map<String, Map<String, Object>> imageTypes;    // ordered; per-type overrides
    private final Map<String, List<String>> featureClasses;      // ordered; empty list = all features

    private RadiomicsSettings(Profile profile, Map<String, Object> settings,
                              Map<String, Map<String, Object>> imageTypes, Map<String, List<String>> featureClasses) {
        this.profile = profile;
        this.settings = Collections.unmodifiableMap(settings);
        Map<String, Map<String, Object>> it = new LinkedHashMap<>();
        imageTypes.forEach((k, v) -> it.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        this.imageTypes = Collections.unmodifiableMap(it);
        Map<String, List<String>> fc = new LinkedHashMap<>();
        featureClasses.forEach((k, v) -> fc.put(k, List.copyOf(v)));
        this.featureClasses = Collections.unmodifiableMap(fc);
    }

    /** PyRadiomics' defaults: Original image, all feature classes but shape2D, default settings. */
    public static RadiomicsSettings pyradiomicsDefaults() {
        Map<String, List<String>> fc = new LinkedHashMap<>();
        for (String c : FEATURE_CLASSES) {
            if (!c.equals("shape2D")) {
                fc.put(c, List.of());
            }
        }
        Map<String, Map<String, Object>> it = new LinkedHashMap<>();
        it.put("Original", Map.of());
        return new RadiomicsSettings(Profile.PYRADIOMICS, defaults(), it, fc);
    }

    /** The reference study's configuration ({@code paper-rbp.yaml}, shipped in this jar). */
    public static RadiomicsSettings paperRbp() {
        return fromResource("paper-rbp.yaml");
    }

    /** A parameter file shipped in this jar under {@code org/radtab/radiomics/}. */
    public static RadiomicsSettings fromResource(String name) {
        try (InputStream in = RadiomicsSettings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RadiomicsSettingsException("no built-in parameter file named " + name);
            }
            return fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new RadiomicsSettingsException("cannot read built-in parameter file " + name, e);
        }
    }

    /** Reads a PyRadiomics parameter file (YAML or JSON). */
    public static RadiomicsSettings fromYaml(Path file) throws IOException {
        return fromYaml(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses PyRadiomics parameter text.
     *
     * @param source name used in error messages (file name)
     */
    public static RadiomicsSettings fromYaml(String text, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new RadiomicsSettingsException(source + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            root = Map.of();
        }
        if (!(root instanceof Map)) {
            throw new RadiomicsSettingsException(source + ": top level must be a mapping");
        }
        return fromMap((Map<?, ?>) root, source);
    }

    /**
     * Settings from already-parsed parameter-file content: the top-level mapping with the keys
     * {@code imageType}, {@code featureClass}, {@code setting} and {@code voxelSetting}.
     */
    public static RadiomicsSettings fromMap(Map<?, ?> top, String source) {
        for (Object k : top.keySet()) {
            if (!Set.of("imageType", "featureClass", "setting", "voxelSetting").contains(String.valueOf(k))) {
                throw new RadiomicsSettingsException(source + ": unknown top-level key '" + k
                    + "' (expected imageType, featureClass, setting, voxelSetting)");
            }
        }
        if (top.containsKey("voxelSetting")) {
            LOG.warn("{}: voxelSetting is ignored (RadTab extracts segment-based features)", source);
        }
        Map<String, Object> settings = defaults();
        Object s = top.get("setting");
        if (s != null) {
            if (!(s instanceof Map)) {
                throw new RadiomicsSettingsException(source + ": 'setting' must be a mapping");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) s).entrySet()) {
                String k = String.valueOf(e.getKey());
                settings.put(k, validate(source, "setting." + k, k, e.getValue()));
            }
        }
        Map<String, Map<String, Object>> imageTypes = new LinkedHashMap<>();
        Object it = top.get("imageType");
        if (it == null) {
            imageTypes.put("Original", Map.of());
        } else {
            if (!(it instanceof Map)) {
                throw new RadiomicsSettingsException(source + ": 'imageType' must be a mapping");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) it).entrySet()) {
                String type = String.valueOf(e.getKey());
                if (!IMAGE_TYPES.contains(type)) {
                    throw new RadiomicsSettingsException(source + ": unknown image type '" + type + "' (known: "
                        + IMAGE_TYPES + ")");
                }
                Map<String, Object> custom = new LinkedHashMap<>();
                if (e.getValue() != null) {
                    if (!(e.getValue() instanceof Map)) {
                        throw new RadiomicsSettingsException(source + ": imageType." + type + " must be a mapping");
                    }
                    for (Map.Entry<?, ?> c : ((Map<?, ?>) e.getValue()).entrySet()) {
                        String k = String.valueOf(c.getKey());
                        custom.put(k, validate(source, "imageType." + type + "." + k, k, c.getValue()));
                    }
                }
                imageTypes.put(type, custom);
            }
        }
        Map<String, List<String>> classes = new LinkedHashMap<>();
        Object fc = top.get("featureClass");
        if (fc == null) {
            for (String c : FEATURE_CLASSES) {
                if (!c.equals("shape2D")) {
                    classes.put(c, List.of());
                }
            }
        } else {
            if (!(fc instanceof Map)) {
                throw new RadiomicsSettingsException(source + ": 'featureClass' must be a mapping");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) fc).entrySet()) {
                String c = String.valueOf(e.getKey());
                if (!FEATURE_CLASSES.contains(c)) {
                    throw new RadiomicsSettingsException(source + ": unknown feature class '" + c + "' (known: "
                        + FEATURE_CLASSES + ")");
                }
                List<String> names = new ArrayList<>();
                if (e.getValue() != null) {
                    if (!(e.getValue() instanceof List)) {
                        throw new RadiomicsSettingsException(source + ": featureClass." + c
                            + " must be a list of feature names (or empty)");
                    }
                    for (Object n : (List<?>) e.getValue()) {
                        names.add(String.valueOf(n));
                    }
                }
                classes.put(c, names);
            }
        }
        checkConsistency(source, settings);
        return new RadiomicsSettings(Profile.PYRADIOMICS, settings, imageTypes, classes);
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        SCHEMA.forEach((k, v) -> m.put(k, v[1]));
        return m;
    }

    private static Object validate(String source, String where, String key, Object value) {
        Object[] schema = SCHEMA.get(key);
        if (schema == null) {
            throw new RadiomicsSettingsException(source + ": unknown setting '" + where + "'");
        }
        if (value == null) {
            return null;
        }
        Kind kind = (Kind) schema[0];
        String bad = source + ": setting '" + where + "' ";
        switch (kind) {
            case INT:
                if (value instanceof Integer || value instanceof Long) {
                    return ((Number) value).intValue();
                }
                if (value instanceof Double && (Double) value == Math.rint((Double) value)) {
                    return ((Double) value).intValue();
                }
                throw new RadiomicsSettingsException(bad + "must be an integer, was " + value);
            case NUMBER:
                if (value instanceof Number) {
                    return ((Number) value).doubleValue();
                }
                throw new RadiomicsSettingsException(bad + "must be a number, was " + value);
            case BOOL:
                if (value instanceof Boolean) {
                    return value;
                }
                throw new RadiomicsSettingsException(bad + "must be true or false, was " + value);
            case STRING:
                if (value instanceof String) {
                    if (key.equals("interpolator") && !INTERPOLATORS.contains(value)) {
                        throw new RadiomicsSettingsException(bad + "unknown interpolator " + value);
                    }
                    return value;
                }
                if (key.equals("interpolator") && value instanceof Integer) {
                    return sitkInterpolatorName((Integer) value, bad);
                }
                throw new RadiomicsSettingsException(bad + "must be a string, was " + value);
            case NUMBER_LIST:
            case INT_LIST: {
                List<?> list = value instanceof List ? (List<?>) value : List.of(value);
                List<Object> out = new ArrayList<>();
                for (Object o : list) {
                    if (!(o instanceof Number)) {
                        throw new RadiomicsSettingsException(bad + "must be a list of numbers, found " + o);
                    }
                    if (kind == Kind.INT_LIST) {
                        double d = ((Number) o).doubleValue();
                        if (d != Math.rint(d)) {
                            throw new RadiomicsSettingsException(bad + "must be a list of integers, found " + o);
                        }
                        out.add((int) d);
                    } else if (o instanceof Integer || o instanceof Long) {
                        // keep integers: PyRadiomics names derived images from str(value) ("1" vs "1.0")
                        out.add(((Number) o).intValue());
                    } else {
                        out.add(((Number) o).doubleValue());
                    }
                }
                return List.copyOf(out);
            }
            default:
                return value;
        }
    }

    private static String sitkInterpolatorName(int code, String bad) {
        switch (code) {
            case 1: return "sitkNearestNeighbor";
            case 2: return "sitkLinear";
            case 3: return "sitkBSpline";
            default: throw new RadiomicsSettingsException(bad + "unsupported interpolator code " + code);
        }
    }

    private static void checkConsistency(String source, Map<String, Object> s) {
        Object bw = s.get("binWidth");
        if (bw != null && !((Double) bw > 0)) {
            throw new RadiomicsSettingsException(source + ": setting 'binWidth' must be > 0, was " + bw);
        }
        Object bc = s.get("binCount");
        if (bc != null && (Integer) bc < 1) {
            throw new RadiomicsSettingsException(source + ": setting 'binCount' must be >= 1, was " + bc);
        }
        Object sp = s.get("resampledPixelSpacing");
        if (sp != null && ((List<?>) sp).size() != 3) {
            throw new RadiomicsSettingsException(source + ": setting 'resampledPixelSpacing' needs 3 values");
        }
        Object rr = s.get("resegmentRange");
        if (rr != null && (((List<?>) rr).isEmpty() || ((List<?>) rr).size() > 2)) {
            throw new RadiomicsSettingsException(source + ": setting 'resegmentRange' needs 1 or 2 values");
        }
        String mode = String.valueOf(s.get("resegmentMode")).toLowerCase(Locale.ROOT);
        if (!Set.of("absolute", "relative", "sigma").contains(mode)) {
            throw new RadiomicsSettingsException(source + ": setting 'resegmentMode' must be absolute, relative or "
                + "sigma, was " + s.get("resegmentMode"));
        }
        Object wn = s.get("weightingNorm");
        if (wn != null && !Set.of("manhattan", "euclidean", "infinity", "no_weighting").contains(wn)) {
            throw new RadiomicsSettingsException(source + ": setting 'weightingNorm' must be manhattan, euclidean, "
                + "infinity or no_weighting, was " + wn);
        }
        int f2d = (Integer) s.get("force2Ddimension");
        if (f2d < 0 || f2d > 2) {
            throw new RadiomicsSettingsException(source + ": setting 'force2Ddimension' must be 0, 1 or 2");
        }
        int mind = (Integer) s.get("minimumROIDimensions");
        if (mind < 1 || mind > 3) {
            throw new RadiomicsSettingsException(source + ": setting 'minimumROIDimensions' must be 1..3");
        }
    }

    /** The convention to follow (parameter files are always PyRadiomics). */
    public Profile profile() {
        return profile;
    }

    /** Every setting, defaults filled in (null = disabled). */
    public Map<String, Object> settings() {
        return settings;
    }

    /** Enabled image types in order, each with its per-type setting overrides. */
    public Map<String, Map<String, Object>> imageTypes() {
        return imageTypes;
    }

    /** Enabled feature classes in order; an empty list means all features of the class. */
    public Map<String, List<String>> featureClasses() {
        return featureClasses;
    }

    /** A global setting (null when disabled). */
    public Object get(String key) {
        if (!SCHEMA.containsKey(key)) {
            throw new RadiomicsSettingsException("unknown setting '" + key + "'");
        }
        return settings.get(key);
    }

    /** A setting as seen by one image type: its override if it has one, else the global value. */
    public Object get(String imageType, String key) {
        Map<String, Object> custom = imageTypes.get(imageType);
        if (custom != null && custom.containsKey(key)) {
            return custom.get(key);
        }
        return get(key);
    }

    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    public boolean getBoolean(String key) {
        return Boolean.TRUE.equals(get(key));
    }

    /** A copy with some global settings replaced (validated like a parameter file). */
    public RadiomicsSettings with(Map<String, Object> overrides) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            s.put(e.getKey(), validate("override", e.getKey(), e.getKey(), e.getValue()));
        }
        checkConsistency("override", s);
        return new RadiomicsSettings(profile, s, imageTypes, featureClasses);
    }

    /** A copy with other image types. */
    public RadiomicsSettings withImageTypes(Map<String, Map<String, Object>> types) {
        for (String t : types.keySet()) {
            if (!IMAGE_TYPES.contains(t)) {
                throw new RadiomicsSettingsException("unknown image type '" + t + "'");
            }
        }
        return new RadiomicsSettings(profile, new LinkedHashMap<>(settings), types, featureClasses);
    }

    /** A copy with other feature classes. */
    public RadiomicsSettings withFeatureClasses(Map<String, List<String>> classes) {
        for (String c : classes.keySet()) {
            if (!FEATURE_CLASSES.contains(c)) {
                throw new RadiomicsSettingsException("unknown feature class '" + c + "'");
            }
        }
        return new RadiomicsSettings(profile, new LinkedHashMap<>(settings), imageTypes, classes);
    }

    /** The settings as PyRadiomics prints them in {@code diagnostics_Configuration_Settings}. */
    @Override
    public String toString() {
        return "RadiomicsSettings[imageType=" + imageTypes + ", featureClass=" + featureClasses.keySet()
            + ", setting=" + settings + "]";
    }
}
