package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Local intensity peaks. With 2 mm voxels the radius (3 / (4 pi))^(1/3) cm = 6.2035 mm is 3.10
 * voxels, so the sphere holds the offsets with dx^2 + dy^2 + dz^2 <= 9: 1 + 6 + 12 + 8 + 6 + 24 +
 * 24 + 12 + 30 = 123 voxels (squared norms 0, 1, 2, 3, 4, 5, 6, 8, 9); in one octant, clipped by
 * an image corner, 11 + 9 + 8 + 1 = 29 (planes dz = 0, 1, 2, 3).
 */
class LocalIntensityFamilyTest {

    @Test
    void radius() {
        assertEquals(6.2035, LocalIntensityFamily.PEAK_RADIUS_MM, 1e-4);
        assertArrayEquals(new int[] {4, 4, 3}, LocalIntensityFamily.margin(new double[] {2, 2, 3}));
    }

    @Test
    void sphereOf123VoxelsAroundACentre() {
        Geometry g = Geometry.of(15, 11, 11, 2, 2, 2);
        double[] d = new double[g.voxelCount()];
        d[g.index(5, 5, 5)] = 123;
        boolean[] m = new boolean[d.length];
        m[g.index(5, 5, 5)] = true;
        m[g.index(9, 9, 9)] = true; // far away: its sphere does not reach the bright voxel
        LocalIntensityFamily f = LocalIntensityFamily.of(new RoiImage(Volume.wrap(g, d), m));
        assertEquals(1, f.peakAt(5, 5, 5), 1e-12);
        assertEquals(1, f.localPeak(), 1e-12);
        assertEquals(1, f.globalPeak(), 1e-12);
        // a neighbour offset by 3 voxels along x still sees it (9 <= 9)
        assertEquals(1, f.peakAt(8, 5, 5), 1e-12);
        assertEquals(0, f.peakAt(9, 5, 5), 1e-12);
    }

    @Test
    void sphereIsClippedAtTheImageCorner() {
        Geometry g = Geometry.of(6, 6, 6, 2, 2, 2);
        double[] d = new double[g.voxelCount()];
        d[0] = 29;
        boolean[] m = new boolean[d.length];
        m[0] = true;
        LocalIntensityFamily f = LocalIntensityFamily.of(new RoiImage(Volume.wrap(g, d), m));
        assertEquals(1, f.localPeak(), 1e-12);
    }

    @Test
    void localPeakUsesTheBrightestRoiVoxelAndTheGlobalPeakAnyRoiVoxel() {
        Geometry g = Geometry.of(20, 9, 9, 2, 2, 2);
        double[] d = new double[g.voxelCount()];
        d[g.index(4, 4, 4)] = 10; // brightest ROI voxel, alone
        for (int i = 12; i < 20; i++) {
            for (int j = 0; j < 9; j++) {
                for (int k = 0; k < 9; k++) {
                    d[g.index(i, j, k)] = 5; // a bright block outside the ROI
                }
            }
        }
        boolean[] m = new boolean[d.length];
        m[g.index(4, 4, 4)] = true;
        m[g.index(15, 4, 4)] = true; // value 5, inside the block
        LocalIntensityFamily f = LocalIntensityFamily.of(new RoiImage(Volume.wrap(g, d), m));
        assertEquals(10.0 / 123, f.localPeak(), 1e-12);
        assertEquals(5, f.globalPeak(), 1e-12);
    }
}
