package org.radtab.radiomics.feature;

import java.util.Arrays;

/**
 * 2D convex hull of integer points (Andrew's monotone chain) with exact {@code long} cross
 * products; collinear boundary points are dropped. Package-private helper.
 */
final class ConvexHull2D {
    private ConvexHull2D() {
    }

    /**
     * Indices of the hull vertices, counter-clockwise, of the first {@code n} points, which must
     * be sorted by (u, v) and distinct. One point gives {0}; collinear points their two ends.
     */
    static int[] hullOfSorted(long[] u, long[] v, int n) {
        if (n <= 2) {
            return n == 1 ? new int[] {0} : new int[] {0, 1};
        }
        int[] h = new int[2 * n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            while (k >= 2 && cross(u, v, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        int lower = k + 1;
        for (int i = n - 2; i >= 0; i--) {
            while (k >= lower && cross(u, v, h[k - 2], h[k - 1], i) <= 0) {
                k--;
            }
            h[k++] = i;
        }
        if (k <= 2) {
            return new int[] {0, n - 1};
        }
        return Arrays.copyOf(h, k - 1); // the last point repeats the first
    }

    private static long cross(long[] u, long[] v, int o, int a, int b) {
        return (u[a] - u[o]) * (v[b] - v[o]) - (v[a] - v[o]) * (u[b] - u[o]);
    }
}
