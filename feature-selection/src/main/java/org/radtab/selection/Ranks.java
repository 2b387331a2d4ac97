package org.radtab.selection;

import java.util.Arrays;

/**
 * Ranks with ties: tied values all get the mean of the ranks they span ("average" or
 * "mid-rank" method, as {@code scipy.stats.rankdata(method='average')} and R's
 * {@code rank(ties.method = "average")}). Ranks start at 1.
 */
public final class Ranks {
    private final double[] ranks;
    private final int[] tieSizes;

    private Ranks(double[] ranks, int[] tieSizes) {
        this.ranks = ranks;
        this.tieSizes = tieSizes;
    }

    /** Average ranks of {@code x} (values must be finite or at least not NaN). */
    public static Ranks of(double[] x) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i])) {
                throw new SelectionException("cannot rank NaN (position " + i + ")");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double[] r = new double[n];
        int[] ties = new int[n];
        int groups = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;   // ranks i+1 .. j+1
            for (int t = i; t <= j; t++) {
                r[order[t]] = avg;
            }
            ties[groups++] = j - i + 1;
            i = j + 1;
        }
        return new Ranks(r, Arrays.copyOf(ties, groups));
    }

    /** Average rank per input position (a copy). */
    public double[] ranks() {
        return ranks.clone();
    }

    /** Size of each group of equal values (1 for an untied value), in ascending value order. */
    public int[] tieSizes() {
        return tieSizes.clone();
    }

    /** True when any value occurs more than once. */
    public boolean hasTies() {
        for (int t : tieSizes) {
            if (t > 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code sum over tie groups of (t^3 - t)}, the tie term of rank-test variances. */
    public double tieTerm() {
        double s = 0;
        for (int t : tieSizes) {
            s += (double) t * t * t - t;
        }
        return s;
    }
}
