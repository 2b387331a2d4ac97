package org.radtab.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class SvmTest {

    /**
     * Hard-margin linear SVM on points whose maximum-margin separator is x1 = 0 by symmetry:
     * positives (2, 0), (3, 1), (3, -1), (4, 0); negatives mirrored. The margin is set by (2, 0)
     * and (-2, 0): w = (1/2, 0), b = 0, so f(x) = x1 / 2.
     */
    @Test
    void linearMaximumMarginByHand() {
        double[][] pos = {{2, 0}, {3, 1}, {3, -1}, {4, 0}};
        Dataset.Builder b = Dataset.builder(List.of("a", "b"));
        for (double[] p : pos) {
            b.addRow(p, 1, null);
            b.addRow(new double[] {-p[0], p[1]}, 0, null);
        }
        SvmModel m = (SvmModel) new SvmFactory().create(Map.of("kernel", "linear", "C", 1000.0, "standardize", false,
            "tol", 1e-8, "probability_folds", 2), 0);
        m.fit(b.build());
        double[] f = m.decisionFunction(new double[][] {{2, 0}, {-2, 0}, {0, 5}, {1, -3}});
        assertEquals(1, f[0], 1e-6);
        assertEquals(-1, f[1], 1e-6);
        assertEquals(0, f[2], 1e-6);
        assertEquals(0.5, f[3], 1e-6);
        double[] w = m.featureImportance().orElseThrow();
        assertEquals(0.5, w[0], 1e-6);
        assertEquals(0, w[1], 1e-6);
        assertEquals(2, m.supportVectorCount());
    }

    /**
     * Platt's fit is the minimiser of the regularised-target cross-entropy: its gradient
     * sum_i (t_i - p_i) (f_i, 1), computed here, vanishes (Lin, Lin and Weng 2007, eq. 3).
     */
    @Test
    void plattSigmoidIsStationary() {
        double[] f = {-2.1, -1.5, -1.2, -0.8, -0.3, 0.1, 0.4, -0.2, 0.9, 1.3, 1.8, 2.5, 0.3, -1.0};
        boolean[] y = {false, false, false, true, false, false, true, false, true, true, true, true, false, false};
        double[] ab = PlattScaling.fit(f, y);
        int n1 = 6;
        int n0 = 8;
        double g1 = 0;
        double g2 = 0;
        for (int i = 0; i < f.length; i++) {
            double t = y[i] ? (n1 + 1.0) / (n1 + 2) : 1.0 / (n0 + 2);
            double p = 1 / (1 + Math.exp(ab[0] * f[i] + ab[1]));
            g1 += (t - p) * f[i];
            g2 += t - p;
        }
        assertEquals(0, g1, 1e-5);
        assertEquals(0, g2, 1e-5);
        assertTrue(ab[0] < 0, "larger decision values mean class 1");
        // numerically stable at extreme decision values
        assertEquals(1.0, PlattScaling.probability(1e6, ab[0], ab[1]), 1e-12);
        assertEquals(0.0, PlattScaling.probability(-1e6, ab[0], ab[1]), 1e-12);
    }

    /** Dual feasibility and complementary slackness of the SMO solution (RBF kernel). */
    @Test
    void smoSolutionSatisfiesKkt() {
        Dataset d = Synthetic.noisy(120, 9);
        double[][] x = d.toMatrix();
        int[] y = new int[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.label(i) == 1 ? 1 : -1;
        }
        Kernel k = new Kernel(Kernel.Type.RBF, 0.3, 3, 0);
        double c = 2.0;
        SmoSolver.Solution s = SmoSolver.solve(x, y, k, c, 1e-6, 10_000_000);
        assertTrue(s.converged());
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += s.alpha()[i] * y[i];
            assertTrue(s.alpha()[i] >= 0 && s.alpha()[i] <= c);
        }
        assertEquals(0, sum, 1e-9);
        for (int i = 0; i < y.length; i++) {
            double f = -s.rho();
            for (int j = 0; j < y.length; j++) {
                f += s.alpha()[j] * y[j] * k.apply(x[j], x[i]);
            }
            double margin = y[i] * f;
            if (s.alpha()[i] <= 0) {
                assertTrue(margin >= 1 - 1e-4, "a = 0 needs y f >= 1, got " + margin);
            } else if (s.alpha()[i] >= c) {
                assertTrue(margin <= 1 + 1e-4, "a = C needs y f <= 1, got " + margin);
            } else {
                assertEquals(1, margin, 1e-4);
            }
        }
    }
}
