package org.radtab.radiomics.feature;

/**
 * Running per-feature sums for averaging feature values over several matrices (directions,
 * slices), as texture aggregation needs: {@link #nanMean()} ignores NaN values (NumPy
 * {@code nanmean}), {@link #plainMean(int)} does not.
 */
final class FeatureMeans {
    private final double[] nanSum;
    private final int[] nanCount;
    private final double[] plainSum;
    private int count;

    FeatureMeans(int n) {
        nanSum = new double[n];
        nanCount = new int[n];
        plainSum = new double[n];
    }

    void add(double[] v) {
        count++;
        for (int f = 0; f < v.length; f++) {
            plainSum[f] += v[f];
            if (!Double.isNaN(v[f])) {
                nanSum[f] += v[f];
                nanCount[f]++;
            }
        }
    }

    /** Adds {@code v} unless it comes from an empty matrix (all NaN). */
    void addUnlessEmpty(double[] v) {
        for (double x : v) {
            if (!Double.isNaN(x)) {
                add(v);
                return;
            }
        }
    }

    /** Mean over the values that are not NaN (NaN if there are none). */
    double[] nanMean() {
        double[] out = new double[nanSum.length];
        for (int f = 0; f < out.length; f++) {
            out[f] = nanCount[f] == 0 ? Double.NaN : nanSum[f] / nanCount[f];
        }
        return out;
    }

    /** Mean including NaN values (NaN if any was NaN). */
    double plainMean(int f) {
        return count == 0 ? Double.NaN : plainSum[f] / count;
    }
}
