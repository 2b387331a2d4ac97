package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grey level run length matrix (GLRLM) features, IBSI 1 chapter "Grey level run length based
 * features" (tags {@code rlm_*}) and PyRadiomics class {@code glrlm}.
 *
 * <h2>Matrix</h2>
 * Along a direction {@code d}, a run is a maximal sequence of consecutive ROI voxels
 * {@code v, v + d, v + 2d, ...} with the same grey level; a voxel outside the ROI ends a run.
 * {@code r(i, j)} counts the runs of level {@code i} and length {@code j}. Matrices are built over
 * the levels present in the ROI; {@code i} is the true level value, {@code j} the true length.
 *
 * <p>Notation: {@code N_s = sum r(i,j)} (number of runs), {@code r_i. = sum_j r(i,j)},
 * {@code r_.j = sum_i r(i,j)}, {@code N_v = sum_j j r_.j} (the voxels the runs cover: the ROI
 * voxel count, summed over the matrices that were merged), {@code p(i,j) = r(i,j) / N_s}.
 *
 * <h2>PyRadiomics semantics ({@link #pyradiomics})</h2>
 * <ul>
 *   <li>Angles: distance 1 always ({@code distances} is ignored), 13 in 3D or 4 with
 *       {@code force2D}, same order and bounding-box size limit as the GLCM
 *       ({@link Neighbourhood#pyradiomicsAngles}); all slices pooled.</li>
 *   <li>A direction in which no line through the bounding box holds more than one ROI voxel
 *       (adjacent or not) gets an empty matrix.</li>
 *   <li>{@code weightingNorm} set: one matrix {@code sum_d w_d r_d} with the distance
 *       {@code w_d = ||d * spacing||} (infinity, euclidean or manhattan; {@code no_weighting}:
 *       w = 1), features computed once. Otherwise, with more than one angle, empty angles are
 *       dropped; features are computed per angle and averaged ignoring NaN.</li>
 *   <li>{@code N_v} is computed per angle from the matrix; an empty matrix ({@code N_s = 0})
 *       gives NaN. Logs are {@code log2(x + eps)}, {@code eps = 2.220446049250313e-16}.</li>
 *   <li>16 features, in PyRadiomics' default order: {@link #PYRADIOMICS_FEATURES}.</li>
 * </ul>
 *
 * <h2>IBSI semantics ({@link #ibsi})</h2>
 * <ul>
 *   <li>Directions: 13 in 3D; 4 in the slice ({@code k} = const) plane for 2D / 2.5D.</li>
 *   <li>Aggregation as for the GLCM (see {@link Aggregation} and {@link GlcmFamily}): averaged
 *       per slice and direction, merged per slice, merged per direction over slices, fully
 *       merged (2.5D); per 3D direction or merged (3D). Merging sums the run counts and
 *       {@code N_v}.</li>
 *   <li>Logs are plain {@code log2} with {@code 0 log2 0 = 0}. Slices without ROI voxels are
 *       skipped; every other matrix has at least one run, so no IBSI value is undefined.</li>
 *   <li>16 features per aggregation, tags {@code rlm_<name>_<suffix>}: {@link #IBSI_FEATURES}.
 *       Runs are always along unit steps ({@code distances} is not used).</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * The ROI is cropped to its bounding box once ({@link PaddedLevels#compactIndices}); each direction is one
 * branch-free walk along the lines of the box ({@link #countRuns}); every matrix is built once per
 * aggregation unit and all features are derived from it. Instances hold no state and may be
 * shared between threads. An image without ROI voxels is rejected with
 * {@link IllegalArgumentException}.
 */
public final class GlrlmFamily implements TextureFamily {
    private static final Logger LOG = LoggerFactory.getLogger(GlrlmFamily.class);

    /** NumPy's {@code spacing(1)}, added inside PyRadiomics' logarithms. */
    private static final double EPS = 2.220446049250313e-16;
    private static final double LN2 = Math.log(2.0);

    /** PyRadiomics features in default output order. */
    private static final FeatureTable<RunMatrix> PYRADIOMICS = new FeatureTable<RunMatrix>()
        .add("GrayLevelNonUniformity", GlrlmFamily::greyLevelNonUniformity)
        .add("GrayLevelNonUniformityNormalized", GlrlmFamily::greyLevelNonUniformityNormalised)
        .add("GrayLevelVariance", GlrlmFamily::greyLevelVariance)
        .add("HighGrayLevelRunEmphasis", GlrlmFamily::highGreyLevelRunEmphasis)
        .add("LongRunEmphasis", GlrlmFamily::longRunsEmphasis)
        .add("LongRunHighGrayLevelEmphasis", GlrlmFamily::longRunHighGreyLevelEmphasis)
        .add("LongRunLowGrayLevelEmphasis", GlrlmFamily::longRunLowGreyLevelEmphasis)
        .add("LowGrayLevelRunEmphasis", GlrlmFamily::lowGreyLevelRunEmphasis)
        .add("RunEntropy", GlrlmFamily::runEntropy)
        .add("RunLengthNonUniformity", GlrlmFamily::runLengthNonUniformity)
        .add("RunLengthNonUniformityNormalized", GlrlmFamily::runLengthNonUniformityNormalised)
        .add("RunPercentage", GlrlmFamily::runPercentage)
        .add("RunVariance", GlrlmFamily::runLengthVariance)
        .add("ShortRunEmphasis", GlrlmFamily::shortRunsEmphasis)
        .add("ShortRunHighGrayLevelEmphasis", GlrlmFamily::shortRunHighGreyLevelEmphasis)
        .add("ShortRunLowGrayLevelEmphasis", GlrlmFamily::shortRunLowGreyLevelEmphasis);

    /** IBSI features (tag without prefix and aggregation suffix), in the IBSI manual's order. */
    private static final FeatureTable<RunMatrix> IBSI = new FeatureTable<RunMatrix>()
        .add("sre", GlrlmFamily::shortRunsEmphasis)
        .add("lre", GlrlmFamily::longRunsEmphasis)
        .add("lgre", GlrlmFamily::lowGreyLevelRunEmphasis)
        .add("hgre", GlrlmFamily::highGreyLevelRunEmphasis)
        .add("srlge", GlrlmFamily::shortRunLowGreyLevelEmphasis)
        .add("srhge", GlrlmFamily::shortRunHighGreyLevelEmphasis)
        .add("lrlge", GlrlmFamily::longRunLowGreyLevelEmphasis)
        .add("lrhge", GlrlmFamily::longRunHighGreyLevelEmphasis)
        .add("glnu", GlrlmFamily::greyLevelNonUniformity)
        .add("glnu_norm", GlrlmFamily::greyLevelNonUniformityNormalised)
        .add("rlnu", GlrlmFamily::runLengthNonUniformity)
        .add("rlnu_norm", GlrlmFamily::runLengthNonUniformityNormalised)
        .add("r_perc", GlrlmFamily::runPercentage)
        .add("gl_var", GlrlmFamily::greyLevelVariance)
        .add("rl_var", GlrlmFamily::runLengthVariance)
        .add("rl_entr", GlrlmFamily::runEntropy);

    /** PyRadiomics feature names in default output order. */
    public static final List<String> PYRADIOMICS_FEATURES = PYRADIOMICS.names();

    /** IBSI feature names (tag without prefix and aggregation suffix), in the IBSI manual's order. */
    public static final List<String> IBSI_FEATURES = IBSI.names();

    @Override
    public String pyradiomicsName() {
        return "glrlm";
    }

    @Override
    public String ibsiPrefix() {
        return "rlm";
    }

    // ------------------------------------------------------------------------------------------
    // PyRadiomics

    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        PaddedLevels roi = PaddedLevels.compactIndices(image, 1);
        int[][] angles = Neighbourhood.pyradiomicsAngles(new int[] {1}, roi.boxSize(), options.force2D(),
            options.force2DDimension());
        int ng = roi.levelCount();
        int stride = roi.maxDimension() + 1;
        double[] asDouble = new double[ng * stride];
        boolean weighted = options.weightingNorm() != null;
        double[] spacing = image.spacing();
        double[] merged = new double[ng * stride];
        int[] counts = new int[ng * stride];
        int[] scratch = new int[2 * (ng + 1) * stride];
        FeatureTable.Mean mean = new FeatureTable.Mean(PYRADIOMICS.size());
        for (int[] angle : angles) {
            Arrays.fill(counts, 0);
            int longest = countRuns(roi, angle, 0, roi.nz, counts, stride, scratch);
            if (longest < 2 && !lineHoldsTwoVoxels(roi, angle)) {
                Arrays.fill(counts, 0); // PyRadiomics clears a degenerate direction
                LOG.debug("GLRLM: direction {} has no line with two ROI voxels; its matrix is empty",
                    Arrays.toString(angle));
            }
            if (weighted) {
                double len = Neighbourhood.length(angle, spacing, options.weightingNorm());
                double w = Double.isNaN(len) ? 1.0 : len;
                for (int n = 0; n < merged.length; n++) {
                    merged[n] += w * counts[n];
                }
            } else {
                RunMatrix rm = new RunMatrix(toDouble(counts, asDouble), roi.levels, stride, true);
                if (angles.length == 1 || !rm.empty) { // PyRadiomics deletes empty angles when there are several
                    mean.add(pyradiomicsValues(rm));
                }
            }
        }
        double[] values = weighted ? pyradiomicsValues(new RunMatrix(merged, roi.levels, stride, true)) : mean.nanMean();
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        PYRADIOMICS.put(values, "", "", out);
        return out;
    }

    /** The 16 PyRadiomics features of one matrix, in {@link #PYRADIOMICS_FEATURES} order. */
    static double[] pyradiomicsValues(RunMatrix m) {
        if (m.empty) {
            return nan(PYRADIOMICS_FEATURES.size());
        }
        return PYRADIOMICS.values(m);
    }

    // ------------------------------------------------------------------------------------------
    // IBSI

    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        PaddedLevels roi = PaddedLevels.compactIndices(image, 1);
        int ng = roi.levelCount();
        int stride = roi.maxDimension() + 1;
        int size = ng * stride;
        double[] asDouble = new double[size];
        Set<Aggregation> wanted = options.aggregations();
        Map<Aggregation, double[]> results = new EnumMap<>(Aggregation.class);
        int nf = IBSI.size();
        int[] scratch = new int[2 * (ng + 1) * stride];

        if (wanted.contains(Aggregation.AVG_2D) || wanted.contains(Aggregation.MERGED_2D)
            || wanted.contains(Aggregation.AVG_2_5D) || wanted.contains(Aggregation.MERGED_2_5D)) {
            int[][] dirs = Neighbourhood.ibsiDirections2D(1);
            FeatureTable.Mean avg2D = new FeatureTable.Mean(nf);
            FeatureTable.Mean comb2D = new FeatureTable.Mean(nf);
            int[][] byDirection = new int[dirs.length][size];
            int[] one = new int[size];
            int[] slice = new int[size];
            for (int k = 0; k < roi.nz; k++) {
                Arrays.fill(slice, 0);
                for (int t = 0; t < dirs.length; t++) {
                    Arrays.fill(one, 0);
                    countRuns(roi, dirs[t], k, k + 1, one, stride, scratch);
                    if (wanted.contains(Aggregation.AVG_2D)) {
                        avg2D.addUnlessEmpty(ibsiValues(rm(one, asDouble, roi, stride)));
                    }
                    add(slice, one);
                    add(byDirection[t], one);
                }
                if (wanted.contains(Aggregation.MERGED_2D)) {
                    comb2D.addUnlessEmpty(ibsiValues(rm(slice, asDouble, roi, stride)));
                }
            }
            results.put(Aggregation.AVG_2D, avg2D.nanMean());
            results.put(Aggregation.MERGED_2D, comb2D.nanMean());
            FeatureTable.Mean avg25 = new FeatureTable.Mean(nf);
            int[] all = new int[size];
            for (int[] m : byDirection) {
                avg25.addUnlessEmpty(ibsiValues(rm(m, asDouble, roi, stride)));
                add(all, m);
            }
            results.put(Aggregation.AVG_2_5D, avg25.nanMean());
            results.put(Aggregation.MERGED_2_5D, ibsiValues(rm(all, asDouble, roi, stride)));
        }
        if (wanted.contains(Aggregation.AVG_3D) || wanted.contains(Aggregation.MERGED_3D)) {
            FeatureTable.Mean avg3D = new FeatureTable.Mean(nf);
            int[] all = new int[size];
            int[] one = new int[size];
            for (int[] d : Neighbourhood.ibsiDirections3D(1)) {
                Arrays.fill(one, 0);
                countRuns(roi, d, 0, roi.nz, one, stride, scratch);
                avg3D.addUnlessEmpty(ibsiValues(rm(one, asDouble, roi, stride)));
                add(all, one);
            }
            results.put(Aggregation.AVG_3D, avg3D.nanMean());
            results.put(Aggregation.MERGED_3D, ibsiValues(rm(all, asDouble, roi, stride)));
        }
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        for (Aggregation a : Aggregation.values()) {
            if (!wanted.contains(a)) {
                continue;
            }
            IBSI.put(results.get(a), "rlm_", "_" + a.suffix(), out);
        }
        return out;
    }

    /** The 16 IBSI features of one matrix, in {@link #IBSI_FEATURES} order (all NaN when empty). */
    static double[] ibsiValues(RunMatrix m) {
        if (m.empty) {
            return nan(IBSI_FEATURES.size());
        }
        return IBSI.values(m);
    }

    // ------------------------------------------------------------------------------------------
    // Matrix construction

    /**
     * Adds to {@code m} (row-major {@code ng x stride}, column = run length) the runs along
     * {@code d} (components in -1..1, not all 0) that lie in bounding-box slices
     * {@code kFrom..kTo-1}. Directions with a z component need all slices ({@code 0..nz}); an
     * in-plane direction may be given any slice range.
     *
     * <p>Walks each line of the box along {@code d} once, from its entry face, holding the current
     * level and run length in registers. Voxels outside the ROI form runs of their own (compact
     * index -1), so the walk needs no test for them: every voxel adds "the run of the previous
     * voxel ends here" (0 or 1) at the previous voxel's (level, length), and the runs outside the
     * ROI land in row 0 of {@code scratch}, which is dropped. Written without data-dependent
     * branches, because short runs make them unpredictable ({@code (x | -x) >>> 31} is 1 iff
     * {@code x != 0}). Lines are walked two at a time, into two halves of {@code scratch}, so that
     * the two independent chains of run lengths overlap (about 20 % faster than one at a time).
     *
     * @param scratch work space of at least {@code 2 (ng + 1) * stride} entries, all 0 on entry and
     *                left all 0 (so that a caller reuses it without clearing it: a slice-by-slice
     *                IBSI call then costs the slice, not the matrix size)
     * @return the longest run of ROI voxels found (0 if none)
     * @throws IllegalArgumentException if {@code d} leaves the slice range or {@code scratch} is too small
     */
    static int countRuns(PaddedLevels roi, int[] d, int kFrom, int kTo, int[] m, int stride, int[] scratch) {
        int ng = roi.levelCount();
        int rows = (ng + 1) * stride;
        if (scratch.length < 2 * rows) {
            throw new IllegalArgumentException("scratch holds " + scratch.length + " entries, needs " + 2 * rows);
        }
        if (d[2] != 0 && (kFrom != 0 || kTo != roi.nz)) {
            throw new IllegalArgumentException("direction " + Arrays.toString(d) + " crosses slices: give all "
                + roi.nz + " slices, not " + kFrom + ".." + (kTo - 1));
        }
        if ((d[0] | d[1] | d[2]) == 0) {
            throw new IllegalArgumentException("direction (0, 0, 0) has no runs");
        }
        int[] idx = roi.values;
        int pendingStart = -1; // a line waiting for a second one to be walked with
        int pendingLength = 0;
        int step = roi.step(d);
        int nx = roi.nx;
        int ny = roi.ny;
        int iEntry = d[0] > 0 ? 0 : nx - 1;
        int jEntry = d[1] > 0 ? 0 : ny - 1;
        int kEntry = d[2] > 0 ? kFrom : kTo - 1;
        for (int k = kFrom; k < kTo; k++) {
            // steps left in the box along z, counting this voxel (unbounded for in-plane directions)
            int zLeft = d[2] > 0 ? kTo - k : d[2] < 0 ? k - kFrom + 1 : Integer.MAX_VALUE;
            for (int j = 0; j < ny; j++) {
                int yzLeft = Math.min(zLeft, d[1] > 0 ? ny - j : d[1] < 0 ? j + 1 : Integer.MAX_VALUE);
                boolean wholeRow = (d[2] != 0 && k == kEntry) || (d[1] != 0 && j == jEntry);
                // line starts in this row: all of it on an entry face, else the x entry column (if any)
                int from = wholeRow ? 0 : iEntry;
                int to = wholeRow ? nx : d[0] != 0 ? iEntry + 1 : iEntry;
                for (int i = from; i < to; i++) {
                    int start = roi.index(i, j, k);
                    int length = wholeRow ? Math.min(yzLeft, xLeft(d[0], i, nx)) : Math.min(yzLeft, nx);
                    if (pendingStart < 0) {
                        pendingStart = start;
                        pendingLength = length;
                    } else {
                        walkPair(idx, pendingStart, pendingLength, start, length, step, scratch, rows, stride);
                        pendingStart = -1;
                    }
                }
            }
        }
        if (pendingStart >= 0) {
            walk(idx, pendingStart, step, pendingLength, -1, 0, scratch, 0, stride);
        }
        int longest = 0;
        for (int n = stride; n < rows; n++) {
            int c = scratch[n] + scratch[rows + n];
            if (c != 0) {
                m[n - stride] += c;
                longest = Math.max(longest, n % stride);
                scratch[n] = 0;
                scratch[rows + n] = 0;
            }
        }
        Arrays.fill(scratch, 0, stride, 0); // row 0 of both halves: the runs outside the ROI
        Arrays.fill(scratch, rows, rows + stride, 0);
        return longest;
    }

    /** Steps left in the box along x from column i, counting column i (unbounded when dx = 0). */
    private static int xLeft(int dx, int i, int nx) {
        return dx > 0 ? nx - i : dx < 0 ? i + 1 : Integer.MAX_VALUE;
    }

    /**
     * The rest of a line, {@code n} voxels from flat index {@code p}, the run so far being of
     * compact index {@code prev} and length {@code len} (-1 and 0 at the start of a line): adds its
     * runs to {@code runs} at {@code base + (compact index + 1) * stride + length} (row 0: runs
     * outside the ROI).
     */
    private static void walk(int[] idx, int p, int step, int n, int prev, int len, int[] runs, int base, int stride) {
        for (int end = p + n * step; p != end; p += step) {
            int a = idx[p];
            int diff = a - prev;
            int ends = (diff | -diff) >>> 31; // 1: the run of prev ends before this voxel
            runs[base + (prev + 1) * stride + len] += ends;
            len = (len & (ends - 1)) + 1;
            prev = a;
        }
        runs[base + (prev + 1) * stride + len]++;
    }

    /**
     * Two lines at once (from {@code p}, {@code n1} voxels, into the half of {@code runs} at 0;
     * from {@code q}, {@code n2} voxels, into the half at {@code half}), as {@link #walk} each;
     * the longer one is finished alone.
     */
    private static void walkPair(int[] idx, int p, int n1, int q, int n2, int step, int[] runs, int half, int stride) {
        int prev0 = -1;
        int len0 = 0;
        int prev1 = -1;
        int len1 = 0;
        int both = Math.min(n1, n2);
        for (int t = 0; t < both; t++, p += step, q += step) {
            int a = idx[p];
            int b = idx[q];
            int d0 = a - prev0;
            int d1 = b - prev1;
            int e0 = (d0 | -d0) >>> 31;
            int e1 = (d1 | -d1) >>> 31;
            runs[(prev0 + 1) * stride + len0] += e0;
            runs[half + (prev1 + 1) * stride + len1] += e1;
            len0 = (len0 & (e0 - 1)) + 1;
            len1 = (len1 & (e1 - 1)) + 1;
            prev0 = a;
            prev1 = b;
        }
        walk(idx, p, step, n1 - both, prev0, len0, runs, 0, stride);
        walk(idx, q, step, n2 - both, prev1, len1, runs, half, stride);
    }

    /** True if some line along {@code d} through the bounding box holds two ROI voxels (adjacent or not). */
    static boolean lineHoldsTwoVoxels(PaddedLevels roi, int[] d) {
        for (int k = 0; k < roi.nz; k++) {
            for (int j = 0; j < roi.ny; j++) {
                for (int i = 0; i < roi.nx; i++) {
                    if (roi.values[roi.index(i, j, k)] < 0) {
                        continue;
                    }
                    int x = i + d[0];
                    int y = j + d[1];
                    int z = k + d[2];
                    while (x >= 0 && y >= 0 && z >= 0 && x < roi.nx && y < roi.ny && z < roi.nz) {
                        if (roi.values[roi.index(x, y, z)] >= 0) {
                            return true;
                        }
                        x += d[0];
                        y += d[1];
                        z += d[2];
                    }
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // Features

    /** Short runs emphasis (IBSI {@code sre}, PyRadiomics ShortRunEmphasis): {@code sum_j r_.j / j^2 / N_s}. */
    static double shortRunsEmphasis(RunMatrix m) {
        double s = 0;
        for (int j = 1; j < m.rj.length; j++) {
            s += m.rj[j] / ((double) j * j);
        }
        return s / m.ns;
    }

    /** Long runs emphasis (IBSI {@code lre}, PyRadiomics LongRunEmphasis): {@code sum_j j^2 r_.j / N_s}. */
    static double longRunsEmphasis(RunMatrix m) {
        double s = 0;
        for (int j = 1; j < m.rj.length; j++) {
            s += (double) j * j * m.rj[j];
        }
        return s / m.ns;
    }

    /**
     * Low grey level run emphasis (IBSI {@code lgre}, PyRadiomics LowGrayLevelRunEmphasis):
     * {@code sum_i r_i. / i^2 / N_s}.
     */
    static double lowGreyLevelRunEmphasis(RunMatrix m) {
        double s = 0;
        for (int a = 0; a < m.ri.length; a++) {
            s += m.ri[a] / (m.levels[a] * m.levels[a]);
        }
        return s / m.ns;
    }

    /**
     * High grey level run emphasis (IBSI {@code hgre}, PyRadiomics HighGrayLevelRunEmphasis):
     * {@code sum_i i^2 r_i. / N_s}.
     */
    static double highGreyLevelRunEmphasis(RunMatrix m) {
        double s = 0;
        for (int a = 0; a < m.ri.length; a++) {
            s += m.levels[a] * m.levels[a] * m.ri[a];
        }
        return s / m.ns;
    }

    /**
     * Short run low grey level emphasis (IBSI {@code srlge}, PyRadiomics
     * ShortRunLowGrayLevelEmphasis): {@code sum r(i,j) / (i^2 j^2) / N_s}.
     */
    static double shortRunLowGreyLevelEmphasis(RunMatrix m) {
        double s = 0;
        for (int e = 0; e < m.nnz; e++) {
            double i = m.levels[m.ia[e]];
            double j = m.jv[e];
            s += m.rv[e] / (i * i * j * j);
        }
        return s / m.ns;
    }

    /**
     * Short run high grey level emphasis (IBSI {@code srhge}, PyRadiomics
     * ShortRunHighGrayLevelEmphasis): {@code sum i^2 r(i,j) / j^2 / N_s}.
     */
    static double shortRunHighGreyLevelEmphasis(RunMatrix m) {
        double s = 0;
        for (int e = 0; e < m.nnz; e++) {
            double i = m.levels[m.ia[e]];
            double j = m.jv[e];
            s += i * i * m.rv[e] / (j * j);
        }
        return s / m.ns;
    }

    /**
     * Long run low grey level emphasis (IBSI {@code lrlge}, PyRadiomics
     * LongRunLowGrayLevelEmphasis): {@code sum j^2 r(i,j) / i^2 / N_s}.
     */
    static double longRunLowGreyLevelEmphasis(RunMatrix m) {
        double s = 0;
        for (int e = 0; e < m.nnz; e++) {
            double i = m.levels[m.ia[e]];
            double j = m.jv[e];
            s += j * j * m.rv[e] / (i * i);
        }
        return s / m.ns;
    }

    /**
     * Long run high grey level emphasis (IBSI {@code lrhge}, PyRadiomics
     * LongRunHighGrayLevelEmphasis): {@code sum i^2 j^2 r(i,j) / N_s}.
     */
    static double longRunHighGreyLevelEmphasis(RunMatrix m) {
        double s = 0;
        for (int e = 0; e < m.nnz; e++) {
            double i = m.levels[m.ia[e]];
            double j = m.jv[e];
            s += i * i * j * j * m.rv[e];
        }
        return s / m.ns;
    }

    /** Grey level non-uniformity (IBSI {@code glnu}, PyRadiomics GrayLevelNonUniformity): {@code sum_i r_i.^2 / N_s}. */
    static double greyLevelNonUniformity(RunMatrix m) {
        double s = 0;
        for (double v : m.ri) {
            s += v * v;
        }
        return s / m.ns;
    }

    /**
     * Normalised grey level non-uniformity (IBSI {@code glnu_norm}, PyRadiomics
     * GrayLevelNonUniformityNormalized): {@code sum_i r_i.^2 / N_s^2}.
     */
    static double greyLevelNonUniformityNormalised(RunMatrix m) {
        double s = 0;
        for (double v : m.ri) {
            s += v * v;
        }
        return s / (m.ns * m.ns);
    }

    /** Run length non-uniformity (IBSI {@code rlnu}, PyRadiomics RunLengthNonUniformity): {@code sum_j r_.j^2 / N_s}. */
    static double runLengthNonUniformity(RunMatrix m) {
        double s = 0;
        for (double v : m.rj) {
            s += v * v;
        }
        return s / m.ns;
    }

    /**
     * Normalised run length non-uniformity (IBSI {@code rlnu_norm}, PyRadiomics
     * RunLengthNonUniformityNormalized): {@code sum_j r_.j^2 / N_s^2}.
     */
    static double runLengthNonUniformityNormalised(RunMatrix m) {
        double s = 0;
        for (double v : m.rj) {
            s += v * v;
        }
        return s / (m.ns * m.ns);
    }

    /** Run percentage (IBSI {@code r_perc}, PyRadiomics RunPercentage): {@code N_s / N_v}. */
    static double runPercentage(RunMatrix m) {
        return m.ns / m.nv;
    }

    /**
     * Grey level variance (IBSI {@code gl_var}, PyRadiomics GrayLevelVariance):
     * {@code sum_i (i - mu)^2 r_i. / N_s}, {@code mu = sum_i i r_i. / N_s}.
     */
    static double greyLevelVariance(RunMatrix m) {
        double mu = 0;
        for (int a = 0; a < m.ri.length; a++) {
            mu += m.levels[a] * m.ri[a] / m.ns;
        }
        double s = 0;
        for (int a = 0; a < m.ri.length; a++) {
            double d = m.levels[a] - mu;
            s += m.ri[a] / m.ns * d * d;
        }
        return s;
    }

    /**
     * Run length variance (IBSI {@code rl_var}, PyRadiomics RunVariance):
     * {@code sum_j (j - mu)^2 r_.j / N_s}, {@code mu = sum_j j r_.j / N_s}.
     */
    static double runLengthVariance(RunMatrix m) {
        double mu = 0;
        for (int j = 1; j < m.rj.length; j++) {
            mu += j * m.rj[j] / m.ns;
        }
        double s = 0;
        for (int j = 1; j < m.rj.length; j++) {
            double d = j - mu;
            s += m.rj[j] / m.ns * d * d;
        }
        return s;
    }

    /**
     * Run entropy (IBSI {@code rl_entr}, PyRadiomics RunEntropy): {@code -sum p log2 p} with
     * {@code p = r(i,j) / N_s}; PyRadiomics takes {@code log2(p + eps)}.
     */
    static double runEntropy(RunMatrix m) {
        double s = 0;
        for (int e = 0; e < m.nnz; e++) {
            double p = m.rv[e] / m.ns;
            s -= p * Math.log(m.pyradiomics ? p + EPS : p) / LN2;
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------
    // Helpers

    /** A run-length matrix with its marginal sums and non-zero entries. */
    static final class RunMatrix {
        final boolean empty;
        final boolean pyradiomics;
        final double[] levels;
        /** r_i. per compact level index. */
        final double[] ri;
        /** r_.j per run length j (index 0 unused). */
        final double[] rj;
        final double ns;
        final double nv;
        final int nnz;
        final int[] ia;
        final double[] jv;
        final double[] rv;

        RunMatrix(double[] counts, int[] levelValues, int stride, boolean pyradiomics) {
            this.pyradiomics = pyradiomics;
            int ng = levelValues.length;
            this.levels = new double[ng];
            for (int a = 0; a < ng; a++) {
                levels[a] = levelValues[a];
            }
            this.ri = new double[ng];
            this.rj = new double[stride];
            int count = 0;
            for (double c : counts) {
                if (c != 0) {
                    count++;
                }
            }
            this.nnz = count;
            this.ia = new int[count];
            this.jv = new double[count];
            this.rv = new double[count];
            double total = 0;
            double covered = 0;
            int e = 0;
            for (int a = 0; a < ng; a++) {
                for (int j = 1; j < stride; j++) {
                    double c = counts[a * stride + j];
                    if (c != 0) {
                        ri[a] += c;
                        rj[j] += c;
                        total += c;
                        covered += j * c;
                        ia[e] = a;
                        jv[e] = j;
                        rv[e] = c;
                        e++;
                    }
                }
            }
            this.ns = total;
            this.nv = covered;
            this.empty = total == 0;
        }
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** The IBSI run matrix of counts {@code v} (through the caller's double buffer). */
    private static RunMatrix rm(int[] v, double[] into, PaddedLevels roi, int stride) {
        return new RunMatrix(toDouble(v, into), roi.levels, stride, false);
    }

    /**
     * {@code v} as doubles, written into {@code into} (the caller's buffer, reused from matrix to
     * matrix: a {@link RunMatrix} reads its counts in its constructor and keeps none of them).
     */
    private static double[] toDouble(int[] v, double[] into) {
        for (int n = 0; n < v.length; n++) {
            into[n] = v[n];
        }
        return into;
    }

    private static void add(int[] target, int[] v) {
        for (int n = 0; n < v.length; n++) {
            target[n] += v[n];
        }
    }
}
