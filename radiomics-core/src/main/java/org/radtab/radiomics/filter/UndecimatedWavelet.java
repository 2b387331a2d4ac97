package org.radtab.radiomics.filter;

import org.radtab.radiomics.math.WorkArrays;

/**
 * Shared machinery of the undecimated (stationary, "a trous") separable wavelet transforms.
 *
 * <p>At decomposition level {@code j >= 1} a filter {@code h[0..N-1]} (N even) acts along an axis
 * as
 *
 * <pre>  R[n] = sum_k h[k] * I[n + (N/2) 2^(j-1) - k 2^(j-1)]</pre>
 *
 * i.e. {@link Kernel1D#aligned(double[], int, int)} with centre {@code (N/2) 2^(j-1)} and dilation
 * {@code 2^(j-1)}. At level 1 this is IBSI 2's alignment of even filters ("append one zero and
 * centre on the middle element", impulse at 31 with db2 gives a response at 29..32) and exactly
 * PyWavelets' {@code swt} with periodization ({@code out[n] = sum_j h[j] in[(n + F/2 - j) mod N]},
 * F = filter length, upsampled by 2^(j-1) at level j).
 *
 * <p>All {@code 2^d} sub-bands of {@code d} axes are computed sharing the intermediate passes:
 * 2 passes along the first axis, then 4 along the second, then 8 along the third (14 passes for
 * the 8 3D bands instead of 24).
 */
final class UndecimatedWavelet {
    private UndecimatedWavelet() {
    }

    /** The level-{@code level} kernel of filter {@code h}, mirrored when {@code reversed}. */
    static Kernel1D kernel(double[] h, int level, boolean reversed) {
        if (h.length % 2 != 0) {
            throw new IllegalArgumentException("wavelet filters must have even length, was " + h.length);
        }
        int dil = 1 << (level - 1);
        Kernel1D k = Kernel1D.aligned(h, (h.length / 2) * dil, dil);
        return reversed ? k.reversed() : k;
    }

    /**
     * All {@code 2^axes.length} bands of one level. Band {@code b} has letter {@code m} (for
     * {@code axes[m]}) = H when bit {@code (axes.length - 1 - m)} of {@code b} is set, so bands come
     * in lexicographic order with L before H (LLL, LLH, LHL, ..., HHH), PyWavelets' dict order.
     */
    static double[][] bands(double[] src, int nx, int ny, int nz, Wavelet w, int level, int[] axes,
                            BoundaryCondition bc) {
        return bands(src, nx, ny, nz, w, level, axes, bc, null, null);
    }

    /**
     * As {@link #bands(double[], int, int, int, Wavelet, int, int[], BoundaryCondition)}, with the
     * bands needed only in the region {@code rlo .. rhi} (inclusive; null = everywhere): each pass
     * computes the voxels that the later passes read (the region widened by their filters' reach
     * along their axes, or the whole axis where that reach wraps around), into arrays holding just
     * that sub-grid, so the bands are exact in the region and 0 where nothing was needed.
     */
    static double[][] bands(double[] src, int nx, int ny, int nz, Wavelet w, int level, int[] axes,
                            BoundaryCondition bc, int[] rlo, int[] rhi) {
        return bands(src, nx, ny, nz, w, level, axes, bc, rlo, rhi, false);
    }

