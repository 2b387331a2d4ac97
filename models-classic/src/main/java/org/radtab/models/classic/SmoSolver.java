package org.radtab.models.classic;

/**
 * Sequential minimal optimisation for the C-SVM dual (the algorithm of libsvm: Fan, Chen and
 * Lin, "Working set selection using second order information for training SVM", JMLR 6:1889-1918,
 * 2005; Chang and Lin, "LIBSVM: a library for support vector machines", ACM TIST 2011).
 *
 * <p>With labels {@code y_i in {-1, +1}}, {@code Q_ij = y_i y_j K(x_i, x_j)}, it solves
 * <pre>
 *   min_a  (1/2) a' Q a - sum_i a_i   subject to  0 <= a_i <= C,  sum_i y_i a_i = 0
 * </pre>
 * keeping the gradient {@code G = Q a - 1}. Each step picks the maximal violating index
 * {@code i = argmax_{t in I_up} -y_t G_t} and, by the second-order rule, the {@code j} in
 * {@code I_low} that most decreases the objective ({@code -b_ij^2 / a_ij}); the two-variable
 * sub-problem is solved analytically and clipped to the box. It stops when the maximal KKT
 * violation {@code m(a) - M(a)} is below {@code eps}. The offset {@code rho} is the mean of
 * {@code y_i G_i} over free vectors ({@code 0 < a_i < C}), or the midpoint of its feasible
 * interval when there is none. Decision function: {@code f(x) = sum_i a_i y_i K(x_i, x) - rho}.
 * Deterministic: no random choices.
 */
final class SmoSolver {
    private static final double TAU = 1e-12;

    record Solution(double[] alpha, double rho, int iterations, boolean converged) {
    }

    private SmoSolver() {
    }

    /** Kernel rows with a full precomputed matrix for moderate n, computed on demand beyond. */
    static final class KernelMatrix {
        private final double[][] x;
        private final Kernel kernel;
        private final double[][] rows;
        private final double[] diag;

        KernelMatrix(double[][] x, Kernel kernel) {
            this.x = x;
            this.kernel = kernel;
            int n = x.length;
            this.rows = new double[n][];
            this.diag = new double[n];
            for (int i = 0; i < n; i++) {
                diag[i] = kernel.apply(x[i], x[i]);
            }
        }

        double[] row(int i) {
            double[] r = rows[i];
            if (r == null) {
                int n = x.length;
                r = new double[n];
                for (int j = 0; j < n; j++) {
                    r[j] = kernel.apply(x[i], x[j]);
                }
                if ((long) n * n <= 40_000_000L) { // keep rows up to ~320 MB of matrix
                    rows[i] = r;
                }
            }
            return r;
        }

        double diag(int i) {
            return diag[i];
        }
    }

    static Solution solve(double[][] x, int[] ypm, Kernel kernel, double c, double eps, long maxIter) {
        int n = x.length;
        KernelMatrix km = new KernelMatrix(x, kernel);
        double[] a = new double[n];
        double[] g = new double[n];
        java.util.Arrays.fill(g, -1);
        long it = 0;
        boolean converged = false;
        while (it < maxIter) {
            // select i: max over I_up of -y G
            double gmax = Double.NEGATIVE_INFINITY;
            int i = -1;
            for (int t = 0; t < n; t++) {
                boolean up = ypm[t] == 1 ? a[t] < c : a[t] > 0;
                if (up && -ypm[t] * g[t] >= gmax) {
                    gmax = -ypm[t] * g[t];
                    i = t;
                }
            }
            if (i < 0) {
                converged = true;
                break;
            }
            double[] ki = km.row(i);
            double kii = km.diag(i);
            double gmin = Double.POSITIVE_INFINITY; // min over I_low of -y G
            int j = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < n; t++) {
                boolean low = ypm[t] == 1 ? a[t] > 0 : a[t] < c;
                if (!low) {
                    continue;
                }
                double v = -ypm[t] * g[t];
                gmin = Math.min(gmin, v);
                double b = gmax - v;
                if (b > 0) {
                    double quad = kii + km.diag(t) - 2 * ki[t];
                    if (quad <= 0) {
                        quad = TAU;
                    }
                    double obj = -(b * b) / quad;
                    if (obj <= best) {
                        best = obj;
                        j = t;
                    }
                }
            }
            if (gmax - gmin < eps || j < 0) {
                converged = true;
                break;
            }
            it++;
            double[] kj = km.row(j);
            double quad = kii + km.diag(j) - 2 * ki[j];
            if (quad <= 0) {
                quad = TAU;
            }
            double oldAi = a[i];
            double oldAj = a[j];
            if (ypm[i] != ypm[j]) {
                double delta = (-g[i] - g[j]) / quad;
                double diff = a[i] - a[j];
                a[i] += delta;
                a[j] += delta;
                if (diff > 0) {
                    if (a[j] < 0) {
                        a[j] = 0;
                        a[i] = diff;
                    }
                    if (a[i] > c) {
                        a[i] = c;
                        a[j] = c - diff;
                    }
                } else {
                    if (a[i] < 0) {
                        a[i] = 0;
                        a[j] = -diff;
                    }
                    if (a[j] > c) {
                        a[j] = c;
                        a[i] = c + diff;
                    }
                }
            } else {
                double delta = (g[i] - g[j]) / quad;
                double sum = a[i] + a[j];
                a[i] -= delta;
                a[j] += delta;
                if (sum > c) {
                    if (a[i] > c) {
                        a[i] = c;
                        a[j] = sum - c;
                    }
                    if (a[j] > c) {
                        a[j] = c;
                        a[i] = sum - c;
                    }
                } else {
                    if (a[j] < 0) {
                        a[j] = 0;
                        a[i] = sum;
                    }
                    if (a[i] < 0) {
                        a[i] = 0;
                        a[j] = sum;
                    }
                }
            }
            double dai = a[i] - oldAi;
            double daj = a[j] - oldAj;
            // G_t += Q_ti dai + Q_tj daj, Q_ts = y_t y_s K_ts
            for (int t = 0; t < n; t++) {
                g[t] += ypm[t] * (ypm[i] * ki[t] * dai + ypm[j] * kj[t] * daj);
            }
        }
        // rho
        double ub = Double.POSITIVE_INFINITY;
        double lb = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int free = 0;
        for (int t = 0; t < n; t++) {
            double yg = ypm[t] * g[t];
            if (a[t] >= c) {
                if (ypm[t] == -1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else if (a[t] <= 0) {
                if (ypm[t] == 1) {
                    ub = Math.min(ub, yg);
                } else {
                    lb = Math.max(lb, yg);
                }
            } else {
                free++;
                sum += yg;
            }
        }
        double rho = free > 0 ? sum / free : (ub + lb) / 2;
        return new Solution(a, rho, (int) Math.min(Integer.MAX_VALUE, it), converged);
    }
}
