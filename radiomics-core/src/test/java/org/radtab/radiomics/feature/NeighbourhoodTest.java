package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeighbourhoodTest {

    /** PyRadiomics' 13 angles for distance 1, as (z, y, x), in its order (facts sheet, section 6). */
    private static final int[][] PYRADIOMICS_13_ZYX = {
        {1, 1, 1}, {1, 1, 0}, {1, 1, -1}, {1, 0, 1}, {1, 0, 0}, {1, 0, -1}, {1, -1, 1}, {1, -1, 0}, {1, -1, -1},
        {0, 1, 1}, {0, 1, 0}, {0, 1, -1}, {0, 0, 1}};

    @Test
    void pyradiomicsAnglesInOrder() {
        int[][] a = Neighbourhood.pyradiomicsAngles(new int[] {1}, new int[] {5, 5, 5}, false, 0);
        assertEquals(13, a.length);
        for (int n = 0; n < 13; n++) {
            int[] zyx = PYRADIOMICS_13_ZYX[n];
            assertArrayEquals(new int[] {zyx[2], zyx[1], zyx[0]}, a[n], "angle " + n);
        }
    }

    @Test
    void ibsi3DIsTheSameSetAndHasNoOppositePairs() {
        int[][] d = Neighbourhood.ibsiDirections3D(1);
        assertEquals(13, d.length);
        Set<List<Integer>> seen = new HashSet<>();
        for (int[] v : d) {
            assertEquals(1, Neighbourhood.chebyshev(v));
            assertTrue(seen.add(List.of(v[0], v[1], v[2])));
            assertTrue(!seen.contains(List.of(-v[0], -v[1], -v[2])));
        }
        // IBSI 2D: 4 in-plane vectors
        for (int[] v : Neighbourhood.ibsiDirections2D(2)) {
            assertEquals(0, v[2]);
            assertEquals(2, Neighbourhood.chebyshev(v));
        }
        assertEquals(26, Neighbourhood.withOpposites(d).length);
    }

    @Test
    void distancesSizeLimitAndForce2D() {
        // Chebyshev norm 1 or 2 in a 5x5x5 cube minus the centre, halved: (125 - 1) / 2
        assertEquals(62, Neighbourhood.pyradiomicsAngles(new int[] {1, 2}, new int[] {9, 9, 9}, false, 0).length);
        // only distance 2: (125 - 27) / 2
        assertEquals(49, Neighbourhood.pyradiomicsAngles(new int[] {2}, new int[] {9, 9, 9}, false, 0).length);
        // a single slice (nz = 1): only the 4 in-plane angles survive the size limit
        int[][] flat = Neighbourhood.pyradiomicsAngles(new int[] {1}, new int[] {4, 4, 1}, false, 0);
        assertEquals(4, flat.length);
        for (int[] v : flat) {
            assertEquals(0, v[2]);
        }
        // size 2 along y: offsets with |dy| = 2 are dropped
        for (int[] v : Neighbourhood.pyradiomicsAngles(new int[] {1, 2}, new int[] {9, 2, 9}, false, 0)) {
            assertTrue(Math.abs(v[1]) < 2);
        }
        // force2D with dimension 1 (y in array order): no y component; dimension 2 = x
        int[][] f1 = Neighbourhood.pyradiomicsAngles(new int[] {1}, new int[] {4, 4, 4}, true, 1);
        assertEquals(4, f1.length);
        for (int[] v : f1) {
            assertEquals(0, v[1]);
        }
        for (int[] v : Neighbourhood.pyradiomicsAngles(new int[] {1}, new int[] {4, 4, 4}, true, 2)) {
            assertEquals(0, v[0]);
        }
    }

    @Test
    void weightingLengths() {
        double[] s = {1, 2, 3};
        int[] d = {1, 1, 1};
        assertEquals(3.0, Neighbourhood.length(d, s, "infinity"), 0);
        assertEquals(Math.sqrt(14), Neighbourhood.length(d, s, "euclidean"), 1e-15);
        assertEquals(6.0, Neighbourhood.length(d, s, "manhattan"), 0);
        assertTrue(Double.isNaN(Neighbourhood.length(d, s, "no_weighting")));
    }
}
