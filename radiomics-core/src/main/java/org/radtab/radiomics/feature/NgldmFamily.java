package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Neighbouring grey level dependence matrix: IBSI family {@code ngl} (NGLDM, IBSI 1 section
 * "Neighbouring grey level dependence based features", id REK0) and PyRadiomics class
 * {@code gldm} (grey level dependence matrix). Both build the same matrix; they differ in the
 * neighbourhood, the coarseness parameter's setting and the feature set, so one class serves both.
 *
 * <h2>Matrix</h2>
 * For each ROI voxel {@code k} with grey level {@code i}, its dependence is
 * {@code j_k = 1 + #{neighbours m in the ROI : |i - X(m)| <= alpha}}: the centre counts once (so
 * {@code j_k >= 1}), neighbours outside the ROI or the grid do not count. {@code P(i, j)} is the
 * number of voxels with grey level {@code i} and dependence {@code j}; every ROI voxel is counted,
 * so {@code N_s = N_v}.
 * <ul>
 *   <li><b>PyRadiomics</b> ({@code gldm}): neighbours are the offsets whose Chebyshev norm is one of
 *       {@code distances} (default 1: 26 neighbours), in the planes normal to
 *       {@code force2Ddimension} with {@code force2D} (all planes pooled); {@code alpha} =
 *       {@code gldm_a} (an integer, default 0). PyRadiomics' dependence index is the number of
 *       dependent neighbours plus one, i.e. the same {@code j_k}.</li>
 *   <li><b>IBSI</b> ({@code ngl}): neighbours are all offsets with Chebyshev norm
 *       {@code 1..delta}, {@code delta = max(distances)} (default 1: 26 in 3D, 8 within the slice in
 *       2D); {@code alpha} = {@code ngldmAlpha} (default 0).</li>
 * </ul>
 *
 * <p>Notation: {@code N_s = sum P}, {@code s_i. = sum_j P(i, j)}, {@code s_.j = sum_i P(i, j)},
 * {@code p(i, j) = P(i, j) / N_s}, {@code N_v} = ROI voxels; {@code i} is the true grey level value.
 *
 * <h2>Aggregation</h2>
 * PyRadiomics: one matrix. IBSI {@code _2D}: one matrix per slice with ROI voxels (in-plane
 * neighbours), features averaged over slices; {@code _2_5D}: the per-slice matrices summed;
 * {@code _3D}: one 3D matrix.
 *
 * <h2>Profiles</h2>
 * The shared formulas are identical; PyRadiomics uses {@code log2(p + eps)},
 * {@code eps = 2.220446049250313e-16}, in the entropy, IBSI {@code log2 p}. PyRadiomics omits the
 * deprecated GrayLevelNonUniformityNormalized and DependencePercentage (always 1), and has no
 * dependence count energy. Every feature is defined for a non-empty ROI.
 *
 * <h2>Names</h2>
 * PyRadiomics (default order): DependenceEntropy, DependenceNonUniformity,
 * DependenceNonUniformityNormalized, DependenceVariance, GrayLevelNonUniformity, GrayLevelVariance,
 * HighGrayLevelEmphasis, LargeDependenceEmphasis, LargeDependenceHighGrayLevelEmphasis,
 * LargeDependenceLowGrayLevelEmphasis, LowGrayLevelEmphasis, SmallDependenceEmphasis,
 * SmallDependenceHighGrayLevelEmphasis, SmallDependenceLowGrayLevelEmphasis. IBSI:
 * {@code ngl_lde, hde, lgce, hgce, ldlge, ldhge, hdlge, hdhge, glnu, glnu_norm, dcnu, dcnu_norm,
 * dc_perc, gl_var, dc_var, dc_entr, dc_energy} with suffix {@code _2D}, {@code _2_5D} or {@code _3D}.
 */
public final class NgldmFamily implements TextureFamily {
    /** Level given to voxels outside the ROI while counting dependences (see {@link #build}). */
    private static final int OUTSIDE = -1_000_000_000;
    /** Largest grey level {@link #build} accepts (keeps {@code level - OUTSIDE} within int range). */
    private static final int MAX_LEVEL = 1_000_000_000;

