package org.radtab.radiomics.preprocess;

/**
 * Cubic B-spline coefficients by recursive filtering (Unser's algorithm: overall gain
 * {@code (1 - z)(1 - 1/z) = 6}, one causal and one anti-causal first-order pass with the pole
 * {@code z = sqrt(3) - 2}), in place, along one axis of a 3D array.
 *
 * <p>The array may be a window of a longer line. The true boundary conditions are applied only
 * where the window touches the end of the line ({@code atStart}, {@code atEnd}); at a cut inside
 * the line the recursion starts from the steady state of a constant signal, an error that decays
 * as {@code |z|^d} with the distance {@code d} from the cut ({@code |z|^32 < 6e-19}), so callers
 * keep {@link #MARGIN} samples between a cut and any coefficient they use.
 */
final class SplinePrefilter {
    /** The pole of the cubic B-spline prefilter, {@code sqrt(3) - 2}. */
    static final double POLE = Math.sqrt(3.0) - 2.0;
    /** Samples kept between a window cut and the coefficients that are used. */
    static final int MARGIN = 32;
    /** ITK's {@code BSplineDecompositionImageFilter} tolerance for the truncated causal sum. */
    static final double ITK_TOLERANCE = 1e-10;
    /** Number of terms of ITK's truncated causal sum: {@code ceil(ln(tol) / ln|z|)} = 18. */
    static final int ITK_HORIZON = (int) Math.ceil(Math.log(ITK_TOLERANCE) / Math.log(Math.abs(POLE)));

    enum Boundary {
        /** ITK: whole-sample mirror, truncated causal sum when the line is longer than the horizon. */
        ITK_MIRROR,
        /** scipy.ndimage: half-sample symmetric ("reflect") initial conditions. */
        SCIPY_REFLECT
    }

    private SplinePrefilter() {
    }

    /**
     * Filters {@code a} (dimensions {@code dims}, x fastest) along {@code axis}.
     *
     * @param fullLength length of the whole line of which the window is part (used by ITK's horizon rule)
     */
    static void filter(double[] a, int[] dims, int axis, Boundary boundary, boolean atStart, boolean atEnd,
                       int fullLength) {
        int len = dims[axis];
        if (len < 2 || fullLength < 2) {
            return; // a single sample is its own coefficient (ITK and scipy leave it unchanged)
        }
        int vec;
        int outer;
        if (axis == 0) {
            vec = 1;
            outer = dims[1] * dims[2];
        } else if (axis == 1) {
            vec = dims[0];
            outer = dims[2];
        } else {
            vec = dims[0] * dims[1];
            outer = 1;
        }
        double z = POLE;
        double gain = (1.0 - z) * (1.0 - 1.0 / z);
        if (vec == 1) {
            for (int o = 0; o < outer; o++) {
                filterLine(a, o * len, len, z, gain, boundary, atStart, atEnd, fullLength);
            }
            return;
        }
        double[] acc = new double[vec];
        for (int o = 0; o < outer; o++) {
            int base = o * len * vec;
            for (int n = 0; n < len * vec; n++) {
                a[base + n] *= gain;
            }
            causalInit(a, base, len, vec, z, boundary, atStart, atEnd, fullLength, acc);
            for (int n = 1; n < len; n++) {
                int cur = base + n * vec;
                int prev = cur - vec;
                for (int v = 0; v < vec; v++) {
                    a[cur + v] += z * a[prev + v];
                }
            }
            int last = base + (len - 1) * vec;
            if (atEnd && boundary == Boundary.ITK_MIRROR) {
                double f = z / (z * z - 1.0);
                int prev = last - vec;
                for (int v = 0; v < vec; v++) {
                    a[last + v] = f * (z * a[prev + v] + a[last + v]);
                }
            } else {
                double f = z / (z - 1.0);
                for (int v = 0; v < vec; v++) {
                    a[last + v] *= f;
                }
            }
            for (int n = len - 2; n >= 0; n--) {
                int cur = base + n * vec;
                int next = cur + vec;
                for (int v = 0; v < vec; v++) {
                    a[cur + v] = z * (a[next + v] - a[cur + v]);
                }
            }
        }
    }

