package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** Hand-computed levels for every discretisation rule and its edge cases. */
class DiscretiserTest {

    /** A 1-row ROI of the given values (all in the mask) plus one masked-out voxel at the end. */
    static RoiImage roi(double... values) {
        double[] d = new double[values.length + 1];
        System.arraycopy(values, 0, d, 0, values.length);
        d[values.length] = -99999; // outside the mask: must not influence min/max
        boolean[] m = new boolean[d.length];
        for (int i = 0; i < values.length; i++) {
            m[i] = true;
        }
        return new RoiImage(Volume.wrap(Geometry.of(d.length, 1, 1, 1, 1, 1), d), m);
    }

    static int[] inside(GreyLevelImage g) {
        int[] l = g.levels();
        int[] out = new int[l.length - 1];
        System.arraycopy(l, 0, out, 0, out.length);
        assertEquals(0, l[l.length - 1], "voxel outside the mask gets level 0");
        return out;
    }

    @Test
    void pyradiomicsBinWidthAnchorsAtMultiplesOfTheWidth() {
        // min -37: low = -37 - (-37 mod 25) = -37 - 13 = -50; edges -50, -25, 0, 25, 50, 75
        GreyLevelImage g = Discretiser.pyradiomicsBinWidth(roi(-37, -25, -1, 0, 24, 25, 49.999, 50), 25);
        assertArrayEquals(new int[] {1, 2, 2, 3, 3, 4, 4, 5}, inside(g));
        assertEquals(5, g.numLevels());
    }

    @Test
    void pyradiomicsBinWidthPositiveMinimumAndFractionalWidth() {
        // min 7: low = 5, w = 2.5: edges 5, 7.5, 10, 12.5, 15 (< 10 + 5)
        GreyLevelImage g = Discretiser.pyradiomicsBinWidth(roi(7, 7.5, 9.99, 10), 2.5);
        assertArrayEquals(new int[] {1, 2, 2, 3}, inside(g));
    }

    @Test
    void pyradiomicsBinWidthFlatRoiIsLevelOne() {
        assertArrayEquals(new int[] {1, 1, 1}, inside(Discretiser.pyradiomicsBinWidth(roi(12, 12, 12), 25)));
        assertArrayEquals(new int[] {1, 1}, inside(Discretiser.pyradiomicsBinWidth(roi(-25, -25), 25)));
    }

    @Test
    void pyradiomicsBinCountUsesHistogramEdges() {
        // edges 0, 2, 4, 6, 8, 10 -> last raised to 11
        GreyLevelImage g = Discretiser.pyradiomicsBinCount(roi(0, 1, 2, 3, 4, 10), 5);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 5}, inside(g));
        assertEquals(5, g.numLevels());
        // negative range: -10 .. 10, N = 4: edges -10, -5, 0, 5, 11
        assertArrayEquals(new int[] {1, 2, 3, 3, 4, 4},
            inside(Discretiser.pyradiomicsBinCount(roi(-10, -5, 0, 4.9, 5, 10), 4)));
    }

    @Test
    void pyradiomicsBinCountFlatRoiLandsInTheMiddleBin() {
        assertArrayEquals(new int[] {17, 17}, inside(Discretiser.pyradiomicsBinCount(roi(7, 7), 32)));
        // N = 5: edges 6.5, 6.7, 6.9, 7.1, ... -> 7 is in bin 3 = floor(5 / 2) + 1
        assertArrayEquals(new int[] {3}, inside(Discretiser.pyradiomicsBinCount(roi(7), 5)));
    }

    @Test
    void ibsiBinSizeFromTheRangeLowerBound() {
        // x_min = -500 (re-segmentation bound), w = 25
        GreyLevelImage g = Discretiser.ibsiBinSize(roi(-500, -476, -475, -1, 399), 25, -500);
        assertArrayEquals(new int[] {1, 1, 2, 20, 36}, inside(g));
        assertEquals(36, g.numLevels());
    }

    @Test
    void ibsiBinSizeFromTheRoiMinimum() {
        // x_min = -3.5 (ROI minimum), w = 2.5: (x + 3.5) / 2.5 = 0, 1, 1.4, 2.4
        assertArrayEquals(new int[] {1, 2, 2, 3}, inside(Discretiser.ibsiBinSize(roi(-3.5, -1, 0, 2.5), 2.5, Double.NaN)));
    }

    @Test
    void ibsiBinSizeRejectsValuesBelowTheOrigin() {
        assertThrows(IllegalArgumentException.class, () -> Discretiser.ibsiBinSize(roi(-501, 0), 25, -500));
    }

    @Test
    void ibsiBinNumber() {
        GreyLevelImage g = Discretiser.ibsiBinNumber(roi(0, 1, 2, 3, 4, 10), 5);
        assertArrayEquals(new int[] {1, 1, 2, 2, 3, 5}, inside(g));
        assertEquals(5, g.numLevels());
        // 32 bins over [-1000, 400]: x = -956.25 is exactly the edge of bin 2
        assertArrayEquals(new int[] {1, 1, 2, 32},
            inside(Discretiser.ibsiBinNumber(roi(-1000, -956.26, -956.25, 400), 32)));
        assertArrayEquals(new int[] {1, 1}, inside(Discretiser.ibsiBinNumber(roi(3, 3), 32)));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Discretiser.pyradiomicsBinWidth(roi(1, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> Discretiser.pyradiomicsBinCount(roi(1, 2), 0));
        assertThrows(IllegalArgumentException.class, () -> Discretiser.ibsiBinNumber(roi(1, 2), -1));
        RoiImage empty = new RoiImage(Volume.wrap(Geometry.of(2, 1, 1, 1, 1, 1), new double[2]), new boolean[2]);
        assertThrows(IllegalArgumentException.class, () -> Discretiser.pyradiomicsBinWidth(empty, 25));
        assertThrows(IllegalArgumentException.class, () -> Discretiser.asIs(roi(1.5)));
        assertArrayEquals(new int[] {1, 6, 4}, inside(Discretiser.asIs(roi(1, 6, 4))));
    }
}
