package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A compact count matrix {@code P(i, j)} over grey level {@code i} (rows) and a second, integer
 * quantity {@code j} (columns): zone size (GLSZM), zone distance (GLDZM) or dependence count
 * (NGLDM / GLDM). Only levels and column values that occur are kept, but the formulas see their
 * <em>true</em> values {@code i} and {@code j} (PyRadiomics: "absent levels deleted, true level
 * values used"; IBSI: {@code i} is the discretised grey level).
 *
 * <p>Notation used by the feature Javadocs: {@code N_s = sum P} (number of zones /
 * neighbourhoods), {@code s_i. = sum_j P(i, j)} (row sums), {@code s_.j = sum_i P(i, j)}
 * (column sums), {@code p(i, j) = P(i, j) / N_s}, {@code N_v} = number of voxels the matrix was
 * built from.
 */
final class LevelCountMatrix {
    /** PyRadiomics' epsilon inside logarithms (NumPy {@code spacing(1)} = 2.220446049250313e-16). */
    static final double PYRADIOMICS_EPS = Math.ulp(1.0);

    private final double[] levels;
    private final double[] columns;
    private final double[] counts;
    private final double[] rowSums;
    private final double[] columnSums;
    private final double total;
    private final double voxels;

    private LevelCountMatrix(double[] levels, double[] columns, double[] counts, double voxels) {
        this.levels = levels;
        this.columns = columns;
        this.counts = counts;
        this.voxels = voxels;
        this.rowSums = new double[levels.length];
        this.columnSums = new double[columns.length];
        double t = 0;
        int nc = columns.length;
        for (int r = 0; r < levels.length; r++) {
            for (int c = 0; c < nc; c++) {
                double v = counts[r * nc + c];
                rowSums[r] += v;
                columnSums[c] += v;
                t += v;
            }
        }
        this.total = t;
    }

    /**
     * From a dense accumulation {@code dense[level * (maxColumn + 1) + column]} with levels
     * {@code 0..maxLevel} and column values {@code 0..maxColumn}; empty rows and columns are dropped.
     */
    static LevelCountMatrix fromDense(int[] dense, int maxLevel, int maxColumn, double voxels) {
        int width = maxColumn + 1;
        boolean[] rowUsed = new boolean[maxLevel + 1];
        boolean[] colUsed = new boolean[width];
        for (int l = 0; l <= maxLevel; l++) {
            for (int c = 0; c < width; c++) {
                if (dense[l * width + c] != 0) {
                    rowUsed[l] = true;
                    colUsed[c] = true;
                }
            }
        }
        int[] rowOf = compactIndex(rowUsed);
        int[] colOf = compactIndex(colUsed);
        double[] lv = values(rowUsed);
        double[] cv = values(colUsed);
        double[] counts = new double[lv.length * cv.length];
        for (int l = 0; l <= maxLevel; l++) {
            if (!rowUsed[l]) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                int v = dense[l * width + c];
                if (v != 0) {
                    counts[rowOf[l] * cv.length + colOf[c]] = v;
                }
            }
        }
        return new LevelCountMatrix(lv, cv, counts, voxels);
    }

    /**
     * From pairs {@code (rowValues[n], columnValues[n])}, {@code from <= n < to}, each counted
     * once; values must be non-negative.
     */
    static LevelCountMatrix fromPairs(int[] rowValues, int[] columnValues, int from, int to, double voxels) {
        int n = to - from;
        int maxRow = 0;
        int maxColumn = 0;
        for (int q = from; q < to; q++) {
            maxRow = Math.max(maxRow, rowValues[q]);
            maxColumn = Math.max(maxColumn, columnValues[q]);
        }
        long limit = 4L * n + 1024;
        if (maxRow < limit && maxColumn < limit) {
            // value ranges comparable to the number of pairs: index them directly, no sorting
            boolean[] rowUsed = new boolean[maxRow + 1];
            boolean[] colUsed = new boolean[maxColumn + 1];
            for (int q = from; q < to; q++) {
                rowUsed[rowValues[q]] = true;
                colUsed[columnValues[q]] = true;
            }
            int[] rowOf = compactIndex(rowUsed);
            int[] colOf = compactIndex(colUsed);
            double[] lv = values(rowUsed);
            double[] cv = values(colUsed);
            double[] counts = new double[lv.length * cv.length];
            for (int q = from; q < to; q++) {
                counts[rowOf[rowValues[q]] * cv.length + colOf[columnValues[q]]] += 1;
            }
            return new LevelCountMatrix(lv, cv, counts, voxels);
        }
        return fromSortedPairs(rowValues, columnValues, from, to, voxels);
    }

    /** {@link #fromPairs} by sorting, for sparse value ranges (e.g. a few huge zones). */
    static LevelCountMatrix fromSortedPairs(int[] rowValues, int[] columnValues, int from, int to, double voxels) {
        int n = to - from;
        long[] keys = new long[n];
        for (int q = 0; q < n; q++) {
            keys[q] = ((long) rowValues[from + q] << 32) | columnValues[from + q];
        }
        Arrays.sort(keys);
        // distinct columns
        int[] cols = new int[n];
        for (int q = 0; q < n; q++) {
            cols[q] = (int) keys[q];
        }
        Arrays.sort(cols);
        int nc = unique(cols, n);
        // distinct rows (keys are sorted by row first)
        int[] rows = new int[n];
        int nr = 0;
        for (int q = 0; q < n; q++) {
            int r = (int) (keys[q] >>> 32);
            if (nr == 0 || rows[nr - 1] != r) {
                rows[nr++] = r;
            }
        }
        double[] counts = new double[nr * nc];
        int ri = -1;
        int lastRow = -1;
        for (int q = 0; q < n; q++) {
            int r = (int) (keys[q] >>> 32);
            if (r != lastRow) {
                ri++;
                lastRow = r;
            }
            int ci = Arrays.binarySearch(cols, 0, nc, (int) keys[q]);
            counts[ri * nc + ci] += 1;
        }
        double[] lv = new double[nr];
        for (int q = 0; q < nr; q++) {
            lv[q] = rows[q];
        }
        double[] cv = new double[nc];
        for (int q = 0; q < nc; q++) {
            cv[q] = cols[q];
        }
        return new LevelCountMatrix(lv, cv, counts, voxels);
    }

    /** {@code N_s}, the sum of all counts. */
    double total() {
        return total;
    }

    /** {@code N_v}, the number of voxels the matrix was built from. */
    double voxels() {
        return voxels;
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** Number of distinct grey levels present (rows). */
    int levelCount() {
        return levels.length;
    }

    /** {@code sum_i s_i. f(i)}. */
    double sumOverLevels(DoubleUnaryOperator f) {
        double s = 0;
        for (int r = 0; r < levels.length; r++) {
            s += rowSums[r] * f.applyAsDouble(levels[r]);
        }
        return s;
    }

    /** {@code sum_j s_.j f(j)}. */
    double sumOverColumns(DoubleUnaryOperator f) {
        double s = 0;
        for (int c = 0; c < columns.length; c++) {
            s += columnSums[c] * f.applyAsDouble(columns[c]);
        }
        return s;
    }

    /** {@code sum_i sum_j P(i, j) f(i, j)}. */
    double sumOverCells(DoubleBinaryOperator f) {
        double s = 0;
        int nc = columns.length;
        for (int r = 0; r < levels.length; r++) {
            for (int c = 0; c < nc; c++) {
                double v = counts[r * nc + c];
                if (v != 0) {
                    s += v * f.applyAsDouble(levels[r], columns[c]);
                }
            }
        }
        return s;
    }

    /** {@code sum_i s_i.^2}. */
    double sumOfSquaredLevelSums() {
        double s = 0;
        for (double v : rowSums) {
            s += v * v;
        }
        return s;
    }

    /** {@code sum_j s_.j^2}. */
    double sumOfSquaredColumnSums() {
        double s = 0;
        for (double v : columnSums) {
            s += v * v;
        }
        return s;
    }

    /** {@code sum_i (s_i. / N_s)(i - mu)^2}, {@code mu = sum_i (s_i. / N_s) i}. */
    double levelVariance() {
        return variance(levels, rowSums);
    }

    /** {@code sum_j (s_.j / N_s)(j - mu)^2}, {@code mu = sum_j (s_.j / N_s) j}. */
    double columnVariance() {
        return variance(columns, columnSums);
    }

    /** {@code -sum p(i, j) log2(p(i, j) + eps)} over the non-zero cells. */
    double entropy(double eps) {
        double s = 0;
        for (double v : counts) {
            if (v != 0) {
                double p = v / total;
                s -= p * Math.log(p + eps);
            }
        }
        return s / Math.log(2);
    }

    /** {@code sum p(i, j)^2}. */
    double energy() {
        double s = 0;
        for (double v : counts) {
            double p = v / total;
            s += p * p;
        }
        return s;
    }

    private double variance(double[] values, double[] sums) {
        double mu = 0;
        for (int n = 0; n < values.length; n++) {
            mu += sums[n] / total * values[n];
        }
        double var = 0;
        for (int n = 0; n < values.length; n++) {
            double d = values[n] - mu;
            var += sums[n] / total * d * d;
        }
        return var;
    }

    private static int[] compactIndex(boolean[] used) {
        int[] idx = new int[used.length];
        int n = 0;
        for (int q = 0; q < used.length; q++) {
            idx[q] = used[q] ? n++ : -1;
        }
        return idx;
    }

    private static double[] values(boolean[] used) {
        int n = 0;
        for (boolean b : used) {
            if (b) {
                n++;
            }
        }
        double[] v = new double[n];
        n = 0;
        for (int q = 0; q < used.length; q++) {
            if (used[q]) {
                v[n++] = q;
            }
        }
        return v;
    }

    private static int unique(int[] sorted, int n) {
        int m = 0;
        for (int q = 0; q < n; q++) {
            if (m == 0 || sorted[m - 1] != sorted[q]) {
                sorted[m++] = sorted[q];
            }
        }
        return m;
    }
}
