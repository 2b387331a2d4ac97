package org.radtab.radiomics.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void countsBoundingBoxAndPadding() {
        Geometry g = Geometry.of(5, 4, 3, 1, 1, 1);
        Mask m = Mask.empty(g);
        m.set(1, 2, 0, 1);
        m.set(3, 1, 2, 1);
        m.set(2, 2, 1, 7);
        assertEquals(Map.of(1, 2, 7, 1), m.labelCounts());
        assertEquals(2, m.count(1));
        BoundingBox b = m.boundingBox(1);
        assertArrayEquals(new int[] {1, 1, 0}, b.lo());
        assertArrayEquals(new int[] {3, 2, 2}, b.hi());
        assertEquals(3, b.dimensionality());
        BoundingBox p = b.padded(2, g);
        assertArrayEquals(new int[] {0, 0, 0}, p.lo());
        assertArrayEquals(new int[] {4, 3, 2}, p.hi());
        Mask s = m.select(7);
        assertEquals(Map.of(1, 1), s.labelCounts());
        assertEquals(1, s.get(2, 2, 1));
        Mask c = m.crop(b);
        assertEquals(2, c.count(1));
        assertEquals(1, c.get(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> m.boundingBox(3));
    }

    @Test
    void boundingBoxOfABooleanMask() {
        // 5 x 4 x 3 grid, x fastest: voxels (1, 2, 0), (3, 1, 2) and (4, 3, 1)
        boolean[] m = new boolean[5 * 4 * 3];
        m[1 + 5 * (2 + 4 * 0)] = true;
        m[3 + 5 * (1 + 4 * 2)] = true;
        m[4 + 5 * (3 + 4 * 1)] = true;
        BoundingBox b = BoundingBox.ofMask(m, 5, 4, 3);
        assertArrayEquals(new int[] {1, 1, 0}, b.lo());
        assertArrayEquals(new int[] {4, 3, 2}, b.hi());
        assertEquals(null, BoundingBox.ofMask(new boolean[60], 5, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> BoundingBox.ofMask(new boolean[59], 5, 4, 3));
    }
}
