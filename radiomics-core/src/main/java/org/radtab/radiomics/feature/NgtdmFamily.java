package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neighbourhood grey tone difference matrix (NGTDM) features: PyRadiomics class {@code ngtdm},
 * IBSI family {@code ngt} (IBSI 1 section "Neighbourhood grey tone difference based features",
 * id IPET).
 *
 * <h2>Matrix</h2>
 * For each ROI voxel {@code k} with grey level {@code i}, {@code A_k} is the mean grey level of its
 * neighbours that lie in the ROI (the centre excluded; voxels outside the ROI or the grid are
 * ignored) and {@code W_k} their number. Then {@code s_i = sum_k |i - A_k|} over the voxels of
 * level {@code i} with {@code W_k > 0}, and {@code n_i} counts voxels of level {@code i}:
 * <ul>
 *   <li><b>PyRadiomics</b>: {@code n_i} counts <em>every</em> ROI voxel, including those without a
 *       neighbour in the ROI (behaviour of its C kernel; its documentation says otherwise), so
 *       {@code N_vc = N_v}. Neighbours: the offsets whose Chebyshev norm is one of
 *       {@code distances}, in the planes normal to {@code force2Ddimension} with {@code force2D}
 *       (all planes pooled).</li>
 *   <li><b>IBSI</b>: {@code n_i} counts only voxels with a valid neighbourhood
 *       ({@code W_k > 0}). Neighbours: every offset with Chebyshev norm
 *       {@code 1..delta}, {@code delta = max(distances)} (default 1: 26 neighbours in 3D, 8 within
 *       the slice in 2D).</li>
 * </ul>
 * {@code N_vc = sum n_i}, {@code p_i = n_i / N_vc}, {@code N_gp} = number of levels with
 * {@code p_i > 0}. All sums below run over levels with {@code p_i > 0}, with their true grey level
 * values {@code i}.
 *
 * <h2>Aggregation</h2>
 * PyRadiomics: one matrix. IBSI {@code _2D}: one NGTDM per slice (in-plane neighbours), features
 * averaged over the slices that have at least one voxel with a valid neighbourhood;
 * {@code _2_5D}: {@code n_i} and {@code s_i} summed over the slices; {@code _3D}: one 3D matrix.
 *
 * <h2>Undefined values</h2>
 * Coarseness is {@code 10^6} when {@code sum p_i s_i = 0} (flat ROI), contrast and busyness are 0
 * when {@code N_gp = 1} (busyness also when its denominator is 0, as in PyRadiomics), strength is 0
 * when {@code sum s_i = 0}. IBSI: when no voxel has a valid neighbourhood ({@code N_vc = 0}, e.g. a
 * single voxel) all five features are NaN (logged at debug level).
 *
 * <h2>Names</h2>
 * PyRadiomics (default order): Busyness, Coarseness, Complexity, Contrast, Strength. IBSI:
 * {@code ngt_coarseness, contrast, busyness, complexity, strength} with suffix {@code _2D},
 * {@code _2_5D} or {@code _3D}.
 */
public final class NgtdmFamily implements TextureFamily {
    private static final Logger LOG = LoggerFactory.getLogger(NgtdmFamily.class);

    /** Coarseness of a flat ROI, {@code sum p_i s_i = 0} (IBSI and PyRadiomics). */
    static final double MAX_COARSENESS = 1e6;

    private static final FeatureTable<Ngtdm> PYRADIOMICS = new FeatureTable<Ngtdm>()
        .add("Busyness", NgtdmFamily::busyness)
        .add("Coarseness", NgtdmFamily::coarseness)
        .add("Complexity", NgtdmFamily::complexity)
        .add("Contrast", NgtdmFamily::contrast)
        .add("Strength", NgtdmFamily::strength);

    private static final FeatureTable<Ngtdm> IBSI = new FeatureTable<Ngtdm>()
        .add("coarseness", NgtdmFamily::coarseness)
        .add("contrast", NgtdmFamily::contrast)
        .add("busyness", NgtdmFamily::busyness)
        .add("complexity", NgtdmFamily::complexity)
        .add("strength", NgtdmFamily::strength);

