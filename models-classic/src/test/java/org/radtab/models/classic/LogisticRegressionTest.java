package org.radtab.models.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class LogisticRegressionTest {

    /**
     * One binary feature, no penalty: the maximum-likelihood fit reproduces the 2x2 table, so
     * intercept = log odds at x = 0 and slope = log odds ratio.
     * x = 0: 30 cases, 6 positive; x = 1: 20 cases, 12 positive.
     */
    @Test
    void unpenalisedFitMatchesTheTwoByTwoTable() {
        Dataset.Builder b = Dataset.builder(List.of("x"));
        for (int i = 0; i < 30; i++) {
            b.addRow(new double[] {0}, i < 6 ? 1 : 0, null);
        }
        for (int i = 0; i < 20; i++) {
            b.addRow(new double[] {1}, i < 12 ? 1 : 0, null);
        }
        Dataset d = b.build();
        for (boolean standardize : new boolean[] {true, false}) {
            LogisticRegressionModel m = (LogisticRegressionModel) new LogisticRegressionFactory()
                .create(Map.of("penalty", "none", "standardize", standardize, "tol", 1e-10), 0);
            m.fit(d);
            assertEquals(Math.log(6.0 / 24), m.intercept(), 1e-7);
            assertEquals(Math.log((12.0 / 8) / (6.0 / 24)), m.coefficients()[0], 1e-7);
        }
    }

    static Dataset random(int n, int p, long seed) {
        Random rng = new Random(seed);
        Dataset.Builder b = Dataset.builder(Synthetic.names(p));
        for (int i = 0; i < n; i++) {
            double[] x = new double[p];
            double eta = -0.5;
            for (int j = 0; j < p; j++) {
                x[j] = rng.nextGaussian() * (j + 1) + j; // different scales and means
                eta += (j % 3 == 0 ? 0.8 : j % 3 == 1 ? -0.4 : 0.0) * (x[j] - j) / (j + 1);
            }
            b.addRow(x, rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0, null);
        }
        return b.build();
    }

    /**
     * Optimality (KKT) conditions of the penalised objective, checked from the fitted
     * coefficients with the gradient computed here: with g_j = (1/n) sum (p_i - y_i) z_ij +
     * lambda (1 - a) b_j, a nonzero b_j needs g_j = -lambda a sign(b_j), a zero one |g_j| <= lambda a;
     * the intercept needs sum (p_i - y_i) = 0. z = raw x (standardize = false) or the z-scores.
     */
    @Test
    void kktConditionsHoldForEveryPenalty() {
        Dataset d = random(200, 7, 11);
        int n = d.rows();
        int p = d.cols();
        Object[][] cases = {{"l1", 1.0, 0.05}, {"l2", 0.0, 0.05}, {"elasticnet", 0.3, 0.02}, {"l1", 1.0, 0.5}};
        for (boolean standardize : new boolean[] {false, true}) {
            double[] mean = new double[p];
            double[] sd = new double[p];
            for (int j = 0; j < p; j++) {
                double[] col = d.column(j);
                for (double v : col) {
                    mean[j] += v / n;
                }
                for (double v : col) {
                    sd[j] += (v - mean[j]) * (v - mean[j]) / n;
                }
                sd[j] = standardize ? Math.sqrt(sd[j]) : 1;
                if (!standardize) {
                    mean[j] = 0;
                }
            }
            for (Object[] c : cases) {
                String penalty = (String) c[0];
                double ratio = (Double) c[1];
                double cParam = (Double) c[2];
                LogisticRegressionModel m = (LogisticRegressionModel) new LogisticRegressionFactory().create(Map.of(
                    "penalty", penalty, "C", cParam, "l1_ratio", ratio, "standardize", standardize, "tol", 1e-10,
                    "max_iter", 1000), 0);
                m.fit(d);
                double lambda = 1 / (cParam * n);
                double[] b = m.coefficients();
                double[] bz = new double[p];
                for (int j = 0; j < p; j++) {
                    bz[j] = b[j] * sd[j];
                }
                double[] pr = m.predictPositive(d.toMatrix());
                double g0 = 0;
                double[] g = new double[p];
                for (int i = 0; i < n; i++) {
                    double e = pr[i] - d.label(i);
                    g0 += e / n;
                    for (int j = 0; j < p; j++) {
                        g[j] += e * (d.get(i, j) - mean[j]) / sd[j] / n;
                    }
                }
                assertEquals(0, g0, 1e-7, "intercept gradient");
                int zeros = 0;
                for (int j = 0; j < p; j++) {
                    double gj = g[j] + lambda * (1 - ratio) * bz[j];
                    String what = penalty + " C=" + cParam + " std=" + standardize + " j=" + j;
                    if (bz[j] != 0) {
                        assertEquals(-lambda * ratio * Math.signum(bz[j]), gj, 1e-6, what);
                    } else {
                        zeros++;
                        assertTrue(Math.abs(gj) <= lambda * ratio + 1e-6, what + " |g|=" + Math.abs(gj));
                    }
                }
                if (penalty.equals("l1") && cParam == 0.05) {
                    assertTrue(zeros >= 1, "the L1 fit should zero at least one of the null coefficients");
                }
            }
        }
    }
}
