package org.radtab.radiomics;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtab.radiomics.feature.Aggregation;
import org.radtab.radiomics.feature.FirstOrderFamily;
import org.radtab.radiomics.feature.GlcmFamily;
import org.radtab.radiomics.feature.GldzmFamily;
import org.radtab.radiomics.feature.GlrlmFamily;
import org.radtab.radiomics.feature.GlszmFamily;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.IntensityHistogramFamily;
import org.radtab.radiomics.feature.IntensityVolumeHistogramFamily;
import org.radtab.radiomics.feature.LocalIntensityFamily;
import org.radtab.radiomics.feature.NgldmFamily;
import org.radtab.radiomics.feature.NgtdmFamily;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.feature.ShapeFamily;
import org.radtab.radiomics.feature.TextureOptions;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.preprocess.IbsiPreprocessing;

/**
 * Feature extraction with IBSI 1 definitions and tags (the {@code IBSI} profile): all eleven
 * families — morphology, local intensity, intensity statistics, intensity histogram,
 * intensity-volume histogram, GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM — on an image processed
 * as an IBSI configuration prescribes (interpolation, re-segmentation, discretisation).
 *
 * <p>Output tags are exactly the IBSI reference tags, e.g. {@code morph_volume},
 * {@code stat_kurt}, {@code cm_joint_max_3D_avg}, {@code szm_sze_2D}. Texture families are
 * computed with the aggregation methods of the configuration: the four 2D / 2.5D methods for a
 * 2D configuration, the two 3D methods for a 3D one (all six for the digital phantom).
 */
public final class IbsiExtractor {

    /** How grey levels are formed for the texture and histogram families. */
    public enum Binning { AS_IS, FIXED_BIN_SIZE, FIXED_BIN_NUMBER }

    /**
     * One IBSI configuration.
     *
     * @param name            e.g. {@code A} or {@code digital phantom}
     * @param preprocessing   interpolation and re-segmentation
     * @param aggregations    texture aggregation methods
     * @param binning         discretisation of the texture / histogram families
     * @param binParameter    bin width (fixed bin size) or bin count (fixed bin number); ignored for as-is
     * @param ivh             discretisation of the intensity-volume histogram
     * @param autocorrelation compute Moran's I and Geary's C (costly on large ROIs)
     */
    public record Config(String name, IbsiPreprocessing.Settings preprocessing, Set<Aggregation> aggregations,
                         Binning binning, double binParameter, IntensityVolumeHistogramFamily.Discretisation ivh,
                         boolean autocorrelation) {

        /** The IBSI 1 digital phantom: no interpolation, levels as they are, all aggregations. */
        public static Config digitalPhantom() {
            return new Config("digital phantom", IbsiPreprocessing.Settings.none(), EnumSet.allOf(Aggregation.class),
                Binning.AS_IS, 0, IntensityVolumeHistogramFamily.Discretisation.asIs(Double.NaN, Double.NaN), true);
        }

        /** IBSI 1 CT phantom configuration A..E (see the IBSI reference manual and the README). */
        public static Config ctPhantom(char config) {
            char c = Character.toUpperCase(config);
            IbsiPreprocessing.Settings pre = IbsiPreprocessing.Settings.ctPhantomConfiguration(c);
            Set<Aggregation> twoD = EnumSet.of(Aggregation.AVG_2D, Aggregation.MERGED_2D, Aggregation.AVG_2_5D,
                Aggregation.MERGED_2_5D);
            Set<Aggregation> threeD = EnumSet.of(Aggregation.AVG_3D, Aggregation.MERGED_3D);
            switch (c) {
                case 'A':
                    return new Config("A", pre, twoD, Binning.FIXED_BIN_SIZE, 25,
                        IntensityVolumeHistogramFamily.Discretisation.asIs(-500, 400), true);
                case 'B':
                    return new Config("B", pre, twoD, Binning.FIXED_BIN_NUMBER, 32,
                        IntensityVolumeHistogramFamily.Discretisation.asIs(-500, 400), true);
                case 'C':
                    return new Config("C", pre, threeD, Binning.FIXED_BIN_SIZE, 25,
                        IntensityVolumeHistogramFamily.Discretisation.fixedBinSize(2.5, -1000, 400), true);
                case 'D':
                    return new Config("D", pre, threeD, Binning.FIXED_BIN_NUMBER, 32,
                        IntensityVolumeHistogramFamily.Discretisation.asIs(Double.NaN, Double.NaN), true);
                case 'E':
                    return new Config("E", pre, threeD, Binning.FIXED_BIN_NUMBER, 32,
                        IntensityVolumeHistogramFamily.Discretisation.fixedBinNumber(1000), true);
                default:
                    throw new IllegalArgumentException("IBSI CT phantom configuration must be A..E, was " + config);
            }
        }
    }

    private final Config config;

