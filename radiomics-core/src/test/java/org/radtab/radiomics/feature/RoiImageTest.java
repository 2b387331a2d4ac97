package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** The gathered intensities and their range against a Math.min / Math.max fold over the masked voxels. */
class RoiImageTest {

    @Provide
    Arbitrary<double[]> voxels() {
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.5, -2.0);
        Arbitrary<Double> plain = Arbitraries.doubles().between(-1e3, 1e3);
        return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, special), net.jqwik.api.Tuple.of(4, plain))
            .array(double[].class).ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void rangeIsTheMathMinMaxFoldOverTheMask(@ForAll("voxels") double[] d, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        boolean[] mask = new boolean[d.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int n = 0; n < d.length; n++) {
            mask[n] = r.nextInt(4) != 0;
            if (mask[n]) {
                lo = Math.min(lo, d[n]);
                hi = Math.max(hi, d[n]);
                count++;
            }
        }
        RoiImage roi = new RoiImage(Volume.wrap(Geometry.of(d.length, 1, 1, 1, 1, 1), d), mask);
        // bit-level equality: NaN and the sign of zero included
        assertEquals(Double.doubleToLongBits(lo), Double.doubleToLongBits(roi.intensityMin()));
        assertEquals(Double.doubleToLongBits(hi), Double.doubleToLongBits(roi.intensityMax()));
        assertEquals(count, roi.intensityVoxelCount());
    }

    @Test
    void withImageSharesTheMasksAndTheirIndexOnAnotherImageOfTheGrid() {
        Geometry g = Geometry.of(4, 1, 1, 1, 1, 1);
        boolean[] mask = {false, true, true, false};
        RoiImage a = new RoiImage(Volume.wrap(g, new double[] {1, 2, 3, 4}), mask);
        RoiImage b = a.withImage(Volume.wrap(g, new double[] {10, 20, 30, 40}));
        assertArrayEquals(new int[] {1, 2}, a.intensityVoxelIndices());
        org.junit.jupiter.api.Assertions.assertSame(a.intensityVoxelIndices(), b.intensityVoxelIndices());
        assertArrayEquals(new double[] {20, 30}, b.intensityValues(), 0.0);
        assertEquals(20.0, b.intensityMin(), 0.0);
        assertEquals(3.0, a.intensityMax(), 0.0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> a.withImage(Volume.wrap(Geometry.of(2, 2, 1, 1, 1, 1), new double[4])));
    }

    @Test
    void valuesComeInFlatIndexOrderAsACopy() {
        double[] d = {5, -0.0, 7, 0.0, 2};
        boolean[] mask = {true, true, false, true, true};
        RoiImage roi = new RoiImage(Volume.wrap(Geometry.of(5, 1, 1, 1, 1, 1), d), mask);
        double[] v = roi.intensityValues();
        assertArrayEquals(new double[] {5, -0.0, 0.0, 2}, v, 0.0);
        assertNotSame(v, roi.intensityValues());
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(roi.intensityMin()), "Math.min prefers -0.0");
        assertEquals(5.0, roi.intensityMax(), 0.0);
        RoiImage zeros = new RoiImage(Volume.wrap(Geometry.of(2, 1, 1, 1, 1, 1), new double[] {-0.0, 0.0}),
            new boolean[] {true, true});
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(zeros.intensityMax()), "Math.max prefers +0.0");
        RoiImage empty = new RoiImage(Volume.wrap(Geometry.of(2, 1, 1, 1, 1, 1), new double[] {1, 2}),
            new boolean[] {false, false});
        assertEquals(0, empty.intensityVoxelCount());
        assertEquals(Double.POSITIVE_INFINITY, empty.intensityMin(), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, empty.intensityMax(), 0.0);
    }
}
