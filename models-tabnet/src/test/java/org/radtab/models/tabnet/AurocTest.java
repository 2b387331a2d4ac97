package org.radtab.models.tabnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The early-stopping AUROC against pair counts done by hand. */
class AurocTest {

    @Test
    void handCountedPairs() {
        // scikit-learn's roc_auc_score example: 3 of 4 positive-negative pairs ordered correctly
        assertEquals(0.75, Auroc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}), 1e-15);
        // pairs (pos, neg): (0.5,0.1)=1, (0.5,0.5)=1/2, (0.9,0.1)=1, (0.9,0.5)=1 -> 3.5 / 4
        assertEquals(0.875, Auroc.of(new double[] {0.1, 0.5, 0.5, 0.9}, new int[] {0, 1, 0, 1}), 1e-15);
        assertEquals(0.5, Auroc.of(new double[] {0.3, 0.3, 0.3}, new int[] {1, 0, 0}), 1e-15);
        assertEquals(0.0, Auroc.of(new double[] {0.9, 0.1}, new int[] {0, 1}), 1e-15);
    }

    @Test
    void needsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {0.1, 0.2}, new int[] {1, 1}));
    }
}
