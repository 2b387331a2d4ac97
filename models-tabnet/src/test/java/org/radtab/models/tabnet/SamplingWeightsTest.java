package org.radtab.models.tabnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

/** PyTorch-TabNet's sampling {@code weights} (WeightedRandomSampler with replacement). */
class SamplingWeightsTest {

    @Test
    void parsesPyTorchTabNetValues() {
        assertEquals("none", TabNetConfig.fromParams(Map.of()).samplingMode());
        assertEquals("none", TabNetConfig.fromParams(Map.of("weights", 0)).samplingMode());
        assertEquals("balanced", TabNetConfig.fromParams(Map.of("weights", 1)).samplingMode());
        assertEquals("balanced", TabNetConfig.fromParams(Map.of("weights", "balanced")).samplingMode());
        TabNetConfig list = TabNetConfig.fromParams(Map.of("weights", List.of(1, 3.5)));
        assertEquals(List.of(1.0, 3.5), list.samplingWeights());
        assertEquals(List.of(1.0, 3.5), list.toParams().get("weights"));
        assertEquals(1, TabNetConfig.fromParams(Map.of("weights", 1)).toParams().get("weights"));
        assertThrows(IllegalArgumentException.class, () -> TabNetConfig.fromParams(Map.of("weights", 2)));
        assertThrows(IllegalArgumentException.class, () -> TabNetConfig.fromParams(Map.of("weights", List.of(-1))));
    }

    /**
     * "balanced" gives each row probability 1 / (k count(class)): with 10 positives among 100 rows,
     * positives make half of the draws (binomial sd 0.0035 over 20000 draws) and each positive row
     * about 1/20 of them, each negative row about 1/180.
     */
    @Test
    void balancedDrawsHalfFromEachClass() {
        int[] y = new int[100];
        for (int i = 0; i < 10; i++) {
            y[i * 10] = 1;
        }
        TabNetConfig config = TabNetConfig.fromParams(Map.of("weights", 1));
        double[] cdf = TabNetTrainer.samplingCdf(config, y, 2);
        int[] draws = new int[20000];
        TabNetTrainer.drawWithReplacement(cdf, new Random(4), draws);
        int[] hits = new int[100];
        for (int d : draws) {
            hits[d]++;
        }
        int pos = 0;
        for (int i = 0; i < 100; i++) {
            pos += y[i] == 1 ? hits[i] : 0;
        }
        assertEquals(0.5, pos / 20000.0, 0.02);
        assertEquals(20000 / 20.0, hits[0], 6 * Math.sqrt(20000 / 20.0));
        assertEquals(20000 / 180.0, hits[1], 6 * Math.sqrt(20000 / 180.0));
        assertNull(TabNetTrainer.samplingCdf(TabNetConfig.defaults(), y, 2));
    }

    /** A class with weight 0 is never drawn. */
    @Test
    void zeroWeightClassIsNeverDrawn() {
        int[] y = {0, 1, 0, 1, 1, 0};
        double[] cdf = TabNetTrainer.samplingCdf(TabNetConfig.fromParams(Map.of("weights", List.of(0, 2))), y, 2);
        int[] draws = new int[1000];
        TabNetTrainer.drawWithReplacement(cdf, new Random(1), draws);
        for (int d : draws) {
            assertEquals(1, y[d]);
        }
        assertThrows(IllegalArgumentException.class,
            () -> TabNetTrainer.samplingCdf(TabNetConfig.fromParams(Map.of("weights", List.of(1))), y, 2));
    }

    @Test
    void fitsWithBalancedSampling() {
        Dataset d = SyntheticData.threeSignalFeatures(200, 3);
        TabNetClassifier m = new TabNetClassifier(Map.of("weights", 1, "n_steps", 1, "batch_size", 32,
            "virtual_batch_size", 16, "max_epochs", 5), 2);
        m.fit(d);
        assertEquals(5, m.history().size());
        assertEquals(200, m.predictProba(d.toMatrix()).length);
    }
}
