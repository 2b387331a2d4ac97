package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** Boundary conditions, kernel orientation and the separable engine against brute-force references. */
class SeparableConvolutionTest {

    /** The padding table of the IBSI 2 facts sheet for the row a b c d = 1 2 3 4 (3 virtual voxels per side). */
    @Test
    void paddingTable() {
        double[] row = {1, 2, 3, 4};
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 3, 4, 0, 0, 0}, padded(row, BoundaryCondition.ZERO));
        assertArrayEquals(new double[] {1, 1, 1, 1, 2, 3, 4, 4, 4, 4}, padded(row, BoundaryCondition.NEAREST));
        assertArrayEquals(new double[] {2, 3, 4, 1, 2, 3, 4, 1, 2, 3}, padded(row, BoundaryCondition.PERIODIC));
        assertArrayEquals(new double[] {3, 2, 1, 1, 2, 3, 4, 4, 3, 2},
            padded(row, BoundaryCondition.MIRROR_EDGE_REPEATED));
        // beyond one reflection the mirror repeats with period 2n
        assertEquals(3, BoundaryCondition.MIRROR_EDGE_REPEATED.sourceIndex(-5, 4)); // ... d | d c b a | a b c d
        assertEquals(1, BoundaryCondition.MIRROR_EDGE_REPEATED.sourceIndex(9, 4));
    }

    static double[] padded(double[] row, BoundaryCondition bc) {
        double[] out = new double[row.length + 6];
        for (int p = -3; p < row.length + 3; p++) {
            int s = bc.sourceIndex(p, row.length);
            out[p + 3] = s < 0 ? 0 : row[s];
        }
        return out;
    }

    @Test
    void parseNames() {
        assertEquals(BoundaryCondition.MIRROR_EDGE_REPEATED, BoundaryCondition.parse("reflect"));
        assertEquals(BoundaryCondition.MIRROR_EDGE_REPEATED, BoundaryCondition.parse("Symmetric"));
        assertEquals(BoundaryCondition.PERIODIC, BoundaryCondition.parse("wrap"));
        assertEquals(BoundaryCondition.ZERO, BoundaryCondition.parse("constant"));
        assertEquals(BoundaryCondition.NEAREST, BoundaryCondition.parse("edge"));
        assertThrows(IllegalArgumentException.class, () -> BoundaryCondition.parse("antireflect"));
    }

    /** Convolution, not correlation: an impulse reproduces the kernel with w[0] at the lowest index (E5 along x: -1 at c - 2). */
    @Test
    void impulseReproducesKernelInListedOrder() {
        double[] e5 = {-1, -2, 0, 2, 1};
        double[] line = new double[11];
        line[5] = 1;
        double[] out = new double[11];
        SeparableConvolution.convolveAxis(line, out, 11, 1, 1, 0, Kernel1D.centred(e5), BoundaryCondition.ZERO);
        assertArrayEquals(new double[] {0, 0, 0, -1, -2, 0, 2, 1, 0, 0, 0}, out, 0.0);
        // the same along y and z
        for (int axis = 1; axis < 3; axis++) {
            int[] n = {1, 1, 1};
            n[axis] = 11;
            double[] o = new double[11];
            SeparableConvolution.convolveAxis(line, o, n[0], n[1], n[2], axis, Kernel1D.centred(e5), BoundaryCondition.ZERO);
            assertArrayEquals(out, o, 0.0, "axis " + axis);
        }
        // reversed kernel = mirrored response
        SeparableConvolution.convolveAxis(line, out, 11, 1, 1, 0, Kernel1D.centred(e5).reversed(), BoundaryCondition.ZERO);
        assertArrayEquals(new double[] {0, 0, 0, 1, 2, 0, -2, -1, 0, 0, 0}, out, 0.0);
    }

    /** Even wavelet filters at level 1: R[n] = sum_k h[k] I[n + N/2 - k]; db2 on an impulse at 31 responds at 29..32. */
    @Test
    void evenFilterAlignment() {
        double[] h = {1, 2, 3, 4};
        double[] line = new double[64];
        line[31] = 1;
        double[] out = new double[64];
        SeparableConvolution.convolveAxis(line, out, 64, 1, 1, 0, UndecimatedWavelet.kernel(h, 1, false),
            BoundaryCondition.ZERO);
        for (int n = 0; n < 64; n++) {
            double expected = n >= 29 && n <= 32 ? h[n - 29] : 0;
            assertEquals(expected, out[n], 0.0, "n = " + n);
        }
        // level 2: taps two apart, centre N = 4: response at 27, 29, 31, 33
        SeparableConvolution.convolveAxis(line, out, 64, 1, 1, 0, UndecimatedWavelet.kernel(h, 2, false),
            BoundaryCondition.ZERO);
        assertEquals(1, out[27], 0.0);
        assertEquals(2, out[29], 0.0);
        assertEquals(3, out[31], 0.0);
        assertEquals(4, out[33], 0.0);
        assertEquals(0, out[28], 0.0);
    }

    /**
     * The separable 3D mean filter equals a brute-force box average over an explicitly padded
     * volume, for every boundary condition, including kernels longer than the image.
     */
    @Property(tries = 40)
    void meanFilterEqualsBruteForceBoxAverage(@ForAll @IntRange(min = 1, max = 7) int nx,
                                              @ForAll @IntRange(min = 1, max = 6) int ny,
                                              @ForAll @IntRange(min = 1, max = 5) int nz,
                                              @ForAll @IntRange(min = 0, max = 4) int r,
                                              @ForAll BoundaryCondition bc, @ForAll boolean threeD, @ForAll long seed) {
        Geometry g = Geometry.of(nx, ny, nz, 1, 1, 1);
        java.util.Random rnd = new java.util.Random(seed);
        double[] d = new double[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = rnd.nextInt(200) - 100;
        }
        int m = 2 * r + 1;
        FilterDimension dim = threeD ? FilterDimension.THREE_D : FilterDimension.TWO_D;
        Volume out = new MeanFilter(m, dim, bc).apply(Volume.wrap(g, d));
        int rz = threeD ? r : 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double s = 0;
                    for (int w = -rz; w <= rz; w++) {
                        for (int v = -r; v <= r; v++) {
                            for (int u = -r; u <= r; u++) {
                                s += padValue(d, nx, ny, nz, i + u, j + v, k + w, bc);
                            }
                        }
                    }
                    double expected = s / (m * m * (threeD ? m : 1));
                    assertEquals(expected, out.get(i, j, k), 1e-10, bc + " at " + i + "," + j + "," + k);
                }
            }
        }
    }

    /** Value of the infinitely padded volume, written out per boundary rule. */
    static double padValue(double[] d, int nx, int ny, int nz, int i, int j, int k, BoundaryCondition bc) {
        int[] p = {i, j, k};
        int[] n = {nx, ny, nz};
        for (int a = 0; a < 3; a++) {
            int q = p[a];
            int len = n[a];
            if (q >= 0 && q < len) {
                continue;
            }
            switch (bc) {
                case ZERO:
                    return 0;
                case NEAREST:
                    p[a] = q < 0 ? 0 : len - 1;
                    break;
                case PERIODIC:
                    p[a] = ((q % len) + len) % len;
                    break;
                default: {
                    // mirror with edge repeated: the sequence ... a b c d d c b a a b c d ...
                    int period = 2 * len;
                    int t = ((q % period) + period) % period;
                    p[a] = t < len ? t : period - 1 - t;
                }
            }
        }
        return d[p[0] + nx * (p[1] + ny * p[2])];
    }

    @Test
    void rejectsBadArguments() {
        double[] a = new double[8];
        assertThrows(IllegalArgumentException.class,
            () -> SeparableConvolution.convolveAxis(a, a, 2, 2, 2, 0, Kernel1D.centred(1), BoundaryCondition.ZERO));
        assertThrows(IllegalArgumentException.class,
            () -> SeparableConvolution.convolveAxis(a, new double[7], 2, 2, 2, 0, Kernel1D.centred(1), BoundaryCondition.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Kernel1D.centred(1, 2));
        assertThrows(IllegalArgumentException.class, () -> new MeanFilter(4, FilterDimension.THREE_D, BoundaryCondition.ZERO));
    }

    /**
     * A region convolved from and into sub-grids (source: the region widened by the kernel's reach
     * along the axis; destination: the region) equals the whole-grid convolution there, bit for
     * bit; a source without the reach, or a region running into the border without the whole axis,
     * is refused.
     */
    @Test
    void subGridSourceAndDestinationMatchTheWholeGrid() {
        int[] n = {9, 8, 7};
        java.util.Random r = new java.util.Random(3);
        double[] img = new double[n[0] * n[1] * n[2]];
        for (int q = 0; q < img.length; q++) {
            img[q] = r.nextGaussian();
        }
        Kernel1D k = Kernel1D.centred(0.2, -0.7, 1.3, 0.4, -0.1); // offsets -2..2
        int[] lo = {3, 2, 2};
        int[] hi = {6, 5, 4};
        for (int axis = 0; axis < 3; axis++) {
            double[] whole = new double[img.length];
            SeparableConvolution.convolveAxis(img, whole, n[0], n[1], n[2], axis, k, BoundaryCondition.PERIODIC);
            int[] sLo = lo.clone();
            int[] sHi = hi.clone();
            sLo[axis] -= 2;
            sHi[axis] += 2;
            int[] sDims = {sHi[0] - sLo[0] + 1, sHi[1] - sLo[1] + 1, sHi[2] - sLo[2] + 1};
            double[] src = new double[sDims[0] * sDims[1] * sDims[2]];
            for (int z = 0; z < sDims[2]; z++) {
                for (int y = 0; y < sDims[1]; y++) {
                    for (int x = 0; x < sDims[0]; x++) {
                        src[x + sDims[0] * (y + sDims[1] * z)] = img[(x + sLo[0]) + n[0] * ((y + sLo[1]) + n[1] * (z + sLo[2]))];
                    }
                }
            }
            int[] dDims = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
            double[] dst = new double[dDims[0] * dDims[1] * dDims[2]];
            SeparableConvolution.convolveAxisRegion(src, sLo, sDims, dst, lo, dDims, n, axis, k,
                BoundaryCondition.PERIODIC, lo, hi);
            for (int z = lo[2]; z <= hi[2]; z++) {
                for (int y = lo[1]; y <= hi[1]; y++) {
                    for (int x = lo[0]; x <= hi[0]; x++) {
                        assertEquals(Double.doubleToLongBits(whole[x + n[0] * (y + n[1] * z)]),
                            Double.doubleToLongBits(dst[(x - lo[0]) + dDims[0] * ((y - lo[1]) + dDims[1] * (z - lo[2]))]),
                            "axis " + axis);
                    }
                }
            }
            // one voxel short of the reach
            int[] shortDims = sDims.clone();
            shortDims[axis]--;
            double[] shortSrc = new double[shortDims[0] * shortDims[1] * shortDims[2]];
            final int ax = axis;
            assertThrows(IllegalArgumentException.class, () -> SeparableConvolution.convolveAxisRegion(shortSrc, sLo,
                shortDims, dst, lo, dDims, n, ax, k, BoundaryCondition.PERIODIC, lo, hi));
        }
        // a region at the border needs the whole axis (its sums wrap around)
        int[] bLo = {0, 2, 2};
        int[] bHi = {3, 5, 4};
        int[] dims = {6, 4, 3};
        assertThrows(IllegalArgumentException.class, () -> SeparableConvolution.convolveAxisRegion(
            new double[6 * 4 * 3], new int[] {0, 2, 2}, dims, new double[4 * 4 * 3], bLo, new int[] {4, 4, 3}, n, 0, k,
            BoundaryCondition.PERIODIC, bLo, bHi));
    }
}
