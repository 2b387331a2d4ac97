package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;

class ResamplingGridTest {

    /** IBSI manual example: a 4 x 4 grid of 3 mm resampled to 2 mm is 6 x 6, centred: origin -0.5 mm. */
    @Test
    void ibsiManualExample() {
        Geometry g = Geometry.of(4, 4, 1, 3, 3, 1);
        Geometry t = ResamplingGrid.ibsi(g, new double[] {2, 2, 0});
        assertArrayEquals(new int[] {6, 6, 1}, t.size());
        assertArrayEquals(new double[] {-0.5, -0.5, 0}, t.origin(), 1e-12);
        assertArrayEquals(new double[] {2, 2, 1}, t.spacing(), 0);
    }

    /** The IBSI CT phantom: 204 x 201 x 60 voxels of 0.977 x 0.977 x 3 mm (spacing as stored in float32). */
    @Test
    void ibsiCtPhantomGridSizes() {
        double s = 0.9769999980926514;
        Geometry g = Geometry.of(204, 201, 60, s, s, 3);
        assertArrayEquals(new int[] {100, 99, 90}, ResamplingGrid.ibsi(g, new double[] {2, 2, 2}).size());
        assertArrayEquals(new int[] {100, 99, 60}, ResamplingGrid.ibsiInPlane(g, 2, 2).size());
        // IBSI 2 phase 2, configuration B: 1 mm grid 200 x 197 x 180
        assertArrayEquals(new int[] {200, 197, 180}, ResamplingGrid.ibsi(g, new double[] {1, 1, 1}).size());
    }

    @Test
    void ibsiGridIsCentredOnTheOriginalGrid() {
        Geometry g = new Geometry(new int[] {17, 9, 5}, new double[] {0.7, 1.3, 2.5}, new double[] {-12.5, 40, 3},
            new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1});
        Geometry t = ResamplingGrid.ibsi(g, new double[] {1, 1, 1});
        double[] c0 = g.indexToPhysical((g.nx() - 1) / 2.0, (g.ny() - 1) / 2.0, (g.nz() - 1) / 2.0);
        double[] c1 = t.indexToPhysical((t.nx() - 1) / 2.0, (t.ny() - 1) / 2.0, (t.nz() - 1) / 2.0);
        assertArrayEquals(c0, c1, 1e-12);
        assertArrayEquals(new int[] {12, 12, 13}, t.size()); // ceil(11.9), ceil(11.7), ceil(12.5)
        assertArrayEquals(g.direction(), t.direction(), 0);
    }

    /**
     * PyRadiomics grid, 1D by hand: n = 10 voxels of 1 mm, ROI at 3..4 (L = 3, S = 2), 2 mm, pad 1:
     * r = 0.5, L_new = floor(2.5 r - 1) = 0, U_new = ceil(4.5 r + 1) = 4, size 5,
     * c0 = 0.5 (2 - 1) / 1 + 0 / r = 0.5: the outer corner of new voxel 0 (0.5 - 1 = -0.5) is the outer
     * corner of old voxel 0.
     */
    @Test
    void pyradiomicsGridByHand() {
        Geometry m = Geometry.of(10, 1, 1, 1, 1, 1);
        BoundingBox roi = new BoundingBox(new int[] {3, 0, 0}, new int[] {4, 0, 0});
        Geometry t = ResamplingGrid.pyradiomics(m, roi, new double[] {2, 2, 2}, 1);
        assertArrayEquals(new int[] {5, 1, 1}, t.size());
        assertEquals(0.5, t.origin()[0], 1e-12);
        // single-slice axes (y, z) keep their spacing: no resampling there
        assertArrayEquals(new double[] {2, 1, 1}, t.spacing(), 0);
        // no padding: L_new = floor(1.25) = 1, U_new = ceil(2.25) = 3, c0 = 0.5 + 1 / 0.5 = 2.5
        Geometry t0 = ResamplingGrid.pyradiomics(m, roi, new double[] {2, 0, 0}, 0);
        assertArrayEquals(new int[] {3, 1, 1}, t0.size());
        assertEquals(2.5, t0.origin()[0], 1e-12);
    }

    /** Clipping at the upper end: ROI 8..9 of 10, pad 3: U_new = ceil(9.5 r + 3) = 8 > ceil(10 r) - 1 = 4. */
    @Test
    void pyradiomicsGridIsClippedToTheResampledExtent() {
        Geometry m = Geometry.of(10, 3, 1, 1, 1, 1);
        BoundingBox roi = new BoundingBox(new int[] {8, 0, 0}, new int[] {9, 2, 0});
        Geometry t = ResamplingGrid.pyradiomics(m, roi, new double[] {2, 0, 5}, 3);
        assertArrayEquals(new int[] {5, 3, 1}, t.size()); // x: 0..4; y: spacing kept, 0..2 (clipped); z: one slice
        assertArrayEquals(new double[] {2, 1, 1}, t.spacing(), 0);
        assertArrayEquals(new double[] {2, 1, 1}, ResamplingGrid.pyradiomicsSpacing(m, roi, new double[] {2, 0, 5}), 0);
    }

    /** Up-sampling: 3 mm slices to 1 mm, ROI slice 2..3 of 6, pad 2: r = 3, L_new = floor(1.5 r - 2) = 2. */
    @Test
    void pyradiomicsGridUpsampling() {
        Geometry m = Geometry.of(new int[] {2, 2, 6}, new double[] {1, 1, 3}, new double[] {0, 0, 10});
        BoundingBox roi = new BoundingBox(new int[] {0, 0, 2}, new int[] {1, 1, 3});
        Geometry t = ResamplingGrid.pyradiomics(m, roi, new double[] {1, 1, 1}, 2);
        // U_new = min(ceil(3.5 r + 2) = 13, ceil(6 r) - 1 = 17) = 13: size 12
        assertEquals(12, t.nz());
        // c0 = 0.5 (1 - 3) / 3 + 2 / 3 = 1/3: z = 10 + 3 c0 = 11
        assertEquals(11, t.origin()[2], 1e-12);
    }
}
