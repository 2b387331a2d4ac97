package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * Sparsemax (Martins &amp; Astudillo, ICML 2016): the Euclidean projection of a vector z onto the
 * probability simplex, {@code sparsemax(z) = argmin_{p in simplex} ||p - z||^2}.
 *
 * <p>Forward: sort z descending into z_(1) &gt;= ... &gt;= z_(d);
 * {@code k* = max{k : 1 + k z_(k) > sum_{j<=k} z_(j)}}, {@code tau = (sum_{j<=k*} z_(j) - 1) / k*},
 * {@code p_i = max(z_i - tau, 0)}. The row maximum is subtracted first (the result is
 * unchanged, the sums are better conditioned).
 *
 * <p>Backward (Jacobian-vector product): with support S = {i : p_i &gt; 0},
 * {@code dz_i = v_i - mean_{j in S} v_j} for i in S and 0 elsewhere.
 */
public final class Sparsemax {
    private Sparsemax() {
    }

    /**
     * Projects {@code z[off .. off+d)} onto the simplex, writing {@code p[off .. off+d)}.
     * {@code scratch} needs at least d elements. Returns tau (in the shifted coordinates
     * {@code z - max z}).
     */
    public static double forwardRow(double[] z, int off, int d, double[] p, double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            max = Math.max(max, z[off + i]);
        }
        for (int i = 0; i < d; i++) {
            scratch[i] = z[off + i] - max;
        }
        Arrays.sort(scratch, 0, d); // ascending; walk from the top
        double cum = 0.0;
        double tauSum = 0.0;
        int support = 0;
        for (int k = 1; k <= d; k++) {
            double zk = scratch[d - k];
            cum += zk;
            if (1.0 + k * zk > cum) {
                support = k;
                tauSum = cum;
            } else {
                break; // the condition holds on a prefix of k only
            }
        }
        double tau = (tauSum - 1.0) / support;
        for (int i = 0; i < d; i++) {
            p[off + i] = Math.max(z[off + i] - max - tau, 0.0);
        }
        return tau;
    }

    /** Row-wise forward on an n x d matrix. */
    public static void forward(double[] z, int n, int d, double[] p, double[] scratch) {
        for (int i = 0; i < n; i++) {
            forwardRow(z, i * d, d, p, scratch);
        }
    }

    /** Row-wise Jacobian-vector product: {@code dz} from the outputs p and the output gradient v. */
    public static void backward(double[] p, double[] v, int n, int d, double[] dz) {
        for (int i = 0; i < n; i++) {
            int o = i * d;
            double s = 0.0;
            int k = 0;
            for (int j = 0; j < d; j++) {
                if (p[o + j] > 0.0) {
                    s += v[o + j];
                    k++;
                }
            }
            double mean = s / k;
            for (int j = 0; j < d; j++) {
                dz[o + j] = p[o + j] > 0.0 ? v[o + j] - mean : 0.0;
            }
        }
    }
}
