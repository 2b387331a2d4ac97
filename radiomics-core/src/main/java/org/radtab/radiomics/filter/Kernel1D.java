package org.radtab.radiomics.filter;

import java.util.Arrays;

/**
 * A one-dimensional filter as a list of taps: the response along an axis is
 *
 * <pre>  R[n] = sum over t of weight[t] * I[n + offset[t]]</pre>
 *
 * where {@code I} outside the image is given by a {@link BoundaryCondition}. Every convention
 * used by RadTab's filters is one choice of offsets:
 *
 * <ul>
 *   <li>{@link #centred(double...)}: an odd kernel {@code w[0..2r]} applied as a convolution
 *       (IBSI 2, section "convolution, not correlation"): {@code R[n] = sum_k w[k] I[n + r - k]},
 *       so {@code w[0]} multiplies the voxel {@code r} positions ahead. Filtering an impulse
 *       reproduces the kernel in listed order.</li>
 *   <li>{@link #aligned(double[], int, int)}: {@code R[n] = sum_k h[k] I[n + c - k d]} with a
 *       centre {@code c} and a dilation {@code d}; an even wavelet filter of length {@code N} at
 *       level {@code j} uses {@code c = (N/2) 2^(j-1)} and {@code d = 2^(j-1)} (IBSI 2 and
 *       PyWavelets' {@code swt} agree on this).</li>
 *   <li>{@link #reversed()}: the kernel mirrored about the output voxel ({@code offset -> -offset}),
 *       which is what filtering a flipped image and flipping the result back does.</li>
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class Kernel1D {
    private final double[] weights;
    private final int[] offsets;
    private final int minOffset;
    private final int maxOffset;

    private Kernel1D(double[] weights, int[] offsets) {
        if (weights.length == 0 || weights.length != offsets.length) {
            throw new IllegalArgumentException("a kernel needs at least one tap and one offset per weight");
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("kernel weights must be finite: " + Arrays.toString(weights));
            }
        }
        this.weights = weights;
        this.offsets = offsets;
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int o : offsets) {
            lo = Math.min(lo, o);
            hi = Math.max(hi, o);
        }
        this.minOffset = lo;
        this.maxOffset = hi;
    }

    /** Taps with explicit offsets: {@code R[n] = sum_t weights[t] I[n + offsets[t]]}. */
    public static Kernel1D of(double[] weights, int[] offsets) {
        return new Kernel1D(weights.clone(), offsets.clone());
    }

    /**
     * An odd-length kernel {@code w[0..2r]} applied as a convolution centred on its middle
     * element: {@code R[n] = sum_k w[k] I[n + r - k]}.
     *
     * @throws IllegalArgumentException if the length is even
     */
    public static Kernel1D centred(double... w) {
        if (w.length % 2 == 0) {
            throw new IllegalArgumentException("a centred kernel needs an odd length, was " + w.length);
        }
        int r = w.length / 2;
        int[] off = new int[w.length];
        for (int k = 0; k < w.length; k++) {
            off[k] = r - k;
        }
        return new Kernel1D(w.clone(), off);
    }

    /**
     * {@code R[n] = sum_k h[k] I[n + centre - k * dilation]}.
     *
     * @param dilation at least 1 (1 = consecutive taps; 2^(j-1) for an "a trous" level j)
     */
    public static Kernel1D aligned(double[] h, int centre, int dilation) {
        if (dilation < 1) {
            throw new IllegalArgumentException("dilation must be >= 1, was " + dilation);
        }
        int[] off = new int[h.length];
        for (int k = 0; k < h.length; k++) {
            off[k] = centre - k * dilation;
        }
        return new Kernel1D(h.clone(), off);
    }

    /** The mirrored kernel: {@code R'[n] = sum_t w[t] I[n - offset[t]]}. */
    public Kernel1D reversed() {
        int[] off = new int[offsets.length];
        for (int t = 0; t < off.length; t++) {
            off[t] = -offsets[t];
        }
        return new Kernel1D(weights, off);
    }

    /** The same taps with every weight multiplied by {@code factor}. */
    public Kernel1D scaled(double factor) {
        double[] w = weights.clone();
        for (int t = 0; t < w.length; t++) {
            w[t] *= factor;
        }
        return new Kernel1D(w, offsets);
    }

    public int size() { return weights.length; }

    public double weight(int t) { return weights[t]; }

    public int offset(int t) { return offsets[t]; }

    /** A copy of the weights. */
    public double[] weights() { return weights.clone(); }

    /** A copy of the offsets. */
    public int[] offsets() { return offsets.clone(); }

    public int minOffset() { return minOffset; }

    public int maxOffset() { return maxOffset; }

    /** Sum of the weights (the response to a constant image without boundary effects). */
    public double sum() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    double[] weightArray() { return weights; }

    int[] offsetArray() { return offsets; }

    @Override
    public String toString() {
        return "Kernel1D[weights=" + Arrays.toString(weights) + ", offsets=" + Arrays.toString(offsets) + "]";
    }
}
