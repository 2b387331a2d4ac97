package org.radtab.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class MetricPropertiesTest {

    /** Mann-Whitney U of the positives' scores against the negatives', ties counted 1/2. */
    private static double mannWhitneyU(int[] y, double[] s) {
        double u = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    u += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return u;
    }

    @Property(tries = 200)
    void aurocEqualsMannWhitney(@ForAll @Size(min = 2, max = 60) int[] raw,
                                @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        int n = raw.length;
        int[] y = new int[n];
        double[] s = new double[n];
        java.util.Random rng = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            y[i] = Math.floorMod(raw[i], 2);
            s[i] = rng.nextBoolean() ? rng.nextInt(5) : rng.nextGaussian(); // ties and continuous
        }
        int n1 = java.util.Arrays.stream(y).sum();
        Assume.that(n1 > 0 && n1 < n);
        double auc = Auroc.of(y, s);
        assertEquals(mannWhitneyU(y, s) / ((double) n1 * (n - n1)), auc, 1e-12);
        assertEquals(auc, RocCurve.of(y, s).auc(), 1e-12);
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            neg[i] = -s[i];
        }
        assertEquals(1 - auc, Auroc.of(y, neg), 1e-12);
    }

    @Property(tries = 100)
    void brierOfPerfectModelIsZero(@ForAll @Size(min = 1, max = 50) int[] raw) {
        int[] y = new int[raw.length];
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            y[i] = Math.floorMod(raw[i], 2);
            p[i] = y[i];
        }
        assertEquals(0.0, Calibration.brier(y, p));
    }
}
