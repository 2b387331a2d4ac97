package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.Comparator;

/**
 * 2D convex hull of integer points (Andrew's monotone chain) with exact {@code long} cross
 * products; collinear boundary points are dropped. Package-private helper.
 */
final class ConvexHull2D {
    private ConvexHull2D() {
    }

    /**
     * Indices (into the first {@code n} entries of u, v) of the hull vertices in counter-clockwise
     * order; all points when {@code n <= 2} (duplicates removed).
     */
    static int[] hull(long[] u, long[] v, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingLong(i -> u[i]).thenComparingLong(i -> v[i]));
        int[] h = new int[2 * n + 1];
        int k = 0;
        for (int j = 0; j < n; j++) {
            int i = idx[j];
            if (k > 0 && u[h[k - 1]] == u[i] && v[h[k - 1]] == v[i]) {
                continue;
            }
            while (k >= 2 && cross(u, v, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        int lower = k + 1;
        for (int j = n - 2; j >= 0; j--) {
            int i = idx[j];
            while (k >= lower && cross(u, v, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        // the last point repeats the first
        int size = Math.max(1, k - 1);
        if (k <= 2) {
            // all points equal or a degenerate segment: keep the distinct extremes
            return distinct(u, v, idx);
        }
        return Arrays.copyOf(h, size);
    }

    private static int[] distinct(long[] u, long[] v, Integer[] sorted) {
        int first = sorted[0];
        int last = sorted[sorted.length - 1];
        if (u[first] == u[last] && v[first] == v[last]) {
            return new int[] {first};
        }
        return new int[] {first, last};
    }

    private static long cross(long[] u, long[] v, int o, int a, int b) {
        return (u[a] - u[o]) * (v[b] - v[o]) - (v[a] - v[o]) * (u[b] - u[o]);
    }
}
