package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** GLCM on small hand-computed examples and the PyRadiomics / IBSI edge cases. */
class GlcmFamilyTest {
    private static final GlcmFamily GLCM = new GlcmFamily();
    private static final double EPS = 2.220446049250313e-16;

    /** A grey-level image from rows {@code [k][j][i]}. */
    static GreyLevelImage image(double[] spacing, int[][][] slices) {
        int nz = slices.length;
        int ny = slices[0].length;
        int nx = slices[0][0].length;
        int[] l = new int[nx * ny * nz];
        int max = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    l[i + nx * (j + ny * k)] = slices[k][j][i];
                    max = Math.max(max, slices[k][j][i]);
                }
            }
        }
        return new GreyLevelImage(l, new int[] {nx, ny, nz}, spacing, max);
    }

    static GreyLevelImage image(int[][][] slices) {
        return image(new double[] {1, 1, 1}, slices);
    }

    /**
     * A matrix whose arrays come from a workspace that another matrix of the same grey levels used
     * before (denser, with larger counts and other empty rows) gives exactly the features of a
     * matrix with arrays of its own: the workspace leaves nothing behind (PyRadiomics' GLCM reuses
     * one per image for its 13 directions).
     */
    @Test
    void aReusedWorkspaceLeavesNothingBehind() {
        Random r = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int ng = 1 + r.nextInt(9);
            int[] levels = new int[ng];
            for (int a = 0, l = 0; a < ng; a++) {
                l += 1 + r.nextInt(3);
                levels[a] = l;
            }
            GlcmFamily.Workspace ws = new GlcmFamily.Workspace(levels);
            for (int m = 0; m < 4; m++) {
                double[] counts = randomSymmetricCounts(ng, r, m % 2 == 0 ? 0.9 : 0.3, m % 2 == 0 ? 2000 : 6);
                double[] own = GlcmFamily.pyradiomicsValues(new GlcmFamily.Matrix(counts, levels, levels[ng - 1], true));
                double[] reused = GlcmFamily.pyradiomicsValues(new GlcmFamily.Matrix(counts, levels, levels[ng - 1], true, ws));
                assertArrayEquals(own, reused, "trial " + trial + " matrix " + m);
            }
        }
        assertThrows(IllegalArgumentException.class,
            () -> new GlcmFamily.Matrix(new double[4], new int[] {1, 2}, 2, true, new GlcmFamily.Workspace(new int[] {1, 2})));
    }

    /** Symmetric whole counts, each non-zero with probability {@code fill}, up to {@code max}; some rows left empty. */
    private static double[] randomSymmetricCounts(int ng, Random r, double fill, int max) {
        double[] c = new double[ng * ng];
        boolean[] empty = new boolean[ng];
        for (int a = 0; a < ng; a++) {
            empty[a] = ng > 2 && r.nextInt(4) == 0;
        }
        for (int a = 0; a < ng; a++) {
            for (int b = 0; b <= a; b++) {
                if (!empty[a] && !empty[b] && r.nextDouble() < fill) {
                    double v = 1 + r.nextInt(max);
                    c[a * ng + b] = v;
                    c[b * ng + a] = v;
                }
            }
        }
        return c;
    }

    /** The IBSI manual's GLCM example (4 x 4 image, direction to the right). */
    @Test
    void ibsiManualExampleMatrixAndFeatures() {
        GreyLevelImage g = image(new int[][][] {{{1, 2, 2, 3}, {1, 2, 3, 3}, {4, 2, 4, 1}, {4, 1, 2, 3}}});
        PaddedLevels roi = PaddedLevels.compactIndices(g, 1);
        double[] m = new double[16];
        GlcmFamily.countPairs(roi, new int[] {1, 0, 0}, 0, 1, m);
        assertArrayEquals(new double[] {0, 3, 0, 0, 0, 1, 3, 1, 0, 0, 1, 0, 2, 1, 0, 0}, m, "M for m+ (manual)");
        GlcmFamily.symmetrise(m, 4);
        assertArrayEquals(new double[] {0, 3, 0, 2, 3, 2, 3, 2, 0, 3, 2, 0, 2, 2, 0, 0}, m, "symmetric M (manual)");

        GlcmFamily.Matrix p = new GlcmFamily.Matrix(m, roi.levels, 4, false);
        // hand-computed from the 24 counts: four entries of 3, six of 2
        assertEquals(3.0 / 24, GlcmFamily.jointMaximum(p), 1e-15);
        assertEquals(56.0 / 24, GlcmFamily.jointAverage(p), 1e-15);
        assertEquals(64.0 / 24, GlcmFamily.contrast(p), 1e-15);
        assertEquals(60.0 / 576, GlcmFamily.jointEnergy(p), 1e-15);
        assertEquals(32.0 / 24, GlcmFamily.differenceAverage(p), 1e-15);
        assertEquals(32.0 / 24, GlcmFamily.dissimilarity(p), 1e-15);
        double hxy = -(4 * 0.125 * Math.log(0.125) + 6 * (1.0 / 12) * Math.log(1.0 / 12)) / Math.log(2);
        assertEquals(hxy, GlcmFamily.jointEntropy(p), 1e-14);
        // symmetric: sum average = 2 joint average, sum variance = cluster tendency
        assertEquals(2 * 56.0 / 24, GlcmFamily.sumAverage(p), 1e-14);
        assertEquals(GlcmFamily.clusterTendency(p), GlcmFamily.sumVariance(p), 1e-13);
    }

    /** A two-voxel row [1 2]: one angle (the size limit removes the rest); with and without symmetry. */
    @Test
    void symmetricalGlcmSetting() {
        GreyLevelImage g = image(new int[][][] {{{1, 2}}});
        Map<String, Double> asym = GLCM.pyradiomics(g, TextureOptions.defaults().withSymmetricalGlcm(false));
        // p(1,2) = 1
        assertEquals(1.0, asym.get("JointAverage"), 0);
        assertEquals(3.0, asym.get("SumAverage"), 0);
        assertEquals(2.0, asym.get("Autocorrelation"), 0);
        assertEquals(1.0, asym.get("Contrast"), 0);
        assertEquals(1.0, asym.get("Correlation"), 0, "sigma_x sigma_y = 0 gives 1");
        assertEquals(0.5, asym.get("Id"), 1e-15);
        assertEquals(2.0 / 3, asym.get("Idn"), 1e-15);
        assertEquals(0.8, asym.get("Idmn"), 1e-15);
        assertEquals(1.0, asym.get("InverseVariance"), 0);
        assertEquals(0.0, asym.get("MCC"), 0, "Q = diag(1, 0)");
        assertEquals(-Math.log1p(EPS) / Math.log(2), asym.get("JointEntropy"), 1e-30);

        Map<String, Double> sym = GLCM.pyradiomics(g, TextureOptions.defaults());
        // p(1,2) = p(2,1) = 1/2
        assertEquals(1.5, sym.get("JointAverage"), 0);
        assertEquals(-0.25 / (0.25 + EPS), sym.get("Correlation"), 1e-15);
        assertEquals(Math.sqrt(0.25 / (0.25 + EPS)), sym.get("MCC"), 1e-15, "Q = I / (1 + 4 eps)");
        assertEquals(1.0, sym.get("MaximumProbability") * 2, 0);
    }

    /**
     * 2 x 2 image [[1, 2], [2, 1]], spacing (1, 2): angle (1,1) pairs 1-1, (-1,1) pairs 2-2, (1,0)
     * and (0,1) pair 1-2 twice. Merged with weights w: contrast = (w_x + w_y) / (w_diag + w_x + w_y).
     */
    @Test
    void weightingNorms() {
        GreyLevelImage g = image(new double[] {1, 2, 7}, new int[][][] {{{1, 2}, {2, 1}}});
        TextureOptions o = TextureOptions.defaults();
        assertEquals(0.5, GLCM.pyradiomics(g, o).get("Contrast"), 1e-15, "per-angle mean of 0, 0, 1, 1");
        double wx = Math.exp(-1);
        double wy = Math.exp(-4);
        assertEquals((wx + wy) / (Math.exp(-4) + wx + wy),
            GLCM.pyradiomics(g, o.withWeightingNorm("infinity")).get("Contrast"), 1e-15);
        assertEquals((wx + wy) / (Math.exp(-5) + wx + wy),
            GLCM.pyradiomics(g, o.withWeightingNorm("euclidean")).get("Contrast"), 1e-15);
        assertEquals((wx + wy) / (Math.exp(-9) + wx + wy),
            GLCM.pyradiomics(g, o.withWeightingNorm("manhattan")).get("Contrast"), 1e-15);
        assertEquals(2.0 / 3, GLCM.pyradiomics(g, o.withWeightingNorm("no_weighting")).get("Contrast"), 1e-15);
    }

    /** No co-occurring pair in the only angle: every PyRadiomics feature NaN; IBSI likewise. */
    @Test
    void emptyMatrixGivesNaN() {
        GreyLevelImage g = image(new int[][][] {{{1, 0, 2}}});
        Map<String, Double> v = GLCM.pyradiomics(g, TextureOptions.defaults());
        assertEquals(GlcmFamily.PYRADIOMICS_FEATURES, v.keySet().stream().toList());
        v.forEach((k, x) -> assertTrue(Double.isNaN(x), k));
        GLCM.ibsi(g, TextureOptions.defaults()).forEach((k, x) -> assertTrue(Double.isNaN(x), k));
    }

    /** One grey level: PyRadiomics' conventions (Correlation 1, Imc1 0, MCC 1) and IBSI's undefined values. */
    @Test
    void singleGreyLevel() {
        int[][][] flat = new int[3][3][3];
        for (int[][] s : flat) {
            for (int[] r : s) {
                Arrays.fill(r, 1);
            }
        }
        GreyLevelImage g = image(flat);
        Map<String, Double> p = GLCM.pyradiomics(g, TextureOptions.defaults());
        assertEquals(1.0, p.get("Correlation"), 0);
        assertEquals(0.0, p.get("Imc1"), 0);
        assertEquals(0.0, p.get("Imc2"), 0);
        assertEquals(1.0, p.get("MCC"), 0);
        assertEquals(1.0, p.get("JointEnergy"), 0);
        assertEquals(-Math.log1p(EPS) / Math.log(2), p.get("JointEntropy"), 1e-30);
        Map<String, Double> i = GLCM.ibsi(g, TextureOptions.defaults());
        assertTrue(Double.isNaN(i.get("cm_corr_3D_comb")));
        assertTrue(Double.isNaN(i.get("cm_info_corr1_3D_avg")));
        assertEquals(0.0, i.get("cm_joint_entr_3D_comb"), 0);
        assertEquals(0.0, i.get("cm_info_corr2_2D_avg"), 0);
        assertEquals(1.0, i.get("cm_joint_max_2_5D_comb"), 0);
    }

    /** A one-slice ROI: the 9 out-of-plane IBSI 3D directions are empty and left out, so 3D = 2.5D. */
    @Test
    void ibsiOneSliceRoi() {
        GreyLevelImage g = image(new int[][][] {{{1, 2, 2, 3}, {1, 2, 3, 3}, {4, 2, 4, 1}, {4, 1, 2, 3}}});
        Map<String, Double> v = GLCM.ibsi(g, TextureOptions.defaults());
        for (String f : GlcmFamily.IBSI_FEATURES) {
            assertEquals(v.get("cm_" + f + "_2_5D_avg"), v.get("cm_" + f + "_3D_avg"), 1e-12, f);
            assertEquals(v.get("cm_" + f + "_2_5D_comb"), v.get("cm_" + f + "_3D_comb"), 1e-12, f);
            assertEquals(v.get("cm_" + f + "_2_5D_avg"), v.get("cm_" + f + "_2D_avg"), 1e-12, f);
        }
        Map<String, Double> only = GLCM.ibsi(g, TextureOptions.defaults().withAggregations(EnumSet.of(Aggregation.AVG_3D)));
        assertEquals(25, only.size());
        assertThrows(IllegalArgumentException.class, () -> GLCM.ibsi(g, TextureOptions.defaults().withDistances(1, 2)));
    }

    /** force2Ddimension = 2 (x) on an image equals force2Ddimension = 0 (z) on the image with x and z swapped. */
    @Test
    void force2DDimension() {
        Random r = new Random(7);
        int nx = 4;
        int ny = 5;
        int nz = 3;
        int[][][] a = new int[nz][ny][nx];
        int[][][] swapped = new int[nx][ny][nz];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    a[k][j][i] = r.nextInt(5);
                    swapped[i][j][k] = a[k][j][i];
                }
            }
        }
        a[0][0][0] = 1;
        swapped[0][0][0] = 1;
        Map<String, Double> x = GLCM.pyradiomics(image(a), TextureOptions.defaults().withForce2D(true, 2));
        Map<String, Double> z = GLCM.pyradiomics(image(swapped), TextureOptions.defaults().withForce2D(true, 0));
        for (String f : GlcmFamily.PYRADIOMICS_FEATURES) {
            assertEquals(z.get(f), x.get(f), 1e-12 * Math.max(1, Math.abs(z.get(f))), f);
        }
        Map<String, Double> full = GLCM.pyradiomics(image(a), TextureOptions.defaults());
        assertTrue(Math.abs(full.get("Contrast") - x.get("Contrast")) > 1e-6, "force2D changes the result");
    }

    /**
     * MCC against the literal PyRadiomics definition: the second-largest eigenvalue of
     * Q(i,j) = sum_k p(i,k) p(j,k) / (p_x(i) p_y(k) + eps), from a general eigen-solver.
     */
    @Test
    void mccMatchesGeneralEigenSolverOnQ() {
        Random r = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int ng = 2 + r.nextInt(trial < 30 ? 6 : 40);
            boolean symmetric = trial % 3 != 0;
            double scale = trial % 2 == 0 ? 20 : 20000; // large counts make the eps term visible
            double[] counts = new double[ng * ng];
            for (int a = 0; a < ng; a++) {
                for (int b = 0; b < ng; b++) {
                    if (r.nextDouble() < 0.5 || Math.abs(a - b) <= 1) {
                        counts[a * ng + b] = Math.floor(r.nextDouble() * scale * Math.exp(-Math.abs(a - b)));
                    }
                }
            }
            if (trial % 5 == 0 && ng >= 4) { // a rare, disconnected pair of levels: a degenerate eigenvalue 1
                for (int k = 0; k < ng; k++) {
                    counts[(ng - 1) * ng + k] = counts[k * ng + ng - 1] = 0;
                    counts[(ng - 2) * ng + k] = counts[k * ng + ng - 2] = 0;
                }
                counts[(ng - 1) * ng + ng - 2] = 1;
                counts[(ng - 2) * ng + ng - 1] = 1;
            }
            if (symmetric) {
                GlcmFamily.symmetrise(counts, ng);
            }
            int[] levels = new int[ng];
            for (int a = 0; a < ng; a++) {
                levels[a] = a + 1;
            }
            GlcmFamily.Matrix m = new GlcmFamily.Matrix(counts, levels, ng, true);
            if (m.empty) {
                continue;
            }
            double expected = Math.sqrt(secondEigenvalueOfQ(m.p, m.px, m.py, ng));
            double got = GlcmFamily.maximalCorrelationCoefficient(m);
            assertEquals(expected, got, 1e-10 * Math.max(expected, 1e-3), "trial " + trial + " ng " + ng);
        }
    }

    /** A rank-one GLCM: lambda_2 is exactly 0, whatever sign rounding gives it, so MCC is 0 (not NaN). */
    @Test
    void mccOfARankOneMatrixIsZero() {
        for (double[] counts : new double[][] {{1, 2, 3, 6}, {1, 1, 1, 1}, {2, 4, 4, 8}}) {
            GlcmFamily.Matrix m = new GlcmFamily.Matrix(counts, new int[] {1, 2}, 2, true);
            assertEquals(0.0, GlcmFamily.maximalCorrelationCoefficient(m), 0.0, Arrays.toString(counts));
        }
    }

    private static double secondEigenvalueOfQ(double[] p, double[] px, double[] py, int ng) {
        DMatrixRMaj q = new DMatrixRMaj(ng, ng);
        for (int i = 0; i < ng; i++) {
            for (int j = 0; j < ng; j++) {
                double s = 0;
                for (int k = 0; k < ng; k++) {
                    s += p[i * ng + k] * p[j * ng + k] / (px[i] * py[k] + EPS);
                }
                q.set(i, j, s);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(ng, false, false);
        assertTrue(eig.decompose(q));
        double[] ev = new double[ng];
        for (int i = 0; i < ng; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        return ev[ng - 2];
    }
}
