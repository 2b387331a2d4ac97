package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class PcaTest {

    private static double[][] data(long seed, int n, int p) {
        Random r = new Random(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            double f = r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i][j] = (j + 1) * f * (j % 2 == 0 ? 1 : -0.5) + r.nextGaussian() * (1 + j) + 10 * j;
            }
        }
        return x;
    }

    /** Sample covariance written out in the test; its eigenvalues by commons-math (not EJML). */
    private static double[] covarianceEigenvalues(double[][] x, boolean standardise) {
        int n = x.length;
        int p = x[0].length;
        double[] m = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                m[j] += row[j] / n;
            }
        }
        double[][] c = new double[p][p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    c[a][b] += (row[a] - m[a]) * (row[b] - m[b]) / (n - 1);
                }
            }
        }
        if (standardise) {
            double[][] r = new double[p][p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    r[a][b] = c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
                }
            }
            c = r;
        }
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
        Arrays.sort(ev);
        double[] desc = new double[p];
        for (int i = 0; i < p; i++) {
            desc[i] = ev[p - 1 - i];
        }
        return desc;
    }

    @Test
    void explainedVarianceMatchesCovarianceEigenvalues() {
        for (boolean standardise : new boolean[] {false, true}) {
            double[][] x = data(7, 60, 5);
            Pca pca = Pca.fit(x, List.of("a", "b", "c", "d", "e"), standardise);
            double[] ev = covarianceEigenvalues(x, standardise);
            double[] got = pca.explainedVariance();
            double total = 0;
            for (double v : ev) {
                total += v;
            }
            double ratioSum = 0;
            for (int i = 0; i < 5; i++) {
                assertEquals(ev[i], got[i], 1e-9 * ev[0], "eigenvalue " + i);
                assertEquals(ev[i] / total, pca.explainedVarianceRatio()[i], 1e-12);
                ratioSum += pca.explainedVarianceRatio()[i];
            }
            assertEquals(1, ratioSum, 1e-12);
        }
    }

    @Test
    void componentsAreOrthonormalAndScoresReproduceTheProjection() {
        double[][] x = data(11, 40, 4);
        Pca pca = Pca.fit(x, List.of("a", "b", "c", "d"), false);
        double[][] v = pca.components();
        for (int a = 0; a < v.length; a++) {
            for (int b = 0; b < v.length; b++) {
                double dot = 0;
                for (int j = 0; j < 4; j++) {
                    dot += v[a][j] * v[b][j];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-12);
            }
            double maxAbs = 0;
            double atMax = 0;
            for (double c : v[a]) {
                if (Math.abs(c) > maxAbs) {
                    maxAbs = Math.abs(c);
                    atMax = c;
                }
            }
            assertEquals(maxAbs, atMax, 0, "largest loading positive");
        }
        double[][] t = pca.transform(x, 4);
        double[][] s = pca.scores();
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(s[i][c], t[i][c], 1e-9);
            }
        }
    }

    @Test
    void moreColumnsThanRows() {
        double[][] x = data(3, 4, 7);
        Pca pca = Pca.fit(x, List.of("a", "b", "c", "d", "e", "f", "g"), true);
        assertEquals(4, pca.numComponents());
        double sum = Arrays.stream(pca.explainedVarianceRatio()).sum();
        assertEquals(1, sum, 1e-12);
        assertEquals(0, pca.explainedVarianceRatio()[3], 1e-12);   // rank n - 1 after centring
    }

    @Test
    void constantColumnCannotBeStandardised() {
        double[][] x = {{1, 5}, {2, 5}, {3, 5}};
        SelectionException e = assertThrows(SelectionException.class, () -> Pca.fit(x, List.of("a", "k"), true));
        assertEquals(true, e.getMessage().contains("k"));
    }

    @Test
    void spearmanWithTiesByHand() {
        // x = 1 2 2 3 -> ranks 1 2.5 2.5 4; y = 10 20 30 40 -> 1 2 3 4
        // Pearson of the ranks: deviations (-1.5, 0, 0, 1.5) and (-1.5, -.5, .5, 1.5):
        // sum of products 4.5; sums of squares 4.5 and 5 -> 4.5 / sqrt(22.5)
        assertEquals(4.5 / Math.sqrt(22.5), Correlation.spearman(new double[] {1, 2, 2, 3},
            new double[] {10, 20, 30, 40}), 1e-12);
        Dataset d = Dataset.of(new double[][] {{1, 10, 4}, {2, 20, 3}, {2, 30, 2}, {3, 40, 1}},
            List.of("x", "y", "z"), null);
        Correlation.Matrix m = Correlation.spearman(d);
        assertEquals(4.5 / Math.sqrt(22.5), m.get("x", "y"), 1e-12);
        assertEquals(-1, m.get("y", "z"), 1e-12);
        // Pearson by hand: x = 1 2 2 3 and y: deviations (-1, 0, 0, 1), (-15, -5, 5, 15): 30 / sqrt(2 * 500)
        assertEquals(30 / Math.sqrt(1000), Correlation.pearson(d).get("x", "y"), 1e-12);
    }
}
