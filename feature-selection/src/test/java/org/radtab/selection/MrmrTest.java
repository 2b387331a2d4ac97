package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class MrmrTest {

    // Rows of the 8 x 8 Sylvester-Hadamard matrix: mutually orthogonal +-1 vectors.
    private static final int[][] H = {
        {1, 1, 1, 1, 1, 1, 1, 1},
        {1, -1, 1, -1, 1, -1, 1, -1},
        {1, 1, -1, -1, 1, 1, -1, -1},
        {1, -1, -1, 1, 1, -1, -1, 1},
        {1, 1, 1, 1, -1, -1, -1, -1},
        {1, -1, 1, -1, -1, 1, -1, 1},
        {1, 1, -1, -1, -1, -1, 1, 1},
        {1, -1, -1, 1, -1, 1, 1, -1},
    };

    /**
     * Features a g + b w with g = -H4 (the class contrast: -1 for class 0, rows 0-3, +1 for class 1)
     * and w a row of H orthogonal to the constant and to g, hence with zero class means. For such
     * a feature SSB = 8 a^2 and SSW = 8 b^2, so F = (8 a^2 / 1) / (8 b^2 / 6) = 6 a^2 / b^2; two
     * features built on different w have Pearson r = a1 a2 / sqrt((a1^2 + b1^2)(a2^2 + b2^2)).
     *
     * <pre>
     * col  feature              F        r with f1   r with f3
     * 0    constant 5           undefined (excluded)
     * 1    f1 = 3g + H1         54
     * 2    f2 = 6g + 2 H1       54       1 (exact copy, scaled)
     * 3    f3 = g + H2          6        3/sqrt(20)
     * 4    f4 = H3              0 (excluded)
     * 5    f5 = g + 3 H5        2/3      3/10        1/sqrt(20)
     * 6    f6 = 0.5 g + H6      1.5      1.5/sqrt(12.5)  0.5/sqrt(2.5)
     * </pre>
     * FCQ: pick 1 = f1 (F = 54, tied with f2: lowest index). Pick 2: f2 has mean |r| 1 (infinite
     * redundancy, score 0); f3 6/(3/sqrt 20) = 8.944; f5 (2/3)/0.3 = 2.22; f6 1.5/0.4243 = 3.54
     * -> f3. Pick 3: f2 54 / mean(1, 0.6708) = 64.6; f5 (2/3)/mean(0.3, 0.2236) = 2.55; f6
     * 1.5/mean(0.4243, 0.3162) = 4.05 -> f2 (mean redundancy makes the copy attractive again).
     * Pick 4: f5 (2/3)/mean(.3,.2236,.3) = 2.43; f6 1.5/mean(.4243,.3162,.4243) = 3.86 -> f6; then f5.
     */
    private static Dataset constructed() {
        double[] g = new double[8];
        for (int i = 0; i < 8; i++) {
            g[i] = -H[4][i];
        }
        double[][] x = new double[8][7];
        int[] y = new int[8];
        for (int i = 0; i < 8; i++) {
            y[i] = i < 4 ? 0 : 1;
            x[i][0] = 5;
            x[i][1] = 3 * g[i] + H[1][i];
            x[i][2] = 6 * g[i] + 2 * H[1][i];
            x[i][3] = g[i] + H[2][i];
            x[i][4] = H[3][i];
            x[i][5] = g[i] + 3 * H[5][i];
            x[i][6] = 0.5 * g[i] + H[6][i];
        }
        return Dataset.of(x, List.of("const", "f1", "f2", "f3", "f4", "f5", "f6"), y);
    }

    @Test
    void fcqPicksAreTheConstructedOnes() {
        Mrmr.Result r = Mrmr.defaults().select(constructed(), 6);
        assertEquals(List.of("f1", "f3", "f2", "f6", "f5"), r.selected());   // only 5 candidates
        assertEquals(List.of("const", "f4"), r.excluded());
        assertEquals(54, r.relevance()[1], 1e-9);
        assertEquals(54, r.relevance()[2], 1e-9);
        assertEquals(6, r.relevance()[3], 1e-9);
        assertEquals(2.0 / 3, r.relevance()[5], 1e-9);
        assertEquals(1.5, r.relevance()[6], 1e-9);
        assertEquals(0, r.relevance()[4], 1e-12);
        assertTrue(Double.isNaN(r.relevance()[0]));

        Mrmr.Pick first = r.picks().get(0);
        assertEquals(54, first.score(), 1e-9);
        assertTrue(Double.isNaN(first.redundancy()));
        Mrmr.Pick second = r.picks().get(1);
        assertEquals(3 / Math.sqrt(20), second.redundancy(), 1e-12);
        assertEquals(6 / (3 / Math.sqrt(20)), second.score(), 1e-9);
        Mrmr.Pick third = r.picks().get(2);
        assertEquals((1 + 3 / Math.sqrt(20)) / 2, third.redundancy(), 1e-12);
        assertEquals(54 / ((1 + 3 / Math.sqrt(20)) / 2), third.score(), 1e-9);
        Mrmr.Pick fourth = r.picks().get(3);
        double red6 = (1.5 / Math.sqrt(12.5) + 0.5 / Math.sqrt(2.5) + 1.5 / Math.sqrt(12.5)) / 3;
        assertEquals(red6, fourth.redundancy(), 1e-12);
        assertEquals(1.5 / red6, fourth.score(), 1e-9);
        assertEquals(5, r.picks().get(4).rank());
    }

    @Test
    void fcdUsesTheDifference() {
        Mrmr.Result r = new Mrmr(Mrmr.Options.of(Mrmr.Scheme.FCD)).select(constructed(), 3);
        // pick 2: f2 54 - 1 = 53 beats f3 6 - 0.67 -> the copy is taken at once under FCD
        assertEquals(List.of("f1", "f2", "f3"), r.selected());
        assertEquals(53, r.picks().get(1).score(), 1e-9);
    }

    @Test
    void anovaFByHand() {
        // groups {1, 2, 3} and {5, 6, 7}: means 2 and 6, grand mean 4; SSB = 3*4 + 3*4 = 24,
        // SSW = 2 + 2 = 4; F = (24 / 1) / (4 / 4) = 24
        assertEquals(24, Mrmr.anovaF(new double[] {1, 2, 3, 5, 6, 7}, new int[] {0, 0, 0, 1, 1, 1}, 2), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Mrmr.anovaF(new double[] {1, 1, 2, 2}, new int[] {0, 0, 1, 1}, 2));
    }

    @Test
    void binnedMutualInformationByHand() {
        // x = 0..99 in 10 equal-frequency bins; label = x >= 50: the label is a function of the bin,
        // so I = H(label) = ln 2
        int n = 100;
        double[] x = new double[n];
        int[] y = new int[n];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i >= 50 ? 1 : 0;
            z[i] = i % 2;   // within each bin of 10 consecutive values, 5 of each: independent
        }
        int[] bins = MutualInformation.equalFrequencyBins(x, 10);
        assertEquals(0, bins[9]);
        assertEquals(1, bins[10]);
        assertEquals(9, bins[99]);
        assertEquals(Math.log(2), MutualInformation.binned(x, y, 10), 1e-12);
        assertEquals(0, MutualInformation.binned(x, z, 10), 1e-12);
        // ties share a bin
        int[] tied = MutualInformation.equalFrequencyBins(new double[] {0, 0, 0, 0, 0, 0, 1, 2, 3, 4}, 5);
        assertEquals(0, tied[5]);
        assertEquals(3, tied[6]);   // 6 values are smaller: floor(5 * 6 / 10) = 3
    }

    @Test
    void binCodesFollowTheDefinition() {
        // brute force: code = floor(B * #{values < x} / n), on data with many ties
        java.util.Random rnd = new java.util.Random(8);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(60);
            int bins = 2 + rnd.nextInt(12);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(7) * 0.5;
            }
            int[] code = MutualInformation.equalFrequencyBins(x, bins);
            for (int i = 0; i < n; i++) {
                int less = 0;
                for (double v : x) {
                    if (v < x[i]) {
                        less++;
                    }
                }
                assertEquals(bins * less / n, code[i], "n=" + n + " bins=" + bins);
            }
        }
    }

    /**
     * X | Y=0 ~ U(0, 2), X | Y=1 ~ U(1, 3), P(Y=1) = 1/2. Outside [1, 2] the class is determined, inside
     * it is 50:50, so I(X; Y) = H(Y) - P(X in [1,2]) H(Y | X in [1,2]) = ln 2 - 0.5 ln 2 = 0.5 ln 2.
     * A seeded sample of 2 x 2000 points; the estimator's sampling error at this size is well below 0.01.
     */
    @Test
    void knnMutualInformationApproachesTheAnalyticValue() {
        int m = 2000;
        java.util.Random rnd = new java.util.Random(42);
        double[] x = new double[2 * m];
        int[] y = new int[2 * m];
        for (int i = 0; i < m; i++) {
            x[i] = 2 * rnd.nextDouble();
            x[m + i] = 1 + 2 * rnd.nextDouble();
            y[m + i] = 1;
        }
        assertEquals(0.5 * Math.log(2), MutualInformation.knn(x, y, 3), 0.01);
        // fully separated classes: I = ln 2
        for (int i = 0; i < m; i++) {
            x[m + i] += 5;
        }
        assertEquals(Math.log(2), MutualInformation.knn(x, y, 3), 0.01);
        // independent: I = 0 (clipped at 0 from below)
        for (int i = 0; i < m; i++) {
            x[m + i] = 2 * rnd.nextDouble();
        }
        assertEquals(0, MutualInformation.knn(x, y, 3), 0.01);
    }

    @Test
    void miqPicksTheMostInformativeFeatureFirst() {
        Dataset d = constructed();
        Mrmr.Result r = new Mrmr(new Mrmr.Options(Mrmr.Scheme.MIQ, Mrmr.MiEstimator.BINNED, 4, 3)).select(d, 2);
        // with 4 bins on 8 rows, f1 and f2 (3g + H1) separate the classes completely: I = ln 2,
        // the largest possible; f1 wins the tie by index
        assertEquals("f1", r.selected().get(0));
        assertEquals(Math.log(2), r.picks().get(0).relevance(), 1e-12);
    }
}
