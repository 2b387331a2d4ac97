package org.radtab.radiomics.feature;

import java.util.Arrays;

/** Eigenvalues of a symmetric 3x3 matrix by cyclic Jacobi rotations. Package-private helper. */
final class SymmetricEigen3 {
    private SymmetricEigen3() {
    }

    /**
     * Eigenvalues in ascending order.
     *
     * @param m row-major symmetric 3x3 matrix (not modified)
     */
    static double[] eigenvalues(double[] m) {
        double[][] a = {{m[0], m[1], m[2]}, {m[3], m[4], m[5]}, {m[6], m[7], m[8]}};
        for (int sweep = 0; sweep < 64; sweep++) {
            double off = a[0][1] * a[0][1] + a[0][2] * a[0][2] + a[1][2] * a[1][2];
            double diag = a[0][0] * a[0][0] + a[1][1] * a[1][1] + a[2][2] * a[2][2];
            if (off == 0 || off <= 1e-34 * diag) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    rotate(a, p, q);
                }
            }
        }
        double[] ev = {a[0][0], a[1][1], a[2][2]};
        Arrays.sort(ev);
        return ev;
    }

    private static void rotate(double[][] a, int p, int q) {
        double apq = a[p][q];
        if (apq == 0) {
            return;
        }
        double theta = (a[q][q] - a[p][p]) / (2 * apq);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        for (int k = 0; k < 3; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < 3; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
    }
}
