package org.radtab.radiomics.filter;

import java.util.Arrays;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * The 1D convolution engine behind every separable filter: applies a {@link Kernel1D} along one
 * axis of a flat voxel array (flat index {@code i + nx * (j + ny * k)}, axis 0 = x = i, 1 = y = j,
 * 2 = z = k), with the virtual voxels outside the image given by a {@link BoundaryCondition}.
 *
 * <p>Voxels whose taps all lie inside the image (along x: all lines at once; along y: the
 * interior rows of each slice; along z: the interior planes) are computed over one contiguous
 * range, up to four taps per pass with the partial sum in a register; only the few voxels near the
 * ends consult the boundary rule. Nothing is allocated per voxel or per line.
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

    /**
     * {@code dst[q] = sum_t w[t] src[q + shift[t]]} for {@code from <= q < to}, the taps added in
     * order to a sum that starts at 0. The taps are taken up to four at a time: each pass keeps its
     * partial sum in a register and writes it once (passes after the first continue from
     * {@code dst[q]}), so the order of the additions is that of the plain tap-by-tap loop.
     */
    private static void interior(double[] src, double[] dst, int from, int to, int[] shift, double[] w) {
        interior(src, dst, from, to, shift, w, 0);
    }

    /** As above, writing {@code dst[q + dOff]} (a destination on another grid). */
    private static void interior(double[] src, double[] dst, int from, int to, int[] shift, double[] w, int dOff) {
        for (int t = 0; t < w.length; t += 4) {
            int n = Math.min(4, w.length - t);
            boolean first = t == 0;
            switch (n) {
                case 4: {
                    final double w0 = w[t];
                    final double w1 = w[t + 1];
                    final double w2 = w[t + 2];
                    final double w3 = w[t + 3];
                    final int s0 = shift[t];
                    final int s1 = shift[t + 1];
                    final int s2 = shift[t + 2];
                    final int s3 = shift[t + 3];
                    for (int q = from; q < to; q++) {
                        double a = first ? 0.0 : dst[q + dOff];
                        a += w0 * src[q + s0];
                        a += w1 * src[q + s1];
                        a += w2 * src[q + s2];
                        a += w3 * src[q + s3];
                        dst[q + dOff] = a;
                    }
                    break;
                }
                case 3: {
                    final double w0 = w[t];
                    final double w1 = w[t + 1];
                    final double w2 = w[t + 2];
                    final int s0 = shift[t];
                    final int s1 = shift[t + 1];
                    final int s2 = shift[t + 2];
                    for (int q = from; q < to; q++) {
                        double a = first ? 0.0 : dst[q + dOff];
                        a += w0 * src[q + s0];
                        a += w1 * src[q + s1];
                        a += w2 * src[q + s2];
                        dst[q + dOff] = a;
                    }
                    break;
                }
                case 2: {
                    final double w0 = w[t];
                    final double w1 = w[t + 1];
                    final int s0 = shift[t];
                    final int s1 = shift[t + 1];
                    for (int q = from; q < to; q++) {
                        double a = first ? 0.0 : dst[q + dOff];
                        a += w0 * src[q + s0];
                        a += w1 * src[q + s1];
                        dst[q + dOff] = a;
                    }
                    break;
                }
                default: {
                    final double w0 = w[t];
                    final int s0 = shift[t];
                    for (int q = from; q < to; q++) {
                        double a = first ? 0.0 : dst[q + dOff];
                        a += w0 * src[q + s0];
                        dst[q + dOff] = a;
                    }
                    break;
                }
            }
        }
    }

    /**
     * As {@link #convolveAxis}, for the voxels of the region {@code lo[a] .. hi[a]} (inclusive, per
     * axis) only, with the source and the destination each holding a sub-grid of the
     * {@code n[0] x n[1] x n[2]} image: voxels {@code lo .. lo + dims - 1} per axis, x fastest (the whole grid when lo = 0 and
     * dims = n). The source must hold every voxel the region's sums read: along {@code axis} the
     * region widened by the kernel's reach, or the whole axis when the sums wrap around or touch
     * the border; the destination must hold the region (its other voxels are left as they are).
     * Each sum is exactly that of the whole-grid call (the same taps added in the same order).
     *
     * @throws IllegalArgumentException if the arrays or sub-grids do not hold what the region needs
     */
    static void convolveAxisRegion(double[] src, int[] srcLo, int[] srcDims, double[] dst, int[] dstLo,
                                   int[] dstDims, int[] n, int axis, Kernel1D kernel, BoundaryCondition bc, int[] lo,
                                   int[] hi) {
        if (src == dst) {
            throw new IllegalArgumentException("source and destination must be different arrays");
        }
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
        }
        if ((long) srcDims[0] * srcDims[1] * srcDims[2] != src.length
            || (long) dstDims[0] * dstDims[1] * dstDims[2] != dst.length) {
            throw new IllegalArgumentException("arrays of " + src.length + " and " + dst.length
                + " values do not hold sub-grids " + java.util.Arrays.toString(srcDims) + " and "
                + java.util.Arrays.toString(dstDims));
        }
        final int len = n[axis];
        // interior positions along the axis: every tap inside [0, len)
        final int ilo = Math.min(len, Math.max(0, -kernel.minOffset()));
        final int ihi = Math.max(ilo, Math.min(len, len - kernel.maxOffset()));
        boolean wholeAxis = srcLo[axis] == 0 && srcDims[axis] == len;
        for (int a = 0; a < 3; a++) {
            boolean fits = lo[a] >= 0 && hi[a] < n[a] && lo[a] <= hi[a]
                && lo[a] >= dstLo[a] && hi[a] < dstLo[a] + dstDims[a]
                && srcLo[a] >= 0 && srcLo[a] + srcDims[a] <= n[a] && dstLo[a] >= 0 && dstLo[a] + dstDims[a] <= n[a];
            if (a != axis) {
                fits &= lo[a] >= srcLo[a] && hi[a] < srcLo[a] + srcDims[a];
            } else if (!wholeAxis) {
                // no wrapped or border sums, and every tap inside the source's stretch of the axis
                fits &= lo[a] >= ilo && hi[a] < ihi && lo[a] + kernel.minOffset() >= srcLo[a]
                    && hi[a] + kernel.maxOffset() < srcLo[a] + srcDims[a];
            }
            if (!fits) {
                throw new IllegalArgumentException("region " + java.util.Arrays.toString(lo) + ".."
                    + java.util.Arrays.toString(hi) + " does not fit the grid " + java.util.Arrays.toString(n)
                    + " with source " + java.util.Arrays.toString(srcLo) + "+" + java.util.Arrays.toString(srcDims)
                    + " and destination " + java.util.Arrays.toString(dstLo) + "+"
                    + java.util.Arrays.toString(dstDims) + " along axis " + axis);
            }
        }
        final double[] w = kernel.weightArray();
        final int[] off = kernel.offsetArray();
        final int sx = srcDims[0];
        final int sy = srcDims[1];
        final int stride = axis == 0 ? 1 : axis == 1 ? sx : sx * sy; // along the axis, in the source
        final int[] shift = scaled(off, stride);
        final int width = hi[0] - lo[0] + 1;
        for (int k = lo[2]; k <= hi[2]; k++) {
            for (int j = lo[1]; j <= hi[1]; j++) {
                // source index of voxel (i, j, k): row + i; destination index: row + i + dOff
                int row = sx * ((j - srcLo[1]) + sy * (k - srcLo[2])) - srcLo[0];
                int dOff = dstDims[0] * ((j - dstLo[1]) + dstDims[1] * (k - dstLo[2])) - dstLo[0] - row;
                if (axis == 0) {
                    int a = Math.max(lo[0], ilo);
                    int b = Math.min(hi[0] + 1, ihi);
                    if (b > a) {
                        interior(src, dst, row + a, row + b, shift, w, dOff);
                    }
                    for (int i = lo[0]; i <= hi[0]; i++) {
                        if (i < a || i >= b) {
                            dst[row + i + dOff] = edgeSum(src, row, 1, len, i, w, off, bc);
                        }
                    }
                } else {
                    int c = axis == 1 ? j : k; // position along the filtered axis
                    int from = row + lo[0];
                    if (c >= ilo && c < ihi) {
                        interior(src, dst, from, from + width, shift, w, dOff);
                    } else {
                        for (int q = from; q < from + width; q++) {
                            dst[q + dOff] = edgeSum(src, q - c * stride, stride, len, c, w, off, bc);
                        }
                    }
                }
            }
        }
    }

    private static int[] scaled(int[] off, int stride) {
        int[] s = new int[off.length];
        for (int t = 0; t < off.length; t++) {
            s[t] = off[t] * stride;
        }
        return s;
    }

    private static void alongX(double[] src, double[] dst, int nx, int lines, Kernel1D kernel, BoundaryCondition bc) {
        final double[] w = kernel.weightArray();
        final int[] off = kernel.offsetArray();
        // interior of a line: every tap inside [0, nx)
        final int lo = Math.min(nx, Math.max(0, -kernel.minOffset()));
        final int hi = Math.max(lo, Math.min(nx, nx - kernel.maxOffset()));
        if (hi > lo) {
            // all lines at once: the sums that straddle two lines are overwritten below
            int n = lines * nx;
            interior(src, dst, lo, n - (nx - hi), off, w);
        }
        for (int line = 0; line < lines; line++) {
            final int base = line * nx;
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
        // interior rows: every tap inside [0, ny); one contiguous range per slice
        final int lo = Math.min(ny, Math.max(0, -kernel.minOffset()));
        final int hi = Math.max(lo, Math.min(ny, ny - kernel.maxOffset()));
        final int[] shift = scaled(off, nx);
        for (int k = 0; k < nz; k++) {
            final int slice = nx * ny * k;
            if (hi > lo) {
                interior(src, dst, slice + nx * lo, slice + nx * hi, shift, w);
            }
            for (int j = 0; j < ny; j++) {
                if (j >= lo && j < hi) {
                    continue;
                }
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
        // interior planes: every tap inside [0, nz); one contiguous range
        final int lo = Math.min(nz, Math.max(0, -kernel.minOffset()));
        final int hi = Math.max(lo, Math.min(nz, nz - kernel.maxOffset()));
        if (hi > lo) {
            interior(src, dst, plane * lo, plane * hi, scaled(off, plane), w);
        }
        for (int k = 0; k < nz; k++) {
            if (k >= lo && k < hi) {
                continue;
            }
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
