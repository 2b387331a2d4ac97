package org.radtab.selection;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.radtab.ml.Dataset;

/**
 * Principal component analysis by the singular value decomposition (EJML) of the centred, and
 * optionally standardised, data matrix.
 *
 * <p>With X the n x p data, {@code X_c = (X - mean) / scale} (scale = 1, or the sample standard
 * deviation with divisor n - 1 when standardising, so that standardised PCA is the eigen-analysis
 * of the correlation matrix), and {@code X_c = U S V^T}:
 * <ul>
 *   <li>component i (loadings) = i-th column of V, a unit vector; components are ordered by
 *       decreasing singular value;</li>
 *   <li>scores = {@code X_c V = U S} (n x r, r = min(n, p));</li>
 *   <li>explained variance of component i = {@code s_i^2 / (n - 1)}, the i-th eigenvalue of the
 *       sample covariance (or correlation) matrix of X;</li>
 *   <li>explained-variance ratio = {@code s_i^2 / sum_j s_j^2}; the r ratios sum to 1.</li>
 * </ul>
 * Sign convention (deterministic output): each component is flipped so that its loading of
 * largest absolute value is positive (scores flipped with it).
 */
public final class Pca {
    private final List<String> names;
    private final double[] mean;
    private final double[] scale;
    private final double[][] components;     // r x p
    private final double[] singularValues;
    private final double[][] scores;         // n x r
    private final int n;

    private Pca(List<String> names, double[] mean, double[] scale, double[][] components, double[] singularValues,
                double[][] scores, int n) {
        this.names = names;
        this.mean = mean;
        this.scale = scale;
        this.components = components;
        this.singularValues = singularValues;
        this.scores = scores;
        this.n = n;
    }

    /** PCA of the columns of {@code data}. */
    public static Pca fit(Dataset data, boolean standardise) {
        return fit(data.toMatrix(), data.columnNames(), standardise);
    }

    /**
     * PCA of a row-major matrix.
     *
     * @throws SelectionException for fewer than 2 rows, non-finite values, or (when standardising)
     *                            a constant column
     */
    public static Pca fit(double[][] x, List<String> names, boolean standardise) {
        int n = x.length;
        if (n < 2) {
            throw new SelectionException("PCA needs at least 2 rows, got " + n);
        }
        int p = x[0].length;
        if (names.size() != p) {
            throw new IllegalArgumentException(names.size() + " names for " + p + " columns");
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                if (x[i].length != p) {
                    throw new SelectionException("PCA: row " + i + " has " + x[i].length + " values, expected " + p);
                }
                col[i] = x[i][j];
            }
            Descriptive.requireFinite(col, "PCA column '" + names.get(j) + "'");
            mean[j] = Descriptive.mean(col);
            if (standardise) {
                scale[j] = Math.sqrt(Descriptive.sampleVariance(col));
                if (scale[j] == 0) {
                    constant.add(names.get(j));
                }
            } else {
                scale[j] = 1;
            }
        }
        if (!constant.isEmpty()) {
            throw new SelectionException("PCA cannot standardise constant column(s): " + FittedScaler.abbreviate(constant));
        }
        DMatrixRMaj a = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                a.set(i, j, (x[i][j] - mean[j]) / scale[j]);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, p, true, true, true);
        if (!svd.decompose(a)) {
            throw new IllegalStateException("PCA: the singular value decomposition did not converge");
        }
        double[] sv = svd.getSingularValues();
        int r = svd.numberOfSingularValues();
        DMatrixRMaj u = svd.getU(null, false);     // n x r
        DMatrixRMaj v = svd.getV(null, false);     // p x r
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (s, t) -> Double.compare(sv[t], sv[s]));
        double[][] comps = new double[r][p];
        double[][] scores = new double[n][r];
        double[] s = new double[r];
        for (int c = 0; c < r; c++) {
            int src = order[c];
            s[c] = sv[src];
            int argMax = 0;
            for (int j = 0; j < p; j++) {
                comps[c][j] = v.get(j, src);
                if (Math.abs(comps[c][j]) > Math.abs(comps[c][argMax])) {
                    argMax = j;
                }
            }
            double sign = comps[c][argMax] < 0 ? -1 : 1;
            for (int j = 0; j < p; j++) {
                comps[c][j] *= sign;
            }
            for (int i = 0; i < n; i++) {
                scores[i][c] = sign * u.get(i, src) * s[c];
            }
        }
        return new Pca(List.copyOf(names), mean, scale, comps, s, scores, n);
    }

    /** Column names, in input order. */
    public List<String> names() {
        return names;
    }

    /** Number of components, min(n, p). */
    public int numComponents() {
        return singularValues.length;
    }

    /** Loadings: row i is component i (unit length, length p). A copy. */
    public double[][] components() {
        double[][] c = new double[components.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = components[i].clone();
        }
        return c;
    }

    /** Scores of the fitted rows, n x numComponents. A copy. */
    public double[][] scores() {
        double[][] c = new double[scores.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = scores[i].clone();
        }
        return c;
    }

    /** Singular values of the centred (scaled) data, descending. */
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** Explained variance {@code s_i^2 / (n - 1)}: eigenvalues of the sample covariance (correlation) matrix. */
    public double[] explainedVariance() {
        double[] v = new double[singularValues.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = singularValues[i] * singularValues[i] / (n - 1);
        }
        return v;
    }

    /** Explained-variance ratios {@code s_i^2 / sum s_j^2}; they sum to 1. */
    public double[] explainedVarianceRatio() {
        double total = 0;
        for (double s : singularValues) {
            total += s * s;
        }
        double[] v = new double[singularValues.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = total == 0 ? 0 : singularValues[i] * singularValues[i] / total;
        }
        return v;
    }

    /** Column means used for centring. */
    public double[] mean() {
        return mean.clone();
    }

    /** Column scales (1, or the sample standard deviation when standardised). */
    public double[] scale() {
        return scale.clone();
    }

    /** Scores of new rows: {@code ((x - mean) / scale) V} on the first {@code k} components. */
    public double[][] transform(double[][] x, int k) {
        if (k < 1 || k > components.length) {
            throw new IllegalArgumentException("k must be in 1.." + components.length + ", was " + k);
        }
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != mean.length) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, expected "
                    + mean.length);
            }
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) {
                    s += (x[i][j] - mean[j]) / scale[j] * components[c][j];
                }
                out[i][c] = s;
            }
        }
        return out;
    }
}
