package org.radtab.radiomics.filter;

import java.util.Arrays;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * The 1D convolution engine behind every separable filter: applies a {@link Kernel1D} along one
 * axis of a flat voxel array (flat index {@code i + nx * (j + ny * k)}, axis 0 = x = i, 1 = y = j,
 * 2 = z = k), with the virtual voxels outside the image given by a {@link BoundaryCondition}.
 *
 * <p>Along x the interior of each line is computed tap by tap over contiguous memory and only
 * the few voxels near the ends consult the boundary rule; along y and z whole rows or planes are
 * accumulated at once ({@code out_row += w * in_row}), so every inner loop runs over contiguous
 * primitive memory. Nothing is allocated per voxel or per line.
 *
 * <p>A 3D separable filter is three passes (x, y, z); a 2D (axial, slice-by-slice) filter is the
 * x and y passes only, which never mix voxels of different slices. Per-axis padding applied pass
 * after pass equals padding the whole volume first for all four boundary conditions.
 */
public final class SeparableConvolution {
    private SeparableConvolution() {
    }

    /**
     * {@code dst = kernel applied along axis} to {@code src}. {@code src} and {@code dst} must be
     * distinct arrays of length {@code nx * ny * nz}.
     */
    public static void convolveAxis(double[] src, double[] dst, int nx, int ny, int nz, int axis,
                                    Kernel1D kernel, BoundaryCondition boundary) {
        if (src == dst) {
            throw new IllegalArgumentException("source and destination must be different arrays");
        }
        long n = (long) nx * ny * nz;
        if (src.length != n || dst.length != n) {
            throw new IllegalArgumentException("arrays must have " + n + " values (" + nx + "x" + ny + "x" + nz
                + "), had " + src.length + " and " + dst.length);
        }
        switch (axis) {
            case 0: alongX(src, dst, nx, ny * nz, kernel, boundary); break;
            case 1: alongY(src, dst, nx, ny, nz, kernel, boundary); break;
            case 2: alongZ(src, dst, nx * ny, nz, kernel, boundary); break;
            default: throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
        }
    }

    private static void alongX(double[] src, double[] dst, int nx, int lines, Kernel1D kernel, BoundaryCondition bc) {
        final double[] w = kernel.weightArray();
        final int[] off = kernel.offsetArray();
        final int taps = w.length;
        // interior: every tap inside [0, nx)
        final int lo = Math.min(nx, Math.max(0, -kernel.minOffset()));
        final int hi = Math.max(lo, Math.min(nx, nx - kernel.maxOffset()));
        for (int line = 0; line < lines; line++) {
            final int base = line * nx;
            if (hi > lo) {
                Arrays.fill(dst, base + lo, base + hi, 0.0);
                for (int t = 0; t < taps; t++) {
                    final double wt = w[t];
                    final int s = base + off[t];
                    for (int i = lo; i < hi; i++) {
                        dst[base + i] += wt * src[s + i];
                    }
                }
            }
            for (int i = 0; i < lo; i++) {
                dst[base + i] = edgeSum(src, base, 1, nx, i, w, off, bc);
            }
            for (int i = hi; i < nx; i++) {
                dst[base + i] = edgeSum(src, base, 1, nx, i, w, off, bc);
            }
        }
    }

    private static double edgeSum(double[] src, int base, int stride, int len, int pos, double[] w, int[] off,
                                  BoundaryCondition bc) {
        double s = 0;
        for (int t = 0; t < w.length; t++) {
            int p = bc.sourceIndex(pos + off[t], len);
            if (p >= 0) {
                s += w[t] * src[base + p * stride];
            }
        }
        return s;
    }

    private static void alongY(double[] src, double[] dst, int nx, int ny, int nz, Kernel1D kernel,
                               BoundaryCondition bc) {
        final double[] w = kernel.weightArray();
        final int[] off = kernel.offsetArray();
        for (int k = 0; k < nz; k++) {
            final int slice = nx * ny * k;
            for (int j = 0; j < ny; j++) {
                final int d = slice + nx * j;
                Arrays.fill(dst, d, d + nx, 0.0);
                for (int t = 0; t < w.length; t++) {
                    final int p = bc.sourceIndex(j + off[t], ny);
                    if (p < 0) {
                        continue;
                    }
                    final double wt = w[t];
                    final int s = slice + nx * p;
                    for (int i = 0; i < nx; i++) {
                        dst[d + i] += wt * src[s + i];
                    }
                }
            }
        }
    }

    private static void alongZ(double[] src, double[] dst, int plane, int nz, Kernel1D kernel, BoundaryCondition bc) {
        final double[] w = kernel.weightArray();
        final int[] off = kernel.offsetArray();
        for (int k = 0; k < nz; k++) {
            final int d = plane * k;
            Arrays.fill(dst, d, d + plane, 0.0);
            for (int t = 0; t < w.length; t++) {
                final int p = bc.sourceIndex(k + off[t], nz);
                if (p < 0) {
                    continue;
                }
                final double wt = w[t];
                final int s = plane * p;
                for (int i = 0; i < plane; i++) {
                    dst[d + i] += wt * src[s + i];
                }
            }
        }
    }

    /**
     * Applies up to three 1D kernels in the order x, y, z (a {@code null} kernel skips that axis)
     * and returns a new array; {@code src} is not modified.
     */
    public static double[] separable(double[] src, int nx, int ny, int nz, Kernel1D kx, Kernel1D ky, Kernel1D kz,
                                     BoundaryCondition boundary) {
        double[] cur = src;
        double[] spare = null;
        Kernel1D[] ks = {kx, ky, kz};
        for (int a = 0; a < 3; a++) {
            if (ks[a] == null) {
                continue;
            }
            double[] out = (spare != null) ? spare : new double[src.length];
            convolveAxis(cur, out, nx, ny, nz, a, ks[a], boundary);
            spare = (cur == src) ? null : cur;
            cur = out;
        }
        return cur == src ? src.clone() : cur;
    }

    /** {@link #separable(double[], int, int, int, Kernel1D, Kernel1D, Kernel1D, BoundaryCondition)} on a volume. */
    public static Volume separable(Volume input, Kernel1D kx, Kernel1D ky, Kernel1D kz, BoundaryCondition boundary) {
        Geometry g = input.geometry();
        return Volume.wrap(g, separable(input.data(), g.nx(), g.ny(), g.nz(), kx, ky, kz, boundary));
    }
}
