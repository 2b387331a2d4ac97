package org.radtab.models.classic;

/**
 * Penalised binary logistic regression by iteratively reweighted least squares with a
 * cyclic coordinate-descent inner solver (Friedman, Hastie and Tibshirani, "Regularization paths
 * for generalized linear models via coordinate descent", J. Stat. Software 33(1), 2010).
 *
 * <p>Minimises, over the intercept {@code b0} (not penalised) and coefficients {@code b},
 * <pre>
 *   F(b0, b) = -(1/n) sum_i [ y_i eta_i - log(1 + exp(eta_i)) ]
 *              + lambda [ alpha ||b||_1 + (1 - alpha)/2 ||b||_2^2 ],     eta_i = b0 + x_i . b
 * </pre>
 * Each outer step forms the quadratic approximation at the current fit: working weights
 * {@code w_i = max(p_i (1 - p_i), 1e-5)} and responses {@code z_i = eta_i + (y_i - p_i) / w_i}, and
 * solves the penalised weighted least-squares problem by coordinate descent (with glmnet's covariance
 * updates on the Gram matrix of the augmented design, O(p^2) per sweep) with soft
 * thresholding, {@code b_j <- S((1/n) sum w x_ij r_ij, lambda alpha) / ((1/n) sum w x_ij^2 + lambda (1 - alpha))}
 * ({@code r_ij} = partial residual). A step that would increase {@code F} is halved until it
 * decreases (so the objective is monotone). Stops when no coefficient moves by more than
 * {@code tol} (relative to its scale) in an outer step, or after {@code maxIter} outer steps.
 */
final class ElasticNetLogistic {
    /** Result: intercept, coefficients, outer iterations, converged flag. */
    record Fit(double intercept, double[] beta, int iterations, boolean converged) {
    }

    private ElasticNetLogistic() {
    }

    static Fit fit(double[][] x, int[] y, double lambda, double alpha, double tol, int maxIter) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        double ybar = 0;
        for (int v : y) {
            ybar += v;
        }
        ybar /= n;
        double b0 = Math.log(ybar / (1 - ybar));
        double[] b = new double[p];
        double[] eta = new double[n];
        java.util.Arrays.fill(eta, b0);
        double f = objective(y, eta, b, lambda, alpha);
        double[] w = new double[n];
        double[] z = new double[n];
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        boolean converged = false;
        int it = 0;
        while (it < maxIter) {
            it++;
            for (int i = 0; i < n; i++) {
                double pi = sigmoid(eta[i]);
                w[i] = Math.max(pi * (1 - pi), 1e-5);
                z[i] = eta[i] + (y[i] - pi) / w[i];
            }
            // inner: penalised weighted least squares by coordinate descent, from the current (b0, b), with
            // glmnet's covariance updates: the Gram matrix G = X'WX / n of the augmented design [1, X] and
            // q = X'W(z - X beta) / n are formed once, so a sweep costs O(p^2) instead of O(n p)
            int pa = p + 1;
            double[] beta = new double[pa];
            beta[0] = b0;
            System.arraycopy(b, 0, beta, 1, p);
            double[][] g = new double[pa][pa];
            double[] q = new double[pa];
            double[] a = new double[pa];
            a[0] = 1;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < p; j++) {
                    a[j + 1] = x[i][j];
                }
                double wi = w[i];
                double ri = wi * (z[i] - eta[i]);
                for (int j = 0; j < pa; j++) {
                    double waj = wi * a[j];
                    double[] gj = g[j];
                    for (int k = j; k < pa; k++) {
                        gj[k] += waj * a[k];
                    }
                    q[j] += ri * a[j];
                }
            }
            for (int j = 0; j < pa; j++) {
                q[j] /= n;
                for (int k = j; k < pa; k++) {
                    g[j][k] /= n;
                    g[k][j] = g[j][k];
                }
            }
            for (int inner = 0; inner < 10_000; inner++) {
                double maxMove = 0;
                for (int j = 0; j < pa; j++) {
                    double gjj = g[j][j];
                    double old = beta[j];
                    double u = q[j] + gjj * old;
                    double nj;
                    if (j == 0) {
                        nj = gjj > 0 ? u / gjj : old; // the intercept is not penalised
                    } else {
                        nj = gjj + l2 == 0 ? 0 : softThreshold(u, l1) / (gjj + l2);
                    }
                    double d = nj - old;
                    if (d != 0) {
                        beta[j] = nj;
                        double[] gcol = g[j];
                        for (int k = 0; k < pa; k++) {
                            q[k] -= d * gcol[k];
                        }
                        maxMove = Math.max(maxMove, Math.abs(d) * Math.sqrt(gjj));
                    }
                }
                if (maxMove < tol * 0.1) {
                    break;
                }
            }
            double nb0 = beta[0];
            double[] nb = java.util.Arrays.copyOfRange(beta, 1, pa);
            // step with halving so that F decreases
            double step = 1;
            double[] trialB = new double[p];
            double trialB0;
            double[] trialEta = new double[n];
            double fNew;
            while (true) {
                trialB0 = b0 + step * (nb0 - b0);
                for (int j = 0; j < p; j++) {
                    trialB[j] = b[j] + step * (nb[j] - b[j]);
                }
                for (int i = 0; i < n; i++) {
                    double e = trialB0;
                    for (int j = 0; j < p; j++) {
                        e += x[i][j] * trialB[j];
                    }
                    trialEta[i] = e;
                }
                fNew = objective(y, trialEta, trialB, lambda, alpha);
                if (fNew <= f + 1e-15 * Math.abs(f) || step < 1e-10) {
                    break;
                }
                step /= 2;
            }
            double maxChange = Math.abs(trialB0 - b0);
            for (int j = 0; j < p; j++) {
                maxChange = Math.max(maxChange, Math.abs(trialB[j] - b[j]));
            }
            b0 = trialB0;
            System.arraycopy(trialB, 0, b, 0, p);
            System.arraycopy(trialEta, 0, eta, 0, n);
            double fOld = f;
            f = fNew;
            if (maxChange < tol || (fOld - f) < 1e-16 * Math.max(1, Math.abs(f)) && maxChange < 1e3 * tol) {
                converged = true;
                break;
            }
        }
        return new Fit(b0, b, it, converged);
    }

    static double objective(int[] y, double[] eta, double[] b, double lambda, double alpha) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            // log(1 + e^eta) - y eta, stably
            double e = eta[i];
            s += (e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e))) - y[i] * e;
        }
        double l1 = 0;
        double l2 = 0;
        for (double v : b) {
            l1 += Math.abs(v);
            l2 += v * v;
        }
        return s / y.length + lambda * (alpha * l1 + (1 - alpha) / 2 * l2);
    }

    static double softThreshold(double u, double t) {
        return u > t ? u - t : u < -t ? u + t : 0;
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