    private static final FeatureTable<LevelCountMatrix> PYRADIOMICS = new FeatureTable<LevelCountMatrix>()
        .add("DependenceEntropy", m -> dependenceCountEntropy(m, LevelCountMatrix.PYRADIOMICS_EPS))
        .add("DependenceNonUniformity", NgldmFamily::dependenceCountNonUniformity)
        .add("DependenceNonUniformityNormalized", NgldmFamily::dependenceCountNonUniformityNormalised)
        .add("DependenceVariance", NgldmFamily::dependenceCountVariance)
        .add("GrayLevelNonUniformity", NgldmFamily::greyLevelNonUniformity)
        .add("GrayLevelVariance", NgldmFamily::greyLevelVariance)
        .add("HighGrayLevelEmphasis", NgldmFamily::highGreyLevelCountEmphasis)
        .add("LargeDependenceEmphasis", NgldmFamily::highDependenceEmphasis)
        .add("LargeDependenceHighGrayLevelEmphasis", NgldmFamily::highDependenceHighGreyLevelEmphasis)
        .add("LargeDependenceLowGrayLevelEmphasis", NgldmFamily::highDependenceLowGreyLevelEmphasis)
        .add("LowGrayLevelEmphasis", NgldmFamily::lowGreyLevelCountEmphasis)
        .add("SmallDependenceEmphasis", NgldmFamily::lowDependenceEmphasis)
        .add("SmallDependenceHighGrayLevelEmphasis", NgldmFamily::lowDependenceHighGreyLevelEmphasis)
        .add("SmallDependenceLowGrayLevelEmphasis", NgldmFamily::lowDependenceLowGreyLevelEmphasis);

    private static final FeatureTable<LevelCountMatrix> IBSI = new FeatureTable<LevelCountMatrix>()
        .add("lde", NgldmFamily::lowDependenceEmphasis)
        .add("hde", NgldmFamily::highDependenceEmphasis)
        .add("lgce", NgldmFamily::lowGreyLevelCountEmphasis)
        .add("hgce", NgldmFamily::highGreyLevelCountEmphasis)
        .add("ldlge", NgldmFamily::lowDependenceLowGreyLevelEmphasis)
        .add("ldhge", NgldmFamily::lowDependenceHighGreyLevelEmphasis)
        .add("hdlge", NgldmFamily::highDependenceLowGreyLevelEmphasis)
        .add("hdhge", NgldmFamily::highDependenceHighGreyLevelEmphasis)
        .add("glnu", NgldmFamily::greyLevelNonUniformity)
        .add("glnu_norm", NgldmFamily::greyLevelNonUniformityNormalised)
        .add("dcnu", NgldmFamily::dependenceCountNonUniformity)
        .add("dcnu_norm", NgldmFamily::dependenceCountNonUniformityNormalised)
        .add("dc_perc", NgldmFamily::dependenceCountPercentage)
        .add("gl_var", NgldmFamily::greyLevelVariance)
        .add("dc_var", NgldmFamily::dependenceCountVariance)
        .add("dc_entr", m -> dependenceCountEntropy(m, 0))
        .add("dc_energy", NgldmFamily::dependenceCountEnergy);

    @Override
    public String pyradiomicsName() {
        return "gldm";
    }

