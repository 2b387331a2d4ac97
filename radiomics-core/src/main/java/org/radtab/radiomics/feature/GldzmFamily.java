package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Grey level distance zone matrix (GLDZM) features: IBSI family {@code dzm} (IBSI 1 section
 * "Grey level distance zone based features", id VMDZ). PyRadiomics has no GLDZM:
 * {@link #pyradiomicsName()} is null and {@link #pyradiomics} returns an empty map.
 *
 * <h2>Matrix</h2>
 * Zones are those of the GLSZM ({@link GlszmFamily}): maximal groups of connected voxels of the
 * <em>intensity</em> mask with the same grey level, 26-connected in 3D and 8-connected within a
 * slice in 2D. {@code P(i, j)} counts the zones with grey level {@code i} whose
 * <em>distance to the ROI edge</em> is {@code j}.
 *
 * <p>Distance map (IBSI): computed on the <em>morphological</em> mask. A voxel's distance is the
 * number of times the mask can be eroded with the 6-connected (3D) or 4-connected (2D, within
 * the slice) structuring element before the voxel disappears: 1 for a mask voxel with a face
 * neighbour outside the mask (voxels beyond the grid count as outside), 2 for the next layer,
 * and so on. Equivalently, the Manhattan distance to the nearest voxel outside the morphological
 * mask (in 2D: in the same slice). It is computed exactly by a breadth-first search from the edge
 * voxels. A zone's distance is the smallest distance of its voxels.
 *
 * <p>The morphological mask comes from {@link #ibsi(GreyLevelImage, boolean[], TextureOptions)}.
 * Without it ({@link #ibsi(GreyLevelImage, TextureOptions)}) the intensity mask (levels &gt; 0)
 * is used, which is right when no re-segmentation took place. Every intensity-mask voxel must lie
 * in the morphological mask.
 *
 * <p>Notation: {@code N_s = sum P} zones, {@code d_i. = sum_j P(i, j)}, {@code d_.j = sum_i P(i, j)},
 * {@code p(i, j) = P(i, j) / N_s}, {@code N_v} = intensity-mask voxels; {@code i} is the true grey
 * level value, {@code j} the distance (at least 1).
 *
 * <h2>Aggregation</h2>
 * {@code _2D}: one matrix per slice holding intensity-mask voxels (zones and distances within the
 * slice), features averaged over slices; {@code _2_5D}: the per-slice matrices summed
 * ({@code N_v} summed likewise); {@code _3D}: zones and distances in 3D.
 *
 * <h2>Names</h2>
 * {@code dzm_sde, lde, lgze, hgze, sdlge, sdhge, ldlge, ldhge, glnu, glnu_norm, zdnu, zdnu_norm,
 * z_perc, gl_var, zd_var, zd_entr} with suffix {@code _2D}, {@code _2_5D} or {@code _3D}. Every
 * feature is defined for a non-empty ROI; entropies use {@code log2 p}.
 */
public final class GldzmFamily implements TextureFamily {

    private static final FeatureTable<LevelCountMatrix> IBSI = new FeatureTable<LevelCountMatrix>()
        .add("sde", GldzmFamily::smallDistanceEmphasis)
        .add("lde", GldzmFamily::largeDistanceEmphasis)
        .add("lgze", GldzmFamily::lowGreyLevelZoneEmphasis)
        .add("hgze", GldzmFamily::highGreyLevelZoneEmphasis)
        .add("sdlge", GldzmFamily::smallDistanceLowGreyLevelEmphasis)
        .add("sdhge", GldzmFamily::smallDistanceHighGreyLevelEmphasis)
        .add("ldlge", GldzmFamily::largeDistanceLowGreyLevelEmphasis)
        .add("ldhge", GldzmFamily::largeDistanceHighGreyLevelEmphasis)
        .add("glnu", GldzmFamily::greyLevelNonUniformity)
        .add("glnu_norm", GldzmFamily::greyLevelNonUniformityNormalised)
        .add("zdnu", GldzmFamily::zoneDistanceNonUniformity)
        .add("zdnu_norm", GldzmFamily::zoneDistanceNonUniformityNormalised)
        .add("z_perc", GldzmFamily::zonePercentage)
        .add("gl_var", GldzmFamily::greyLevelVariance)
        .add("zd_var", GldzmFamily::zoneDistanceVariance)
        .add("zd_entr", GldzmFamily::zoneDistanceEntropy);

    @Override
    public String pyradiomicsName() {
        return null;
    }

    @Override
    public String ibsiPrefix() {
        return "dzm";
    }

    /** PyRadiomics has no GLDZM: always an empty map. */
    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        return new LinkedHashMap<>();
    }

    /** IBSI features with the intensity mask (levels &gt; 0) also taken as the morphological mask. */
    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        return ibsi(image, null, options);
    }

    /**
     * IBSI features; distances to the ROI edge come from {@code morphologicalMask} (flat index as
     * in {@link GreyLevelImage}, e.g. {@link RoiImage#morphologicalMask()}), or from the intensity
     * mask when it is null.
     *
     * @throws IllegalArgumentException if the mask size differs from the image's or an
     *                                  intensity-mask voxel lies outside the morphological mask
     */
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, boolean[] morphologicalMask, TextureOptions options) {
        PaddedLevels.requireRoi(image, "GLDZM");
        PaddedLevels levels = PaddedLevels.levels(image, 1);
        PaddedLevels morphology = morphologicalMask == null ? levels : PaddedLevels.mask(image, morphologicalMask, 1);
        if (morphologicalMask != null) {
            requireInside(image, morphologicalMask);
        }
        Set<Aggregation> aggregations = options.aggregations();
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        String prefix = ibsiPrefix() + "_";
        boolean perSlice = aggregations.contains(Aggregation.AVG_2D);
        if (perSlice || aggregations.contains(Aggregation.MERGED_2_5D)) {
            int[] distance = distanceMap(morphology, Neighbourhood.SLICE_AXIS);
            ZoneLabeller.Zones zones = ZoneLabeller.label(levels,
                Neighbourhood.chebyshevBall(1, Neighbourhood.SLICE_AXIS), distance);
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
            int[] distance = distanceMap(morphology, Neighbourhood.NONE);
            ZoneLabeller.Zones zones = ZoneLabeller.label(levels, Neighbourhood.chebyshevBall(1, Neighbourhood.NONE),
                distance);
            IBSI.evaluate(matrix(zones, 0, zones.count, image.roiVoxelCount()), prefix,
                "_" + Aggregation.AVG_3D.nonDirectionalSuffix(), out);
        }
        return out;
    }

    /**
     * The IBSI distance map of a padded mask (non-zero = inside): for each mask voxel the number
     * of 6-connected (3D, {@code fixedAxis} NONE) or 4-connected (in the planes normal to
     * {@code fixedAxis}) erosions it survives plus one, i.e. its Manhattan distance to the nearest
     * voxel outside the mask; 0 outside. Breadth-first search from the edge voxels (distance 1).
     */
    static int[] distanceMap(PaddedLevels mask, int fixedAxis) {
        int[] steps = mask.steps(Neighbourhood.faceNeighbours(fixedAxis));
        int[] in = mask.values;
        int[] distance = new int[in.length];
        int[] queue = new int[in.length];
        int tail = 0;
        for (int k = 0; k < mask.nz; k++) {
            for (int j = 0; j < mask.ny; j++) {
                int q = mask.index(0, j, k);
                for (int i = 0; i < mask.nx; i++, q++) {
                    if (in[q] == 0) {
                        continue;
                    }
                    for (int s : steps) {
                        if (in[q + s] == 0) {
                            distance[q] = 1;
                            queue[tail++] = q;
                            break;
                        }
                    }
                }
            }
        }
        int head = 0;
        while (head < tail) {
            int p = queue[head++];
            int next = distance[p] + 1;
            for (int s : steps) {
                int r = p + s;
                if (in[r] != 0 && distance[r] == 0) {
                    distance[r] = next;
                    queue[tail++] = r;
                }
            }
        }
        return distance;
    }

    private static void requireInside(GreyLevelImage image, boolean[] morphologicalMask) {
        int[] levels = image.levels();
        for (int n = 0; n < levels.length; n++) {
            if (levels[n] > 0 && !morphologicalMask[n]) {
                throw new IllegalArgumentException("voxel " + n + " (i=" + n % image.nx() + ", j="
                    + n / image.nx() % image.ny() + ", k=" + n / image.nx() / image.ny()
                    + ") is in the intensity mask but not in the morphological mask");
            }
        }
    }

    /** The GLDZM of zones {@code from..to-1}: rows = grey level, columns = zone distance. */
    private static LevelCountMatrix matrix(ZoneLabeller.Zones zones, int from, int to, int voxels) {
        return LevelCountMatrix.fromPairs(zones.level, zones.distance, from, to, voxels);
    }

    // ---- features -------------------------------------------------------------------------

    /** Small distance emphasis (sde): {@code (1/N_s) sum_j d_.j / j^2}. */
    static double smallDistanceEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> 1 / (j * j)) / m.total();
    }

    /** Large distance emphasis (lde): {@code (1/N_s) sum_j j^2 d_.j}. */
    static double largeDistanceEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> j * j) / m.total();
    }

    /** Low grey level zone emphasis (lgze): {@code (1/N_s) sum_i d_i. / i^2}. */
    static double lowGreyLevelZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> 1 / (i * i)) / m.total();
    }

    /** High grey level zone emphasis (hgze): {@code (1/N_s) sum_i i^2 d_i.}. */
    static double highGreyLevelZoneEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> i * i) / m.total();
    }

    /** Small distance low grey level emphasis (sdlge): {@code (1/N_s) sum P(i,j) / (i^2 j^2)}. */
    static double smallDistanceLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> 1 / (i * i * j * j)) / m.total();
    }

    /** Small distance high grey level emphasis (sdhge): {@code (1/N_s) sum P(i,j) i^2 / j^2}. */
    static double smallDistanceHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i / (j * j)) / m.total();
    }

    /** Large distance low grey level emphasis (ldlge): {@code (1/N_s) sum P(i,j) j^2 / i^2}. */
    static double largeDistanceLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> j * j / (i * i)) / m.total();
    }

    /** Large distance high grey level emphasis (ldhge): {@code (1/N_s) sum P(i,j) i^2 j^2}. */
    static double largeDistanceHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i * j * j) / m.total();
    }

    /** Grey level non-uniformity (glnu): {@code (1/N_s) sum_i d_i.^2}. */
    static double greyLevelNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / m.total();
    }

    /** Normalised grey level non-uniformity (glnu_norm): {@code (1/N_s^2) sum_i d_i.^2}. */
    static double greyLevelNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / (m.total() * m.total());
    }

    /** Zone distance non-uniformity (zdnu): {@code (1/N_s) sum_j d_.j^2}. */
    static double zoneDistanceNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / m.total();
    }

    /** Normalised zone distance non-uniformity (zdnu_norm): {@code (1/N_s^2) sum_j d_.j^2}. */
    static double zoneDistanceNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / (m.total() * m.total());
    }

    /** Zone percentage (z_perc): {@code N_s / N_v}. */
    static double zonePercentage(LevelCountMatrix m) {
        return m.total() / m.voxels();
    }

    /** Grey level variance (gl_var): {@code sum p(i,j) (i - mu)^2}, {@code mu = sum p(i,j) i}. */
    static double greyLevelVariance(LevelCountMatrix m) {
        return m.levelVariance();
    }

    /** Zone distance variance (zd_var): {@code sum p(i,j) (j - mu)^2}, {@code mu = sum p(i,j) j}. */
    static double zoneDistanceVariance(LevelCountMatrix m) {
        return m.columnVariance();
    }

    /** Zone distance entropy (zd_entr): {@code -sum p(i,j) log2 p(i,j)}. */
    static double zoneDistanceEntropy(LevelCountMatrix m) {
        return m.entropy(0);
    }
}
