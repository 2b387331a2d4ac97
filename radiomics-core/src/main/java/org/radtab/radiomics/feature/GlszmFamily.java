package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Grey level size zone matrix (GLSZM) features: PyRadiomics class {@code glszm}, IBSI family
 * {@code szm} (IBSI 1 section "Grey level size zone based features", id 9SAK).
 *
 * <h2>Matrix</h2>
 * A <em>zone</em> is a maximal group of connected ROI voxels with the same discretised grey
 * level. {@code P(i, j)} is the number of zones with grey level {@code i} and size {@code j}
 * voxels. Voxels are connected through the neighbours at Chebyshev distance 1:
 * <ul>
 *   <li>3D: 26-connectivity (IBSI {@code _3D}; PyRadiomics by default);</li>
 *   <li>2D: 8-connectivity in the plane, so zones never cross planes (IBSI {@code _2D} and
 *       {@code _2_5D}: axial slices k; PyRadiomics {@code force2D}: the planes normal to
 *       {@code force2Ddimension}, all planes pooled into one matrix).</li>
 * </ul>
 * Voxels outside the ROI or the grid never link. PyRadiomics ignores {@code distances} for this
 * class, and so does this class.
 *
 * <p>Notation: {@code N_s = sum P} zones, {@code s_i. = sum_j P(i, j)}, {@code s_.j = sum_i P(i, j)},
 * {@code p(i, j) = P(i, j) / N_s}, {@code N_v} = ROI voxels; {@code i} is the true grey level
 * value (levels absent from the ROI have no row and no effect), {@code j} the zone size.
 *
 * <h2>Aggregation</h2>
 * <ul>
 *   <li>PyRadiomics: one matrix (all planes pooled with {@code force2D}).</li>
 *   <li>IBSI {@code _2D}: one matrix per slice holding ROI voxels, features averaged over
 *       slices; {@code _2_5D}: the per-slice matrices summed ({@code N_v} summed likewise);
 *       {@code _3D}: one 3D matrix.</li>
 * </ul>
 *
 * <h2>Profiles</h2>
 * The formulas are the same in both. PyRadiomics takes {@code log2(p + eps)} in the entropy with
 * {@code eps = 2.220446049250313e-16}; IBSI takes {@code log2 p}. Every feature is defined for any
 * non-empty ROI (a single voxel gives one zone of size 1); an image without ROI voxels is rejected.
 *
 * <h2>Names</h2>
 * PyRadiomics (default order): GrayLevelNonUniformity, GrayLevelNonUniformityNormalized,
 * GrayLevelVariance, HighGrayLevelZoneEmphasis, LargeAreaEmphasis, LargeAreaHighGrayLevelEmphasis,
 * LargeAreaLowGrayLevelEmphasis, LowGrayLevelZoneEmphasis, SizeZoneNonUniformity,
 * SizeZoneNonUniformityNormalized, SmallAreaEmphasis, SmallAreaHighGrayLevelEmphasis,
 * SmallAreaLowGrayLevelEmphasis, ZoneEntropy, ZonePercentage, ZoneVariance. IBSI:
 * {@code szm_sze, lze, lgze, hgze, szlge, szhge, lzlge, lzhge, glnu, glnu_norm, zsnu, zsnu_norm,
 * z_perc, gl_var, zs_var, zs_entr} with suffix {@code _2D}, {@code _2_5D} or {@code _3D}.
 */
