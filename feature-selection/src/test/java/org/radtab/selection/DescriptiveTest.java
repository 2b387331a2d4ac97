package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptiveTest {

    @Test
    void type7QuantilesByHand() {
        double[] x = {4, 1, 3, 2};   // sorted 1 2 3 4
        // h = 3p: p=.25 -> h=.75 -> 1 + .75(2-1) = 1.75 ; p=.5 -> 2.5 ; p=.75 -> h=2.25 -> 3.25
        assertEquals(1.75, Descriptive.quantile(x, 0.25), 1e-15);
        assertEquals(2.5, Descriptive.median(x), 1e-15);
        assertEquals(3.25, Descriptive.quantile(x, 0.75), 1e-15);
        assertEquals(1.5, Descriptive.iqr(x), 1e-15);
        assertEquals(1, Descriptive.quantile(x, 0), 0);
        assertEquals(4, Descriptive.quantile(x, 1), 0);
        // odd n: the middle value
        assertEquals(7, Descriptive.median(new double[] {9, 7, 1}), 0);
    }

    @Test
    void populationMomentsByHand() {
        // x = 0,0,0,0,4: mean 0.8; deviations -0.8 (x4), 3.2
        // m2 = (4*0.64 + 10.24)/5 = 2.56; m3 = (4*(-0.512) + 32.768)/5 = 6.144; m4 = (4*0.4096 + 104.8576)/5 = 21.2992
        // g1 = 6.144 / 2.56^1.5 = 6.144 / 4.096 = 1.5 ; g2 = 21.2992 / 6.5536 - 3 = 3.25 - 3 = 0.25
        double[] x = {0, 4, 0, 0, 0};
        assertEquals(2.56, Descriptive.populationVariance(x), 1e-12);
        assertEquals(3.2, Descriptive.sampleVariance(x), 1e-12);
        assertEquals(1.5, Descriptive.skewness(x), 1e-12);
        assertEquals(0.25, Descriptive.excessKurtosis(x), 1e-12);
        assertTrue(Double.isNaN(Descriptive.skewness(new double[] {2, 2, 2})));
    }

    @Test
    void outlierShareUsesStrictTukeyFences() {
        // 1..8 and 100: Q1 = 3, Q3 = 7 (h = 2, 6), IQR 4, fences [-3, 13]: only 100 is outside -> 1/9
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 100};
        assertEquals(1.0 / 9, Descriptive.outlierShare(x, 1.5), 1e-15);
        // a value exactly on the fence is not an outlier: 13 -> share 0
        assertEquals(0, Descriptive.outlierShare(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 13}, 1.5), 0);
    }

    @Test
    void averageRanksWithTies() {
        Ranks r = Ranks.of(new double[] {10, 20, 20, 5, 20, 30});
        // sorted: 5(1) 10(2) 20,20,20 (3,4,5 -> 4) 30(6)
        assertArrayEquals(new double[] {2, 4, 4, 1, 4, 6}, r.ranks(), 0);
        assertTrue(r.hasTies());
        assertEquals(24, r.tieTerm(), 0);   // 3^3 - 3
        assertFalse(Ranks.of(new double[] {3, 1, 2}).hasTies());
    }
}
