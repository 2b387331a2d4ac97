package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radtab.radiomics.feature.GlcmFamilyTest.image;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** GLRLM on small hand-computed examples and the PyRadiomics / IBSI edge cases. */
class GlrlmFamilyTest {
    private static final GlrlmFamily GLRLM = new GlrlmFamily();

    /** Row [1 1 2 2 2 1 0 1]: runs (1, 2), (2, 3), (1, 1), (1, 1) along x, in both walking orders. */
    @Test
    void runsOfOneRow() {
        GreyLevelImage g = image(new int[][][] {{{1, 1, 2, 2, 2, 1, 0, 1}}});
        PaddedLevels roi = PaddedLevels.compactIndices(g, 1);
        int stride = roi.maxDimension() + 1;
        int[] scratch = new int[2 * (roi.levelCount() + 1) * stride];
        for (int[] d : new int[][] {{1, 0, 0}, {-1, 0, 0}}) {
            int[] m = new int[2 * stride];
            int longest = GlrlmFamily.countRuns(roi, d, 0, 1, m, stride, scratch);
            assertEquals(3, longest);
            int[] expected = new int[2 * stride];
            expected[1] = 2; // level 1, length 1: twice
            expected[2] = 1; // level 1, length 2
            expected[stride + 3] = 1; // level 2, length 3
            assertArrayEquals(expected, m);
        }
        Map<String, Double> v = GLRLM.pyradiomics(g, TextureOptions.defaults());
        // 4 runs over 7 voxels
        assertEquals(4.0 / 7, v.get("RunPercentage"), 1e-15);
        assertEquals((2 + 0.25 + 1.0 / 9) / 4, v.get("ShortRunEmphasis"), 1e-15);
        assertEquals((2 + 4 + 9) / 4.0, v.get("LongRunEmphasis"), 1e-15);
        assertEquals((9 + 1) / 4.0, v.get("GrayLevelNonUniformity"), 1e-15);
        assertEquals((3 * 1 + 1 * 4) / 4.0, v.get("HighGrayLevelRunEmphasis"), 1e-15);
        // p = 1/2, 1/4, 1/4
        double entropy = -(0.5 * log2(0.5 + GlcmFamily.EPS) + 2 * 0.25 * log2(0.25 + GlcmFamily.EPS));
        assertEquals(entropy, v.get("RunEntropy"), 1e-15);
        // IBSI 3D merged: the 12 other directions see 7 runs of length 1 (4 of level 1, 3 of level 2)
        // merged counts: (1, len 1) 50, (1, len 2) 1, (2, len 3) 1, (2, len 1) 36
        double ibsiEntropy = 0;
        for (double c : new double[] {50, 1, 1, 36}) {
            ibsiEntropy -= c / 88 * log2(c / 88);
        }
        Map<String, Double> ibsi = GLRLM.ibsi(g, TextureOptions.defaults());
        assertEquals(ibsiEntropy, ibsi.get("rlm_rl_entr_3D_comb"), 1e-15);
        assertEquals(88.0 / (13 * 7), ibsi.get("rlm_r_perc_3D_comb"), 1e-15);
    }

    /**
     * ROI {(0,0), (1,0), (2,1)} of level 1 in a 3 x 2 box: directions (1,0) and (1,1) hold a run of
     * 2 and a run of 1 (SRE 0.625); no line along (0,1) or (-1,1) holds two ROI voxels, so
     * PyRadiomics clears those matrices and drops them (without that, SRE would be 0.8125).
     */
    @Test
    void degenerateDirectionsAreDropped() {
        GreyLevelImage g = image(new int[][][] {{{1, 1, 0}, {0, 0, 1}}});
        Map<String, Double> v = GLRLM.pyradiomics(g, TextureOptions.defaults());
        assertEquals(0.625, v.get("ShortRunEmphasis"), 1e-15);
        assertEquals(2.0 / 3, v.get("RunPercentage"), 1e-15);
    }