    /** The NGTDM of one aggregation unit: present levels {@code i} with {@code n_i > 0}, {@code p_i}, {@code s_i}. */
    static final class Ngtdm {
        /** Grey level values with {@code n_i > 0}. */
        final double[] level;
        /** {@code n_i}. */
        final double[] count;
        /** {@code p_i = n_i / N_vc}. */
        final double[] p;
        /** {@code s_i}. */
        final double[] s;
        /** {@code N_vc = sum n_i}. */
        final double total;

        Ngtdm(int[] n, double[] s) {
            int present = 0;
            double t = 0;
            for (int l = 0; l < n.length; l++) {
                if (n[l] > 0) {
                    present++;
                    t += n[l];
                }
            }
            this.level = new double[present];
            this.count = new double[present];
            this.p = new double[present];
            this.s = new double[present];
            this.total = t;
            int q = 0;
            for (int l = 0; l < n.length; l++) {
                if (n[l] > 0) {
                    level[q] = l;
                    count[q] = n[l];
                    p[q] = n[l] / t;
                    this.s[q] = s[l];
                    q++;
                }
            }
        }

        /** {@code N_gp}: number of levels with {@code p_i > 0}. */
        int presentLevels() {
            return level.length;
        }

        boolean isEmpty() {
            return total == 0;
        }
    }

    @Override
    public String pyradiomicsName() {
        return "ngtdm";
    }

    @Override
    public String ibsiPrefix() {
        return "ngt";
    }

