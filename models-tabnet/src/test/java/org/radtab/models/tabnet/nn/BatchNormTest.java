package org.radtab.models.tabnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ghost batch norm against hand-computed values and PyTorch's chunking rule. */
class BatchNormTest {

    @Test
    void chunksFollowTorchChunk() {
        // torch.chunk(x, k) with k = ceil(n / vbs) makes chunks of ceil(n / k) rows
        assertArrayEquals(new int[] {0, 128, 256}, BatchNorm.chunkBounds(256, 128));
        assertArrayEquals(new int[] {0, 106, 212, 318}, BatchNorm.chunkBounds(318, 128)); // k = 3, 106 rows
        assertArrayEquals(new int[] {0, 86, 172, 257}, BatchNorm.chunkBounds(257, 128));  // k = 3, 86, 86, 85
        assertArrayEquals(new int[] {0, 80}, BatchNorm.chunkBounds(80, 128));
        assertArrayEquals(new int[] {0, 2, 4, 5}, BatchNorm.chunkBounds(5, 2));           // k = 3, 2, 2, 1
        assertArrayEquals(new int[] {0, 7}, BatchNorm.chunkBounds(7, Integer.MAX_VALUE));
    }

    @Test
    void trainingModeNormalisesEachVirtualBatchAndUpdatesRunningStatistics() {
        BatchNorm bn = new BatchNorm("bn", 1, 2, 0.1);
        bn.gamma().data[0] = 2.0;
        bn.beta().data[0] = 0.5;
        double[] y = bn.forward(new double[] {1, 2, 3, 4}, 4, true);
        // each chunk {1,2}, {3,4}: mean +-0.5 around its centre, biased variance 0.25
        double h = 0.5 / Math.sqrt(0.25 + 1e-5);
        assertArrayEquals(new double[] {0.5 - 2 * h, 0.5 + 2 * h, 0.5 - 2 * h, 0.5 + 2 * h}, y, 1e-15);
        // running: mean 0 -> 0.1*1.5 = 0.15 -> 0.9*0.15 + 0.1*3.5 = 0.485
        //          var  1 -> 0.9 + 0.1*0.5 = 0.95 -> 0.9*0.95 + 0.1*0.5 = 0.905 (unbiased 0.5)
        assertEquals(0.485, bn.runningMean().data[0], 1e-15);
        assertEquals(0.905, bn.runningVar().data[0], 1e-15);
        double[] e = bn.forward(new double[] {1.0}, 1, false);
        assertEquals(2.0 * (1.0 - 0.485) / Math.sqrt(0.905 + 1e-5) + 0.5, e[0], 1e-15);
    }

    @Test
    void oneRowVirtualBatchIsRejectedInTraining() {
        BatchNorm bn = new BatchNorm("bn", 1, 2, 0.1);
        assertThrows(IllegalStateException.class, () -> bn.forward(new double[] {1, 2, 3}, 3, true));
    }
}
