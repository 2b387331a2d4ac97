package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * Dense row-major matrix kernels on primitive {@code double[]} arrays, written so that HotSpot
 * C2 vectorises the innermost loops (contiguous multiply-add over the output columns) and with
 * four-way unrolling over the reduction index to halve the loads and stores of the output row.
 *
 * <p>All matrices are row-major: element (i, j) of an r x c matrix lies at {@code i * c + j}.
 * Every kernel adds its terms in a fixed order (groups of four, then the rest), so results are
 * bit-identical between runs. Zero entries of the left operand are skipped; they contribute
 * nothing, and TabNet's masked inputs are mostly zeros.
 */
public final class MatOps {
    private MatOps() {
    }

    /** {@code y = x w}: x is n x in, w is in x out, y is n x out (overwritten). */
    public static void matmul(double[] x, int n, int in, double[] w, int out, double[] y) {
        int[] nz = new int[in];
        for (int i = 0; i < n; i++) {
            int yo = i * out;
            int xo = i * in;
            int cnt = 0;
            for (int k = 0; k < in; k++) {
                if (x[xo + k] != 0.0) {
                    nz[cnt++] = k;
                }
            }
            Arrays.fill(y, yo, yo + out, 0.0);
            int q = 0;
            for (; q + 3 < cnt; q += 4) {
                int k0 = nz[q];
                int k1 = nz[q + 1];
                int k2 = nz[q + 2];
                int k3 = nz[q + 3];
                double a0 = x[xo + k0];
                double a1 = x[xo + k1];
                double a2 = x[xo + k2];
                double a3 = x[xo + k3];
                int w0 = k0 * out;
                int w1 = k1 * out;
                int w2 = k2 * out;
                int w3 = k3 * out;
                for (int o = 0; o < out; o++) {
                    y[yo + o] += a0 * w[w0 + o] + a1 * w[w1 + o] + a2 * w[w2 + o] + a3 * w[w3 + o];
                }
            }
            for (; q < cnt; q++) {
                int k = nz[q];
                double a = x[xo + k];
                int wo = k * out;
                for (int o = 0; o < out; o++) {
                    y[yo + o] += a * w[wo + o];
                }
            }
        }
    }

    /** {@code dw += x^T dy}: x is n x in, dy is n x out, dw is in x out. */
    public static void accumulateXtDy(double[] x, int n, int in, double[] dy, int out, double[] dw) {
        for (int k = 0; k < in; k++) {
            int wo = k * out;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                double a0 = x[i * in + k];
                double a1 = x[(i + 1) * in + k];
                double a2 = x[(i + 2) * in + k];
                double a3 = x[(i + 3) * in + k];
                if (a0 == 0.0 && a1 == 0.0 && a2 == 0.0 && a3 == 0.0) {
                    continue;
                }
                int d0 = i * out;
                int d1 = d0 + out;
                int d2 = d1 + out;
                int d3 = d2 + out;
                for (int o = 0; o < out; o++) {
                    dw[wo + o] += a0 * dy[d0 + o] + a1 * dy[d1 + o] + a2 * dy[d2 + o] + a3 * dy[d3 + o];
                }
            }
            for (; i < n; i++) {
                double a = x[i * in + k];
                if (a != 0.0) {
                    int d = i * out;
                    for (int o = 0; o < out; o++) {
                        dw[wo + o] += a * dy[d + o];
                    }
                }
            }
        }
    }

    /**
     * {@code dx = dy w^T}: dy is n x out, w is in x out, dx is n x in (overwritten). Uses
     * {@code wt}, the out x in transpose of w (caller-provided scratch, filled here), so that the
     * inner loop is a contiguous multiply-add.
     */
    public static void matmulTransposed(double[] dy, int n, int out, double[] w, int in, double[] wt, double[] dx) {
        for (int k = 0; k < in; k++) {
            int wo = k * out;
            for (int o = 0; o < out; o++) {
                wt[o * in + k] = w[wo + o];
            }
        }
        matmul(dy, n, out, wt, in, dx);
    }

    /** Returns {@code buf} if it has exactly {@code size} elements, else a new zeroed array. */
    static double[] ensure(double[] buf, int size) {
        return buf != null && buf.length == size ? buf : new double[size];
    }
}
