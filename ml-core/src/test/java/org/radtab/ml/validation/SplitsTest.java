package org.radtab.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Property(tries = 200)
    void foldsPartitionRowsAndKeepClassRatios(@ForAll @Size(min = 4, max = 200) List<@IntRange(min = 0, max = 2) Integer> labels,
                                              @ForAll @IntRange(min = 2, max = 7) int k, @ForAll long seed) {
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        if (k > y.length) {
            return;
        }
        List<Split> folds = StratifiedSplits.kFold(y, k, seed);
        assertEquals(k, folds.size());
        int[] seen = new int[y.length];
        int maxC = 3;
        int[][] perFold = new int[k][maxC];
        for (int f = 0; f < k; f++) {
            Split s = folds.get(f);
            assertEquals(y.length, s.train().length + s.test().length);
            for (int r : s.test()) {
                seen[r]++;
                perFold[f][y[r]]++;
            }
            boolean[] inTest = new boolean[y.length];
            for (int r : s.test()) {
                inTest[r] = true;
            }
            for (int r : s.train()) {
                assertTrue(!inTest[r], "row in train and test");
            }
        }
        for (int v : seen) {
            assertEquals(1, v, "every row in exactly one validation fold");
        }
        for (int c = 0; c < maxC; c++) {
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (int f = 0; f < k; f++) {
                lo = Math.min(lo, perFold[f][c]);
                hi = Math.max(hi, perFold[f][c]);
            }
            assertTrue(hi - lo <= 1, "class " + c + " counts per fold differ by more than 1");
        }
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (Split s : folds) {
            lo = Math.min(lo, s.test().length);
            hi = Math.max(hi, s.test().length);
        }
        assertTrue(hi - lo <= 1);
        // same seed, same folds
        assertArrayEquals(folds.get(0).test(), StratifiedSplits.kFold(y, k, seed).get(0).test());
    }

    @Test
    void trainTestKeepsRatio() {
        int[] y = new int[100];
        for (int i = 0; i < 12; i++) {
            y[i * 7] = 1;
        }
        Split s = StratifiedSplits.trainTest(y, 0.3, 5);
        // 88 negatives -> round(26.4) = 26, 12 positives -> round(3.6) = 4
        assertEquals(30, s.test().length);
        int pos = 0;
        for (int r : s.test()) {
            pos += y[r];
        }
        assertEquals(4, pos);
        assertArrayEquals(s.test(), StratifiedSplits.trainTest(y, 0.3, 5).test());
    }

    @Test
    void derivedSeedsDiffer() {
        assertTrue(Seeds.derive(1, 0) != Seeds.derive(1, 1));
        assertTrue(Seeds.derive(1, 0, 1) != Seeds.derive(1, 1, 0));
        assertEquals(Seeds.derive(42, 3, 4), Seeds.derive(42, 3, 4));
    }
}