    private static void causalInit(double[] a, int base, int len, int vec, double z, Boundary boundary,
                                   boolean atStart, boolean atEnd, int fullLength, double[] acc) {
        if (!atStart) {
            double f = 1.0 / (1.0 - z);
            for (int v = 0; v < vec; v++) {
                a[base + v] *= f;
            }
            return;
        }
        if (boundary == Boundary.ITK_MIRROR) {
            if (ITK_HORIZON < fullLength) {
                System.arraycopy(a, base, acc, 0, vec);
                double zn = z;
                int terms = Math.min(ITK_HORIZON, len);
                for (int n = 1; n < terms; n++) {
                    int row = base + n * vec;
                    for (int v = 0; v < vec; v++) {
                        acc[v] += zn * a[row + v];
                    }
                    zn *= z;
                }
                System.arraycopy(acc, 0, a, base, vec);
            } else {
                // whole line in the window (fullLength <= horizon < MARGIN)
                double iz = 1.0 / z;
                double zn = z;
                double z2n = Math.pow(z, len - 1);
                int lastRow = base + (len - 1) * vec;
                for (int v = 0; v < vec; v++) {
                    acc[v] = a[base + v] + z2n * a[lastRow + v];
                }
                z2n *= z2n * iz;
                for (int n = 1; n <= len - 2; n++) {
                    int row = base + n * vec;
                    double f = zn + z2n;
                    for (int v = 0; v < vec; v++) {
                        acc[v] += f * a[row + v];
                    }
                    zn *= z;
                    z2n *= iz;
                }
                double d = 1.0 - zn * zn;
                for (int v = 0; v < vec; v++) {
                    a[base + v] = acc[v] / d;
                }
            }
        } else {
            // half-sample symmetric: c0 + z/(1 - z^2N) * sum_i (z^i x_i + z^(N+i) x_(N-1-i))
            double zN = atEnd ? Math.pow(z, len) : 0.0;
            java.util.Arrays.fill(acc, 0, vec, 0.0);
            double zi = 1.0;
            for (int i = 0; i < len; i++) {
                int row = base + i * vec;
                int mirror = base + (len - 1 - i) * vec;
                for (int v = 0; v < vec; v++) {
                    acc[v] += zi * (a[row + v] + zN * a[mirror + v]);
                }
                zi *= z;
            }
            double f = z / (1.0 - zN * zN);
            for (int v = 0; v < vec; v++) {
                a[base + v] += f * acc[v];
            }
        }
    }

    /** The same filter on one contiguous line (axis 0). */
    private static void filterLine(double[] a, int off, int len, double z, double gain, Boundary boundary,
                                   boolean atStart, boolean atEnd, int fullLength) {
        int end = off + len;
        for (int n = off; n < end; n++) {
            a[n] *= gain;
        }
        if (!atStart) {
            a[off] /= (1.0 - z);
        } else if (boundary == Boundary.ITK_MIRROR) {
            if (ITK_HORIZON < fullLength) {
                double sum = a[off];
                double zn = z;
                int terms = Math.min(ITK_HORIZON, len);
                for (int n = 1; n < terms; n++) {
                    sum += zn * a[off + n];
                    zn *= z;
                }
                a[off] = sum;
            } else {
                double iz = 1.0 / z;
                double zn = z;
                double z2n = Math.pow(z, len - 1);
                double sum = a[off] + z2n * a[end - 1];
                z2n *= z2n * iz;
                for (int n = 1; n <= len - 2; n++) {
                    sum += (zn + z2n) * a[off + n];
                    zn *= z;
                    z2n *= iz;
                }
                a[off] = sum / (1.0 - zn * zn);
            }
        } else {
            double zN = atEnd ? Math.pow(z, len) : 0.0;
            double sum = 0.0;
            double zi = 1.0;
            for (int i = 0; i < len; i++) {
                sum += zi * (a[off + i] + zN * a[end - 1 - i]);
                zi *= z;
            }
            a[off] += z / (1.0 - zN * zN) * sum;
        }
        for (int n = off + 1; n < end; n++) {
            a[n] += z * a[n - 1];
        }
        if (atEnd && boundary == Boundary.ITK_MIRROR) {
            a[end - 1] = z / (z * z - 1.0) * (z * a[end - 2] + a[end - 1]);
        } else {
            a[end - 1] *= z / (z - 1.0);
        }
        for (int n = end - 2; n >= off; n--) {
            a[n] = z * (a[n + 1] - a[n]);
        }
    }
}
