package org.radtab.radiomics.math;

import java.lang.ref.SoftReference;
import java.lang.reflect.Array;

/**
 * Large work arrays reused within a thread: the derived images of one case have the same grid
 * size, and a fresh array of a few hundred KB costs more to allocate and zero (cold memory) than
 * to clear. {@link #ints} / {@link #doubles} hand out an array of the exact length asked for, with
 * arbitrary contents (the caller initialises every entry it reads); {@link #give} takes one back
 * once nothing uses it any more. Up to 24 arrays and 48 MB of each type are kept per thread (the
 * oldest go first), softly held (the collector may take them back).
 *
 * <p>Giving back an array that something still reads is a bug that corrupts results silently:
 * give back only arrays whose owner is done with them (as {@code FeatureExtractor} does with the
 * derived images of a case, one at a time).
 */
public final class WorkArrays {
    private static final int SLOTS = 24;
    /** At most this many bytes kept per type and thread (the oldest arrays go first). */
    private static final long MAX_BYTES = 48L << 20;
    private static final ThreadLocal<SoftReference<Object[]>> INTS = new ThreadLocal<>();
    private static final ThreadLocal<SoftReference<Object[]>> DOUBLES = new ThreadLocal<>();

    private WorkArrays() {
    }

    /** An int array of length {@code n} from this thread's pool, or a new one; contents arbitrary. */
    public static int[] ints(int n) {
        Object a = take(INTS, n);
        return a != null ? (int[]) a : new int[n];
    }

    /** As {@link #ints}, all 0 (a new array is not cleared twice). */
    public static int[] zeroedInts(int n) {
        Object a = take(INTS, n);
        if (a == null) {
            return new int[n];
        }
        java.util.Arrays.fill((int[]) a, 0);
        return (int[]) a;
    }

    /** As {@link #doubles}, all 0 (a new array is not cleared twice). */
    public static double[] zeroedDoubles(int n) {
        Object a = take(DOUBLES, n);
        if (a == null) {
            return new double[n];
        }
        java.util.Arrays.fill((double[]) a, 0.0);
        return (double[]) a;
    }

    /** A double array of length {@code n} from this thread's pool, or a new one; contents arbitrary. */
    public static double[] doubles(int n) {
        Object a = take(DOUBLES, n);
        return a != null ? (double[]) a : new double[n];
    }

    /** Returns {@code a} to this thread's pool (nothing uses it any more); null is ignored. */
    public static void give(int[] a) {
        put(INTS, a);
    }

    /** Returns {@code a} to this thread's pool (nothing uses it any more); null is ignored. */
    public static void give(double[] a) {
        put(DOUBLES, a);
    }

    /** Drops this thread's pools. */
    public static void clear() {
        INTS.remove();
        DOUBLES.remove();
    }

    private static Object take(ThreadLocal<SoftReference<Object[]>> pool, int n) {
        SoftReference<Object[]> ref = pool.get();
        Object[] slots = ref == null ? null : ref.get();
        if (slots != null) {
            for (int i = 0; i < SLOTS; i++) {
                Object a = slots[i];
                if (a != null && Array.getLength(a) == n) {
                    slots[i] = null;
                    return a;
                }
            }
        }
        return null;
    }

    private static void put(ThreadLocal<SoftReference<Object[]>> pool, Object a) {
        if (a == null) {
            return;
        }
        long bytes = bytes(a);
        if (bytes > MAX_BYTES) {
            return; // too large to keep
        }
        SoftReference<Object[]> ref = pool.get();
        Object[] slots = ref == null ? null : ref.get();
        if (slots == null) {
            slots = new Object[SLOTS];
            pool.set(new SoftReference<>(slots));
        }
        long kept = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == a) {
                return; // already there
            }
            kept += slots[i] == null ? 0 : bytes(slots[i]);
        }
        // make room: the oldest (lowest slots) go until the array fits in count and bytes
        while (kept + bytes > MAX_BYTES || slots[SLOTS - 1] != null && countOf(slots) == SLOTS) {
            int oldest = firstUsed(slots);
            kept -= bytes(slots[oldest]);
            slots[oldest] = null;
            compact(slots);
        }
        compact(slots);
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == null) {
                slots[i] = a; // the newest at the end of the used run
                return;
            }
        }
    }

    private static long bytes(Object a) {
        return (long) Array.getLength(a) * (a instanceof int[] ? 4 : 8);
    }

    private static int countOf(Object[] slots) {
        int c = 0;
        for (Object o : slots) {
            c += o == null ? 0 : 1;
        }
        return c;
    }

    private static int firstUsed(Object[] slots) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                return i;
            }
        }
        throw new IllegalStateException("empty pool");
    }

    /** Moves the kept arrays to the front, in age order. */
    private static void compact(Object[] slots) {
        int n = 0;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] != null) {
                Object o = slots[i];
                slots[i] = null;
                slots[n++] = o;
            }
        }
    }
}
