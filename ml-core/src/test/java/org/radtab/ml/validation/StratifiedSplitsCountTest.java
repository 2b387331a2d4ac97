package org.radtab.ml.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StratifiedSplitsCountTest {

    @Test
    void paperSplitIs600To256() {
        int[] y = new int[856];
        for (int i = 0; i < 102; i++) {
            y[i * 8] = 1;
        }
        Split s = StratifiedSplits.trainTestCount(y, 256, 7);
        assertEquals(600, s.train().length);
        assertEquals(256, s.test().length);
        int pos = 0;
        for (int r : s.test()) {
            pos += y[r];
        }
        // by hand: 754 x 256 / 856 = 225.495, 102 x 256 / 856 = 30.505; floors 225 + 30 = 255, the one left
        // goes to the larger remainder (0.505, the positives): 225 negatives + 31 positives
        assertEquals(31, pos);
    }
}
