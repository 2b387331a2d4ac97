package org.radtab.radiomics.feature;

import java.util.Arrays;

/**
 * Selected eigenvalues and eigenvectors of a small dense real symmetric matrix, for the GLCM
 * maximal correlation coefficient, which needs the few largest eigenvalues and one eigenvector of
 * a matrix of the size of the grey-level count.
 *
 * <p>Method (Golub and Van Loan, Matrix Computations, sections 8.3 and 8.4):
 * <ol>
 *   <li>Householder reduction to tridiagonal form {@code T = Q^T A Q}, {@code Q = H_0 ... H_{n-3}},
 *       about {@code 4 n^3 / 3} flops, in row-wise loops that the JIT vectorises (the trailing
 *       block's product with the Householder vector is summed as a combination of its rows, which
 *       are also its columns).</li>
 *   <li>Eigenvalue {@code k} (ascending) of {@code T} by bisection on the Sturm count (the number
 *       of negative pivots of {@code T - x I}), to a few units in the last place of
 *       {@code ||T||}, only for the indices asked for.</li>
 *   <li>Eigenvector of an isolated eigenvalue by inverse iteration on {@code T} (tridiagonal
 *       elimination with partial pivoting), mapped back through the Householder reflections.</li>
 * </ol>
 * Only for isolated eigenvalues: an eigenvector of a cluster of close eigenvalues is not
 * determined by inverse iteration, and callers must use a full decomposition for those.
 */
final class SymmetricEigen {
    private final int n;
    /** Diagonal of T. */
    private final double[] d;
    /** Squares of the off-diagonal of T: {@code e2[i] = T(i, i + 1)^2}. */
    private final double[] e2;
    /** Off-diagonal of T. */
    private final double[] e;
    /** Householder vector of step k on entries k+1..n-1 (null when step k reflects nothing). */
    private final double[][] house;
    private final double[] beta;
    /** Gershgorin interval of T, which holds every eigenvalue. */
    private final double lower;
    private final double upper;
    private final double pivmin;
    private final double[] values;
    private final boolean[] known;

    /**
     * Reduces {@code a} (square, symmetric; only read as such, and overwritten) to tridiagonal form.
     *
     * @throws IllegalArgumentException if {@code a} is empty, not square or holds a non-finite entry
     */
    SymmetricEigen(double[][] a) {
        this(a, null);
    }

