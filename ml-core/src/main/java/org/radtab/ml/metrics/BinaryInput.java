package org.radtab.ml.metrics;

/** Checks shared by the metrics: labels 0/1, finite scores, equal lengths. */
final class BinaryInput {
    private BinaryInput() {
    }

    /** Validates and returns the number of positives. */
    static int check(int[] y, double[] score, boolean needBothClasses) {
        if (y.length != score.length) {
            throw new IllegalArgumentException(y.length + " labels but " + score.length + " scores");
        }
        if (y.length == 0) {
            throw new IllegalArgumentException("no cases");
        }
        int pos = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("case " + i + ": label " + y[i] + " is not 0 or 1");
            }
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException("case " + i + ": score " + score[i] + " is not finite");
            }
            pos += y[i];
        }
        if (needBothClasses && (pos == 0 || pos == y.length)) {
            throw new IllegalArgumentException("both classes are needed (" + pos + " positives of " + y.length + ")");
        }
        return pos;
    }

    static void checkProbabilities(double[] p) {
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("case " + i + ": probability " + p[i] + " is outside [0, 1]");
            }
        }
    }

    /** Indices sorted by descending score (stable: ties keep input order). */
    static Integer[] orderDescending(double[] s) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(s[b], s[a]));
        return idx;
    }

    /**
     * Midranks (1-based; tied values share the mean of their ranks) of {@code v}.
     */
    static double[] midranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double mid = 0.5 * (i + j) + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = mid;
            }
            i = j + 1;
        }
        return r;
    }
}
