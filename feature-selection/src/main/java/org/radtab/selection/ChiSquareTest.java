package org.radtab.selection;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-square test of independence for an r x c contingency table, with Yates'
 * continuity correction for 2 x 2 tables (the defaults of R's {@code chisq.test} and
 * {@code scipy.stats.chi2_contingency}).
 *
 * <pre>
 *   E_ij = (row_i total)(column_j total) / n
 *   X^2  = sum_ij (|O_ij - E_ij| - c_ij)^2 / E_ij        df = (r - 1)(c - 1)
 *   p    = P(chi^2_df >= X^2) = Q(df/2, X^2/2)           (regularised upper incomplete gamma)
 * </pre>
 * Without correction {@code c_ij = 0}. With Yates' correction (applied only when df = 1)
 * {@code c_ij = min(0.5, |O_ij - E_ij|)}: the correction never moves an observed count past its
 * expected value, as in R and SciPy.
 */
public final class ChiSquareTest {

    /** Test result with the expected counts. */
    public record Result(double statistic, int df, double p, double[][] expected, boolean yates) {
        /** The smallest expected count (Cochran's rule: the approximation is doubtful below 5). */
        public double minExpected() {
            double m = Double.POSITIVE_INFINITY;
            for (double[] row : expected) {
                for (double e : row) {
                    m = Math.min(m, e);
                }
            }
            return m;
        }
    }

    private ChiSquareTest() {
    }

    /** Test with Yates' correction for 2 x 2 tables. */
    public static Result test(long[][] table) {
        return test(table, true);
    }

    /**
     * Chi-square test of independence.
     *
     * @param yates apply Yates' correction when the table is 2 x 2 (df = 1)
     * @throws SelectionException for a table smaller than 2 x 2, ragged rows, negative counts or
     *                            an empty row or column (its expected counts would be 0)
     */
    public static Result test(long[][] table, boolean yates) {
        Contingency.check(table, "chi-square test");
        int r = table.length;
        int c = table[0].length;
        long[] rows = Contingency.rowTotals(table);
        long[] cols = Contingency.columnTotals(table);
        double n = 0;
        for (long v : rows) {
            n += v;
        }
        int df = (r - 1) * (c - 1);
        boolean correct = yates && df == 1;
        double[][] e = new double[r][c];
        double stat = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                e[i][j] = rows[i] * (double) cols[j] / n;
                double dev = Math.abs(table[i][j] - e[i][j]);
                if (correct) {
                    dev -= Math.min(0.5, dev);
                }
                stat += dev * dev / e[i][j];
            }
        }
        double p = Gamma.regularizedGammaQ(df / 2.0, stat / 2);
        return new Result(stat, df, p, e, correct);
    }
}
