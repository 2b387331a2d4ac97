package org.radtab.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A 10-case example with ties, every number worked out by hand:
 *
 * <pre>
 * score 0.9 0.8 0.8 0.7 0.6 0.5 0.5 0.4 0.3 0.2
 * y       1   1   0   1   0   1   1   0   0   0
 * </pre>
 * Pairs (positive beats negative = 1, tie = 1/2): 0.9 -> 5, 0.8 -> 4 + 1/2, 0.7 -> 4, each 0.5 -> 3:
 * U = 19.5, AUC = 19.5 / 25 = 0.78.
 */
class RocAndThresholdTest {
    static final int[] Y = {1, 1, 0, 1, 0, 1, 1, 0, 0, 0};
    static final double[] S = {0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3, 0.2};

    @Test
    void rocCurveWithTiesByHand() {
        RocCurve roc = RocCurve.of(Y, S);
        assertArrayEquals(new double[] {0, 0, 0.2, 0.2, 0.4, 0.4, 0.6, 0.8, 1}, roc.fpr(), 1e-12);
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.6, 1, 1, 1, 1}, roc.tpr(), 1e-12);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2},
            roc.thresholds(), 0);
        assertEquals(0.78, roc.auc(), 1e-12);
        assertEquals(0.78, Auroc.of(Y, S), 1e-12);
    }

    @Test
    void averagePrecisionByHand() {
        // (R, P): (.2, 1) (.4, 2/3) (.6, 3/4) (.6, 3/5) (1, 5/7) ... AP = .2 + .2*2/3 + .2*3/4 + .4*5/7
        double expected = 0.2 + 0.2 * 2 / 3.0 + 0.2 * 0.75 + 0.4 * 5 / 7.0;
        assertEquals(expected, PrecisionRecallCurve.averagePrecision(Y, S), 1e-12);
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(Y, S);
        assertEquals(2 / 3.0, pr.precision()[2], 1e-12);
        assertEquals(0.4, pr.recall()[2], 1e-12);
    }

    @Test
    void youdenAndFixedSensitivity() {
        // J per threshold: .2 .2 .4 .2 .6 .4 .2 0 -> 0.5 (sens 1, spec .6)
        ThresholdChooser.Choice y = ThresholdChooser.youden(Y, S);
        assertEquals(0.5, y.threshold());
        assertEquals(1.0, y.sensitivity(), 1e-12);
        assertEquals(0.6, y.specificity(), 1e-12);
        ThresholdChooser.Choice s = ThresholdChooser.forSensitivity(Y, S, 0.6);
        assertEquals(0.7, s.threshold());
        assertEquals(0.8, s.specificity(), 1e-12);
    }

    @Test
    void confusionMatrixAtHalf() {
        // p >= .5: cases 1-7 called positive: TP 5, FP 2, TN 3, FN 0
        ConfusionMatrix m = ConfusionMatrix.at(Y, S, 0.5);
        assertEquals(new ConfusionMatrix(5, 2, 3, 0), m);
        assertEquals(0.8, m.accuracy(), 1e-12);
        assertEquals(5 / 7.0, m.precision(), 1e-12);
        assertEquals(1.0, m.recall(), 1e-12);
        assertEquals(0.6, m.specificity(), 1e-12);
        assertEquals(10 / 12.0, m.f1(), 1e-12);
        // p_o = .8, p_e = (7*5 + 3*5) / 100 = .5
        assertEquals(0.6, m.kappa(), 1e-12);
    }

    @Test
    void kappaTextbookTable() {
        // Two raters, 50 items (the standard illustration in Cohen's-kappa textbooks and the
        // Wikipedia article): both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
        // p_o = 35/50 = .7; p_e = .5*.6 + .5*.4 = .5; kappa = .4
        ConfusionMatrix m = new ConfusionMatrix(20, 10, 15, 5);
        assertEquals(0.4, m.kappa(), 1e-12);
        // a second table worked by hand: TP 75, FP 4, TN 20, FN 1 (n = 100):
        // p_o = .95, p_e = .79*.76 + .21*.24 = .6508, kappa = .2992 / .3492
        ConfusionMatrix f = new ConfusionMatrix(75, 4, 20, 1);
        assertEquals((0.95 - 0.6508) / (1 - 0.6508), f.kappa(), 1e-12);
    }

    @Test
    void decisionCurveByFormula() {
        // t = .2: everyone treated: TP 5, FP 5, n 10 -> .5 - .5 * .25 = .375; treat-all the same
        // t = .5: TP 5, FP 2 -> .5 - .2 * 1 = .3; treat-all .5 - .5 = 0
        // t = .75: p >= .75 -> TP 2, FP 1 -> .2 - .1 * 3 = -.1; treat-all .5 - .5 * 3 = -1
        var pts = DecisionCurve.of(Y, S, new double[] {0.2, 0.5, 0.75});
        assertEquals(0.375, pts.get(0).model(), 1e-12);
        assertEquals(0.375, pts.get(0).treatAll(), 1e-12);
        assertEquals(0.3, pts.get(1).model(), 1e-12);
        assertEquals(0.0, pts.get(1).treatAll(), 1e-12);
        assertEquals(-0.1, pts.get(2).model(), 1e-12);
        assertEquals(-1.0, pts.get(2).treatAll(), 1e-12);
        assertEquals(0.0, pts.get(2).treatNone());
        assertEquals(99, DecisionCurve.of(Y, S, 0.01, 0.99, 0.01).size());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Auroc.of(new int[] {0, 2}, new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().contains("case 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new int[] {1, 1}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new int[] {0, 1}, new double[] {0.1, Double.NaN}));
    }
}
