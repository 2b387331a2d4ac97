package org.radtab.selection;

import java.util.ArrayList;
import java.util.List;
import org.radtab.ml.Dataset;

/**
 * Correlation coefficients and matrices.
 *
 * <ul>
 *   <li><b>Pearson</b>: {@code r = sum (x - xbar)(y - ybar) / sqrt(sum (x - xbar)^2 sum (y - ybar)^2)}.</li>
 *   <li><b>Spearman</b>: the Pearson correlation of the average ranks ({@link Ranks}: ties share
 *       the mean of their ranks), which is what R's {@code cor(method = "spearman")} and
 *       {@code scipy.stats.spearmanr} compute; with ties this differs from the shortcut
 *       {@code 1 - 6 sum d^2 / (n (n^2 - 1))}.</li>
 * </ul>
 * A constant variable has no correlation: the matrix functions reject it, naming the columns.
 */
public final class Correlation {

    /** A symmetric correlation matrix with its column names. */
    public record Matrix(List<String> names, double[][] values) {
        public double get(int i, int j) {
            return values[i][j];
        }

        public double get(String a, String b) {
            return values[names.indexOf(a)][names.indexOf(b)];
        }
    }

    private Correlation() {
    }

    /** Pearson correlation of two equally long samples (NaN when either is constant). */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new SelectionException("correlation needs two samples of equal length >= 2 (" + x.length + ", "
                + y.length + ")");
        }
        double[] a = Mrmr.unitStandardised(x);
        double[] b = Mrmr.unitStandardised(y);
        if (isZero(a) || isZero(b)) {
            return Double.NaN;
        }
        return clamp(Mrmr.dot(a, b));
    }

    /** Spearman rank correlation with average ranks for ties. */
    public static double spearman(double[] x, double[] y) {
        return pearson(Ranks.of(x).ranks(), Ranks.of(y).ranks());
    }

    /** Pearson correlation matrix of the columns of {@code data}. */
    public static Matrix pearson(Dataset data) {
        double[][] cols = new double[data.cols()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = data.column(j);
        }
        return matrix(data, cols);
    }

    /** Spearman correlation matrix (Pearson of average ranks) of the columns of {@code data}. */
    public static Matrix spearman(Dataset data) {
        double[][] cols = new double[data.cols()][];
        for (int j = 0; j < cols.length; j++) {
            cols[j] = Ranks.of(data.column(j)).ranks();
        }
        return matrix(data, cols);
    }

    private static Matrix matrix(Dataset data, double[][] cols) {
        if (data.rows() < 2) {
            throw new SelectionException("a correlation matrix needs at least 2 rows, got " + data.rows());
        }
        int p = cols.length;
        double[][] z = new double[p][];
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            Descriptive.requireFinite(cols[j], "column '" + data.columnName(j) + "'");
            z[j] = Mrmr.unitStandardised(cols[j]);
            if (isZero(z[j])) {
                constant.add(data.columnName(j));
            }
        }
        if (!constant.isEmpty()) {
            throw new SelectionException("correlation is undefined for constant column(s): "
                + FittedScaler.abbreviate(constant));
        }
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            m[i][i] = 1;
            for (int j = i + 1; j < p; j++) {
                double r = clamp(Mrmr.dot(z[i], z[j]));
                m[i][j] = r;
                m[j][i] = r;
            }
        }
        return new Matrix(data.columnNames(), m);
    }

    private static boolean isZero(double[] z) {
        for (double v : z) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static double clamp(double r) {
        return Math.max(-1, Math.min(1, r));
    }
}
