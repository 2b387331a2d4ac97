package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class ConcordanceTest {

    @Test
    void linCccByHand() {
        // x = 1..5, y = 2,2,3,5,6: means 3 and 3.6; sxx = 10/5 = 2, syy = 13.2/5 = 2.64, sxy = 11/5 = 2.2
        // rho_c = 2 * 2.2 / (2 + 2.64 + 0.36) = 0.88; the equivalent form 1 - mean((x-y)^2) / (sxx + syy + d^2)
        // with differences -1,0,0,-1,-1 gives 1 - 0.6 / 5 = 0.88 as well
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {2, 2, 3, 5, 6};
        Concordance.CccResult r = Concordance.lin(x, y);
        assertEquals(0.88, r.ccc(), 1e-12);
        // Pearson r = 2.2 / sqrt(2 * 2.64)
        assertEquals(2.2 / Math.sqrt(5.28), r.pearson(), 1e-12);
        assertEquals(r.ccc(), r.pearson() * r.biasCorrection(), 1e-12);
        assertTrue(r.lower() < 0.88 && r.upper() > 0.88 && r.upper() < 1);
    }

    @Test
    void identicalReadingsArePerfectAndConstantReadersAreUndefined() {
        Concordance.CccResult same = Concordance.lin(new double[] {1, 5, 2}, new double[] {1, 5, 2});
        assertEquals(1, same.ccc(), 0);
        assertEquals(1, same.lower(), 0);
        Concordance.CccResult bothFlat = Concordance.lin(new double[] {2, 2, 2}, new double[] {2, 2, 2});
        assertTrue(Double.isNaN(bothFlat.ccc()));
        Concordance.CccResult oneFlat = Concordance.lin(new double[] {2, 2, 2}, new double[] {1, 2, 3});
        assertEquals(0, oneFlat.ccc(), 0);
        assertTrue(Double.isNaN(oneFlat.lower()));
    }

    /**
     * Checks Lin's asymptotic variance of Z = atanh(rho_c) and the coverage of the interval by
     * simulation: bivariate normal readings with mu_x = 0, mu_y = 0.3, sd_x = 1, sd_y = 1.2,
     * rho = 0.9, so rho_c = 2 * 0.9 * 1.2 / (1 + 1.44 + 0.09) = 0.853755. The empirical variance of
     * atanh(rho_c hat) over 4000 samples of n = 100 must match the mean of the variances the code
     * reports (back-computed from its interval), and about 95% of the intervals must cover 0.853755.
     */
    @Test
    void confidenceIntervalMatchesSimulation() {
        double trueCcc = 2 * 0.9 * 1.2 / (1 + 1.44 + 0.09);
        Random rnd = new Random(20240611L);
        int reps = 4000;
        int n = 100;
        double z975 = 1.959963984540054;
        double sumZ = 0;
        double sumZ2 = 0;
        double sumVar = 0;
        int covered = 0;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int rep = 0; rep < reps; rep++) {
            for (int i = 0; i < n; i++) {
                double a = rnd.nextGaussian();
                double b = 0.9 * a + Math.sqrt(1 - 0.81) * rnd.nextGaussian();
                x[i] = a;
                y[i] = 0.3 + 1.2 * b;
            }
            Concordance.CccResult r = Concordance.lin(x, y);
            double z = atanh(r.ccc());
            sumZ += z;
            sumZ2 += z * z;
            double se = (atanh(r.upper()) - atanh(r.lower())) / (2 * z975);
            sumVar += se * se;
            if (r.lower() <= trueCcc && trueCcc <= r.upper()) {
                covered++;
            }
        }
        double mean = sumZ / reps;
        double empiricalVar = sumZ2 / reps - mean * mean;
        double reportedVar = sumVar / reps;
        assertEquals(empiricalVar, reportedVar, 0.1 * empiricalVar, "var(Z) simulated vs Lin's formula");
        double coverage = covered / (double) reps;
        assertTrue(coverage > 0.93 && coverage < 0.965, "coverage " + coverage);
        assertEquals(atanh(trueCcc), mean, 0.01);
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }

    /**
     * Shrout and Fleiss (1979), Psychological Bulletin 86:420-428, Table 1 (four judges rate six
     * targets) and Table 2 (ANOVA: BMS 11.24, WMS 6.26, JMS 32.49, EMS 1.02; ICC(1,1) = .17,
     * ICC(2,1) = .29, ICC(3,1) = .71).
     */
    @Test
    void iccMatchesShroutFleissTables() {
        double[][] ratings = {
            {9, 2, 5, 8},
            {6, 1, 3, 2},
            {8, 4, 6, 8},
            {7, 1, 2, 6},
            {10, 5, 6, 9},
            {6, 2, 4, 7},
        };
        Concordance.IccResult r = Concordance.icc(ratings);
        assertEquals(11.24, r.msRows(), 0.005);
        assertEquals(6.26, r.msWithin(), 0.005);
        assertEquals(32.49, r.msColumns(), 0.005);
        assertEquals(1.02, r.msError(), 0.005);
        assertEquals(0.17, r.icc11(), 0.005);
        assertEquals(0.29, r.icc21(), 0.005);
        assertEquals(0.71, r.icc31(), 0.005);
    }

    private static Dataset reader(String[] ids, double[][] x) {
        Dataset.Builder b = Dataset.builder(List.of("good", "bad", "flat")).idName("case").unlabelled();
        for (int i = 0; i < ids.length; i++) {
            b.addRow(x[i], 0, ids[i]);
        }
        return b.build();
    }

    @Test
    void filterMatchesCasesByIdAndKeepsReproducibleFeatures() {
        String[] ids = {"a", "b", "c", "d", "e"};
        Dataset r1 = reader(ids, new double[][] {{1, 1, 7}, {2, 5, 7}, {3, 2, 7}, {4, 4, 7}, {5, 3, 7}});
        // reader 2 lists the same cases in another order; "good" = x1 + small error, "bad" unrelated
        String[] ids2 = {"e", "d", "c", "b", "a"};
        Dataset r2 = reader(ids2, new double[][] {{5.1, 1, 7}, {3.9, 2, 7}, {3.0, 5, 7}, {2.1, 3, 7}, {1.0, 4, 7}});
        CccFilter.Result res = CccFilter.defaults().apply(r1, r2);
        assertEquals(List.of("good"), res.kept());
        assertEquals(List.of("bad", "flat"), res.dropped());
        // "good": pairs (1,1.0) (2,2.1) (3,3.0) (4,3.9) (5,5.1): compute rho_c from the definition
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {1.0, 2.1, 3.0, 3.9, 5.1};
        double mx = 3;
        double my = 15.1 / 5;
        double sxx = 2;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < 5; i++) {
            syy += (y[i] - my) * (y[i] - my) / 5;
            sxy += (x[i] - mx) * (y[i] - my) / 5;
        }
        double expected = 2 * sxy / (sxx + syy + (mx - my) * (mx - my));
        assertEquals(expected, res.features().get(0).ccc().ccc(), 1e-12);
        assertTrue(res.features().get(2).reason().contains("undefined"));
    }

    @Test
    void filterNamesMissingAndExtraIds() {
        Dataset r1 = reader(new String[] {"a", "b", "c"}, new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}});
        Dataset r2 = reader(new String[] {"a", "b", "z"}, new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}});
        SelectionException e = assertThrows(SelectionException.class, () -> CccFilter.defaults().apply(r1, r2));
        assertTrue(e.getMessage().contains("missing from reader 2: c"), e.getMessage());
        assertTrue(e.getMessage().contains("extra in reader 2 (not in reader 1): z"), e.getMessage());

        Dataset dup = reader(new String[] {"a", "a", "c"}, new double[][] {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}});
        e = assertThrows(SelectionException.class, () -> CccFilter.defaults().apply(r1, dup));
        assertTrue(e.getMessage().contains("repeats case id(s): a"), e.getMessage());

        Dataset fewer = r1.columns(List.of("good"));
        e = assertThrows(SelectionException.class, () -> CccFilter.defaults().apply(r1, fewer));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("flat"), e.getMessage());
    }
}