    /**
     * As {@link #SymmetricEigen(double[][])}, the Householder vectors kept in the rows of
     * {@code work} (at least {@code n - 2} rows of at least {@code n} entries, any contents; null
     * to allocate them), which then belong to this object.
     */
    SymmetricEigen(double[][] a, double[][] work) {
        n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty matrix");
        }
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("matrix is not square: a row has " + row.length + " entries, "
                    + n + " rows");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("matrix holds a non-finite entry: " + v);
                }
            }
        }
        if (work != null && (work.length < n - 2 || n > 2 && work[0].length < n)) {
            throw new IllegalArgumentException("work rows too small for a " + n + " x " + n + " matrix");
        }
        d = new double[n];
        e = new double[Math.max(n - 1, 0)];
        house = new double[Math.max(n - 2, 0)][];
        beta = new double[Math.max(n - 2, 0)];
        double[] p = new double[n];
        for (int k = 0; k < n - 2; k++) {
            double[] rowK = a[k];
            int s = k + 1;
            // x = A(k+1.., k) = A(k, k+1..) by symmetry
            double tail = 0;
            for (int t = s + 1; t < n; t++) {
                tail += rowK[t] * rowK[t];
            }
            double x0 = rowK[s];
            if (tail == 0) {
                e[k] = x0; // already tridiagonal in this column
                continue;
            }
            double alpha = Math.sqrt(x0 * x0 + tail);
            double v0 = x0 >= 0 ? x0 + alpha : x0 - alpha;
            double[] v = work != null ? work[k] : new double[n];
            v[s] = v0;
            for (int t = s + 1; t < n; t++) {
                v[t] = rowK[t];
            }
            double b = 2.0 / (v0 * v0 + tail);
            house[k] = v;
            beta[k] = b;
            e[k] = x0 >= 0 ? -alpha : alpha;
            // p = b A' v, as a combination of the rows of the trailing block A'
            Arrays.fill(p, s, n, 0.0);
            for (int j = s; j < n; j++) {
                double c = b * v[j];
                double[] row = a[j];
                for (int t = s; t < n; t++) {
                    p[t] += c * row[t];
                }
            }
            double pv = 0;
            for (int t = s; t < n; t++) {
                pv += p[t] * v[t];
            }
            double half = 0.5 * b * pv;
            for (int t = s; t < n; t++) {
                p[t] -= half * v[t]; // p is now w
            }
            // A' -= v w^T + w v^T
            for (int i = s; i < n; i++) {
                double vi = v[i];
                double wi = p[i];
                double[] row = a[i];
                for (int t = s; t < n; t++) {
                    row[t] -= vi * p[t] + wi * v[t];
                }
            }
        }
        for (int k = 0; k < n; k++) {
            d[k] = a[k][k]; // row k is final after step k
        }
        if (n >= 2) {
            e[n - 2] = a[n - 2][n - 1];
        }
        e2 = new double[e.length];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxE2 = 0;
        for (int i = 0; i < n; i++) {
            double r = (i > 0 ? Math.abs(e[i - 1]) : 0) + (i < n - 1 ? Math.abs(e[i]) : 0);
            lo = Math.min(lo, d[i] - r);
            hi = Math.max(hi, d[i] + r);
            if (i < n - 1) {
                e2[i] = e[i] * e[i];
                maxE2 = Math.max(maxE2, e2[i]);
            }
        }
        double width = Math.max(Math.abs(lo), Math.abs(hi));
        lower = lo - 4 * Math.ulp(width) - Double.MIN_NORMAL;
        upper = hi + 4 * Math.ulp(width) + Double.MIN_NORMAL;
        pivmin = Double.MIN_NORMAL * Math.max(1.0, maxE2);
        values = new double[n];
        known = new boolean[n];
    }

    /** Order of the matrix. */
    int size() {
        return n;
    }

    /** Number of eigenvalues in {@code [-r, r)}, {@code r > 0} (up to ties at the ends). */
    int countInside(double r) {
        return countBelow(r) - countBelow(-r);
    }

    /** Number of eigenvalues of T (hence of A) below {@code x}: the negative pivots of {@code T - x I}. */
    int countBelow(double x) {
        int count = 0;
        double q = d[0] - x;
        q = guarded(q);
        count += q < 0 ? 1 : 0;
        for (int i = 1; i < n; i++) {
            q = d[i] - x - e2[i - 1] / q;
            q = guarded(q);
            count += q < 0 ? 1 : 0;
        }
        return count;
    }

    /** A Sturm pivot, a tiny one replaced by {@code -pivmin} (so that the next division stays finite). */
    private double guarded(double q) {
        return Math.abs(q) < pivmin ? -pivmin : q;
    }

    /** {@link #countBelow(double)} at three points at once, into {@code out[0..2]}. */
    private void countBelow(double x, double y, double z, int[] out) {
        int cx = 0;
        int cy = 0;
        int cz = 0;
        double d0 = d[0];
        double qx = d0 - x;
        double qy = d0 - y;
        double qz = d0 - z;
        qx = guarded(qx);
        qy = guarded(qy);
        qz = guarded(qz);
        cx += qx < 0 ? 1 : 0;
        cy += qy < 0 ? 1 : 0;
        cz += qz < 0 ? 1 : 0;
        for (int i = 1; i < n; i++) {
            double di = d[i];
            double ei = e2[i - 1];
            qx = di - x - ei / qx;
            qy = di - y - ei / qy;
            qz = di - z - ei / qz;
            qx = guarded(qx);
            qy = guarded(qy);
            qz = guarded(qz);
            cx += qx < 0 ? 1 : 0;
            cy += qy < 0 ? 1 : 0;
            cz += qz < 0 ? 1 : 0;
        }
        out[0] = cx;
        out[1] = cy;
        out[2] = cz;
    }

    /**
     * Eigenvalue {@code k} in ascending order ({@code 0 <= k < n}), by bisection until the
     * bracket is a few units in the last place wide.
     */
    double eigenvalue(int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("eigenvalue index " + k + " outside 0.." + (n - 1));
        }
        if (known[k]) {
            return values[k];
        }
        double lo = lower;
        double hi = upper;
        // the eigenvalues already found narrow the bracket
        for (int t = 0; t < n; t++) {
            if (known[t]) {
                if (t < k) {
                    lo = Math.max(lo, values[t] - 4 * Math.ulp(values[t]));
                } else if (t > k) {
                    hi = Math.min(hi, values[t] + 4 * Math.ulp(values[t]));
                }
            }
        }
        double tol = 2 * Math.ulp(Math.max(Math.abs(lower), Math.abs(upper))) + pivmin;
        // plain bisection, two steps per round: the counts at the midpoint and at both possible
        // next midpoints run as three independent recurrences at once (each count is a chain of
        // dependent divisions, so three take about as long as one); same steps, same result
        int[] counts = new int[3];
        int iter = 0;
        while (iter < 200 && hi - lo > tol) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            double below = 0.5 * (lo + mid); // the next midpoint if eigenvalue k < mid
            double above = 0.5 * (mid + hi); // if eigenvalue k >= mid
            countBelow(mid, below, above, counts);
            boolean up = counts[0] <= k;
            if (up) {
                lo = mid; // at most k eigenvalues below mid: eigenvalue k is >= mid
            } else {
                hi = mid;
            }
            iter++;
            if (iter >= 200 || !(hi - lo > tol)) {
                break;
            }
            double next = up ? above : below; // = 0.5 * (lo + hi)
            if (next <= lo || next >= hi) {
                break;
            }
            if ((up ? counts[2] : counts[1]) <= k) {
                lo = next;
            } else {
                hi = next;
            }
            iter++;
        }
        double v = 0.5 * (lo + hi);
        values[k] = v;
        known[k] = true;
        return v;
    }

    /**
     * Unit eigenvector of A for eigenvalue {@code k}, which must be isolated (no other eigenvalue
     * within about {@code 1e-8 ||A||}); its sign is arbitrary.
     */
    double[] eigenvector(int k) {
        double mu = eigenvalue(k);
        double[] y = new double[n];
        if (n == 1) {
            y[0] = 1;
            return y;
        }
        // LU of T - mu I with partial pivoting: dl (multipliers), dd (diagonal), du, du2 (superdiagonals)
        double[] dl = new double[n - 1];
        double[] dd = new double[n];
        double[] du = new double[n - 1];
        double[] du2 = new double[Math.max(n - 2, 0)];
        boolean[] swapped = new boolean[n - 1];
        for (int i = 0; i < n; i++) {
            dd[i] = d[i] - mu;
        }
        for (int i = 0; i < n - 1; i++) {
            dl[i] = e[i];
            du[i] = e[i];
        }
        double tiny = Math.ulp(Math.max(Math.abs(lower), Math.abs(upper))) + pivmin;
        for (int i = 0; i < n - 1; i++) {
            if (Math.abs(dd[i]) >= Math.abs(dl[i])) {
                double f = dd[i] == 0 ? 0 : dl[i] / dd[i];
                dl[i] = f;
                dd[i + 1] -= f * du[i];
            } else {
                double f = dd[i] / dl[i];
                dd[i] = dl[i];
                dl[i] = f;
                double old = dd[i + 1];
                dd[i + 1] = du[i] - f * old;
                du[i] = old;
                if (i < n - 2) {
                    du2[i] = du[i + 1];
                    du[i + 1] = -f * du[i + 1];
                }
                swapped[i] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(dd[i]) < tiny) {
                dd[i] = dd[i] < 0 ? -tiny : tiny;
            }
        }
        for (int i = 0; i < n; i++) {
            y[i] = 1.0 + 0.5 * ((i * 7919) % 13) / 13.0; // a start with no special direction
        }
        for (int iter = 0; iter < 3; iter++) {
            for (int i = 0; i < n - 1; i++) {
                if (swapped[i]) {
                    double t = y[i];
                    y[i] = y[i + 1];
                    y[i + 1] = t;
                }
                y[i + 1] -= dl[i] * y[i];
            }
            y[n - 1] /= dd[n - 1];
            y[n - 2] = (y[n - 2] - du[n - 2] * y[n - 1]) / dd[n - 2];
            for (int i = n - 3; i >= 0; i--) {
                y[i] = (y[i] - du[i] * y[i + 1] - du2[i] * y[i + 2]) / dd[i];
            }
            normalise(y);
        }
        // x = H_0 (H_1 (... H_{n-3} y))
        for (int h = n - 3; h >= 0; h--) {
            double[] v = house[h];
            if (v == null) {
                continue;
            }
            double dot = 0;
            for (int t = h + 1; t < n; t++) {
                dot += v[t] * y[t];
            }
            double c = beta[h] * dot;
            for (int t = h + 1; t < n; t++) {
                y[t] -= c * v[t];
            }
        }
        normalise(y);
        return y;
    }

    private static void normalise(double[] y) {
        double max = 0;
        for (double v : y) {
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0 || !Double.isFinite(max)) {
            throw new ArithmeticException("inverse iteration broke down");
        }
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            y[i] /= max;
            s += y[i] * y[i];
        }
        double norm = Math.sqrt(s);
        for (int i = 0; i < y.length; i++) {
            y[i] /= norm;
        }
    }
}
