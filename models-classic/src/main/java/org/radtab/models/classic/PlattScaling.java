package org.radtab.models.classic;

/**
 * Platt's sigmoid {@code P(y = 1 | f) = 1 / (1 + exp(A f + B))} fitted to decision values
 * (Platt, "Probabilistic outputs for support vector machines", 1999), with the improvements of
 * Lin, Lin and Weng ("A note on Platt's probabilistic outputs for support vector machines",
 * Machine Learning 68:267-276, 2007): regularised targets {@code t+ = (N+ + 1) / (N+ + 2)},
 * {@code t- = 1 / (N- + 2)}; the cross-entropy
 * {@code F(A, B) = sum_i [t_i (A f_i + B) + log(1 + exp(-(A f_i + B)))]} evaluated without overflow
 * in either sign of {@code A f + B}; Newton's method with the Hessian kept positive definite
 * ({@code + 1e-12 I}) and a backtracking line search (sufficient decrease {@code 1e-4}, minimum
 * step {@code 1e-10}); start {@code A = 0}, {@code B = log((N- + 1) / (N+ + 1))}; stop when both
 * gradient entries are below {@code 1e-5} or after 100 iterations.
 */
final class PlattScaling {
    private PlattScaling() {
    }

    /** Returns {A, B}. {@code positive[i]} tells whether case i is of class 1. */
    static double[] fit(double[] f, boolean[] positive) {
        int n = f.length;
        double prior1 = 0;
        for (boolean b : positive) {
            prior1 += b ? 1 : 0;
        }
        double prior0 = n - prior1;
        double hi = (prior1 + 1) / (prior1 + 2);
        double lo = 1 / (prior0 + 2);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1) / (prior1 + 1));
        double fval = value(f, t, a, b);
        for (int it = 0; it < 100; it++) {
            double h11 = 1e-12;
            double h22 = 1e-12;
            double h21 = 0;
            double g1 = 0;
            double g2 = 0;
            for (int i = 0; i < n; i++) {
                double z = f[i] * a + b;
                double p;
                double q;
                if (z >= 0) {
                    double e = Math.exp(-z);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                } else {
                    double e = Math.exp(z);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double da = -(h22 * g1 - h21 * g2) / det;
            double db = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * da + g2 * db;
            double step = 1;
            boolean accepted = false;
            while (step >= 1e-10) {
                double na = a + step * da;
                double nb = b + step * db;
                double nf = value(f, t, na, nb);
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    accepted = true;
                    break;
                }
                step /= 2;
            }
            if (!accepted) {
                break;
            }
        }
        return new double[] {a, b};
    }

    static double value(double[] f, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double z = f[i] * a + b;
            s += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return s;
    }

    /** {@code 1 / (1 + exp(A f + B))}, without overflow. */
    static double probability(double f, double a, double b) {
        double z = f * a + b;
        return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
    }
}
