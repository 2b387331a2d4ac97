package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class TwoGroupTestsTest {

    /**
     * Student's (1908) sleep data (Cushny and Peebles): extra hours of sleep under two drugs. R's
     * {@code t.test(extra ~ group, data = sleep)} prints "t = -1.8608, df = 17.776, p-value = 0.07939".
     */
    @Test
    void welchOnTheSleepData() {
        double[] g1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] g2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        WelchTTest.Result r = WelchTTest.test(g1, g2);
        assertEquals(-1.8608, r.t(), 5e-5);
        assertEquals(17.776, r.df(), 5e-4);
        assertEquals(0.07939, r.p(), 5e-6);
        assertEquals(0.75, r.mean1(), 1e-12);
        assertEquals(2.33, r.mean2(), 1e-12);
    }

    @Test
    void chiSquareTwoByTwoWithYatesByHand() {
        // [[10, 20], [30, 40]]: row sums 30, 70; column sums 40, 60; E = [[12, 18], [28, 42]]
        // |O - E| = 2 everywhere; Yates: (2 - 0.5)^2 (1/12 + 1/18 + 1/28 + 1/42) = 2.25 * 50/252
        long[][] t = {{10, 20}, {30, 40}};
        ChiSquareTest.Result yates = ChiSquareTest.test(t);
        assertTrue(yates.yates());
        assertEquals(2.25 * 50 / 252, yates.statistic(), 1e-12);
        assertEquals(1, yates.df());
        // for 1 df, P(chi2 > x) = erfc(sqrt(x / 2))
        assertEquals(Erf.erfc(Math.sqrt(yates.statistic() / 2)), yates.p(), 1e-12);
        ChiSquareTest.Result plain = ChiSquareTest.test(t, false);
        assertEquals(4 * 50 / 252.0, plain.statistic(), 1e-12);
        assertEquals(12, plain.minExpected(), 1e-12);
    }

    @Test
    void yatesCorrectionNeverOvershoots() {
        // [[5, 5], [5, 6]]: n = 21, E11 = 10*10/21 = 4.7619, |O - E| = 0.238 < 0.5: corrected to 0
        long[][] t = {{5, 5}, {5, 6}};
        assertEquals(0, ChiSquareTest.test(t).statistic(), 1e-12);
        assertEquals(1, ChiSquareTest.test(t).p(), 1e-12);
    }

    @Test
    void chiSquareTwoByThreeByHand() {
        // [[10, 20, 30], [20, 20, 20]]: E = [[15, 20, 25], [15, 20, 25]]
        // X^2 = 25/15 + 0 + 25/25 + 25/15 + 0 + 25/25 = 16/3; df = 2 -> p = exp(-X^2 / 2)
        ChiSquareTest.Result r = ChiSquareTest.test(new long[][] {{10, 20, 30}, {20, 20, 20}});
        assertEquals(16.0 / 3, r.statistic(), 1e-12);
        assertEquals(2, r.df());
        assertEquals(Math.exp(-8.0 / 3), r.p(), 1e-12);
    }

    @Test
    void fisherLadyTastingTea() {
        // Fisher (1935): 4 of 8 cups with milk first, 3 correctly identified: p = 0.4857 two-sided
        // by hand: P(a) = C(4,a) C(4,4-a) / C(8,4) = 1, 16, 36, 16, 1 over 70; P(3) = 16/70; tables
        // with P <= 16/70: a = 0, 1, 3, 4 -> 34/70
        assertEquals(34.0 / 70, FisherExactTest.twoSided(new long[][] {{3, 1}, {1, 3}}), 1e-12);
    }

    @Test
    void fisherDietingExample() {
        // men 1 dieting / 11 not, women 9 dieting / 3 not: two-sided p = 0.002759 (Wikipedia's
        // worked example of Fisher's exact test)
        assertEquals(0.002759, FisherExactTest.twoSided(new long[][] {{1, 9}, {11, 3}}), 5e-7);
    }

    @Test
    void fisherTwoByThreeByHandEnumeration() {
        // [[2, 0, 1], [0, 2, 1]]: column totals 2, 2, 2, row totals 3, 3, n = 6, C(6,3) = 20
        // tables (a1, a2, a3) with a_j in 0..2 summing to 3; weight prod C(2, a_j):
        //   (2,1,0) perms: 6 tables of weight 2*... C(2,2)C(2,1)C(2,0) = 2 -> 12
        //   (1,1,1): 1 table of weight 8 -> 8                                    total 20
        // observed (2,0,1): weight 2 -> P = 2/20; tables with P <= 2/20: the six of weight 2 -> 12/20
        assertEquals(0.6, FisherExactTest.twoSided(new long[][] {{2, 0, 1}, {0, 2, 1}}), 1e-12);
        // the transposed 3 x 2 table gives the same
        assertEquals(0.6, FisherExactTest.twoSided(new long[][] {{2, 0}, {0, 2}, {1, 1}}), 1e-12);
    }

    @Test
    void fisherRejectsLargerTables() {
        assertThrows(SelectionException.class,
            () -> FisherExactTest.twoSided(new long[][] {{1, 2, 3}, {3, 2, 1}, {1, 1, 1}}));
        assertThrows(SelectionException.class, () -> ChiSquareTest.test(new long[][] {{0, 0}, {3, 4}}));
    }

    @Test
    void benjaminiHochbergByHand() {
        // p = .01 .04 .03 .005 .2 (m = 5); sorted .005 .01 .03 .04 .2 with m p / k:
        // .025 .025 .05 .05 .2 ; running minimum from the top: .025 .025 .05 .05 .2
        double[] q = MultipleTesting.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005, 0.2});
        assertArrayEquals(new double[] {0.025, 0.05, 0.05, 0.025, 0.2}, q, 1e-15);
        // monotonicity step: p = .01 .02 .03 with m = 3: 3p/k = .03 .03 .03
        assertArrayEquals(new double[] {0.03, 0.03, 0.03}, MultipleTesting.benjaminiHochberg(
            new double[] {0.03, 0.02, 0.01}), 1e-15);
        // p = .9 .8: 2 * .8 / 1 = 1.6 is capped at 1 and then lowered to the running minimum .9
        assertArrayEquals(new double[] {0.9, 0.9}, MultipleTesting.benjaminiHochberg(new double[] {0.9, 0.8}), 0);
    }
}
