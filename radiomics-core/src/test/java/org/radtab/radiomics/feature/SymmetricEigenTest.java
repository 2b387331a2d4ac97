package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** {@link SymmetricEigen} against EJML's symmetric QR solver and the eigen-equation residual. */
class SymmetricEigenTest {

    @Test
    void eigenvaluesMatchEjmlAndEigenvectorsSolveTheEquation() {
        Random r = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(trial < 100 ? 8 : 60);
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    // some sparse rows and columns, so that Householder steps with nothing to reflect occur
                    double v = (trial % 4 == 0 && (i % 3 == 0 || j % 3 == 0) && i != j) ? 0 : r.nextGaussian();
                    a[i][j] = v;
                    a[j][i] = v;
                }
            }
            double[] expected = ejmlEigenvalues(a);
            double norm = 0;
            for (double v : expected) {
                norm = Math.max(norm, Math.abs(v));
            }
            // every other trial keeps its Householder vectors in work rows that are longer than
            // needed and full of garbage (as a reused GLCM workspace hands them over)
            SymmetricEigen eig = trial % 2 == 0 ? new SymmetricEigen(copy(a)) : new SymmetricEigen(copy(a), dirtyRows(n, r));
            // ask in a scrambled order: the cache of found eigenvalues narrows later brackets
            for (int q = 0; q < n; q++) {
                int k = (q * 7 + trial) % n;
                assertEquals(expected[k], eig.eigenvalue(k), 1e-13 * Math.max(norm, 1), "trial " + trial + " k " + k);
            }
            for (int k = 0; k < n; k++) {
                double gap = Math.min(k > 0 ? expected[k] - expected[k - 1] : Double.POSITIVE_INFINITY,
                    k < n - 1 ? expected[k + 1] - expected[k] : Double.POSITIVE_INFINITY);
                if (gap < 1e-6 * Math.max(norm, 1)) {
                    continue; // inverse iteration is only for isolated eigenvalues
                }
                double[] x = eig.eigenvector(k);
                double len = 0;
                double residual = 0;
                for (int i = 0; i < n; i++) {
                    len += x[i] * x[i];
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i][j] * x[j];
                    }
                    residual = Math.max(residual, Math.abs(ax - expected[k] * x[i]));
                }
                assertEquals(1.0, len, 1e-12);
                assertTrue(residual < 1e-11 * Math.max(norm, 1), "trial " + trial + " k " + k + " residual " + residual);
            }
        }
    }

    @Test
    void countsEigenvaluesBelowAndInsideAnInterval() {
        // diag(-3, -1, 0.5, 2) in a rotated basis
        double[] lambda = {-3, -1, 0.5, 2};
        double c = Math.cos(0.7);
        double s = Math.sin(0.7);
        double[][] rot = {{c, -s, 0, 0}, {s, c, 0, 0}, {0, 0, c, s}, {0, 0, -s, c}};
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 4; k++) {
                    a[i][j] += rot[i][k] * lambda[k] * rot[j][k];
                }
            }
        }
        SymmetricEigen eig = new SymmetricEigen(a);
        assertEquals(0, eig.countBelow(-3.5));
        assertEquals(1, eig.countBelow(-2));
        assertEquals(3, eig.countBelow(1));
        assertEquals(4, eig.countBelow(2.5));
        assertEquals(2, eig.countInside(1.5)); // -1 and 0.5
        assertEquals(3, eig.countInside(2.5)); // -1, 0.5 and 2
        for (int k = 0; k < 4; k++) {
            assertEquals(lambda[k], eig.eigenvalue(k), 1e-14);
        }
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> new SymmetricEigen(new double[0][0]));
        assertThrows(IllegalArgumentException.class, () -> new SymmetricEigen(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> new SymmetricEigen(new double[][] {{1, Double.NaN}, {Double.NaN, 1}}));
        SymmetricEigen one = new SymmetricEigen(new double[][] {{4}});
        assertEquals(4.0, one.eigenvalue(0), 1e-15);
        assertEquals(1.0, Math.abs(one.eigenvector(0)[0]), 0);
        assertThrows(IllegalArgumentException.class, () -> one.eigenvalue(1));
        double[][] three = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        assertThrows(IllegalArgumentException.class, () -> new SymmetricEigen(copy(three), new double[0][3]));
        assertThrows(IllegalArgumentException.class, () -> new SymmetricEigen(copy(three), new double[1][2]));
    }

    /** n - 2 (at least 1) rows of n + 3 random values. */
    private static double[][] dirtyRows(int n, Random r) {
        double[][] w = new double[Math.max(n - 2, 1)][n + 3];
        for (double[] row : w) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(5) == 0 ? Double.NaN : 1e6 * r.nextGaussian();
            }
        }
        return w;
    }

    private static double[] ejmlEigenvalues(double[][] a) {
        int n = a.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(a)));
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            ev[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(ev);
        return ev;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
