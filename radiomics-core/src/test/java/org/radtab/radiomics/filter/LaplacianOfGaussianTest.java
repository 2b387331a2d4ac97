package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * The IBSI LoG's separable evaluation against brute force: the non-separable kernel formula
 * {@code -(1/s^2) (2 pi s^2)^(-D/2) (D - q/s^2) exp(-q/(2 s^2))} evaluated voxel by voxel on the
 * cube of radius {@code floor(4 s + 0.5)}, convolved directly; and the documented anisotropic rule
 * ({@code h^2} times the physical LoG kernel sampled at physical offsets, times the voxel volume).
 */
class LaplacianOfGaussianTest {

    static Volume random(Geometry g, long seed) {
        Random r = new Random(seed);
        double[] d = new double[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = r.nextInt(256);
        }
        return Volume.wrap(g, d);
    }

    /** Direct convolution with an arbitrary kernel function of the physical offset (mm), radii per axis. */
    interface KernelFunction {
        double at(double x, double y, double z);
    }

    static double direct(Volume in, int i, int j, int k, int[] r, KernelFunction f, BoundaryCondition bc) {
        Geometry g = in.geometry();
        double s = 0;
        for (int w = -r[2]; w <= r[2]; w++) {
            for (int v = -r[1]; v <= r[1]; v++) {
                for (int u = -r[0]; u <= r[0]; u++) {
                    // convolution: kernel at offset (u, v, w) multiplies I(n - offset); symmetric kernel anyway
                    double val = SeparableConvolutionTest.padValue(in.data(), g.nx(), g.ny(), g.nz(), i - u, j - v, k - w, bc);
                    s += f.at(u * g.spacing(0), v * g.spacing(1), w * g.spacing(2)) * val;
                }
            }
        }
        return s;
    }

    @Test
    void isotropic3DEqualsSampledKernel() {
        Geometry g = Geometry.of(12, 11, 10, 2, 2, 2);
        Volume in = random(g, 1);
        double sigmaMm = 3;
        double s = 1.5; // voxels
        int r = (int) Math.floor(4 * s + 0.5);
        KernelFunction ibsi = (x, y, z) -> {
            double q = (x * x + y * y + z * z) / 4; // squared voxel distance
            return -(1 / (s * s)) * Math.pow(2 * Math.PI * s * s, -1.5) * (3 - q / (s * s)) * Math.exp(-q / (2 * s * s));
        };
        for (BoundaryCondition bc : BoundaryCondition.values()) {
            Volume out = new LaplacianOfGaussian(sigmaMm, 4, FilterDimension.THREE_D, bc).apply(in);
            for (int[] p : new int[][] {{0, 0, 0}, {5, 5, 5}, {11, 3, 9}, {2, 10, 1}}) {
                assertEquals(direct(in, p[0], p[1], p[2], new int[] {r, r, r}, ibsi, bc), out.get(p[0], p[1], p[2]), 1e-9,
                    bc + " at " + java.util.Arrays.toString(p));
            }
        }
    }

    @Test
    void isotropic2DEqualsSampledKernelPerSlice() {
        Geometry g = Geometry.of(14, 13, 3, 2, 2, 5);
        Volume in = random(g, 2);
        double s = 2.5;
        int r = 10;
        KernelFunction ibsi2d = (x, y, z) -> {
            if (z != 0) {
                return 0;
            }
            double q = (x * x + y * y) / 4;
            return -(1 / (s * s)) * Math.pow(2 * Math.PI * s * s, -1.0) * (2 - q / (s * s)) * Math.exp(-q / (2 * s * s));
        };
        Volume out = new LaplacianOfGaussian(5, 4, FilterDimension.TWO_D, BoundaryCondition.MIRROR_EDGE_REPEATED).apply(in);
        for (int[] p : new int[][] {{0, 0, 0}, {7, 6, 1}, {13, 12, 2}}) {
            assertEquals(direct(in, p[0], p[1], p[2], new int[] {r, r, 0}, ibsi2d, BoundaryCondition.MIRROR_EDGE_REPEATED),
                out.get(p[0], p[1], p[2]), 1e-9);
        }
    }

    /** Anisotropic: h^2 * physical LoG(offset mm) * voxel volume, radius floor(4 sigma / spacing_a + 0.5) per axis. */
    @Test
    void anisotropicRule() {
        Geometry g = Geometry.of(16, 14, 8, 0.8, 1.0, 2.4);
        Volume in = random(g, 3);
        double sigma = 2.0;
        double h = 0.8;
        double vox = 0.8 * 1.0 * 2.4;
        KernelFunction phys = (x, y, z) -> {
            double q = x * x + y * y + z * z;
            return h * h * vox * (-(1 / (sigma * sigma)) * Math.pow(2 * Math.PI * sigma * sigma, -1.5)
                * (3 - q / (sigma * sigma)) * Math.exp(-q / (2 * sigma * sigma)));
        };
        int[] r = {10, 8, 3}; // floor(4 * 2 / 0.8 + .5), floor(8 / 1 + .5), floor(8 / 2.4 + .5)
        Volume out = new LaplacianOfGaussian(sigma, 4, FilterDimension.THREE_D, BoundaryCondition.NEAREST).apply(in);
        for (int[] p : new int[][] {{0, 0, 0}, {8, 7, 4}, {15, 2, 7}}) {
            assertEquals(direct(in, p[0], p[1], p[2], r, phys, BoundaryCondition.NEAREST), out.get(p[0], p[1], p[2]), 1e-9);
        }
    }
}
