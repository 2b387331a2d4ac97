package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * Exact 1.5-entmax (Peters, Niculae &amp; Martins, ACL 2019):
 * {@code entmax15(z) = argmax_{p in simplex} p.z + H_1.5(p)} with the Tsallis entropy
 * {@code H_1.5(p) = (1 - sum p_j^1.5) / 0.75}. Its solution is
 * {@code p_i = max(z_i / 2 - tau, 0)^2}, tau being the unique threshold with {@code sum p = 1}.
 *
 * <p>Forward: u = (z - max z) / 2 sorted descending; for the top-k candidate support the
 * threshold solves {@code sum_{j<=k} (u_(j) - tau)^2 = 1}, i.e.
 * {@code tau_k = mean_k - sqrt((1 - M2_k) / k)} with the running mean and the running sum of
 * squared deviations M2 (Welford, numerically stable); the support size is the largest k with
 * {@code tau_k <= u_(k)}.
 *
 * <p>Backward: with {@code s = sqrt(p)} (that is {@code (u - tau)_+}), the Jacobian is
 * {@code diag(s) - s s^T / sum(s)}, so {@code dz = s * v - s * (s.v) / sum(s)}.
 */
public final class Entmax15 {
    private Entmax15() {
    }

    /**
     * Maps {@code z[off .. off+d)} to {@code p[off .. off+d)}; {@code scratch} needs d elements.
     * Returns tau in the shifted, halved coordinates u.
     */
    public static double forwardRow(double[] z, int off, int d, double[] p, double[] scratch) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d; i++) {
            max = Math.max(max, z[off + i]);
        }
        for (int i = 0; i < d; i++) {
            scratch[i] = (z[off + i] - max) / 2.0;
        }
        Arrays.sort(scratch, 0, d);
        double mean = 0.0;
        double m2 = 0.0;
        double tauStar = Double.NaN;
        for (int k = 1; k <= d; k++) {
            double u = scratch[d - k];
            double delta = u - mean;
            mean += delta / k;
            m2 += delta * (u - mean);
            double tau = mean - Math.sqrt(Math.max((1.0 - m2) / k, 0.0));
            if (tau <= u) {
                tauStar = tau;
            } else {
                break;
            }
        }
        for (int i = 0; i < d; i++) {
            double t = Math.max((z[off + i] - max) / 2.0 - tauStar, 0.0);
            p[off + i] = t * t;
        }
        return tauStar;
    }

    /** Row-wise forward on an n x d matrix. */
    public static void forward(double[] z, int n, int d, double[] p, double[] scratch) {
        for (int i = 0; i < n; i++) {
            forwardRow(z, i * d, d, p, scratch);
        }
    }

    /** Row-wise Jacobian-vector product from the outputs p and the output gradient v. */
    public static void backward(double[] p, double[] v, int n, int d, double[] dz) {
        for (int i = 0; i < n; i++) {
            int o = i * d;
            double sv = 0.0;
            double ss = 0.0;
            for (int j = 0; j < d; j++) {
                double s = Math.sqrt(p[o + j]);
                sv += s * v[o + j];
                ss += s;
            }
            double q = sv / ss;
            for (int j = 0; j < d; j++) {
                double s = Math.sqrt(p[o + j]);
                dz[o + j] = s * v[o + j] - q * s;
            }
        }
    }
}
