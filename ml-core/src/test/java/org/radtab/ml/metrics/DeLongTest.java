package org.radtab.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DeLongTest {

    /** DeLong's variance straight from the definition: O(n1 n0) placement values. */
    private static double[] directDeLong(int[] y, double[] s) {
        int n1 = 0;
        for (int v : y) {
            n1 += v;
        }
        int n0 = y.length - n1;
        double[] v10 = new double[n1];
        double[] v01 = new double[n0];
        int a = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1) {
                continue;
            }
            int b = 0;
            for (int j = 0; j < y.length; j++) {
                if (y[j] != 0) {
                    continue;
                }
                double psi = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                v10[a] += psi / n0;
                v01[b] += psi / n1;
                b++;
            }
            a++;
        }
        double auc = 0;
        for (double v : v10) {
            auc += v / n1;
        }
        double s10 = 0;
        for (double v : v10) {
            s10 += (v - auc) * (v - auc) / (n1 - 1);
        }
        double s01 = 0;
        for (double v : v01) {
            s01 += (v - auc) * (v - auc) / (n0 - 1);
        }
        return new double[] {auc, s10 / n1 + s01 / n0};
    }

    /**
     * Hanley and McNeil (Radiology 143:29-36, 1982), table 1: CT ratings of 109 patients on a 5-point
     * scale; normals (58): 33, 6, 6, 11, 2; abnormals (51): 3, 2, 2, 11, 33. The paper reports the
     * area 0.893 (and its own standard error 0.032, a different estimator from DeLong's, close to it).
     */
    @Test
    void hanleyMcNeilRatingExample() {
        int[] normals = {33, 6, 6, 11, 2};
        int[] abnormals = {3, 2, 2, 11, 33};
        int n = 109;
        int[] y = new int[n];
        double[] s = new double[n];
        int k = 0;
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < normals[r]; c++, k++) {
                y[k] = 0;
                s[k] = r + 1;
            }
            for (int c = 0; c < abnormals[r]; c++, k++) {
                y[k] = 1;
                s[k] = r + 1;
            }
        }
        ConfidenceInterval ci = Auroc.deLong(y, s);
        assertEquals(0.893, ci.estimate(), 5e-4);
        double[] direct = directDeLong(y, s);
        assertEquals(direct[0], ci.estimate(), 1e-12);
        assertEquals(direct[1], Auroc.deLongVariance(y, s), 1e-14);
        double se = Math.sqrt(direct[1]);
        assertEquals(0.032, se, 0.004);
        assertEquals(ci.estimate() - 1.959963984540054 * se, ci.lower(), 1e-9);
        assertEquals(Math.min(1, ci.estimate() + 1.959963984540054 * se), ci.upper(), 1e-9);
    }

    @Test
    void fastAlgorithmMatchesDefinitionOnRandomTiedScores() {
        Random rng = new Random(7);
        for (int rep = 0; rep < 30; rep++) {
            int n = 10 + rng.nextInt(60);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 3 ? 1 : i < 6 ? 0 : rng.nextInt(2);
                s[i] = rng.nextInt(8) + y[i] * rng.nextInt(3); // many ties
            }
            double[] direct = directDeLong(y, s);
            assertEquals(direct[0], Auroc.of(y, s), 1e-12);
            assertEquals(direct[1], Auroc.deLongVariance(y, s), 1e-13);
        }
    }

    @Test
    void pairedTestOfIdenticalScoresAndBootstrap() {
        int[] y = RocAndThresholdTest.Y;
        double[] s = RocAndThresholdTest.S;
        double[] t = Auroc.deLongTest(y, s, s.clone());
        assertEquals(t[0], t[1]);
        ConfidenceInterval b1 = Auroc.bootstrap(y, s, 500, 0.95, 11);
        ConfidenceInterval b2 = Auroc.bootstrap(y, s, 500, 0.95, 11);
        assertEquals(b1, b2);
        assertEquals(0.78, b1.estimate(), 1e-12);
        assertTrue(b1.lower() < 0.78 && b1.upper() > 0.78 && b1.lower() >= 0 && b1.upper() <= 1, b1.toString());
    }
}
