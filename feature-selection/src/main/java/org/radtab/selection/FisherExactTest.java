package org.radtab.selection;

import java.util.Arrays;

/**
 * Fisher's exact test of independence for 2 x c (or r x 2) tables, two-sided.
 *
 * <p>With all margins fixed, the probability of a table with first-row counts
 * {@code a_1..a_c} is the multivariate hypergeometric
 * <pre>
 *   P(a) = prod_j C(C_j, a_j) / C(n, R_1)          (C_j column totals, R_1 first-row total)
 * </pre>
 * The two-sided P value is the total probability of all tables with the same margins that are
 * no more likely than the observed one: {@code p = sum of P(a) over P(a) <= P(observed) (1 + 1e-7)}.
 * The relative tolerance 1e-7 keeps tables whose probability equals the observed one up to
 * rounding, as R's {@code fisher.test} does ({@code relErr = 1 + 10^-7}); for 2 x 2 tables this
 * is also what {@code scipy.stats.fisher_exact} computes. Tables are enumerated exhaustively
 * (columns ordered so the largest is implied by the others); a table needing more than
 * {@value #MAX_TABLES} enumerations is rejected (use the chi-square test at such sizes).
 *
 * <p>Reference: Fisher, R. A. (1935), The Design of Experiments (the "lady tasting tea":
 * {@code [[3, 1], [1, 3]]} has p = 0.4857).
 */
public final class FisherExactTest {
    /** Largest number of tables enumerated before giving up. */
    public static final long MAX_TABLES = 50_000_000L;
    private static final double REL_ERR = 1 + 1e-7;

    private FisherExactTest() {
    }

    /**
     * Two-sided P value.
     *
     * @throws SelectionException for tables that are not 2 x c or r x 2, have an empty row or
     *                            column, or are too large to enumerate
     */
    public static double twoSided(long[][] table) {
        Contingency.check(table, "Fisher's exact test");
        long[][] t = table;
        if (t.length != 2) {
            if (t[0].length != 2) {
                throw new SelectionException("Fisher's exact test is implemented for 2 x c and r x 2 tables; got "
                    + t.length + " x " + t[0].length);
            }
            t = transpose(t);
        }
        int c = t[0].length;
        long[] colTotals = Contingency.columnTotals(t);
        long r1 = 0;
        for (long v : t[0]) {
            r1 += v;
        }
        long n = 0;
        for (long v : colTotals) {
            n += v;
        }
        if (n > Integer.MAX_VALUE / 2) {
            throw new SelectionException("Fisher's exact test: table total " + n + " is too large");
        }
        // order columns by total, largest last (it is then determined by the others)
        Integer[] order = new Integer[c];
        for (int j = 0; j < c; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Long.compare(colTotals[a], colTotals[b]));
        int[] tot = new int[c];
        int[] obs = new int[c];
        for (int j = 0; j < c; j++) {
            tot[j] = (int) colTotals[order[j]];
            obs[j] = (int) t[0][order[j]];
        }
        double tables = 1;
        for (int j = 0; j < c - 1; j++) {
            tables *= Math.min(tot[j], r1) + 1;
        }
        if (tables > MAX_TABLES) {
            throw new SelectionException("Fisher's exact test: about " + (long) tables + " tables to enumerate (limit "
                + MAX_TABLES + "); use the chi-square test for this table");
        }
        double[] logFact = new double[(int) n + 1];
        for (int i = 2; i <= n; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
        int[] suffix = new int[c + 1];
        for (int j = c - 1; j >= 0; j--) {
            suffix[j] = suffix[j + 1] + tot[j];
        }
        double logDenominator = logChoose(logFact, (int) n, (int) r1);
        double logObs = -logDenominator;
        for (int j = 0; j < c; j++) {
            logObs += logChoose(logFact, tot[j], obs[j]);
        }
        double limit = logObs + Math.log(REL_ERR);
        double[] sum = new double[1];
        enumerate(0, (int) r1, -logDenominator, tot, suffix, logFact, limit, sum);
        return Math.min(1, sum[0]);
    }

    private static void enumerate(int j, int remaining, double logPartial, int[] tot, int[] suffix, double[] logFact,
                                  double limit, double[] sum) {
        int c = tot.length;
        if (j == c - 1) {
            if (remaining <= tot[j]) {
                double lp = logPartial + logChoose(logFact, tot[j], remaining);
                if (lp <= limit) {
                    sum[0] += Math.exp(lp);
                }
            }
            return;
        }
        int lo = Math.max(0, remaining - suffix[j + 1]);
        int hi = Math.min(tot[j], remaining);
        for (int a = lo; a <= hi; a++) {
            enumerate(j + 1, remaining - a, logPartial + logChoose(logFact, tot[j], a), tot, suffix, logFact, limit, sum);
        }
    }

    private static double logChoose(double[] logFact, int n, int k) {
        return logFact[n] - logFact[k] - logFact[n - k];
    }

    private static long[][] transpose(long[][] t) {
        long[][] out = new long[t[0].length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                out[j][i] = t[i][j];
            }
        }
        return out;
    }
}