    @Override
    public String ibsiPrefix() {
        return "ngl";
    }

    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "GLDM");
        int[][] offsets = Neighbourhood.chebyshevShells(options.distances(), Neighbourhood.fixedAxis(options));
        LevelCountMatrix m = build(image, offsets, options.gldmAlpha(), false).get(0);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        PYRADIOMICS.evaluate(m, "", "", out);
        return out;
    }

    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "NGLDM");
        int delta = Arrays.stream(options.distances()).max().orElse(1);
        int alpha = options.ngldmAlpha();
        Set<Aggregation> aggregations = options.aggregations();
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        String prefix = ibsiPrefix() + "_";
        boolean perSlice = aggregations.contains(Aggregation.AVG_2D);
        if (perSlice || aggregations.contains(Aggregation.MERGED_2_5D)) {
            List<LevelCountMatrix> units = build(image, Neighbourhood.chebyshevBall(delta, Neighbourhood.SLICE_AXIS),
                alpha, true);
            if (perSlice) {
                List<LevelCountMatrix> slices = new ArrayList<>();
                for (LevelCountMatrix m : units.subList(1, units.size())) {
                    if (!m.isEmpty()) {
                        slices.add(m);
                    }
                }
                IBSI.average(slices, prefix, "_" + Aggregation.AVG_2D.nonDirectionalSuffix(), out);
            }
            if (aggregations.contains(Aggregation.MERGED_2_5D)) {
                IBSI.evaluate(units.get(0), prefix, "_" + Aggregation.MERGED_2_5D.nonDirectionalSuffix(), out);
            }
        }
        if (aggregations.contains(Aggregation.AVG_3D)) {
            LevelCountMatrix m = build(image, Neighbourhood.chebyshevBall(delta, Neighbourhood.NONE), alpha, false).get(0);
            IBSI.evaluate(m, prefix, "_" + Aggregation.AVG_3D.nonDirectionalSuffix(), out);
        }
        return out;
    }

    /**
     * Builds the dependence matrix over the whole image (element 0) and, if {@code perSlice}, one
     * per slice k (elements 1..nz; meant for in-plane offsets).
     */
    static List<LevelCountMatrix> build(GreyLevelImage image, int[][] offsets, int alpha, boolean perSlice) {
        PaddedLevels grid = PaddedLevels.levels(image, Math.max(1, Neighbourhood.reach(offsets)));
        int[] steps = grid.steps(offsets);
        int maxLevel = image.maxLevelPresent();
        int[] back = ZoneLabeller.backwardHalf(steps);
        if (alpha == 0 && back != null && back.length <= 31 && !perSlice) {
            return List.of(fromSameLevelMasks(image, grid, back, offsets.length));
        }
        // Voxels outside the ROI get a level far below every ROI level, so that the dependence test
        // is a single comparison (no branch on "inside"); alpha >= maxLevel already links every pair.
        if (maxLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("grey level " + maxLevel + " exceeds " + MAX_LEVEL);
        }
        int a = Math.min(alpha, maxLevel);
        int[] v = grid.values.clone();
        for (int q = 0; q < v.length; q++) {
            if (v[q] == 0) {
                v[q] = OUTSIDE;
            }
        }
        int maxDependence = offsets.length + 1;
        int width = maxDependence + 1;
        int[] dense = new int[(maxLevel + 1) * width];
        int[] slice = perSlice ? new int[dense.length] : null;
        List<LevelCountMatrix> out = new ArrayList<>();
        out.add(null);
        int nx = grid.nx;
        int sy = grid.sy;
        // one slice of the padded grid from its first ROI-box voxel to its last, rows with their padding
        int span = (grid.ny - 1) * sy + nx;
        int[] dependence = new int[span];
        int[] centre = new int[span];
        int[] neighbour = new int[span];
        for (int k = 0; k < grid.nz; k++) {
            int sliceVoxels = 0;
            int base = grid.index(0, 0, k);
            // one long, branch-free pass per offset: |level - neighbour| <= a (a voxel outside the ROI,
            // level OUTSIDE, is never within a of an ROI level; padding voxels are counted and ignored).
            // The shifted neighbour slab is copied first so that every array is read at the loop
            // index itself, which lets the JIT vectorise the loop.
            System.arraycopy(v, base, centre, 0, span);
            Arrays.fill(dependence, 1);
            for (int st : steps) {
                System.arraycopy(v, base + st, neighbour, 0, span);
                for (int i = 0; i < span; i++) {
                    dependence[i] += ((a - Math.abs(centre[i] - neighbour[i])) >>> 31) ^ 1;
                }
            }
            for (int j = 0; j < grid.ny; j++) {
                int row = j * sy;
                for (int i = row; i < row + nx; i++) {
                    int level = v[base + i];
                    if (level == OUTSIDE) {
                        continue;
                    }
                    int cell = level * width + dependence[i];
                    dense[cell]++;
                    if (perSlice) {
                        slice[cell]++;
                        sliceVoxels++;
                    }
                }
            }
            if (perSlice) {
                out.add(LevelCountMatrix.fromDense(slice, maxLevel, maxDependence, sliceVoxels));
                Arrays.fill(slice, 0);
            }
        }
        out.set(0, LevelCountMatrix.fromDense(dense, maxLevel, maxDependence, image.roiVoxelCount()));
        return out;
    }

    /**
     * The dependence matrix with {@code alpha = 0} from the same-level bits that GLSZM's zone
     * labelling also uses ({@link PaddedLevels#sameLevelMasks}, built once per grid): a voxel
     * depends on a backward neighbour when its own bit for it is set, and on a forward neighbour
     * {@code q = p - back[t]} when bit {@code t} of {@code q} is set (q's backward neighbour t is p).
     * Bits only join voxels of one level, so neighbours outside the ROI never count.
     */
    private static LevelCountMatrix fromSameLevelMasks(GreyLevelImage image, PaddedLevels grid, int[] back,
                                                       int neighbours) {
        int[] masks = grid.sameLevelMasks(back);
        int[] v = grid.values;
        int maxLevel = image.maxLevelPresent();
        int width = neighbours + 2;
        int[] dense = new int[(maxLevel + 1) * width];
        int span = (grid.ny - 1) * grid.sy + grid.nx;
        int[] dependence = new int[span];
        int[] forward = new int[span];
        for (int k = 0; k < grid.nz; k++) {
            int base = grid.index(0, 0, k);
            for (int i = 0; i < span; i++) {
                dependence[i] = 1 + Integer.bitCount(masks[base + i]);
            }
            for (int t = 0; t < back.length; t++) {
                // bit t of the forward neighbour p - back[t], read through a copy at the loop index
                System.arraycopy(masks, base - back[t], forward, 0, span);
                for (int i = 0; i < span; i++) {
                    dependence[i] += (forward[i] >>> t) & 1;
                }
            }
            for (int j = 0; j < grid.ny; j++) {
                int row = j * grid.sy;
                for (int i = row; i < row + grid.nx; i++) {
                    int level = v[base + i];
                    dense[level * width + dependence[i]]++; // level 0 (outside) lands in row 0, dropped
                }
            }
        }
        Arrays.fill(dense, 0, width, 0);
        return LevelCountMatrix.fromDense(dense, maxLevel, neighbours + 1, image.roiVoxelCount());
    }

    // ---- features -------------------------------------------------------------------------

    /** Low dependence emphasis (IBSI lde, PyRadiomics SmallDependenceEmphasis): {@code (1/N_s) sum_j s_.j / j^2}. */
    static double lowDependenceEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> 1 / (j * j)) / m.total();
    }

    /** High dependence emphasis (hde, LargeDependenceEmphasis): {@code (1/N_s) sum_j j^2 s_.j}. */
    static double highDependenceEmphasis(LevelCountMatrix m) {
        return m.sumOverColumns(j -> j * j) / m.total();
    }

    /** Low grey level count emphasis (lgce, LowGrayLevelEmphasis): {@code (1/N_s) sum_i s_i. / i^2}. */
    static double lowGreyLevelCountEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> 1 / (i * i)) / m.total();
    }

    /** High grey level count emphasis (hgce, HighGrayLevelEmphasis): {@code (1/N_s) sum_i i^2 s_i.}. */
    static double highGreyLevelCountEmphasis(LevelCountMatrix m) {
        return m.sumOverLevels(i -> i * i) / m.total();
    }

    /** Low dependence low grey level emphasis (ldlge, SmallDependenceLowGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) / (i^2 j^2)}. */
    static double lowDependenceLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> 1 / (i * i * j * j)) / m.total();
    }

    /** Low dependence high grey level emphasis (ldhge, SmallDependenceHighGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) i^2 / j^2}. */
    static double lowDependenceHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i / (j * j)) / m.total();
    }

    /** High dependence low grey level emphasis (hdlge, LargeDependenceLowGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) j^2 / i^2}. */
    static double highDependenceLowGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> j * j / (i * i)) / m.total();
    }

    /** High dependence high grey level emphasis (hdhge, LargeDependenceHighGrayLevelEmphasis): {@code (1/N_s) sum P(i,j) i^2 j^2}. */
    static double highDependenceHighGreyLevelEmphasis(LevelCountMatrix m) {
        return m.sumOverCells((i, j) -> i * i * j * j) / m.total();
    }

    /** Grey level non-uniformity (glnu, GrayLevelNonUniformity): {@code (1/N_s) sum_i s_i.^2}. */
    static double greyLevelNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / m.total();
    }

    /** Normalised grey level non-uniformity (glnu_norm; IBSI only): {@code (1/N_s^2) sum_i s_i.^2}. */
    static double greyLevelNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredLevelSums() / (m.total() * m.total());
    }

    /** Dependence count non-uniformity (dcnu, DependenceNonUniformity): {@code (1/N_s) sum_j s_.j^2}. */
    static double dependenceCountNonUniformity(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / m.total();
    }

    /** Normalised dependence count non-uniformity (dcnu_norm, DependenceNonUniformityNormalized): {@code (1/N_s^2) sum_j s_.j^2}. */
    static double dependenceCountNonUniformityNormalised(LevelCountMatrix m) {
        return m.sumOfSquaredColumnSums() / (m.total() * m.total());
    }

    /** Dependence count percentage (dc_perc; IBSI only): {@code N_s / N_v} (1 under this definition). */
    static double dependenceCountPercentage(LevelCountMatrix m) {
        return m.total() / m.voxels();
    }

    /** Grey level variance (gl_var, GrayLevelVariance): {@code sum p(i,j) (i - mu)^2}, {@code mu = sum p(i,j) i}. */
    static double greyLevelVariance(LevelCountMatrix m) {
        return m.levelVariance();
    }

    /** Dependence count variance (dc_var, DependenceVariance): {@code sum p(i,j) (j - mu)^2}, {@code mu = sum p(i,j) j}. */
    static double dependenceCountVariance(LevelCountMatrix m) {
        return m.columnVariance();
    }

    /**
     * Dependence count entropy (dc_entr, DependenceEntropy): {@code -sum p(i,j) log2(p(i,j) + eps)};
     * {@code eps} is PyRadiomics' 2.2e-16, 0 for IBSI.
     */
    static double dependenceCountEntropy(LevelCountMatrix m, double eps) {
        return m.entropy(eps);
    }

    /** Dependence count energy (dc_energy; IBSI only): {@code sum p(i,j)^2}. */
    static double dependenceCountEnergy(LevelCountMatrix m) {
        return m.energy();
    }
}