    /** Two ROI voxels on one line but not adjacent: the direction is kept (runs of length 1). */
    @Test
    void nonAdjacentVoxelsOnALineKeepTheDirection() {
        GreyLevelImage g = image(new int[][][] {{{1, 0, 2}}});
        Map<String, Double> v = GLRLM.pyradiomics(g, TextureOptions.defaults());
        assertEquals(1.0, v.get("ShortRunEmphasis"), 0);
        assertEquals(1.0, v.get("RunPercentage"), 0);
        assertEquals(1.0, v.get("GrayLevelNonUniformity"), 0);
        assertEquals(0.25, v.get("GrayLevelVariance"), 1e-15);
        assertEquals(0.0, v.get("RunVariance"), 0);
    }

    /** One voxel: no angle survives the size limit, every feature is NaN. */
    @Test
    void singleVoxel() {
        GreyLevelImage g = image(new int[][][] {{{0, 3}}});
        GLRLM.pyradiomics(g, TextureOptions.defaults()).forEach((k, x) -> assertTrue(Double.isNaN(x), k));
        // IBSI: one run of length 1 in every direction
        assertEquals(1.0, GLRLM.ibsi(g, TextureOptions.defaults()).get("rlm_sre_3D_avg"), 0);
    }

    /**
     * 2 x 2 image [[1, 2], [2, 1]], spacing (1, 2): (1,1) and (-1,1) hold a run of 2 and two runs
     * of 1; (1,0) and (0,1) four runs of 1. Weighted by the direction's length w:
     * SRE = (r_1 + r_2 / 4) / N_s with r_1 = 2 w_d + 2 w_d' + 4 w_y + 4 w_x, r_2 = w_d + w_d'.
     */
    @Test
    void weightingNorms() {
        GreyLevelImage g = image(new double[] {1, 2, 7}, new int[][][] {{{1, 2}, {2, 1}}});
        TextureOptions o = TextureOptions.defaults();
        assertEquals(0.875, GLRLM.pyradiomics(g, o).get("ShortRunEmphasis"), 1e-15, "mean of 0.75, 0.75, 1, 1");
        Map<String, Double> inf = GLRLM.pyradiomics(g, o.withWeightingNorm("infinity"));
        assertEquals(21.0 / 24, inf.get("ShortRunEmphasis"), 1e-15); // w_x 1, w_y 2, w_d 2
        assertEquals(24.0 / 28, inf.get("RunPercentage"), 1e-15);
        double wd = Math.sqrt(5);
        assertEquals((12 + 4 * wd + wd / 2) / (12 + 6 * wd),
            GLRLM.pyradiomics(g, o.withWeightingNorm("euclidean")).get("ShortRunEmphasis"), 1e-15);
        assertEquals((12 + 12 + 1.5) / (12 + 18),
            GLRLM.pyradiomics(g, o.withWeightingNorm("manhattan")).get("ShortRunEmphasis"), 1e-15);
        assertEquals(12.5 / 14, GLRLM.pyradiomics(g, o.withWeightingNorm("no_weighting")).get("ShortRunEmphasis"),
            1e-15);
    }

    /** IBSI merging sums N_v: run percentage of merged matrices equals runs over covered voxels. */
    @Test
    void ibsiRunPercentageOfMergedMatrices() {
        GreyLevelImage g = image(new int[][][] {{{1, 2}, {2, 1}}});
        Map<String, Double> v = GLRLM.ibsi(g, TextureOptions.defaults());
        // in-plane: 3 + 3 + 4 + 4 runs over 4 x 4 voxels
        assertEquals(14.0 / 16, v.get("rlm_r_perc_2D_comb"), 1e-15);
        assertEquals(14.0 / 16, v.get("rlm_r_perc_2_5D_comb"), 1e-15);
        assertEquals((0.75 + 0.75 + 1 + 1) / 4, v.get("rlm_r_perc_2D_avg"), 1e-15);
        // 3D: the 9 out-of-plane directions see 4 runs of 1 each
        assertEquals((14.0 + 9 * 4) / (13 * 4), v.get("rlm_r_perc_3D_comb"), 1e-15);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
