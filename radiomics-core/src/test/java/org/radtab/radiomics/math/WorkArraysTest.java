package org.radtab.radiomics.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-thread pool: exact lengths, one owner at a time, per thread, cleared on demand. */
class WorkArraysTest {

    @Test
    void handsBackAGivenArrayOfTheSameLengthOnce() {
        WorkArrays.clear();
        double[] a = new double[10];
        WorkArrays.give(a);
        WorkArrays.give(a); // twice: kept once
        assertNotSame(a, WorkArrays.doubles(11)); // another length: a new array
        assertSame(a, WorkArrays.doubles(10));
        assertNotSame(a, WorkArrays.doubles(10)); // taken: not handed out again
        int[] b = new int[10];
        WorkArrays.give(b);
        assertEquals(10, WorkArrays.doubles(10).length); // the int array is not a double array
        assertSame(b, WorkArrays.ints(10));
        WorkArrays.give((int[]) null); // ignored
        WorkArrays.clear();
    }

    @Test
    void eachThreadHasItsOwnPool() throws InterruptedException {
        WorkArrays.clear();
        int[] mine = new int[7];
        WorkArrays.give(mine);
        int[][] seen = new int[1][];
        Thread t = new Thread(() -> seen[0] = WorkArrays.ints(7));
        t.start();
        t.join();
        assertNotSame(mine, seen[0]);
        assertSame(mine, WorkArrays.ints(7));
        WorkArrays.clear();
    }

    @Test
    void aFullPoolDropsItsOldestArrays() {
        WorkArrays.clear();
        int[][] given = new int[40][];
        java.util.Set<int[]> newest = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < given.length; i++) {
            given[i] = new int[3];
            WorkArrays.give(given[i]);
            if (i >= given.length - 4) {
                newest.add(given[i]);
            }
        }
        java.util.Set<int[]> taken = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < given.length; i++) {
            taken.add(WorkArrays.ints(3));
        }
        assertTrue(taken.containsAll(newest)); // the newest are kept
        assertFalse(taken.contains(given[0])); // the oldest went
        WorkArrays.give(given[1]);
        WorkArrays.clear();
        assertNotSame(given[1], WorkArrays.ints(3)); // cleared
    }
}