public final class GlszmFamily implements TextureFamily {
    private static final FeatureTable<LevelCountMatrix> PYRADIOMICS = new FeatureTable<LevelCountMatrix>()
        .add("GrayLevelNonUniformity", GlszmFamily::greyLevelNonUniformity)
        .add("GrayLevelNonUniformityNormalized", GlszmFamily::greyLevelNonUniformityNormalised)
        .add("GrayLevelVariance", GlszmFamily::greyLevelVariance)
        .add("HighGrayLevelZoneEmphasis", GlszmFamily::highGreyLevelZoneEmphasis)
        .add("LargeAreaEmphasis", GlszmFamily::largeZoneEmphasis)
        .add("LargeAreaHighGrayLevelEmphasis", GlszmFamily::largeZoneHighGreyLevelEmphasis)
        .add("LargeAreaLowGrayLevelEmphasis", GlszmFamily::largeZoneLowGreyLevelEmphasis)
        .add("LowGrayLevelZoneEmphasis", GlszmFamily::lowGreyLevelZoneEmphasis)
        .add("SizeZoneNonUniformity", GlszmFamily::zoneSizeNonUniformity)
        .add("SizeZoneNonUniformityNormalized", GlszmFamily::zoneSizeNonUniformityNormalised)
        .add("SmallAreaEmphasis", GlszmFamily::smallZoneEmphasis)
        .add("SmallAreaHighGrayLevelEmphasis", GlszmFamily::smallZoneHighGreyLevelEmphasis)
        .add("SmallAreaLowGrayLevelEmphasis", GlszmFamily::smallZoneLowGreyLevelEmphasis)
        .add("ZoneEntropy", m -> zoneSizeEntropy(m, LevelCountMatrix.PYRADIOMICS_EPS))
        .add("ZonePercentage", GlszmFamily::zonePercentage)
        .add("ZoneVariance", GlszmFamily::zoneSizeVariance);

    private static final FeatureTable<LevelCountMatrix> IBSI = new FeatureTable<LevelCountMatrix>()
        .add("sze", GlszmFamily::smallZoneEmphasis)
        .add("lze", GlszmFamily::largeZoneEmphasis)
        .add("lgze", GlszmFamily::lowGreyLevelZoneEmphasis)
        .add("hgze", GlszmFamily::highGreyLevelZoneEmphasis)
        .add("szlge", GlszmFamily::smallZoneLowGreyLevelEmphasis)
        .add("szhge", GlszmFamily::smallZoneHighGreyLevelEmphasis)
        .add("lzlge", GlszmFamily::largeZoneLowGreyLevelEmphasis)
        .add("lzhge", GlszmFamily::largeZoneHighGreyLevelEmphasis)
        .add("glnu", GlszmFamily::greyLevelNonUniformity)
        .add("glnu_norm", GlszmFamily::greyLevelNonUniformityNormalised)
        .add("zsnu", GlszmFamily::zoneSizeNonUniformity)
        .add("zsnu_norm", GlszmFamily::zoneSizeNonUniformityNormalised)
        .add("z_perc", GlszmFamily::zonePercentage)
        .add("gl_var", GlszmFamily::greyLevelVariance)
        .add("zs_var", GlszmFamily::zoneSizeVariance)
        .add("zs_entr", m -> zoneSizeEntropy(m, 0));

    @Override
    public String pyradiomicsName() {
        return "glszm";
    }