    /**
     * As {@link #bands(double[], int, int, int, Wavelet, int, int[], BoundaryCondition, int[], int[])};
     * with {@code boxOut} (a region required) the bands are the region alone ({@code rhi - rlo + 1}
     * voxels per axis, x fastest), written straight by the last pass.
     */
    static double[][] bands(double[] src, int nx, int ny, int nz, Wavelet w, int level, int[] axes,
                            BoundaryCondition bc, int[] rlo, int[] rhi, boolean boxOut) {
        if (boxOut && rlo == null) {
            throw new IllegalArgumentException("region-sized bands need a region");
        }
        Kernel1D lo = kernel(w.filter('L'), level, false);
        Kernel1D hi = kernel(w.filter('H'), level, false);
        int[] n = {nx, ny, nz};
        // needed[m]: the region where pass m's output is read (by later passes, or as the result)
        int[][] needLo = new int[axes.length][];
        int[][] needHi = new int[axes.length][];
        if (rlo != null) {
            int[] a0 = rlo.clone();
            int[] a1 = rhi.clone();
            for (int m = axes.length - 1; m >= 0; m--) {
                needLo[m] = a0.clone();
                needHi[m] = a1.clone();
                int axis = axes[m];
                int reachDown = -Math.min(lo.minOffset(), hi.minOffset()); // input read below an output
                int reachUp = Math.max(lo.maxOffset(), hi.maxOffset());
                if (a0[axis] - reachDown < 0 || a1[axis] + reachUp >= n[axis]) {
                    a0[axis] = 0; // wraps around: the whole axis
                    a1[axis] = n[axis] - 1;
                } else {
                    a0[axis] -= reachDown;
                    a1[axis] += reachUp;
                }
            }
        }
        double[][] cur = {src};
        int[] full = {0, 0, 0};
        int[] curLo = full; // the sub-grid the current bands hold
        int[] curDims = n;
        for (int m = 0; m < axes.length; m++) {
            int axis = axes[m];
            double[][] next = new double[cur.length * 2][];
            // with a region, the passes before the last hold only what later passes read; the last
            // writes the whole grid (0 outside the region) or, with boxOut, the region alone
            boolean lastPass = m == axes.length - 1;
            int[] outLo = full;
            int[] outDims = n;
            if (rlo != null && (!lastPass || boxOut)) {
                outLo = needLo[m];
                outDims = new int[] {needHi[m][0] - outLo[0] + 1, needHi[m][1] - outLo[1] + 1,
                    needHi[m][2] - outLo[2] + 1};
            }
            int size = outDims[0] * outDims[1] * outDims[2];
            // a sub-grid is written whole (it is exactly the region its pass computes), so it may
            // come from the work-array pool; a whole-grid band keeps its zeros outside the region
            boolean pooled = rlo != null && (!lastPass || boxOut);
            for (int b = 0; b < cur.length; b++) {
                double[] l = pooled ? WorkArrays.doubles(size) : new double[size];
                double[] h = pooled ? WorkArrays.doubles(size) : new double[size];
                if (rlo == null) {
                    SeparableConvolution.convolveAxis(cur[b], l, nx, ny, nz, axis, lo, bc);
                    SeparableConvolution.convolveAxis(cur[b], h, nx, ny, nz, axis, hi, bc);
                } else {
                    SeparableConvolution.convolveAxisRegion(cur[b], curLo, curDims, l, outLo, outDims, n, axis, lo, bc,
                        needLo[m], needHi[m]);
                    SeparableConvolution.convolveAxisRegion(cur[b], curLo, curDims, h, outLo, outDims, n, axis, hi, bc,
                        needLo[m], needHi[m]);
                }
                if (m > 0 && rlo != null) {
                    WorkArrays.give(cur[b]); // a consumed intermediate sub-grid (never the input)
                }
                cur[b] = null; // consumed: let the intermediate band go (peak heap)
                next[2 * b] = l;
                next[2 * b + 1] = h;
            }
            cur = next;
            curLo = outLo;
            curDims = outDims;
        }
        return cur;
    }

    /** Letters of band index {@code b} among {@code d} axes (see {@link #bands}). */
    static String bandName(int b, int d) {
        StringBuilder sb = new StringBuilder(d);
        for (int m = 0; m < d; m++) {
            sb.append(((b >> (d - 1 - m)) & 1) == 0 ? 'L' : 'H');
        }
        return sb.toString();
    }

    /** Low-pass along the given axes at one level (the approximation only). */
    static double[] approximation(double[] src, int nx, int ny, int nz, Wavelet w, int level, int[] axes,
                                  BoundaryCondition bc) {
        Kernel1D lo = kernel(w.filter('L'), level, false);
        double[] cur = src;
        double[] spare = null;
        for (int axis : axes) {
            double[] out = spare != null ? spare : new double[src.length];
            SeparableConvolution.convolveAxis(cur, out, nx, ny, nz, axis, lo, bc);
            spare = cur == src ? null : cur;
            cur = out;
        }
        return cur == src ? src.clone() : cur;
    }

    static void validateBand(String band, int dims) {
        if (band == null || band.length() != dims) {
            throw new IllegalArgumentException("wavelet band must have " + dims + " letters (L or H), was " + band);
        }
        for (int m = 0; m < band.length(); m++) {
            char c = band.charAt(m);
            if (c != 'L' && c != 'H') {
                throw new IllegalArgumentException("wavelet band letters must be L or H, was " + band);
            }
        }
    }
}
