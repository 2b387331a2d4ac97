package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** Normalisation, re-segmentation and ROI checks on hand-computed examples. */
class PreprocessingStepsTest {

    static Volume line(double... v) {
        return Volume.wrap(Geometry.of(v.length, 1, 1, 1, 1, 1), v.clone());
    }

    static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    /** 1..5: mean 3, sample SD sqrt(10 / 4). */
    @Test
    void normalisationUsesTheSampleSdThenClipsThenScales() {
        double sd = Math.sqrt(2.5);
        double[] z = Normalisation.pyradiomics(line(1, 2, 3, 4, 5), 1, Double.NaN, OutputCast.NONE).data();
        assertArrayEquals(new double[] {-2 / sd, -1 / sd, 0, 1 / sd, 2 / sd}, z, 1e-15);
        double[] c = Normalisation.pyradiomics(line(1, 2, 3, 4, 5), 100, 1, OutputCast.NONE).data();
        assertArrayEquals(new double[] {-100, -100 / sd, 0, 100 / sd, 100}, c, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Normalisation.pyradiomics(line(2, 2), 1, Double.NaN,
            OutputCast.NONE));
    }

    @Test
    void rangeResegmentationIsClosedAndMayBeOpen() {
        Volume v = line(-600, -500, 0, 400, 401, 1000);
        boolean[] roi = all(6);
        assertArrayEquals(new boolean[] {false, true, true, true, false, false},
            Resegmentation.range(v, roi, -500, 400));
        assertArrayEquals(new boolean[] {true, true, true, true, false, false},
            Resegmentation.range(v, roi, Double.NaN, 400));
        assertArrayEquals(new boolean[] {false, true, true, true, true, true},
            Resegmentation.range(v, roi, -500, Double.NaN));
        boolean[] part = {true, true, false, true, true, true};
        assertArrayEquals(new boolean[] {false, true, false, true, false, false}, Resegmentation.range(v, part, -500, 400));
    }

    /** Nine zeros and a 10: mean 1, population SD sqrt((9 + 81) / 10) = 3. */
    @Test
    void outlierFilterUsesThePopulationSd() {
        Volume v = line(0, 0, 0, 0, 0, 0, 0, 0, 0, 10);
        boolean[] roi = all(10);
        boolean[] k1 = Resegmentation.outliers(v, roi, 1); // [-2, 4]
        assertEquals(9, Resegmentation.count(k1));
        assertTrue(!k1[9]);
        assertEquals(10, Resegmentation.count(Resegmentation.outliers(v, roi, 3))); // [-8, 10], closed
        // PyRadiomics sigma mode, same statistics
        assertEquals(9, Resegmentation.count(Resegmentation.pyradiomics(v, roi, new double[] {1, -1},
            Resegmentation.Mode.SIGMA)));
        // relative: x >= 0.5 * max = 5
        assertArrayEquals(new boolean[] {false, false, false, false, false, false, false, false, true, true},
            Resegmentation.pyradiomics(line(0, 0, 0, 0, 0, 0, 0, 0, 5, 10), roi, new double[] {0.5},
                Resegmentation.Mode.RELATIVE));
    }

    /**
     * IBSI combined (configuration E): the range first, then mu +- k sigma over the survivors. With
     * -2000 removed by the range the survivors are nine zeros and a 10 (mu 1, sigma 3) and k = 1
     * drops the 10; sigma over all eleven voxels (mu -180.9, sigma ~ 603) would keep it.
     */
    @Test
    void ibsiCombinedFiltersOnTheRangeSurvivors() {
        Volume v = line(-2000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10);
        boolean[] r = Resegmentation.ibsi(v, all(11), -1000, Double.NaN, 1);
        assertEquals(9, Resegmentation.count(r));
        assertTrue(!r[0] && !r[10]);
        assertEquals(10, Resegmentation.count(Resegmentation.range(v, Resegmentation.outliers(v, all(11), 1), -1000,
            Double.NaN)));
    }

    @Test
    void pyradiomicsResegmentationNeedsTwoVoxels() {
        Volume v = line(1, 2, 3);
        InvalidRoiException e = assertThrows(InvalidRoiException.class,
            () -> Resegmentation.pyradiomics(v, all(3), new double[] {3}, Resegmentation.Mode.ABSOLUTE));
        assertTrue(e.getMessage().contains("left 1 voxel"), e.getMessage());
    }

    @Test
    void roiChecks() {
        Geometry g = Geometry.of(4, 4, 3, 1, 1, 1);
        int[] l = new int[g.voxelCount()];
        Mask m = Mask.wrap(g, l);
        InvalidRoiException absent = assertThrows(InvalidRoiException.class, () -> RoiCheck.check(m, 1, 2, 0));
        assertTrue(absent.getMessage().contains("not present"));
        l[g.index(1, 1, 1)] = 1;
        assertTrue(assertThrows(InvalidRoiException.class, () -> RoiCheck.check(m, 1, 1, 0)).getMessage()
            .contains("single voxel"));
        l[g.index(2, 1, 1)] = 1;
        l[g.index(3, 1, 1)] = 1; // a line along x: 1 dimension
        assertThrows(InvalidRoiException.class, () -> RoiCheck.check(m, 1, 2, 0));
        assertEquals(new BoundingBox(new int[] {1, 1, 1}, new int[] {3, 1, 1}), RoiCheck.check(m, 1, 1, 0));
        l[g.index(3, 2, 1)] = 1;
        l[g.index(3, 2, 2)] = 1; // 5 voxels, 3 dimensions
        assertEquals(3, RoiCheck.check(m, 1, 3, 4).dimensionality());
        assertTrue(assertThrows(InvalidRoiException.class, () -> RoiCheck.check(m, 1, 3, 5)).getMessage()
            .contains("more than 5"));
        l[g.index(0, 0, 0)] = 2; // another label does not count
        assertEquals(new BoundingBox(new int[] {1, 1, 1}, new int[] {3, 2, 2}), RoiCheck.check(m, 1, 2, 0));
    }
}
