package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * Dense row-major matrix kernels on primitive {@code double[]} arrays, written so that HotSpot
 * C2 vectorises the innermost loops (contiguous axpy updates).
 *
 * <p>All matrices are row-major: element (i, j) of an r x c matrix lies at {@code i * c + j}.
 * Every kernel processes its loops in a fixed order, so results are bit-identical between runs.
 */
public final class MatOps {
    private MatOps() {
    }

    /**
     * {@code y = x w}: x is n x in, w is in x out, y is n x out (overwritten). Zero entries of
     * x are skipped (exactly: they contribute nothing), which pays off on sparse masked inputs.
     */
    public static void matmul(double[] x, int n, int in, double[] w, int out, double[] y) {
        for (int i = 0; i < n; i++) {
            int yo = i * out;
            Arrays.fill(y, yo, yo + out, 0.0);
            int xo = i * in;
            for (int k = 0; k < in; k++) {
                double xv = x[xo + k];
                if (xv != 0.0) {
                    int wo = k * out;
                    for (int o = 0; o < out; o++) {
                        y[yo + o] += xv * w[wo + o];
                    }
                }
            }
        }
    }

    /** {@code dw += x^T dy}: x is n x in, dy is n x out, dw is in x out. */
    public static void accumulateXtDy(double[] x, int n, int in, double[] dy, int out, double[] dw) {
        for (int i = 0; i < n; i++) {
            int xo = i * in;
            int yo = i * out;
            for (int k = 0; k < in; k++) {
                double xv = x[xo + k];
                if (xv != 0.0) {
                    int wo = k * out;
                    for (int o = 0; o < out; o++) {
                        dw[wo + o] += xv * dy[yo + o];
                    }
                }
            }
        }
    }

    /**
     * {@code dx = dy w^T}: dy is n x out, w is in x out, dx is n x in (overwritten). Uses
     * {@code wt}, the out x in transpose of w (caller-provided scratch, filled here), so that the
     * inner loop is a contiguous axpy.
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
