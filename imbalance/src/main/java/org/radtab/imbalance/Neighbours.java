package org.radtab.imbalance;

/**
 * Brute-force k-nearest neighbours in Euclidean distance, optionally on standardised columns
 * (each column divided by its standard deviation over the fitted points; constant columns are
 * left unscaled). Ties are broken by the lower row index, so results are deterministic.
 * Categorical columns contribute a mismatch penalty instead of a difference (SMOTE-NC style):
 * the median standard deviation of the continuous columns (1 when standardised).
 */
final class Neighbours {
    private final double[][] points;
    private final double[] scale;     // 1 / sd per column (1 when not standardised)
    private final boolean[] categorical;
    private final double penalty2;

    Neighbours(double[][] points, boolean standardise, boolean[] categorical) {
        this.points = points;
        int p = points.length == 0 ? 0 : points[0].length;
        this.categorical = categorical == null ? new boolean[p] : categorical;
        this.scale = new double[p];
        double[] sds = new double[p];
        int continuous = 0;
        for (int c = 0; c < p; c++) {
            double mean = 0;
            for (double[] row : points) {
                mean += row[c];
            }
            mean /= points.length;
            double ss = 0;
            for (double[] row : points) {
                ss += (row[c] - mean) * (row[c] - mean);
            }
            double sd = points.length > 1 ? Math.sqrt(ss / (points.length - 1)) : 0;
            scale[c] = standardise && sd > 0 ? 1 / sd : 1;
            if (!this.categorical[c]) {
                sds[continuous++] = standardise && sd > 0 ? 1 : sd;
            }
        }
        double median = 1;
        if (continuous > 0) {
            double[] s = java.util.Arrays.copyOf(sds, continuous);
            java.util.Arrays.sort(s);
            median = continuous % 2 == 1 ? s[continuous / 2] : 0.5 * (s[continuous / 2 - 1] + s[continuous / 2]);
        }
        this.penalty2 = median * median;
    }

    double distance2(double[] a, double[] b) {
        double d = 0;
        for (int c = 0; c < a.length; c++) {
            if (categorical[c]) {
                if (a[c] != b[c]) {
                    d += penalty2;
                }
            } else {
                double t = (a[c] - b[c]) * scale[c];
                d += t * t;
            }
        }
        return d;
    }

    /**
     * Indices of the k nearest fitted points to {@code query}, nearest first, excluding the
     * fitted point with index {@code self} (or none when self < 0).
     */
    int[] nearest(double[] query, int k, int self) {
        int[] best = new int[k];
        double[] bestD = new double[k];
        int filled = 0;
        for (int i = 0; i < points.length; i++) {
            if (i == self) {
                continue;
            }
            double d = distance2(query, points[i]);
            if (filled < k) {
                int pos = filled++;
                while (pos > 0 && bestD[pos - 1] > d) {
                    best[pos] = best[pos - 1];
                    bestD[pos] = bestD[pos - 1];
                    pos--;
                }
                best[pos] = i;
                bestD[pos] = d;
            } else if (d < bestD[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && bestD[pos - 1] > d) {
                    best[pos] = best[pos - 1];
                    bestD[pos] = bestD[pos - 1];
                    pos--;
                }
                best[pos] = i;
                bestD[pos] = d;
            }
        }
        if (filled < k) {
            throw new ResamplingException("need " + k + " neighbours but only " + filled + " candidates exist");
        }
        return best;
    }
}