    public IbsiExtractor(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** All IBSI features of the ROI (label of the preprocessing settings, default 1), by tag. */
    public LinkedHashMap<String, Double> extract(Volume image, Mask mask) {
        IbsiPreprocessing.Result prep = IbsiPreprocessing.run(image, mask, config.preprocessing());
        RoiImage roi = prep.roi(0);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.putAll(diagnostics(prep.roi()));
        out.putAll(ShapeFamily.ibsi(roi, config.autocorrelation()));
        int[] margin = LocalIntensityFamily.margin(roi.geometry().spacing());
        int m = Math.max(margin[0], Math.max(margin[1], margin[2]));
        out.putAll(LocalIntensityFamily.ibsi(prep.roi(m)));
        out.putAll(FirstOrderFamily.ibsi(roi));
        GreyLevelImage levels = discretise(roi, prep.binOrigin());
        out.putAll(IntensityHistogramFamily.ibsi(levels));
        out.putAll(IntensityVolumeHistogramFamily.ibsi(roi, config.ivh()));
        TextureOptions options = TextureOptions.defaults().withAggregations(config.aggregations());
        out.putAll(new GlcmFamily().ibsi(levels, options));
        out.putAll(new GlrlmFamily().ibsi(levels, options));
        out.putAll(new GlszmFamily().ibsi(levels, options));
        out.putAll(new GldzmFamily().ibsi(levels, roi.morphologicalMask(), options));
        out.putAll(new NgtdmFamily().ibsi(levels, options));
        out.putAll(new NgldmFamily().ibsi(levels, options));
        return out;
    }

    /**
     * IBSI processing diagnostics on the (interpolated) grid: {@code *_interp_img} over the whole
     * image, {@code *_interp_roi} for the interpolated mask before re-segmentation (intensity and
     * morphological masks are then the same), {@code *_reseg_roi} after re-segmentation (intensity
     * mask re-segmented, morphological mask unchanged).
     */
    static LinkedHashMap<String, Double> diagnostics(RoiImage full) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        Volume img = full.image();
        org.radtab.radiomics.image.Geometry g = img.geometry();
        String[] axis = {"x", "y", "z"};
        double[] mmm = img.minMeanMax();
        for (int a = 0; a < 3; a++) {
            out.put("img_dim_" + axis[a] + "_interp_img", (double) g.size(a));
            out.put("vox_dim_" + axis[a] + "_interp_img", g.spacing(a));
        }
        out.put("mean_int_interp_img", mmm[1]);
        out.put("min_int_interp_img", mmm[0]);
        out.put("max_int_interp_img", mmm[2]);
        roiDiagnostics(out, "interp", img, full.morphologicalMask(), full.morphologicalMask());
        roiDiagnostics(out, "reseg", img, full.intensityMask(), full.morphologicalMask());
        return out;
    }

    private static void roiDiagnostics(Map<String, Double> out, String stage, Volume img, boolean[] intensity,
                                       boolean[] morph) {
        org.radtab.radiomics.image.Geometry g = img.geometry();
        String[] axis = {"x", "y", "z"};
        BoundingBox intBox = BoundingBox.ofMask(intensity, g.nx(), g.ny(), g.nz());
        BoundingBox morphBox = BoundingBox.ofMask(morph, g.nx(), g.ny(), g.nz());
        for (int a = 0; a < 3; a++) {
            out.put("int_mask_dim_" + axis[a] + "_" + stage + "_roi", (double) g.size(a));
            out.put("int_mask_bb_dim_" + axis[a] + "_" + stage + "_roi",
                intBox == null ? Double.NaN : (double) intBox.size(a));
            out.put("morph_mask_bb_dim_" + axis[a] + "_" + stage + "_roi",
                morphBox == null ? Double.NaN : (double) morphBox.size(a));
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int ni = 0;
        int nm = 0;
        double[] d = img.data();
        for (int n = 0; n < d.length; n++) {
            if (morph[n]) {
                nm++;
            }
            if (intensity[n]) {
                ni++;
                sum += d[n];
                min = Math.min(min, d[n]);
                max = Math.max(max, d[n]);
            }
        }
        out.put("int_mask_vox_count_" + stage + "_roi", (double) ni);
        out.put("morph_mask_vox_count_" + stage + "_roi", (double) nm);
        out.put("int_mask_mean_int_" + stage + "_roi", ni == 0 ? Double.NaN : sum / ni);
        out.put("int_mask_min_int_" + stage + "_roi", ni == 0 ? Double.NaN : min);
        out.put("int_mask_max_int_" + stage + "_roi", ni == 0 ? Double.NaN : max);
    }

    private GreyLevelImage discretise(RoiImage roi, double binOrigin) {
        switch (config.binning()) {
            case AS_IS:
                return Discretiser.asIs(roi);
            case FIXED_BIN_SIZE:
                return Discretiser.ibsiBinSize(roi, config.binParameter(), binOrigin);
            default:
                return Discretiser.ibsiBinNumber(roi, (int) config.binParameter());
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IbsiExtractor[%s]", config.name());
    }

    /** Tag to value, convenience for reports. */
    public static Map<String, Double> of(Config config, Volume image, Mask mask) {
        return new IbsiExtractor(config).extract(image, mask);
    }
}
