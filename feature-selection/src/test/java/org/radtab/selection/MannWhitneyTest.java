package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class MannWhitneyTest {
    private static final NormalDistribution PHI = new NormalDistribution(0, 1);

    // Shier, R. (2004), "Statistics: 2.3 The Mann-Whitney U Test", Mathematics Learning Support
    // Centre: ages at diagnosis of type II diabetes; U_M = 17, U_F = 3, exact p = 0.11.
    private static final double[] MALES = {19, 22, 16, 29, 24};
    private static final double[] FEMALES = {20, 11, 17, 12};

    @Test
    void tinyExampleExactPEnumeratedByHand() {
        MannWhitney.Result r = MannWhitney.test(MALES, FEMALES);
        // pooled ranks: 11(1) 12(2) 16(3) 17(4) 19(5) 20(6) 22(7) 24(8) 29(9);
        // males 3+5+7+8+9 = 32 -> U1 = 32 - 15 = 17, U2 = 20 - 17 = 3
        assertEquals(17, r.u1(), 0);
        assertEquals(3, r.u2(), 0);
        assertEquals(MannWhitney.Method.EXACT, r.method());   // n2 = 4 <= 8, no ties
        // enumerate all C(9,5) = 126 ways to give 5 of the ranks 1..9 to the first sample
        int atMost3 = 0;
        int total = 0;
        for (int mask = 0; mask < (1 << 9); mask++) {
            if (Integer.bitCount(mask) != 5) {
                continue;
            }
            total++;
            int rankSum = 0;
            for (int b = 0; b < 9; b++) {
                if ((mask & (1 << b)) != 0) {
                    rankSum += b + 1;
                }
            }
            if (rankSum - 15 <= 3) {
                atMost3++;
            }
        }
        assertEquals(126, total);
        assertEquals(7, atMost3);   // U = 0, 1, 2, 2, 3, 3, 3
        assertEquals(2.0 * atMost3 / total, r.p(), 1e-15);   // = 0.1111 as the source reports
    }

    @Test
    void tinyExampleAsymptoticWithAndWithoutContinuity() {
        // z = (17 - 10 - 0.5) / sqrt(5 * 4 * 10 / 12); no ties
        double s = Math.sqrt(5 * 4 * 10 / 12.0);
        MannWhitney.Result cc = MannWhitney.test(MALES, FEMALES, MannWhitney.Method.ASYMPTOTIC, true);
        assertEquals(6.5 / s, cc.z(), 1e-12);
        assertEquals(2 * (1 - PHI.cumulativeProbability(6.5 / s)), cc.p(), 1e-12);
        MannWhitney.Result plain = MannWhitney.test(MALES, FEMALES, MannWhitney.Method.ASYMPTOTIC, false);
        assertEquals(2 * (1 - PHI.cumulativeProbability(7 / s)), plain.p(), 1e-12);
        assertEquals(0.09, plain.p(), 0.005);   // Shier reports p = 0.09 without correction
    }

    /**
     * NAG Library routine G08AHF, example program (16 vs 23 observations with ties): "Test
     * statistic = 86.0000, Normal Statistic = -2.8039, Approx. tail probability = 0.0025". The
     * normal statistic there includes the tie correction and the continuity correction.
     */
    @Test
    void textbookExampleWithTies() {
        double[] g1 = {13, 6, 12, 7, 12, 7, 10, 7, 10, 7, 16, 7, 10, 8, 9, 8};
        double[] g2 = {17, 6, 10, 8, 15, 8, 15, 10, 15, 10, 14, 10, 14, 11, 14, 11, 13, 12, 13, 12, 13, 12, 12};
        MannWhitney.Result r = MannWhitney.test(g1, g2);
        assertEquals(86, r.u1(), 0);
        assertEquals(MannWhitney.Method.ASYMPTOTIC, r.method());
        assertTrue(r.ties());
        assertEquals(2.8039, r.z(), 5e-5);   // our z is for max(U1, U2): the sign is positive
        assertEquals(2 * 0.0025, r.p(), 0.0002);

        // hand check of the tie-corrected variance: tie groups in the pooled sample of 39
        // 6:2, 7:5, 8:4, 9:1, 10:7, 11:2, 12:6, 13:4, 14:3, 15:3, 16:1, 17:1
        int[] t = {2, 5, 4, 1, 7, 2, 6, 4, 3, 3, 1, 1};
        double tie = 0;
        for (int v : t) {
            tie += (double) v * v * v - v;
        }
        double var = 16 * 23 / 12.0 * (40 - tie / (39 * 38));
        assertEquals((16 * 23 - 86 - 16 * 23 / 2.0 - 0.5) / Math.sqrt(var), r.z(), 1e-12);
    }

    @Test
    void autoRulePicksExactOnlyForSmallTieFreeSamples() {
        double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] b = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5};
        assertEquals(MannWhitney.Method.ASYMPTOTIC, MannWhitney.test(a, b).method());   // both > 8
        double[] c = {1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5};
        assertEquals(MannWhitney.Method.EXACT, MannWhitney.test(a, c).method());        // one <= 8
        double[] d = {1, 2.5, 3.5};
        assertEquals(MannWhitney.Method.ASYMPTOTIC, MannWhitney.test(a, d).method());   // a tie (1)
    }

    @Test
    void exactDistributionOfLargerSamplesMatchesBruteForce() {
        // n1 = 6, n2 = 7: count rank subsets with U <= 10 by enumeration of C(13,6) = 1716 subsets
        int n1 = 6;
        int n2 = 7;
        int below = 0;
        for (int mask = 0; mask < (1 << 13); mask++) {
            if (Integer.bitCount(mask) != n1) {
                continue;
            }
            int rs = 0;
            for (int b = 0; b < 13; b++) {
                if ((mask & (1 << b)) != 0) {
                    rs += b + 1;
                }
            }
            if (rs - n1 * (n1 + 1) / 2 <= 10) {
                below++;
            }
        }
        assertEquals(2.0 * below / 1716, MannWhitney.exactTwoSided(n1, n2, 10), 1e-15);
    }

    @Test
    void allValuesTiedGivesPOne() {
        MannWhitney.Result r = MannWhitney.test(new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3},
            new double[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3});
        assertEquals(1, r.p(), 0);
    }
}
