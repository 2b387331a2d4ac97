package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grey level co-occurrence matrix (GLCM) features, IBSI 1 chapter "Grey level co-occurrence
 * based features" (tags {@code cm_*}) and PyRadiomics class {@code glcm}.
 *
 * <h2>Matrix</h2>
 * For a direction (offset) {@code d}, {@code M_d(i, j)} counts the ROI voxels {@code v} of grey
 * level {@code i} whose neighbour {@code v + d} lies in the ROI and has level {@code j}; voxels
 * outside the ROI are ignored (no padding value). The symmetric GLCM is
 * {@code M_d + M_d^T} (co-occurrences along {@code +d} and {@code -d}). Matrices are built over the
 * grey levels present in the ROI only; absent levels would add empty rows and columns and change
 * no feature. {@code i} and {@code j} in every formula are the true level values, so gaps
 * between levels are respected. {@code p = M / sum(M)}.
 *
 * <p>Notation: {@code p_x(i) = sum_j p(i,j)}, {@code p_y(j) = sum_i p(i,j)},
 * {@code mu_x = sum_i i p_x(i)}, {@code mu_y = sum_j j p_y(j)},
 * {@code sigma_x^2 = sum_i (i - mu_x)^2 p_x(i)} (likewise {@code sigma_y}),
 * {@code p_{x-y}(k) = sum_{|i-j|=k} p(i,j)} for {@code k = 0..N_g-1} and
 * {@code p_{x+y}(k) = sum_{i+j=k} p(i,j)} for {@code k = 2..2N_g}. Entropies use base-2 logs;
 * {@code HXY = -sum p log2 p}, {@code HX = -sum p_x log2 p_x}, {@code HY = -sum p_y log2 p_y},
 * {@code HXY1 = -sum p(i,j) log2(p_x(i) p_y(j))},
 * {@code HXY2 = -sum p_x(i) p_y(j) log2(p_x(i) p_y(j))}.
 *
 * <h2>PyRadiomics semantics ({@link #pyradiomics})</h2>
 * <ul>
 *   <li>Angles: {@link Neighbourhood#pyradiomicsAngles} (all offsets at the Chebyshev {@code distances},
 *       one of each {@code +-} pair, size-limited to the ROI bounding box, in-plane only with
 *       {@code force2D}; all slices pooled).</li>
 *   <li>{@code symmetricalGLCM} (default true) adds the transpose.</li>
 *   <li>{@code weightingNorm} set: one matrix {@code sum_d w_d M_d} with
 *       {@code w_d = exp(-||d * spacing||^2)} (norm infinity, euclidean or manhattan;
 *       {@code no_weighting}: w = 1), features computed once.</li>
 *   <li>Otherwise, with more than one angle, angles with an empty matrix are dropped; features
 *       are computed per angle and averaged ignoring NaN (JointAverage: plain mean).</li>
 *   <li>Logs are {@code log2(x + eps)} with {@code eps = 2.220446049250313e-16}.
 *       {@code N_g} = the largest level present.</li>
 *   <li>Undefined cases: Correlation = 1 when {@code sigma_x sigma_y = 0}; Imc1 = 0 when
 *       {@code max(HX, HY) = 0}; Imc2 = 0 when {@code HXY2 = HXY}, NaN when rounding makes the
 *       root's argument negative; MCC = 1 with fewer than 2 grey levels; an empty matrix gives
 *       NaN for every feature (MCC: 1 with fewer than 2 levels).</li>
 *   <li>24 features, in PyRadiomics' default (ASCII) order: {@link #PYRADIOMICS_FEATURES}.
 *       The deprecated Dissimilarity, Homogeneity1, Homogeneity2 and SumVariance are not output.</li>
 * </ul>
 *
 * <h2>IBSI semantics ({@link #ibsi})</h2>
 * <ul>
 *   <li>Always symmetric; direction vectors at Chebyshev distance {@code delta} (one value in
 *       {@code distances}, default 1): 13 in 3D, 4 in the slice ({@code k} = const) plane for 2D
 *       and 2.5D.</li>
 *   <li>Aggregation (see {@link Aggregation}): {@code 2D_avg} features per slice and direction,
 *       averaged over all (slice, direction) matrices; {@code 2D_comb} the 4 directions of a slice
 *       merged (counts summed), averaged over slices; {@code 2_5D_avg} per direction, all slices
 *       merged, averaged over the 4 directions; {@code 2_5D_comb} everything merged;
 *       {@code 3D_avg} per 3D direction, averaged over the 13; {@code 3D_comb} the 13 merged.</li>
 *   <li>Logs are plain {@code log2} with {@code 0 log2 0 = 0}; {@code N_g} is the number of
 *       levels of the discretisation ({@link GreyLevelImage#numLevels()}).</li>
 *   <li>Undefined cases: an empty matrix (e.g. a one-voxel slice, or the out-of-plane
 *       directions of a one-slice ROI) is left out of the averages; correlation is NaN when
 *       {@code sigma = 0} and information correlation 1 is NaN when {@code HX = 0} (a matrix
 *       with one grey level); NaN values are left out of the averages, and a value is NaN only
 *       if no matrix defines it.</li>
 *   <li>25 features per aggregation, tags {@code cm_<name>_<suffix>} in the order of the IBSI
 *       manual: {@link #IBSI_FEATURES}. More than one distance is rejected
 *       ({@link IllegalArgumentException}): IBSI defines one neighbourhood distance.</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * The ROI is cropped to its bounding box once ({@link PaddedLevels#compactIndices}); each direction is one pass
 * over the box into a matrix of the levels present; every matrix is built once per aggregation
 * unit and all features are derived from it. MCC costs one symmetric eigenvalue problem of the
 * size of the levels present per angle. Instances hold no state and may be shared between
 * threads. An image without ROI voxels is rejected with {@link IllegalArgumentException}.
 */
public final class GlcmFamily implements TextureFamily {
    private static final Logger LOG = LoggerFactory.getLogger(GlcmFamily.class);

    /** NumPy's {@code spacing(1)}, added inside PyRadiomics' logarithms. */
    static final double EPS = 2.220446049250313e-16;
    private static final double LN2 = Math.log(2.0);

    /** PyRadiomics features in default output order. */
    private static final FeatureTable<Matrix> PYRADIOMICS = new FeatureTable<Matrix>()
        .add("Autocorrelation", GlcmFamily::autocorrelation)
        .add("ClusterProminence", GlcmFamily::clusterProminence)
        .add("ClusterShade", GlcmFamily::clusterShade)
        .add("ClusterTendency", GlcmFamily::clusterTendency)
        .add("Contrast", GlcmFamily::contrast)
        .add("Correlation", GlcmFamily::correlation)
        .add("DifferenceAverage", GlcmFamily::differenceAverage)
        .add("DifferenceEntropy", GlcmFamily::differenceEntropy)
        .add("DifferenceVariance", GlcmFamily::differenceVariance)
        .add("Id", GlcmFamily::inverseDifference)
        .add("Idm", GlcmFamily::inverseDifferenceMoment)
        .add("Idmn", GlcmFamily::inverseDifferenceMomentNormalised)
        .add("Idn", GlcmFamily::inverseDifferenceNormalised)
        .add("Imc1", GlcmFamily::informationCorrelation1)
        .add("Imc2", GlcmFamily::informationCorrelation2)
        .add("InverseVariance", GlcmFamily::inverseVariance)
        .add("JointAverage", GlcmFamily::jointAverage)
        .add("JointEnergy", GlcmFamily::jointEnergy)
        .add("JointEntropy", GlcmFamily::jointEntropy)
        .add("MCC", GlcmFamily::maximalCorrelationCoefficient)
        .add("MaximumProbability", GlcmFamily::jointMaximum)
        .add("SumAverage", GlcmFamily::sumAverage)
        .add("SumEntropy", GlcmFamily::sumEntropy)
        .add("SumSquares", GlcmFamily::jointVariance);

    /** IBSI features (tag without prefix and aggregation suffix), in the IBSI manual's order. */
    private static final FeatureTable<Matrix> IBSI = new FeatureTable<Matrix>()
        .add("joint_max", GlcmFamily::jointMaximum)
        .add("joint_avg", GlcmFamily::jointAverage)
        .add("joint_var", GlcmFamily::jointVariance)
        .add("joint_entr", GlcmFamily::jointEntropy)
        .add("diff_avg", GlcmFamily::differenceAverage)
        .add("diff_var", GlcmFamily::differenceVariance)
        .add("diff_entr", GlcmFamily::differenceEntropy)
        .add("sum_avg", GlcmFamily::sumAverage)
        .add("sum_var", GlcmFamily::sumVariance)
        .add("sum_entr", GlcmFamily::sumEntropy)
        .add("energy", GlcmFamily::jointEnergy)
        .add("contrast", GlcmFamily::contrast)
        .add("dissimilarity", GlcmFamily::dissimilarity)
        .add("inv_diff", GlcmFamily::inverseDifference)
        .add("inv_diff_norm", GlcmFamily::inverseDifferenceNormalised)
        .add("inv_diff_mom", GlcmFamily::inverseDifferenceMoment)
        .add("inv_diff_mom_norm", GlcmFamily::inverseDifferenceMomentNormalised)
        .add("inv_var", GlcmFamily::inverseVariance)
        .add("corr", GlcmFamily::correlation)
        .add("auto_corr", GlcmFamily::autocorrelation)
        .add("clust_tend", GlcmFamily::clusterTendency)
        .add("clust_shade", GlcmFamily::clusterShade)
        .add("clust_prom", GlcmFamily::clusterProminence)
        .add("info_corr1", GlcmFamily::informationCorrelation1)
        .add("info_corr2", GlcmFamily::informationCorrelation2);

    /** PyRadiomics feature names in default output order. */
    public static final List<String> PYRADIOMICS_FEATURES = PYRADIOMICS.names();

    /** IBSI feature names (tag without prefix and aggregation suffix), in the IBSI manual's order. */
    public static final List<String> IBSI_FEATURES = IBSI.names();

    private static final int JOINT_AVERAGE_INDEX = PYRADIOMICS_FEATURES.indexOf("JointAverage");

    @Override
    public String pyradiomicsName() {
        return "glcm";
    }

    @Override
    public String ibsiPrefix() {
        return "cm";
    }

    // ------------------------------------------------------------------------------------------
    // PyRadiomics

    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        int[] distances = options.distances();
        PaddedLevels roi = PaddedLevels.compactIndices(image, max(distances));
        int[][] angles = Neighbourhood.pyradiomicsAngles(distances, roi.boxSize(), options.force2D(),
            options.force2DDimension());
        int ng = roi.levelCount();
        double ngValue = image.maxLevelPresent();
        double[] spacing = image.spacing();

        boolean weighted = options.weightingNorm() != null;
        double[] merged = new double[ng * ng];
        double[] m = new double[ng * ng];
        FeatureTable.Mean mean = new FeatureTable.Mean(PYRADIOMICS.size());
        int used = 0;
        int[] counts = countPairs(roi, angles, 0, roi.nz);
        Workspace ws = new Workspace(roi.levels);
        for (int t = 0; t < angles.length; t++) {
            int[] angle = angles[t];
            pairMatrix(counts, t, ng, m);
            if (options.symmetricalGlcm()) {
                symmetrise(m, ng);
            }
            if (weighted) {
                double len = Neighbourhood.length(angle, spacing, options.weightingNorm());
                double w = Double.isNaN(len) ? 1.0 : Math.exp(-len * len);
                for (int n = 0; n < merged.length; n++) {
                    merged[n] += w * m[n];
                }
            } else if (angles.length == 1 || sum(m) > 0) { // PyRadiomics deletes empty angles when there are several
                mean.add(pyradiomicsValues(new Matrix(m, roi.levels, ngValue, true, ws)));
                used++;
            }
        }
        double[] values;
        if (weighted) {
            values = pyradiomicsValues(new Matrix(merged, roi.levels, ngValue, true));
        } else if (used == 0) {
            LOG.debug("GLCM: no co-occurring voxel pairs in any of {} angles; features are NaN", angles.length);
            values = emptyPyradiomicsValues(ng);
        } else {
            values = mean.nanMean();
            values[JOINT_AVERAGE_INDEX] = mean.plainMean(JOINT_AVERAGE_INDEX);
        }
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        PYRADIOMICS.put(values, "", "", out);
        return out;
    }

    private static double[] emptyPyradiomicsValues(int ng) {
        double[] v = new double[PYRADIOMICS_FEATURES.size()];
        Arrays.fill(v, Double.NaN);
        if (ng < 2) {
            v[PYRADIOMICS_FEATURES.indexOf("MCC")] = 1.0;
        }
        return v;
    }

    /** The 24 PyRadiomics features of one matrix, in {@link #PYRADIOMICS_FEATURES} order. */
    static double[] pyradiomicsValues(Matrix m) {
        if (m.empty) {
            return emptyPyradiomicsValues(m.ng);
        }
        return PYRADIOMICS.values(m);
    }

    // ------------------------------------------------------------------------------------------
    // IBSI

    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        int[] distances = options.distances();
        if (distances.length != 1) {
            throw new IllegalArgumentException("IBSI GLCM takes one distance, got " + Arrays.toString(distances));
        }
        int delta = distances[0];
        PaddedLevels roi = PaddedLevels.compactIndices(image, delta);
        int ng = roi.levelCount();
        double ngValue = image.numLevels();
        java.util.Set<Aggregation> wanted = options.aggregations();
        Map<Aggregation, double[]> results = new EnumMap<>(Aggregation.class);
        int nf = IBSI.size();

        if (wanted.contains(Aggregation.AVG_2D) || wanted.contains(Aggregation.MERGED_2D)
            || wanted.contains(Aggregation.AVG_2_5D) || wanted.contains(Aggregation.MERGED_2_5D)) {
            int[][] dirs = Neighbourhood.ibsiDirections2D(delta);
            FeatureTable.Mean avg2D = new FeatureTable.Mean(nf);
            FeatureTable.Mean comb2D = new FeatureTable.Mean(nf);
            double[][] byDirection = new double[dirs.length][ng * ng];
            double[] one = new double[ng * ng];
            double[] slice = new double[ng * ng];
            for (int k = 0; k < roi.nz; k++) {
                Arrays.fill(slice, 0);
                int[] counts = countPairs(roi, dirs, k, k + 1);
                for (int t = 0; t < dirs.length; t++) {
                    pairMatrix(counts, t, ng, one);
                    symmetrise(one, ng);
                    if (wanted.contains(Aggregation.AVG_2D)) {
                        avg2D.addUnlessEmpty(ibsiValues(new Matrix(one, roi.levels, ngValue, false)));
                    }
                    add(slice, one);
                    add(byDirection[t], one);
                }
                if (wanted.contains(Aggregation.MERGED_2D)) {
                    comb2D.addUnlessEmpty(ibsiValues(new Matrix(slice, roi.levels, ngValue, false)));
                }
            }
            results.put(Aggregation.AVG_2D, avg2D.nanMean());
            results.put(Aggregation.MERGED_2D, comb2D.nanMean());
            FeatureTable.Mean avg25 = new FeatureTable.Mean(nf);
            double[] all = new double[ng * ng];
            for (double[] m : byDirection) {
                avg25.addUnlessEmpty(ibsiValues(new Matrix(m, roi.levels, ngValue, false)));
                add(all, m);
            }
            results.put(Aggregation.AVG_2_5D, avg25.nanMean());
            results.put(Aggregation.MERGED_2_5D, ibsiValues(new Matrix(all, roi.levels, ngValue, false)));
        }
        if (wanted.contains(Aggregation.AVG_3D) || wanted.contains(Aggregation.MERGED_3D)) {
            int[][] dirs = Neighbourhood.ibsiDirections3D(delta);
            FeatureTable.Mean avg3D = new FeatureTable.Mean(nf);
            double[] all = new double[ng * ng];
            double[] one = new double[ng * ng];
            int[] counts = countPairs(roi, dirs, 0, roi.nz);
            for (int t = 0; t < dirs.length; t++) {
                pairMatrix(counts, t, ng, one);
                symmetrise(one, ng);
                avg3D.addUnlessEmpty(ibsiValues(new Matrix(one, roi.levels, ngValue, false)));
                add(all, one);
            }
            results.put(Aggregation.AVG_3D, avg3D.nanMean());
            results.put(Aggregation.MERGED_3D, ibsiValues(new Matrix(all, roi.levels, ngValue, false)));
        }

        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        for (Aggregation a : Aggregation.values()) {
            if (!wanted.contains(a)) {
                continue;
            }
            IBSI.put(results.get(a), "cm_", "_" + a.suffix(), out);
        }
        return out;
    }

    /** The 25 IBSI features of one matrix, in {@link #IBSI_FEATURES} order (all NaN when empty). */
    static double[] ibsiValues(Matrix m) {
        if (m.empty) {
            double[] v = new double[IBSI_FEATURES.size()];
            Arrays.fill(v, Double.NaN);
            return v;
        }
        return IBSI.values(m);
    }

    // ------------------------------------------------------------------------------------------
    // Matrix construction

    /**
     * Adds to {@code m} (row-major {@code ng x ng}, compact level indices) the pairs (v, v + d) of
     * ROI voxels whose first voxel lies in bounding-box slices {@code kFrom..kTo-1}. One direction
     * only (not symmetrised). Needs {@code |d_a| <= roi.pad}.
     */
    static void countPairs(PaddedLevels roi, int[] d, int kFrom, int kTo, double[] m) {
        int ng = roi.levelCount();
        int[] counts = countPairs(roi, new int[][] {d}, kFrom, kTo);
        double[] one = new double[ng * ng];
        pairMatrix(counts, 0, ng, one);
        add(m, one);
    }

    /**
     * The pair counts of several directions in few passes over the box (each ROI voxel of slices
     * {@code kFrom..kTo-1} is read once per group of directions whose counts fit in the L1 cache,
     * and its neighbours along each direction of the group counted), as one
     * int array: direction t, row a, column b at {@code t ng (ng + 1) + a (ng + 1) + b + 1}; column
     * 0 of each row collects the neighbours outside the ROI (index -1), so the loop has no branch
     * on the neighbour. Read a direction's matrix with {@link #pairMatrix}.
     */
    static int[] countPairs(PaddedLevels roi, int[][] dirs, int kFrom, int kTo) {
        int[] idx = roi.values;
        int ng = roi.levelCount();
        int width = ng + 1;
        int cells = ng * width;
        int nd = dirs.length;
        int[] steps = new int[nd];
        int[] offsets = new int[nd];
        for (int t = 0; t < nd; t++) {
            steps[t] = roi.step(dirs[t]);
            offsets[t] = t * cells + 1;
        }
        int[] counts = new int[nd * cells];
        // directions in groups of at most 16384 counts (64 KB; only the cells of the levels that
        // neighbour each other are hot, so that much stays mostly in the L1 cache): all 13 for 34
        // levels, 5 for 52 (at 8192 counts the 52-level image took 60 % longer, passing over the
        // grid 7 times); a group is passed over in chunks of up to 5 directions whose steps and
        // offsets stay in registers
        int group = Math.max(1, Math.min(nd, 16384 / cells));
        for (int g0 = 0; g0 < nd; g0 += group) {
            int g1 = Math.min(nd, g0 + group);
            for (int t0 = g0; t0 < g1; ) {
                int n = Math.min(g1 - t0, g1 - t0 == 8 || g1 - t0 == 4 ? 4 : 5);
                switch (n) {
                    case 5:
                        countFive(roi, kFrom, kTo, width, counts, steps, offsets, t0);
                        break;
                    case 4:
                        countFour(roi, kFrom, kTo, width, counts, steps, offsets, t0);
                        break;
                    default:
                        countFew(roi, kFrom, kTo, width, counts, steps, offsets, t0, t0 + n);
                        break;
                }
                t0 += n;
            }
        }
        return counts;
    }

    /** Pairs of directions {@code t0..t1-1} of {@link #countPairs(PaddedLevels, int[][], int, int)}, any number. */
    private static void countFew(PaddedLevels roi, int kFrom, int kTo, int width, int[] counts, int[] steps,
                                 int[] offsets, int t0, int t1) {
        int[] idx = roi.values;
        for (int k = kFrom; k < kTo; k++) {
            for (int j = 0; j < roi.ny; j++) {
                int p = roi.index(0, j, k);
                for (int end = p + roi.nx; p < end; p++) {
                    int a = idx[p];
                    if (a < 0) {
                        continue;
                    }
                    int row = a * width;
                    for (int t = t0; t < t1; t++) {
                        counts[offsets[t] + row + idx[p + steps[t]]]++;
                    }
                }
            }
        }
    }

    /** As {@link #countFew} for five directions from {@code t0}, unrolled. */
    private static void countFive(PaddedLevels roi, int kFrom, int kTo, int width, int[] counts, int[] steps,
                                  int[] offsets, int t0) {
        int[] idx = roi.values;
        final int s0 = steps[t0];
        final int s1 = steps[t0 + 1];
        final int s2 = steps[t0 + 2];
        final int s3 = steps[t0 + 3];
        final int s4 = steps[t0 + 4];
        final int o0 = offsets[t0];
        final int o1 = offsets[t0 + 1];
        final int o2 = offsets[t0 + 2];
        final int o3 = offsets[t0 + 3];
        final int o4 = offsets[t0 + 4];
        for (int k = kFrom; k < kTo; k++) {
            for (int j = 0; j < roi.ny; j++) {
                int p = roi.index(0, j, k);
                for (int end = p + roi.nx; p < end; p++) {
                    int a = idx[p];
                    if (a < 0) {
                        continue;
                    }
                    int row = a * width;
                    counts[o0 + row + idx[p + s0]]++;
                    counts[o1 + row + idx[p + s1]]++;
                    counts[o2 + row + idx[p + s2]]++;
                    counts[o3 + row + idx[p + s3]]++;
                    counts[o4 + row + idx[p + s4]]++;
                }
            }
        }
    }

    /** As {@link #countFew} for four directions from {@code t0}, unrolled. */
    private static void countFour(PaddedLevels roi, int kFrom, int kTo, int width, int[] counts, int[] steps,
                                  int[] offsets, int t0) {
        int[] idx = roi.values;
        final int s0 = steps[t0];
        final int s1 = steps[t0 + 1];
        final int s2 = steps[t0 + 2];
        final int s3 = steps[t0 + 3];
        final int o0 = offsets[t0];
        final int o1 = offsets[t0 + 1];
        final int o2 = offsets[t0 + 2];
        final int o3 = offsets[t0 + 3];
        for (int k = kFrom; k < kTo; k++) {
            for (int j = 0; j < roi.ny; j++) {
                int p = roi.index(0, j, k);
                for (int end = p + roi.nx; p < end; p++) {
                    int a = idx[p];
                    if (a < 0) {
                        continue;
                    }
                    int row = a * width;
                    counts[o0 + row + idx[p + s0]]++;
                    counts[o1 + row + idx[p + s1]]++;
                    counts[o2 + row + idx[p + s2]]++;
                    counts[o3 + row + idx[p + s3]]++;
                }
            }
        }
    }

    /** Writes direction t of {@link #countPairs(PaddedLevels, int[][], int, int)} into {@code m} (row-major ng x ng). */
    static void pairMatrix(int[] counts, int t, int ng, double[] m) {
        int width = ng + 1;
        int base = t * ng * width + 1;
        for (int a = 0; a < ng; a++) {
            int src = base + a * width;
            for (int b = 0; b < ng; b++) {
                m[a * ng + b] = counts[src + b];
            }
        }
    }

    /** {@code m <- m + m^T}. */
    static void symmetrise(double[] m, int ng) {
        for (int a = 0; a < ng; a++) {
            m[a * ng + a] *= 2;
            for (int b = a + 1; b < ng; b++) {
                double s = m[a * ng + b] + m[b * ng + a];
                m[a * ng + b] = s;
                m[b * ng + a] = s;
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Features: each takes a normalised matrix with its marginals

    /** Joint maximum (IBSI {@code joint_max}, PyRadiomics MaximumProbability): {@code max p(i,j)}. */
    static double jointMaximum(Matrix m) {
        return m.sums().max;
    }

    /** Joint average (IBSI {@code joint_avg}, PyRadiomics JointAverage): {@code sum i p(i,j) = mu_x}. */
    static double jointAverage(Matrix m) {
        return m.sums().jointAverage;
    }

    /**
     * Joint variance (IBSI {@code joint_var}, PyRadiomics SumSquares):
     * {@code sum (i - mu_x)^2 p(i,j)}.
     */
    static double jointVariance(Matrix m) {
        return m.sums().jointVariance;
    }

    /** Joint entropy (IBSI {@code joint_entr}, PyRadiomics JointEntropy): {@code HXY = -sum p log2 p}. */
    static double jointEntropy(Matrix m) {
        return m.hxy; // -sum p log2 p over the non-zero entries, summed once in the matrix
    }

    /** Difference average (IBSI {@code diff_avg}, PyRadiomics DifferenceAverage): {@code sum_k k p_{x-y}(k)}. */
    static double differenceAverage(Matrix m) {
        double s = 0;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += k * m.pDiff[k];
        }
        return s;
    }

    /**
     * Difference variance (IBSI {@code diff_var}, PyRadiomics DifferenceVariance):
     * {@code sum_k (k - DA)^2 p_{x-y}(k)}, DA = difference average.
     */
    static double differenceVariance(Matrix m) {
        double da = differenceAverage(m);
        double s = 0;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += (k - da) * (k - da) * m.pDiff[k];
        }
        return s;
    }

    /**
     * Difference entropy (IBSI {@code diff_entr}, PyRadiomics DifferenceEntropy):
     * {@code -sum_k p_{x-y}(k) log2 p_{x-y}(k)}.
     */
    static double differenceEntropy(Matrix m) {
        double s = 0;
        for (double v : m.pDiff) {
            s -= m.plog2(v);
        }
        return s;
    }

    /** Sum average (IBSI {@code sum_avg}, PyRadiomics SumAverage): {@code sum_k k p_{x+y}(k)}. */
    static double sumAverage(Matrix m) {
        double s = 0;
        for (int k = 0; k < m.pSum.length; k++) {
            s += k * m.pSum[k];
        }
        return s;
    }

    /**
     * Sum variance (IBSI {@code sum_var}; PyRadiomics' deprecated SumVariance, not output):
     * {@code sum_k (k - SA)^2 p_{x+y}(k)}, SA = sum average.
     */
    static double sumVariance(Matrix m) {
        double sa = sumAverage(m);
        double s = 0;
        for (int k = 0; k < m.pSum.length; k++) {
            s += (k - sa) * (k - sa) * m.pSum[k];
        }
        return s;
    }

    /** Sum entropy (IBSI {@code sum_entr}, PyRadiomics SumEntropy): {@code -sum_k p_{x+y}(k) log2 p_{x+y}(k)}. */
    static double sumEntropy(Matrix m) {
        double s = 0;
        for (double v : m.pSum) {
            s -= m.plog2(v);
        }
        return s;
    }

    /** Angular second moment (IBSI {@code energy}, PyRadiomics JointEnergy): {@code sum p(i,j)^2}. */
    static double jointEnergy(Matrix m) {
        return m.sums().energy;
    }

    /** Contrast (IBSI {@code contrast}, PyRadiomics Contrast): {@code sum (i - j)^2 p(i,j)}. */
    static double contrast(Matrix m) {
        return m.sums().contrast;
    }

    /** Dissimilarity (IBSI {@code dissimilarity}; equals difference average): {@code sum |i - j| p(i,j)}. */
    static double dissimilarity(Matrix m) {
        return m.sums().dissimilarity;
    }

    /** Inverse difference (IBSI {@code inv_diff}, PyRadiomics Id): {@code sum_k p_{x-y}(k) / (1 + k)}. */
    static double inverseDifference(Matrix m) {
        double s = 0;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += m.pDiff[k] / (1.0 + k);
        }
        return s;
    }

    /**
     * Normalised inverse difference (IBSI {@code inv_diff_norm}, PyRadiomics Idn):
     * {@code sum_k p_{x-y}(k) / (1 + k / N_g)}.
     */
    static double inverseDifferenceNormalised(Matrix m) {
        double s = 0;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += m.pDiff[k] / (1.0 + k / m.ngValue);
        }
        return s;
    }

    /** Inverse difference moment (IBSI {@code inv_diff_mom}, PyRadiomics Idm): {@code sum_k p_{x-y}(k) / (1 + k^2)}. */
    static double inverseDifferenceMoment(Matrix m) {
        double s = 0;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += m.pDiff[k] / (1.0 + (double) k * k);
        }
        return s;
    }

    /**
     * Normalised inverse difference moment (IBSI {@code inv_diff_mom_norm}, PyRadiomics Idmn):
     * {@code sum_k p_{x-y}(k) / (1 + k^2 / N_g^2)}.
     */
    static double inverseDifferenceMomentNormalised(Matrix m) {
        double s = 0;
        double ng2 = m.ngValue * m.ngValue;
        for (int k = 0; k < m.pDiff.length; k++) {
            s += m.pDiff[k] / (1.0 + (double) k * k / ng2);
        }
        return s;
    }

    /** Inverse variance (IBSI {@code inv_var}, PyRadiomics InverseVariance): {@code sum_{k>=1} p_{x-y}(k) / k^2}. */
    static double inverseVariance(Matrix m) {
        double s = 0;
        for (int k = 1; k < m.pDiff.length; k++) {
            s += m.pDiff[k] / ((double) k * k);
        }
        return s;
    }

    /**
     * Correlation (IBSI {@code corr}, PyRadiomics Correlation):
     * {@code sum (i - mu_x)(j - mu_y) p(i,j) / (sigma_x sigma_y)}. PyRadiomics divides by
     * {@code sigma_x sigma_y + eps} and returns 1 when {@code sigma_x sigma_y = 0}; IBSI: NaN then.
     */
    static double correlation(Matrix m) {
        EntrySums t = m.sums();
        double cov = t.covariance;
        double ss = Math.sqrt(t.varianceX) * Math.sqrt(t.varianceY);
        if (ss == 0) {
            return m.pyradiomics ? 1.0 : Double.NaN;
        }
        return m.pyradiomics ? cov / (ss + EPS) : cov / ss;
    }

    /** Autocorrelation (IBSI {@code auto_corr}, PyRadiomics Autocorrelation): {@code sum i j p(i,j)}. */
    static double autocorrelation(Matrix m) {
        return m.sums().autocorrelation;
    }

    /**
     * Cluster tendency (IBSI {@code clust_tend}, PyRadiomics ClusterTendency):
     * {@code sum (i + j - mu_x - mu_y)^2 p(i,j)}.
     */
    static double clusterTendency(Matrix m) {
        return m.sums().cluster2;
    }

    /** Cluster shade (IBSI {@code clust_shade}, PyRadiomics ClusterShade): {@code sum (i + j - mu_x - mu_y)^3 p(i,j)}. */
    static double clusterShade(Matrix m) {
        return m.sums().cluster3;
    }

    /**
     * Cluster prominence (IBSI {@code clust_prom}, PyRadiomics ClusterProminence):
     * {@code sum (i + j - mu_x - mu_y)^4 p(i,j)}.
     */
    static double clusterProminence(Matrix m) {
        return m.sums().cluster4;
    }

    /**
     * Information correlation 1 (IBSI {@code info_corr1}, PyRadiomics Imc1):
     * {@code (HXY - HXY1) / max(HX, HY)}. PyRadiomics: 0 when {@code max(HX, HY) = 0}; IBSI
     * (HX = HY for the symmetric matrix): NaN when {@code HX = 0} (one grey level).
     */
    static double informationCorrelation1(Matrix m) {
        double hxy1 = m.sums().hxy1;
        double div = Math.max(m.hx, m.hy);
        if (div == 0) {
            return m.pyradiomics ? 0.0 : Double.NaN;
        }
        return (m.hxy - hxy1) / div;
    }

    /**
     * Information correlation 2 (IBSI {@code info_corr2}, PyRadiomics Imc2):
     * {@code sqrt(1 - exp(-2 (HXY2 - HXY)))} (natural exponential of base-2 entropies); 0 when
     * {@code HXY2 = HXY}; NaN if rounding makes {@code HXY2 < HXY}.
     */
    static double informationCorrelation2(Matrix m) {
        double hxy2 = 0;
        double[] logQ = m.logMarginalProducts();
        for (int a = 0; a < m.ng; a++) {
            if (m.px[a] == 0) {
                continue;
            }
            for (int b = 0; b < m.ng; b++) {
                double q = m.px[a] * m.py[b];
                hxy2 -= q == 0 ? 0.0 : q * logQ[a * m.ng + b]; // m.plog2(q)
            }
        }
        if (hxy2 == m.hxy) {
            return 0.0;
        }
        return Math.sqrt(1 - Math.exp(-2 * (hxy2 - m.hxy)));
    }

    /**
     * Maximal correlation coefficient (PyRadiomics MCC; not an IBSI 1 feature):
     * {@code sqrt(lambda_2)}, the square root of the second-largest eigenvalue of
     * {@code Q(i,j) = sum_k p(i,k) p(j,k) / (p_x(i) p_y(k) + eps)}; 1 with fewer than 2 grey
     * levels.
     *
     * <p>Computation: without {@code eps}, {@code Q} is similar to the symmetric positive
     * semi-definite {@code S = B B^T}, {@code B(i,k) = p(i,k) / sqrt(p_x(i) p_y(k))} (rows and
     * columns with zero marginals dropped; they only add zero eigenvalues). The eigenvalues of
     * {@code S} are found with a symmetric solver, then corrected to first order for {@code eps}:
     * with {@code x} the unit eigenvector, {@code lambda -= x^T D^{1/2} E D^{-1/2} x},
     * {@code E(i,j) = sum_k p(i,k) p(j,k) c(i,k)},
     * {@code c = eps / (p_x p_y (p_x p_y + eps))}. Eigenvalues closer to {@code lambda_2} than
     * 100 times the size of that correction (at most {@code eps / min(p_x p_y)}) are treated
     * together: Q restricted to their eigenvectors is {@code diag(lambda) - U^T E V}, whose
     * eigenvalues are taken (exact when every eigenvalue is in the group). The neglected terms are
     * of second order in {@code eps / min(p_x p_y)} and far below the 1e-6 agreement target;
     * this reproduces PyRadiomics' general eigen-solver result at a fraction of its cost. A
     * {@code lambda_2} within 1e-14 of 0 gives 0 (its sign is rounding noise); a clearly negative
     * one gives NaN, as the square root does in PyRadiomics.
     */
    static double maximalCorrelationCoefficient(Matrix m) {
        if (m.ng < 2) {
            return 1.0;
        }
        Workspace ws = m.ws;
        int[] rows = ws == null ? new int[m.ng] : ws.rows;
        int nr = 0;
        for (int a = 0; a < m.ng; a++) {
            if (m.px[a] > 0) {
                rows[nr++] = a;
            }
        }
        if (nr < 2) {
            return 0.0; // Q has one non-zero row: eigenvalues {1, 0, ...}
        }
        int ng = m.ng;
        double[] sqx = ws == null ? new double[ng] : ws.sqx;
        double[] sqy = ws == null ? new double[ng] : ws.sqy;
        for (int a = 0; a < ng; a++) {
            sqx[a] = Math.sqrt(m.px[a]);
            sqy[a] = Math.sqrt(m.py[a]);
        }
        // B (nr x ng), columns with p_y = 0 are zero
        double[] bm = ws == null ? new double[nr * ng] : ws.zeroed(ws.bm, nr * ng);
        double minProduct = Double.POSITIVE_INFINITY;
        for (int r = 0; r < nr; r++) {
            int a = rows[r];
            for (int k = 0; k < ng; k++) {
                double v = m.p[a * ng + k];
                if (v != 0) {
                    bm[r * ng + k] = v / (sqx[a] * sqy[k]);
                    minProduct = Math.min(minProduct, m.px[a] * m.py[k]);
                }
            }
        }
        // eigenvalues within the reach of the eps perturbation of lambda_2 form a cluster
        double rel = EPS / minProduct;
        double tol = Math.max(1e2 * rel, 1e-13);
        double[] isolated = isolatedSecondEigenpair(m, rows, nr, bm, tol);
        if (isolated != null) { // the common case: lambda_2 alone, away from every other eigenvalue
            double[][] q = clusterMatrix(m, rows, nr, sqx, new double[][] {Arrays.copyOfRange(isolated, 1, nr + 1)},
                new double[] {isolated[0]});
            return squareRootOfSecond(q[0][0]);
        }
        DMatrixRMaj s = new DMatrixRMaj(nr, nr);
        for (int r = 0; r < nr; r++) {
            for (int t = 0; t <= r; t++) {
                double acc = 0;
                int ro = r * ng;
                int to = t * ng;
                for (int k = 0; k < ng; k++) {
                    acc += bm[ro + k] * bm[to + k];
                }
                s.unsafe_set(r, t, acc);
                s.unsafe_set(t, r, acc);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> values = DecompositionFactory_DDRM.eig(nr, false, true);
        if (!values.decompose(s.copy())) {
            LOG.debug("MCC: eigen decomposition did not converge");
            return Double.NaN;
        }
        int ne = values.getNumberOfEigenvalues();
        double[] lambda = new double[ne];
        for (int t = 0; t < ne; t++) {
            lambda[t] = values.getEigenvalue(t).real;
        }
        Arrays.sort(lambda); // ascending
        double second = lambda[ne - 2];
        int lo = ne - 2;
        while (lo > 0 && second - lambda[lo - 1] <= tol) {
            lo--;
        }
        boolean firstInCluster = lambda[ne - 1] - second <= tol;
        int hi = firstInCluster ? ne - 1 : ne - 2;
        int nc = hi - lo + 1;
        double[] clusterLambda = Arrays.copyOfRange(lambda, lo, hi + 1);
        // unit eigenvectors of the cluster: inverse iteration for a well separated single eigenvalue,
        // otherwise a full decomposition
        double gap = Math.min(lo > 0 ? second - lambda[lo - 1] : Double.POSITIVE_INFINITY,
            hi < ne - 1 ? lambda[hi + 1] - second : Double.POSITIVE_INFINITY);
        double[][] xs = new double[nc][];
        if (nc == 1 && gap >= 1e-6) {
            xs[0] = inverseIteration(s, second);
        } else {
            EigenDecomposition_F64<DMatrixRMaj> full = DecompositionFactory_DDRM.eig(nr, true, true);
            if (!full.decompose(s.copy())) {
                LOG.debug("MCC: eigen decomposition did not converge");
                return Double.NaN;
            }
            Integer[] order = new Integer[ne];
            double[] fl = new double[ne];
            for (int t = 0; t < ne; t++) {
                order[t] = t;
                fl[t] = full.getEigenvalue(t).real;
            }
            Arrays.sort(order, (x, y) -> Double.compare(fl[x], fl[y]));
            for (int c = 0; c < nc; c++) {
                DMatrixRMaj v = (DMatrixRMaj) full.getEigenVector(order[lo + c]);
                clusterLambda[c] = fl[order[lo + c]];
                xs[c] = unit(v.getData(), nr);
            }
        }
        double[][] corr = clusterMatrix(m, rows, nr, sqx, xs, clusterLambda);
        double[] corrected = smallEigenvalues(corr);
        Arrays.sort(corrected);
        double lambda2 = firstInCluster ? (nc >= 2 ? corrected[nc - 2] : second) : corrected[nc - 1];
        return squareRootOfSecond(lambda2);
    }

    /**
     * {@code sqrt(lambda_2)}, with a {@code lambda_2} within rounding of 0 ({@code |lambda_2| <=}
     * {@value #ZERO_EIGENVALUE}; the largest eigenvalue is 1) taken as 0, since its sign is then
     * decided by rounding alone (a rank-one GLCM gives +-1e-16); a clearly negative one gives NaN,
     * as the square root does in PyRadiomics.
     */
    private static double squareRootOfSecond(double lambda2) {
        if (Math.abs(lambda2) <= ZERO_EIGENVALUE) {
            return 0.0;
        }
        return lambda2 < 0 ? Double.NaN : Math.sqrt(lambda2);
    }

    /** Eigenvalues of Q this close to 0 are rounding noise (the largest is 1). */
    private static final double ZERO_EIGENVALUE = 1e-14;

    /**
     * Q restricted to the eigenvectors {@code xs} (unit, in the space of the non-zero rows
     * {@code rows}) of eigenvalues {@code clusterLambda} of S, with the first-order {@code eps}
     * correction: {@code diag(lambda) - U^T E V}, {@code u = D^{1/2} x}, {@code v = D^{-1/2} x}.
     */
    private static double[][] clusterMatrix(Matrix m, int[] rows, int nr, double[] sqx, double[][] xs,
                                            double[] clusterLambda) {
        int ng = m.ng;
        int nc = xs.length;
        // first-order eps correction on the cluster: corr(a,b) = u_a^T E v_b, u = D^{1/2} x, v = D^{-1/2} x
        double[][] ys = new double[nc][];
        for (int c = 0; c < nc; c++) {
            double[] x = xs[c];
            double[] y = new double[ng];
            for (int r = 0; r < nr; r++) {
                int a = rows[r];
                double xr = x[r] / sqx[a];
                for (int k = 0; k < ng; k++) {
                    y[k] += m.p[a * ng + k] * xr;
                }
            }
            ys[c] = y;
        }
        double[][] corr = new double[nc][nc];
        for (int r = 0; r < nr; r++) {
            int a = rows[r];
            for (int k = 0; k < ng; k++) {
                double v = m.p[a * ng + k];
                if (v == 0) {
                    continue;
                }
                double q = m.px[a] * m.py[k];
                double w = sqx[a] * v * (EPS / (q * (q + EPS)));
                for (int c1 = 0; c1 < nc; c1++) {
                    double left = xs[c1][r] * w;
                    for (int c2 = 0; c2 < nc; c2++) {
                        corr[c1][c2] += left * ys[c2][k];
                    }
                }
            }
        }
        // restricted to the cluster, Q acts as diag(lambda) - corr (exact when the cluster is everything)
        for (int c = 0; c < nc; c++) {
            for (int c2 = 0; c2 < nc; c2++) {
                corr[c][c2] = (c == c2 ? clusterLambda[c] : 0.0) - corr[c][c2];
            }
        }
        return corr;
    }

    /**
     * The second-largest eigenvalue of S and its unit eigenvector, as {@code {lambda_2, x...}},
     * when lambda_2 is isolated: more than {@code tol} from the other eigenvalues and at least
     * 1e-6 from the nearest; otherwise null (the caller then uses a full decomposition). Works
     * on S itself, or, when the GLCM is symmetric, on {@code B} (then square, and
     * {@code S = B^2}: the eigenvalues of S are the squares of those of B, whose eigenvectors are
     * shared), which saves forming S. One or two eigenvalues are computed; the isolation is
     * checked with eigenvalue counts.
     */
    static double[] isolatedSecondEigenpair(Matrix m, int[] rows, int nr, double[] bm, double tol) {
        int ng = m.ng;
        boolean symmetric = true;
        for (int a = 0; a < ng && symmetric; a++) {
            symmetric = m.px[a] == m.py[a];
            for (int b = 0; b < a && symmetric; b++) {
                symmetric = m.p[a * ng + b] == m.p[b * ng + a];
            }
        }
        double[][] a = m.ws == null ? new double[nr][nr] : m.ws.square(nr); // every entry written below
        for (int r = 0; r < nr; r++) {
            int ro = r * ng;
            if (symmetric) { // columns with p_y = 0 are exactly the rows with p_x = 0: B is nr x nr
                for (int t = 0; t < nr; t++) {
                    a[r][t] = bm[ro + rows[t]];
                }
            } else {
                for (int t = 0; t <= r; t++) {
                    double acc = 0;
                    int to = t * ng;
                    for (int k = 0; k < ng; k++) {
                        acc += bm[ro + k] * bm[to + k];
                    }
                    a[r][t] = acc;
                    a[t][r] = acc;
                }
            }
        }
        SymmetricEigen eig = new SymmetricEigen(a, m.ws == null ? null : m.ws.householder());
        // lambda_2 = the second-largest eigenvalue of S: of B, the larger square of the second-largest
        // and the smallest eigenvalue (the largest is 1: Q is row-stochastic)
        int index = nr - 2;
        double mu = eig.eigenvalue(index);
        if (symmetric && eig.countBelow(-Math.abs(mu)) > 0) {
            index = 0;
            mu = eig.eigenvalue(0);
        }
        double second = symmetric ? mu * mu : mu;
        // isolated: exactly one eigenvalue of S at or above second + g, none other within g of it
        double g = Math.max(tol, 1e-6);
        int belowUpper = symmetric ? eig.countInside(Math.sqrt(second + g)) : eig.countBelow(second + g);
        int belowLower = second - g <= 0 ? 0
            : symmetric ? eig.countInside(Math.sqrt(second - g)) : eig.countBelow(second - g);
        if (nr - belowUpper != 1 || belowUpper - belowLower != 1) {
            return null;
        }
        double[] x = eig.eigenvector(index);
        double[] out = new double[nr + 1];
        out[0] = second;
        System.arraycopy(x, 0, out, 1, nr);
        return out;
    }

    /**
     * Unit eigenvector of the symmetric matrix {@code s} for its eigenvalue {@code lambda}, which
     * lies at least 1e-6 from every other eigenvalue: inverse iteration with
     * {@code (s - sigma I)}, {@code sigma} just above {@code lambda}, LU with partial pivoting.
     */
    static double[] inverseIteration(DMatrixRMaj s, double lambda) {
        int n = s.numRows;
        double shift = lambda + 1e-11 * Math.max(1.0, Math.abs(lambda));
        double[] lu = s.getData().clone();
        for (int r = 0; r < n; r++) {
            lu[r * n + r] -= shift;
        }
        int[] perm = new int[n];
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(lu[r * n + c]) > Math.abs(lu[piv * n + c])) {
                    piv = r;
                }
            }
            perm[c] = piv;
            if (piv != c) {
                for (int t = 0; t < n; t++) {
                    double tmp = lu[c * n + t];
                    lu[c * n + t] = lu[piv * n + t];
                    lu[piv * n + t] = tmp;
                }
            }
            double d = lu[c * n + c];
            if (d == 0) {
                d = lu[c * n + c] = Double.MIN_NORMAL;
            }
            for (int r = c + 1; r < n; r++) {
                double f = lu[r * n + c] / d;
                lu[r * n + c] = f;
                if (f != 0) {
                    for (int t = c + 1; t < n; t++) {
                        lu[r * n + t] -= f * lu[c * n + t];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = 1.0 + 0.5 * ((r * 7919) % 13) / 13.0;
        }
        for (int iter = 0; iter < 3; iter++) {
            for (int c = 0; c < n; c++) { // apply the row swaps, then forward and back substitution
                int piv = perm[c];
                double tmp = x[c];
                x[c] = x[piv];
                x[piv] = tmp;
            }
            for (int r = 1; r < n; r++) {
                double acc = x[r];
                for (int t = 0; t < r; t++) {
                    acc -= lu[r * n + t] * x[t];
                }
                x[r] = acc;
            }
            for (int r = n - 1; r >= 0; r--) {
                double acc = x[r];
                for (int t = r + 1; t < n; t++) {
                    acc -= lu[r * n + t] * x[t];
                }
                x[r] = acc / lu[r * n + r];
            }
            x = unit(x, n);
        }
        return x;
    }

    private static double[] unit(double[] v, int n) {
        double norm = 0;
        for (int r = 0; r < n; r++) {
            norm += v[r] * v[r];
        }
        norm = Math.sqrt(norm);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = v[r] / norm;
        }
        return out;
    }

    /** Real parts of the eigenvalues of a small square matrix. */
    private static double[] smallEigenvalues(double[][] a) {
        int n = a.length;
        if (n == 1) {
            return new double[] {a[0][0]};
        }
        DMatrixRMaj m = new DMatrixRMaj(a);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, false);
        double[] out = new double[n];
        if (!eig.decompose(m)) {
            for (int i = 0; i < n; i++) {
                out[i] = a[i][i];
            }
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).real;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    /**
     * A co-occurrence matrix normalised to probabilities, with the quantities several features
     * share: marginals, means, diagonal and cross-diagonal sums and the entropies HXY, HX, HY.
     */
    static final class Matrix {
        final boolean empty;
        final boolean pyradiomics;
        final int ng;
        final double ngValue;
        final double[] levels;
        final double[] p;
        /** Non-zero entries: row, column, probability. */
        final int nnz;
        final int[] ia;
        final int[] ib;
        final double[] pv;
        final double[] px;
        final double[] py;
        final double muX;
        final double muY;
        /** p_{x-y}(k), k = 0..max level - 1. */
        final double[] pDiff;
        /** p_{x+y}(k), k = 0..2 max level (entries below 2 are 0). */
        final double[] pSum;
        final double hxy;
        final double hx;
        final double hy;

        /**
         * @param counts      row-major {@code ng x ng} co-occurrence counts (compact level indices)
         * @param levelValues grey level of each compact index
         * @param ngValue     N_g used by Idn / Idmn
         * @param pyradiomics true: logs of {@code x + eps} and PyRadiomics' undefined-value rules
         */
        Matrix(double[] counts, int[] levelValues, double ngValue, boolean pyradiomics) {
            this(counts, levelValues, ngValue, pyradiomics, null);
        }

        /**
         * As {@link #Matrix(double[], int[], double, boolean)}, its arrays (and those of its
         * features) taken from {@code ws} when not null: the matrix is then valid until the next
         * one is made with the same workspace.
         */
        Matrix(double[] counts, int[] levelValues, double ngValue, boolean pyradiomics, Workspace ws) {
            if (ws != null && ws.levels != levelValues) {
                throw new IllegalArgumentException("workspace made for other grey levels");
            }
            this.ws = ws;
            this.pyradiomics = pyradiomics;
            this.ng = levelValues.length;
            this.ngValue = ngValue;
            this.levels = new double[ng];
            for (int a = 0; a < ng; a++) {
                levels[a] = levelValues[a];
            }
            double total = 0;
            int count = 0;
            double largest = 0;
            for (double c : counts) {
                total += c;
                if (c != 0) {
                    count++;
                    if (c > largest) {
                        largest = c;
                    }
                }
            }
            this.empty = total == 0;
            this.nnz = count;
            int maxLevel = ng == 0 ? 0 : levelValues[ng - 1];
            if (ws == null) {
                this.p = new double[ng * ng];
                this.ia = new int[count];
                this.ib = new int[count];
                this.pv = new double[count];
                this.px = new double[ng];
                this.py = new double[ng];
                this.pDiff = new double[Math.max(maxLevel, 1)];
                this.pSum = new double[2 * maxLevel + 1];
            } else { // entries 0..nnz-1 of ia, ib, pv are written below; the sums start from 0
                this.p = ws.zeroed(ws.p);
                this.ia = ws.ia;
                this.ib = ws.ib;
                this.pv = ws.pv;
                this.px = ws.zeroed(ws.px);
                this.py = ws.zeroed(ws.py);
                this.pDiff = ws.zeroed(ws.pDiff);
                this.pSum = ws.zeroed(ws.pSum);
            }
            if (empty) {
                muX = muY = hxy = hx = hy = Double.NaN;
                return;
            }
            // HXY = -sum p log2 p, in entry order. p log p depends on the count only, and most
            // entries hold a small whole count: one logarithm per distinct small count (0 marks a
            // count not seen yet: p log2(p + eps) is never 0 for 0 < p <= 1)
            int table = (int) Math.min(COUNT_TABLE, largest + 1); // small matrices, small tables
            double[] byCount = ws == null ? new double[table] : ws.byCount;
            if (ws != null) {
                Arrays.fill(byCount, 0, table, 0.0);
            }
            double h = 0;
            int e = 0;
            for (int a = 0; a < ng; a++) {
                for (int b = 0; b < ng; b++) {
                    double c = counts[a * ng + b];
                    if (c != 0) {
                        double v = c / total;
                        int key = (int) c;
                        if (key == c && key < table) {
                            double term = byCount[key];
                            if (term == 0) {
                                term = plog2(v);
                                byCount[key] = term;
                            }
                            h -= term;
                        } else {
                            h -= plog2(v);
                        }
                        p[a * ng + b] = v;
                        ia[e] = a;
                        ib[e] = b;
                        pv[e] = v;
                        e++;
                        px[a] += v;
                        py[b] += v;
                        pDiff[Math.abs(levelValues[a] - levelValues[b])] += v;
                        pSum[levelValues[a] + levelValues[b]] += v;
                    }
                }
            }
            double mx = 0;
            double my = 0;
            double ex = 0;
            double ey = 0;
            for (int a = 0; a < ng; a++) {
                mx += levels[a] * px[a];
                my += levels[a] * py[a];
                ex -= plog2(px[a]);
                ey -= plog2(py[a]);
            }
            muX = mx;
            muY = my;
            hx = ex;
            hy = ey;
            hxy = h;
        }

        /** Whole counts below this share their {@code p log p} term (see the constructor). */
        private static final int COUNT_TABLE = 512;

        /** Where the arrays come from, or null (each matrix its own). */
        final Workspace ws;

        private EntrySums sums;

        /** The sums over the non-zero entries, in one pass (on first use). */
        EntrySums sums() {
            if (sums == null) {
                sums = new EntrySums(this);
            }
            return sums;
        }

        /** Grey level (row) of non-zero entry e. */
        double li(int e) {
            return levels[ia[e]];
        }

        /** Grey level (column) of non-zero entry e. */
        double lj(int e) {
            return levels[ib[e]];
        }

        private double[] logQ;

        /**
         * {@code log2(p_x(a) p_y(b))} as {@link #log2} computes it, at {@code a ng + b} for every row
         * with {@code p_x(a) > 0} (0 elsewhere), shared by Imc1 and Imc2; when {@code p_x = p_y}
         * (a symmetric matrix) the products are symmetric and half the logarithms are taken.
         */
        double[] logMarginalProducts() {
            if (logQ != null) {
                return logQ;
            }
            double[] t = ws == null ? new double[ng * ng] : ws.zeroed(ws.logQ);
            boolean same = Arrays.equals(px, py);
            for (int a = 0; a < ng; a++) {
                if (px[a] == 0) {
                    continue;
                }
                for (int b = same ? a : 0; b < ng; b++) {
                    double v = log2(px[a] * py[b]);
                    t[a * ng + b] = v;
                    if (same) {
                        t[b * ng + a] = v; // p_x(b) > 0 when p_y(b) > 0 and p_x = p_y; else the row is skipped
                    }
                }
            }
            logQ = t;
            return t;
        }

        /** {@code log2(x + eps)} (PyRadiomics) or {@code log2 x} (IBSI). */
        double log2(double x) {
            return Math.log(pyradiomics ? x + EPS : x) / LN2;
        }

        /** {@code x log2(x + eps)} (PyRadiomics) or {@code x log2 x} with {@code 0 log 0 = 0} (IBSI). */
        double plog2(double x) {
            return x == 0 ? 0.0 : x * log2(x);
        }
    }

    /**
     * The arrays of the matrices of one image (one grey-level set), reused from one matrix to the
     * next: a GLCM of 50 levels and its features need about 100 KB of arrays, and with new ones for
     * each of 13 directions of 13 derived images that was about 5 MB of new memory per vertebra
     * case (slow to touch; see WorkArrays).
     * Single-threaded: one workspace per image and thread.
     */
    static final class Workspace {
        final int[] levels;
        final double[] p;
        final int[] ia;
        final int[] ib;
        final double[] pv;
        final double[] px;
        final double[] py;
        final double[] pDiff;
        final double[] pSum;
        final double[] byCount;
        final double[] logQ;
        final int[] rows;
        final double[] sqx;
        final double[] sqy;
        final double[] bm;
        private final double[][][] squares;
        private double[][] house;

        Workspace(int[] levels) {
            this.levels = levels;
            int ng = levels.length;
            int maxLevel = ng == 0 ? 0 : levels[ng - 1];
            p = new double[ng * ng];
            ia = new int[ng * ng];
            ib = new int[ng * ng];
            pv = new double[ng * ng];
            px = new double[ng];
            py = new double[ng];
            pDiff = new double[Math.max(maxLevel, 1)];
            pSum = new double[2 * maxLevel + 1];
            byCount = new double[Matrix.COUNT_TABLE];
            logQ = new double[ng * ng];
            rows = new int[ng];
            sqx = new double[ng];
            sqy = new double[ng];
            bm = new double[ng * ng];
            squares = new double[ng + 1][][];
        }

        double[] zeroed(double[] a) {
            Arrays.fill(a, 0.0);
            return a;
        }

        double[] zeroed(double[] a, int n) {
            Arrays.fill(a, 0, n, 0.0);
            return a;
        }

        /** An n x n array (contents left from its last use); one per size, n <= ng. */
        double[][] square(int n) {
            if (squares[n] == null) {
                squares[n] = new double[n][n];
            }
            return squares[n];
        }

        /** Work rows for the Householder vectors of a {@link SymmetricEigen} of order up to ng (any contents). */
        double[][] householder() {
            if (house == null) {
                house = new double[Math.max(levels.length - 2, 0)][levels.length];
            }
            return house;
        }
    }

    /**
     * The sums over the non-zero entries {@code p(i,j)} (grey levels i, j) that the features
     * read, accumulated in one pass in entry order, each exactly as its own loop would:
     * {@code max p}; {@code sum i p}; {@code sum (i - mu_x)^2 p}; {@code sum p^2};
     * {@code sum (i - j)^2 p}; {@code sum |i - j| p}; {@code sum (i - mu_x)(j - mu_y) p} and the
     * two variances; {@code sum i j p}; {@code sum (i + j - mu_x - mu_y)^k p} for k = 2, 3, 4;
     * {@code HXY1 = -sum p log2(p_x(i) p_y(j))}.
     */
    static final class EntrySums {
        final double max;
        final double jointAverage;
        final double jointVariance;
        final double energy;
        final double contrast;
        final double dissimilarity;
        final double covariance;
        final double varianceX;
        final double varianceY;
        final double autocorrelation;
        final double cluster2;
        final double cluster3;
        final double cluster4;
        final double hxy1;

        EntrySums(Matrix m) {
            double[] logQ = m.logMarginalProducts();
            double mx = 0;
            double avg = 0;
            double var = 0;
            double en = 0;
            double con = 0;
            double dis = 0;
            double cov = 0;
            double sx = 0;
            double sy = 0;
            double auto = 0;
            double c2 = 0;
            double c3 = 0;
            double c4 = 0;
            double h1 = 0;
            for (int e = 0; e < m.nnz; e++) {
                double p = m.pv[e];
                double i = m.li(e);
                double j = m.lj(e);
                if (p > mx) { // p > 0: as Math.max, without its NaN and signed-zero handling
                    mx = p;
                }
                avg += i * p;
                double dx = i - m.muX;
                double dy = j - m.muY;
                var += dx * dx * p;
                en += p * p;
                double d = i - j;
                con += d * d * p;
                dis += Math.abs(i - j) * p;
                cov += (i - m.muX) * (j - m.muY) * p;
                sx += dx * dx * p;
                sy += dy * dy * p;
                auto += i * j * p;
                double c = i + j - m.muX - m.muY;
                double cc = c * c;
                c2 += cc * p;
                c3 += cc * c * p;
                c4 += cc * cc * p;
                h1 -= p * logQ[m.ia[e] * m.ng + m.ib[e]];
            }
            max = mx;
            jointAverage = avg;
            jointVariance = var;
            energy = en;
            contrast = con;
            dissimilarity = dis;
            covariance = cov;
            varianceX = sx;
            varianceY = sy;
            autocorrelation = auto;
            cluster2 = c2;
            cluster3 = c3;
            cluster4 = c4;
            hxy1 = h1;
        }
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static void add(double[] target, double[] v) {
        for (int n = 0; n < v.length; n++) {
            target[n] += v[n];
        }
    }
}