    @Override
    public LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "NGTDM");
        int[][] offsets = Neighbourhood.chebyshevShells(options.distances(), Neighbourhood.fixedAxis(options));
        Ngtdm m = build(image, offsets, true, false).get(0);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        PYRADIOMICS.evaluate(m, "", "", out);
        return out;
    }

    @Override
    public LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options) {
        PaddedLevels.requireRoi(image, "NGTDM");
        int delta = Arrays.stream(options.distances()).max().orElse(1);
        Set<Aggregation> aggregations = options.aggregations();
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        String prefix = ibsiPrefix() + "_";
        boolean perSlice = aggregations.contains(Aggregation.AVG_2D);
        if (perSlice || aggregations.contains(Aggregation.MERGED_2_5D)) {
            List<Ngtdm> units = build(image, Neighbourhood.chebyshevBall(delta, Neighbourhood.SLICE_AXIS), false, true);
            if (perSlice) {
                List<Ngtdm> slices = new ArrayList<>();
                for (Ngtdm m : units.subList(1, units.size())) {
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
            Ngtdm m = build(image, Neighbourhood.chebyshevBall(delta, Neighbourhood.NONE), false, false).get(0);
            IBSI.evaluate(m, prefix, "_" + Aggregation.AVG_3D.nonDirectionalSuffix(), out);
        }
        return out;
    }

    /**
     * Builds the NGTDM over the whole image (element 0) and, if {@code perSlice}, one per slice k
     * (elements 1..nz; meant for in-plane offsets).
     *
     * <p>The neighbour sums and counts of the voxels come a slice at a time from
     * {@link NeighbourSums}: box sums when the offsets are a full box minus its centre, otherwise
     * one pass per offset. Both are exact integers, so the way they are added changes no value.
     *
     * @param countIsolated PyRadiomics: count voxels without a neighbour in {@code n_i}; IBSI: do not
     */
    static List<Ngtdm> build(GreyLevelImage image, int[][] offsets, boolean countIsolated, boolean perSlice) {
        PaddedLevels grid = PaddedLevels.levels(image, Math.max(1, Neighbourhood.reach(offsets)));
        if ((long) image.maxLevelPresent() * offsets.length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("grey levels up to " + image.maxLevelPresent() + " with "
                + offsets.length + " neighbours overflow the NGTDM neighbour sums");
        }
        NeighbourSums sums = new NeighbourSums(grid, offsets);
        int[] v = grid.values;
        int levels = image.maxLevelPresent() + 1;
        int[] n = new int[levels];
        double[] s = new double[levels];
        int[] sliceN = perSlice ? new int[levels] : null;
        double[] sliceS = perSlice ? new double[levels] : null;
        List<Ngtdm> out = new ArrayList<>();
        out.add(null);
        int[] planeLevels = new int[grid.sz];
        double[] deviation = new double[grid.sz];
        for (int k = 0; k < grid.nz; k++) {
            sums.slice(k);
            int[] sum = sums.sum;
            int[] count = sums.count;
            int plane = (k + grid.pad) * grid.sz; // flat index of the padded plane of slice k
            // |level - neighbour mean| of the whole plane in one vectorisable loop (divisions included);
            // voxels without a neighbour get level - 0 / 1, unused below
            System.arraycopy(v, plane, planeLevels, 0, grid.sz);
            for (int q = 0; q < grid.sz; q++) {
                deviation[q] = Math.abs(planeLevels[q] - (double) sum[q] / Math.max(count[q], 1));
            }
            for (int j = 0; j < grid.ny; j++) {
                int q0 = grid.index(0, j, k) - plane;
                for (int q = q0; q < q0 + grid.nx; q++) {
                    int level = planeLevels[q];
                    if (level == 0) {
                        continue;
                    }
                    int w = count[q];
                    double d;
                    if (w > 0) {
                        d = deviation[q];
                    } else if (countIsolated) {
                        d = 0;
                    } else {
                        continue;
                    }
                    n[level]++;
                    s[level] += d;
                    if (perSlice) {
                        sliceN[level]++;
                        sliceS[level] += d;
                    }
                }
            }
            if (perSlice) {
                out.add(new Ngtdm(sliceN, sliceS));
                Arrays.fill(sliceN, 0);
                Arrays.fill(sliceS, 0);
            }
        }
        out.set(0, new Ngtdm(n, s));
        return out;
    }

    /**
     * Neighbour level sums and neighbour counts (levels &gt; 0) of the voxels of one slice at a
     * time, indexed within the slice's padded plane ({@link #slice} fills {@link #sum} and
     * {@link #count}). Every loop adds whole arrays read at the loop index (shifted copies are
     * made with {@link System#arraycopy}), so the JIT vectorises them.
     *
     * <ul>
     *   <li>Offsets forming a full box of radius r minus its centre, in 3D or in the slice plane
     *       (PyRadiomics distances 1..r without force2D, IBSI neighbourhoods): the 2D box sums of
     *       each plane by two separable passes of 2r+1 taps, kept for the 2r+1 planes around the
     *       slice in a ring, added along z, minus the centre voxel.</li>
     *   <li>Otherwise: one pass per offset over the plane.</li>
     * </ul>
     */
    static final class NeighbourSums {
        private final PaddedLevels grid;
        private final int[] steps;
        private final int r;
        private final boolean box;
        private final boolean boxZ;
        private final int plane;
        /** Sum of the neighbours' levels / number of neighbours in the ROI, per padded-plane index. */
        final int[] sum;
        final int[] count;
        private final int[] levels;
        private final int[] inside;
        private final int[] shifted;
        private final int[] rowSum;
        private final int[] rowCount;
        /** Ring of 2D box sums / counts, slot = padded plane index mod (2r + 1). */
        private final int[][] ringSum;
        private final int[][] ringCount;
        private final int[] ringPlane;

        NeighbourSums(PaddedLevels grid, int[][] offsets) {
            this.grid = grid;
            this.steps = grid.steps(offsets);
            this.r = Neighbourhood.reach(offsets);
            boolean[] axes = boxAxes(offsets, r);
            this.box = axes != null && axes[0] && axes[1];
            this.boxZ = box && axes[2];
            this.plane = grid.sz;
            this.sum = new int[plane];
            this.count = new int[plane];
            this.levels = new int[plane];
            this.inside = new int[plane];
            this.shifted = new int[plane];
            this.rowSum = new int[plane];
            this.rowCount = new int[plane];
            int slots = boxZ ? 2 * r + 1 : 1;
            this.ringSum = new int[slots][plane];
            this.ringCount = new int[slots][plane];
            this.ringPlane = new int[slots];
            Arrays.fill(ringPlane, -1);
        }

        /** Fills {@link #sum} and {@link #count} for the voxels of slice k. */
        void slice(int k) {
            int kp = k + grid.pad;
            if (!box) {
                loadPlane(kp);
                Arrays.fill(sum, 0);
                Arrays.fill(count, 0);
                int base = kp * plane;
                int lo = 0;
                int hi = plane;
                for (int st : steps) {
                    lo = Math.max(lo, -(base + st));
                    hi = Math.min(hi, grid.values.length - (base + st));
                }
                for (int st : steps) {
                    System.arraycopy(grid.values, base + lo + st, shifted, lo, hi - lo);
                    for (int q = lo; q < hi; q++) {
                        int nb = shifted[q];
                        sum[q] += nb; // 0 outside the ROI
                        count[q] += -nb >>> 31; // levels are >= 0: 1 inside the ROI
                    }
                }
                return;
            }
            if (!boxZ) {
                planeBox(kp, 0);
                System.arraycopy(ringSum[0], 0, sum, 0, plane);
                System.arraycopy(ringCount[0], 0, count, 0, plane);
            } else {
                Arrays.fill(sum, 0);
                Arrays.fill(count, 0);
                for (int p = kp - r; p <= kp + r; p++) {
                    int slot = p % (2 * r + 1);
                    if (ringPlane[slot] != p) {
                        planeBox(p, slot);
                        ringPlane[slot] = p;
                    }
                    int[] rs = ringSum[slot];
                    int[] rc = ringCount[slot];
                    for (int q = 0; q < plane; q++) {
                        sum[q] += rs[q];
                        count[q] += rc[q];
                    }
                }
                loadPlane(kp);
            }
            // the box includes the voxel itself
            for (int q = 0; q < plane; q++) {
                sum[q] -= levels[q];
                count[q] -= inside[q];
            }
        }

        /** levels / inside of padded plane p. */
        private void loadPlane(int p) {
            System.arraycopy(grid.values, p * plane, levels, 0, plane);
            for (int q = 0; q < plane; q++) {
                inside[q] = -levels[q] >>> 31;
            }
        }

        /** 2D box sums of padded plane p into ring slot {@code slot} (zero for the padding planes). */
        private void planeBox(int p, int slot) {
            int[] bs = ringSum[slot];
            int[] bc = ringCount[slot];
            if (p < grid.pad || p >= grid.pad + grid.nz) {
                Arrays.fill(bs, 0);
                Arrays.fill(bc, 0);
                return;
            }
            loadPlane(p);
            boxPass(levels, rowSum, 1);
            boxPass(inside, rowCount, 1);
            boxPass(rowSum, bs, grid.sy);
            boxPass(rowCount, bc, grid.sy);
        }

        /** {@code out[q] = sum_{d=-r..r} in[q + d stride]} where all taps lie in the plane (0 elsewhere). */
        private void boxPass(int[] in, int[] out, int stride) {
            int lo = r * stride;
            int hi = plane - r * stride;
            Arrays.fill(out, 0, lo, 0);
            Arrays.fill(out, hi, plane, 0);
            System.arraycopy(in, lo - r * stride, out, lo, hi - lo);
            for (int d = -r + 1; d <= r; d++) {
                System.arraycopy(in, lo + d * stride, shifted, lo, hi - lo);
                for (int q = lo; q < hi; q++) {
                    out[q] += shifted[q];
                }
            }
        }
    }

    /**
     * The axes of a box neighbourhood, if {@code offsets} are exactly every offset of Chebyshev norm
     * 1..r with zero components along the other axes; otherwise null.
     */
    private static boolean[] boxAxes(int[][] offsets, int r) {
        if (r < 1) {
            return null;
        }
        boolean[] axes = new boolean[3];
        for (int[] m : offsets) {
            for (int c = 0; c < 3; c++) {
                axes[c] |= m[c] != 0;
            }
        }
        int side = 2 * r + 1;
        long cells = 1;
        for (boolean x : axes) {
            cells *= x ? side : 1;
        }
        if (offsets.length != cells - 1) {
            return null;
        }
        boolean[] seen = new boolean[side * side * side];
        for (int[] m : offsets) {
            int cell = (m[0] + r) + side * ((m[1] + r) + side * (m[2] + r));
            if (Neighbourhood.chebyshev(m) == 0 || seen[cell]) {
                return null;
            }
            seen[cell] = true;
        }
        return axes;
    }

    private static boolean undefined(Ngtdm m) {
        if (m.isEmpty()) {
            LOG.debug("NGTDM undefined: no ROI voxel has a neighbour in the ROI");
            return true;
        }
        return false;
    }

    // ---- features -------------------------------------------------------------------------

    /** Coarseness: {@code 1 / sum_i p_i s_i}; {@code 10^6} when the sum is 0. */
    static double coarseness(Ngtdm m) {
        if (undefined(m)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int a = 0; a < m.p.length; a++) {
            sum += m.p[a] * m.s[a];
        }
        return sum == 0 ? MAX_COARSENESS : 1 / sum;
    }

    /**
     * Contrast: {@code [1/(N_gp (N_gp - 1)) sum_i sum_j p_i p_j (i - j)^2] [(1/N_vc) sum_i s_i]};
     * 0 when {@code N_gp = 1}.
     */
    static double contrast(Ngtdm m) {
        if (undefined(m)) {
            return Double.NaN;
        }
        int ngp = m.presentLevels();
        if (ngp <= 1) {
            return 0;
        }
        double dynamic = 0;
        double sumS = 0;
        for (int a = 0; a < ngp; a++) {
            sumS += m.s[a];
            for (int b = 0; b < ngp; b++) {
                double d = m.level[a] - m.level[b];
                dynamic += m.p[a] * m.p[b] * d * d;
            }
        }
        return dynamic / ((double) ngp * (ngp - 1)) * (sumS / m.total);
    }

    /**
     * Busyness: {@code sum_i p_i s_i / sum_i sum_j |i p_i - j p_j|}; 0 when the denominator is 0
     * (in particular when {@code N_gp = 1}).
     */
    static double busyness(Ngtdm m) {
        if (undefined(m)) {
            return Double.NaN;
        }
        double numerator = 0;
        double denominator = 0;
        for (int a = 0; a < m.p.length; a++) {
            numerator += m.p[a] * m.s[a];
            for (int b = 0; b < m.p.length; b++) {
                denominator += Math.abs(m.level[a] * m.p[a] - m.level[b] * m.p[b]);
            }
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /** Complexity: {@code (1/N_vc) sum_i sum_j |i - j| (p_i s_i + p_j s_j) / (p_i + p_j)}. */
    static double complexity(Ngtdm m) {
        if (undefined(m)) {
            return Double.NaN;
        }
        double sum = 0;
        for (int a = 0; a < m.p.length; a++) {
            for (int b = 0; b < m.p.length; b++) {
                sum += Math.abs(m.level[a] - m.level[b]) * (m.p[a] * m.s[a] + m.p[b] * m.s[b]) / (m.p[a] + m.p[b]);
            }
        }
        return sum / m.total;
    }

    /** Strength: {@code sum_i sum_j (p_i + p_j)(i - j)^2 / sum_i s_i}; 0 when {@code sum_i s_i = 0}. */
    static double strength(Ngtdm m) {
        if (undefined(m)) {
            return Double.NaN;
        }
        double sumS = 0;
        double sum = 0;
        for (int a = 0; a < m.p.length; a++) {
            sumS += m.s[a];
            for (int b = 0; b < m.p.length; b++) {
                double d = m.level[a] - m.level[b];
                sum += (m.p[a] + m.p[b]) * d * d;
            }
        }
        return sumS == 0 ? 0 : sum / sumS;
    }
}
