package org.radtab.radiomics.feature;

import java.util.Arrays;
import org.radtab.radiomics.math.WorkArrays;

/**
 * The order statistics {@code v_(k)} (k-th smallest, from 0) of a sample without a full sort: the
 * values are distributed once into about {@code n / 8} buckets of equal value width (bucket
 * {@code floor((v - min) * B / (max - min))}, a monotone function of {@code v}, so bucket
 * {@code b} holds exactly the values ranked between the counts of the buckets below it), and a
 * bucket is sorted only when a rank inside it is asked for. A few percentiles of n values then
 * cost two linear passes plus the sorts of a few small buckets, instead of an O(n log n) sort; a
 * very uneven sample (most values in one bucket) degrades to sorting that bucket.
 *
 * <p>The values and their order are those of {@link Arrays#sort(double[])} on the whole sample
 * (NaN last, {@code -0.0} before {@code 0.0}): a sample with NaN or infinite values is sorted
 * fully.
 */
final class OrderStatistics {
    /** The values grouped by bucket (ascending buckets; each sorted once asked for). */
    private final double[] a;
    /** Bucket b occupies a[start[b] .. start[b + 1] - 1]. */
    private final int[] start;
    private final boolean[] sorted;
    /** The bucket map {@code floor((v - low) * scale)}, capped at the last bucket. */
    private final double low;
    private final double scale;

    /** Works on a copy of {@code values}. */
    OrderStatistics(double[] values) {
        this(values, min(values), max(values));
    }

    /**
     * Works on a copy of {@code values} whose {@link Math#min} / {@link Math#max} over all values
     * are {@code min} and {@code max} (NaN if any value is NaN).
     */
    OrderStatistics(double[] values, double min, double max) {
        this(values, min, max, null);
    }

    /**
     * As {@link #OrderStatistics(double[], double, double)}, the grouped copy written into
     * {@code into} when it holds exactly {@code values.length} entries (a caller's buffer, which
     * then belongs to this object until it is no longer used); otherwise into a new array.
     */
    OrderStatistics(double[] values, double min, double max, double[] into) {
        int n = values.length;
        boolean finite = Double.isFinite(min) && Double.isFinite(max);
        double scale = n < 2 || !finite || !(max > min) ? 0 : 1.0 / (max - min);
        int buckets = Math.max(1, Math.min(n / 8, 1 << 16));
        scale *= buckets;
        if (!(scale > 0) || !Double.isFinite(scale) || buckets == 1) {
            a = values.clone();
            Arrays.sort(a);
            start = new int[] {0, n};
            sorted = new boolean[] {true};
            this.low = 0;
            this.scale = 0;
            return;
        }
        this.low = min;
        this.scale = scale;
        int[] count = new int[buckets + 1];
        for (double v : values) {
            count[bucket(v, min, scale, buckets) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            count[b + 1] += count[b];
        }
        start = count.clone();
        a = into != null && into.length == n ? into : new double[n];
        for (double v : values) {
            a[count[bucket(v, min, scale, buckets)]++] = v;
        }
        sorted = new boolean[buckets];
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    private static int bucket(double v, double min, double scale, int buckets) {
        int b = (int) ((v - min) * scale);
        return Math.min(b, buckets - 1);
    }

    /** Hands the grouped copy back to the thread's {@link WorkArrays}; this object must not be used afterwards. */
    void release() {
        WorkArrays.give(a);
    }

    int size() {
        return a.length;
    }

    /**
     * Mean absolute deviation from their mean of the values {@code v} with {@code lo <= v <= hi}
     * (NaN when there are none). Those values are one contiguous stretch of the bucket-ordered
     * array (the buckets strictly between those of {@code lo} and {@code hi}, and sorted ends of
     * those two buckets), so both sums run without a test per value.
     */
    double meanAbsoluteDeviationWithin(double lo, double hi) {
        if (!(lo <= hi)) {
            return Double.NaN;
        }
        int from;
        int to;
        if (scale == 0) { // one sorted bucket
            from = firstAtLeast(0, a.length, lo);
            to = firstAbove(from, a.length, hi);
        } else {
            int buckets = sorted.length;
            int bLo = clampedBucket(lo, buckets);
            int bHi = clampedBucket(hi, buckets);
            sortBucket(bLo);
            sortBucket(bHi);
            from = firstAtLeast(start[bLo], start[bLo + 1], lo);
            to = firstAbove(start[bHi], start[bHi + 1], hi);
        }
        if (to <= from) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        double mean = s / (to - from);
        double d = 0;
        for (int i = from; i < to; i++) {
            d += Math.abs(a[i] - mean);
        }
        return d / (to - from);
    }

    private int clampedBucket(double v, int buckets) {
        double b = Math.floor((v - low) * scale);
        return b < 0 ? 0 : b >= buckets ? buckets - 1 : (int) b;
    }

    private void sortBucket(int b) {
        if (!sorted[b]) {
            Arrays.sort(a, start[b], start[b + 1]);
            sorted[b] = true;
        }
    }

    /** First index in sorted a[from..to) with a[i] >= x (to if none). */
    private int firstAtLeast(int from, int to, double x) {
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (a[mid] < x) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }

    /** First index in sorted a[from..to) with a[i] > x (to if none). */
    private int firstAbove(int from, int to, double x) {
        while (from < to) {
            int mid = (from + to) >>> 1;
            if (a[mid] <= x) {
                from = mid + 1;
            } else {
                to = mid;
            }
        }
        return from;
    }

    /** The k-th smallest value, {@code 0 <= k < size()}. */
    double get(int k) {
        if (k < 0 || k >= a.length) {
            throw new IndexOutOfBoundsException("order statistic " + k + " of " + a.length + " values");
        }
        int b = Arrays.binarySearch(start, 0, sorted.length + 1, k);
        // the bucket whose range contains k: the last b with start[b] <= k (empty buckets skipped)
        b = b >= 0 ? b : -b - 2;
        while (start[b + 1] <= k) {
            b++;
        }
        sortBucket(b);
        return a[k];
    }
}
