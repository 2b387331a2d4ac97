package org.radtab.radiomics.feature;

import java.lang.ref.SoftReference;

/**
 * Large int work arrays reused within a thread: the derived images of one case have the same grid
 * size, and a fresh array of a few hundred KB costs more to allocate and zero (cold memory) than
 * to clear. {@link #take} hands out an array of the exact length asked for, with arbitrary
 * contents (the caller initialises every entry it reads); {@link #give} takes one back once no one
 * uses it any more. A few arrays are kept per thread, softly held (the collector may take them
 * back).
 */
final class IntArrays {
    private static final int SLOTS = 4;
    private static final ThreadLocal<SoftReference<int[][]>> POOL = new ThreadLocal<>();

    private IntArrays() {
    }

    /** An array of length {@code n} from this thread's pool, or a new one; contents arbitrary. */
    static int[] take(int n) {
        SoftReference<int[][]> ref = POOL.get();
        int[][] slots = ref == null ? null : ref.get();
        if (slots != null) {
            for (int i = 0; i < SLOTS; i++) {
                int[] a = slots[i];
                if (a != null && a.length == n) {
                    slots[i] = null;
                    return a;
                }
            }
        }
        return new int[n];
    }

    /** Drops this thread's pool. */
    static void clear() {
        POOL.remove();
    }

    /** Returns {@code a} to this thread's pool (the caller no longer uses it); null is ignored. */
    static void give(int[] a) {
        if (a == null) {
            return;
        }
        SoftReference<int[][]> ref = POOL.get();
        int[][] slots = ref == null ? null : ref.get();
        if (slots == null) {
            slots = new int[SLOTS][];
            POOL.set(new SoftReference<>(slots));
        }
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == a) {
                return; // already there
            }
        }
        for (int i = 0; i < SLOTS; i++) {
            if (slots[i] == null) {
                slots[i] = a;
                return;
            }
        }
        System.arraycopy(slots, 1, slots, 0, SLOTS - 1); // full: the oldest goes
        slots[SLOTS - 1] = a;
    }
}
