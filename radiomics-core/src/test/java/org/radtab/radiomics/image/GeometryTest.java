package org.radtab.radiomics.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GeometryTest {

    // 90-degree rotation about z: index axis i points along +y, j along -x
    private static final double[] ROT_Z = {0, -1, 0, 1, 0, 0, 0, 0, 1};

    @Test
    void indexToPhysicalByHand() {
        Geometry g = new Geometry(new int[] {4, 5, 6}, new double[] {0.5, 2, 3}, new double[] {10, 20, 30}, ROT_Z);
        // (i, j, k) = (2, 1, 1): scaled = (1, 2, 3); D * scaled = (-2, 1, 3)
        assertArrayEquals(new double[] {8, 21, 33}, g.indexToPhysical(2, 1, 1), 1e-12);
        assertArrayEquals(new double[] {2, 1, 1}, g.physicalToIndex(8, 21, 33), 1e-12);
    }

    @Property
    void physicalRoundTrip(@ForAll @DoubleRange(min = -50, max = 50) double i,
                           @ForAll @DoubleRange(min = -50, max = 50) double j,
                           @ForAll @DoubleRange(min = -50, max = 50) double k) {
        Geometry g = new Geometry(new int[] {4, 5, 6}, new double[] {0.7, 0.7, 3}, new double[] {-100, 12.5, 7}, ROT_Z);
        double[] p = g.indexToPhysical(i, j, k);
        assertArrayEquals(new double[] {i, j, k}, g.physicalToIndex(p[0], p[1], p[2]), 1e-9);
    }

    @Test
    void mismatchNamesTheField() {
        Geometry a = Geometry.of(new int[] {4, 5, 6}, new double[] {1, 1, 3}, new double[] {0, 0, 0});
        GeometryMismatchException e = assertThrows(GeometryMismatchException.class,
            () -> a.requireSameGrid(a.withSpacing(new double[] {1, 1, 2.5}), 1e-4));
        assertTrue(e.getMessage().startsWith("spacing differs"), e.getMessage());
        e = assertThrows(GeometryMismatchException.class,
            () -> a.requireSameGrid(a.withOrigin(new double[] {0, 0.01, 0}), 1e-4));
        assertTrue(e.getMessage().startsWith("origin differs"), e.getMessage());
        e = assertThrows(GeometryMismatchException.class, () -> a.requireSameGrid(a.withSize(new int[] {4, 5, 7}), 1e-4));
        assertTrue(e.getMessage().startsWith("size differs"), e.getMessage());
        Geometry rotated = new Geometry(a.size(), a.spacing(), a.origin(), ROT_Z);
        e = assertThrows(GeometryMismatchException.class, () -> a.requireSameGrid(rotated, 1e-4));
        assertTrue(e.getMessage().startsWith("direction differs"), e.getMessage());
        a.requireSameGrid(a.withOrigin(new double[] {0, 0.00001, 0}), 1e-4);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Geometry.of(0, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.of(1, 1, 1, 1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Geometry.of(1, 1, 1, 1, Double.NaN, 1));
    }

    @Property
    void cropKeepsPhysicalPositions(@ForAll @IntRange(min = 0, max = 3) int i0, @ForAll @IntRange(min = 0, max = 4) int j0,
                                    @ForAll @IntRange(min = 0, max = 5) int k0) {
        Geometry g = new Geometry(new int[] {4, 5, 6}, new double[] {0.5, 2, 3}, new double[] {10, 20, 30}, ROT_Z);
        double[] data = new double[g.voxelCount()];
        for (int n = 0; n < data.length; n++) {
            data[n] = n;
        }
        Volume v = Volume.wrap(g, data);
        BoundingBox box = new BoundingBox(new int[] {i0, j0, k0}, new int[] {3, 4, 5});
        Volume c = v.crop(box);
        assertEquals(v.get(i0, j0, k0), c.get(0, 0, 0));
        assertEquals(v.get(3, 4, 5), c.get(3 - i0, 4 - j0, 5 - k0));
        assertArrayEquals(g.indexToPhysical(i0, j0, k0), c.geometry().origin(), 1e-12);
        assertArrayEquals(g.indexToPhysical(3, 4, 5), c.geometry().indexToPhysical(3 - i0, 4 - j0, 5 - k0), 1e-12);
    }
}
