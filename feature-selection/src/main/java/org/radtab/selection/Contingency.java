package org.radtab.selection;

/** Shared checks and margins of contingency tables (rows x columns of non-negative counts). */
final class Contingency {

    private Contingency() {
    }

    static void check(long[][] t, String test) {
        if (t.length < 2 || t[0].length < 2) {
            throw new SelectionException(test + " needs at least a 2 x 2 table, got " + t.length + " x "
                + (t.length == 0 ? 0 : t[0].length));
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i].length != t[0].length) {
                throw new SelectionException(test + ": row " + i + " has " + t[i].length + " cells, expected "
                    + t[0].length);
            }
            for (int j = 0; j < t[i].length; j++) {
                if (t[i][j] < 0) {
                    throw new SelectionException(test + ": negative count " + t[i][j] + " at [" + i + "][" + j + "]");
                }
            }
        }
        long[] rows = rowTotals(t);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == 0) {
                throw new SelectionException(test + ": row " + i + " is empty (all counts 0)");
            }
        }
        long[] cols = columnTotals(t);
        for (int j = 0; j < cols.length; j++) {
            if (cols[j] == 0) {
                throw new SelectionException(test + ": column " + j + " is empty (all counts 0)");
            }
        }
    }

    static long[] rowTotals(long[][] t) {
        long[] s = new long[t.length];
        for (int i = 0; i < t.length; i++) {
            for (long v : t[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    static long[] columnTotals(long[][] t) {
        long[] s = new long[t[0].length];
        for (long[] row : t) {
            for (int j = 0; j < row.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }
}