    @Override
    public String ibsiPrefix() {
        return "szm";
    }

    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "GLSZM");
        ZoneLabeller.Zones zones = zones(image, Neighbourhood.fixedAxis(options));
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        PYRADIOMICS.evaluate(matrix(zones, 0, zones.count, image.roiVoxelCount()), "", "", out);
        return out;
    }

    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "GLSZM");
        Set<Aggregation> aggregations = options.aggregations();
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        String prefix = ibsiPrefix() + "_";
        boolean perSlice = aggregations.contains(Aggregation.AVG_2D);
        if (perSlice || aggregations.contains(Aggregation.MERGED_2_5D)) {
            ZoneLabeller.Zones zones = zones(image, Neighbourhood.SLICE_AXIS);
            if (perSlice) {
                int[] voxels = PaddedLevels.roiVoxelsPerSlice(image);
                int[] start = zones.sliceStarts(image.nz());
                List<LevelCountMatrix> slices = new ArrayList<>();
                for (int k = 0; k < image.nz(); k++) {
                    if (voxels[k] > 0) {
                        slices.add(matrix(zones, start[k], start[k + 1], voxels[k]));
                    }
                }
                IBSI.average(slices, prefix, "_" + Aggregation.AVG_2D.nonDirectionalSuffix(), out);
            }
            if (aggregations.contains(Aggregation.MERGED_2_5D)) {
                IBSI.evaluate(matrix(zones, 0, zones.count, image.roiVoxelCount()), prefix,
                    "_" + Aggregation.MERGED_2_5D.nonDirectionalSuffix(), out);
            }
        }
        if (aggregations.contains(Aggregation.AVG_3D)) {
            ZoneLabeller.Zones zones = zones(image, Neighbourhood.NONE);
            IBSI.evaluate(matrix(zones, 0, zones.count, image.roiVoxelCount()), prefix,
                "_" + Aggregation.AVG_3D.nonDirectionalSuffix(), out);
        }
        return out;
    }

    /** Zones with 26-connectivity ({@code fixedAxis} NONE) or 8-connectivity in the planes normal to {@code fixedAxis}. */
    static ZoneLabeller.Zones zones(GreyLevelImage image, int fixedAxis) {
        return ZoneLabeller.label(PaddedLevels.levels(image, 1), Neighbourhood.chebyshevBall(1, fixedAxis), null);
    }

    /** The GLSZM of zones {@code from..to-1}: rows = grey level, columns = zone size. */
    static LevelCountMatrix matrix(ZoneLabeller.Zones zones, int from, int to, int voxels) {
        return LevelCountMatrix.fromPairs(zones.level, zones.size, from, to, voxels);
    }

    // ---- features -------------------------------------------------------------------------

    /** Small zone emphasis (IBSI sze, PyRadiomics SmallAreaEmphasis): {@code (1/N_s) sum_j s_.j / j^2}. */
    static double smallZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> 1 / (j * j)) / m.total();
    }

    /** Large zone emphasis (lze, LargeAreaEmphasis): {@code (1/N_s) sum_j j^2 s_.j}. */
    static double largeZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> j * j) / m.total();
    }

    /** Low grey level zone emphasis (lgze, LowGrayLevelZoneEmphasis): {@code (1/N_s) sum_i s_i. / i^2}. */
    static double lowGreyLevelZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> 1 / (i * i)) / m.total();
    }

    /** High grey level zone emphasis (hgze, HighGrayLevelZoneEmphasis): {@code (1/N_s) sum_i i^2 s_i.}. */
    static double highGreyLevelZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> i * i) / m.total();
    }

    /** Small zone low grey level emphasis (szlge, SmallAreaLowGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) / (i^2 j^2)}. */
    static double smallZoneLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> 1 / (i * i * j * j)) / m.total();
    }

    /** Small zone high grey level emphasis (szhge, SmallAreaHighGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) i^2 / j^2}. */
    static double smallZoneHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i / (j * j)) / m.total();
    }

    /** Large zone low grey level emphasis (lzlge, LargeAreaLowGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) j^2 / i^2}. */
    static double largeZoneLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> j * j / (i * i)) / m.total();
    }

    /** Large zone high grey level emphasis (lzhge, LargeAreaHighGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) i^2 j^2}. */
    static double largeZoneHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i * j * j) / m.total();
    }

    /** Grey level non-uniformity (glnu, GrayLevelNonUniformity): {@code (1/N_s) sum_i s_i.^2}. */
    static double greyLevelNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / m.total();
    }

    /** Normalised grey level non-uniformity (glnu_norm, GrayLevelNonUniformityNormalized): {@code (1/N_s^2) sum_i s_i.^2}. */
    static double greyLevelNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / (m.total() * m.total());
    }

    /** Zone size non-uniformity (zsnu, SizeZoneNonUniformity): {@code (1/N_s) sum_j s_.j^2}. */
    static double zoneSizeNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / m.total();
    }

    /** Normalised zone size non-uniformity (zsnu_norm, SizeZoneNonUniformityNormalized): {@code (1/N_s^2) sum_j s_.j^2}. */
    static double zoneSizeNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / (m.total() * m.total());
    }

    /** Zone percentage (z_perc, ZonePercentage): {@code N_s / N_v}. */
    static double zonePercentage(LevelCountMatrix m) {
        return m.total() / m.voxels();
    }

    /** Grey level variance (gl_var, GrayLevelVariance): {@code sum p(i,j) (i - mu)^2}, {@code mu = sum p(i,j) i}. */
    static double greyLevelVariance(LevelCountMatrix m) {
        return m.levelVariance();
    }

    /** Zone size variance (zs_var, ZoneVariance): {@code sum p(i,j) (j - mu)^2}, {@code mu = sum p(i,j) j}. */
    static double zoneSizeVariance(LevelCountMatrix m) {
        return m.columnVariance();
    }

    /**
     * Zone size entropy (zs_entr, ZoneEntropy): {@code -sum p(i,j) log2(p(i,j) + eps)}; {@code eps}
     * is PyRadiomics' 2.2e-16, 0 for IBSI.
     */
    static double zoneSizeEntropy(LevelCountMatrix m, double eps) {
        return m.entropy(eps);
    }
}
