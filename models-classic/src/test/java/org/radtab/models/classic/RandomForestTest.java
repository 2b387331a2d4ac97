package org.radtab.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

class RandomForestTest {

    /**
     * One tree, no bootstrap, all features: on x = 1..10 with y = [x > 5] and a constant second
     * column, the root splits x at the midpoint 5.5 (Gini decrease 10 * 0.5 - 0 - 0 = 5) and both
     * leaves are pure. Importance is all on x.
     */
    @Test
    void singleTreeSplitsAtTheMidpoint() {
        Dataset.Builder b = Dataset.builder(List.of("x", "const"));
        for (int i = 1; i <= 10; i++) {
            b.addRow(new double[] {i, 3}, i > 5 ? 1 : 0, null);
        }
        RandomForestModel m = (RandomForestModel) new RandomForestFactory().create(Map.of("n_estimators", 1,
            "bootstrap", false, "max_features", "all"), 0);
        m.fit(b.build());
        double[] p = m.predictPositive(new double[][] {{5.5, 3}, {5.5000001, 3}, {-100, 0}, {100, 0}});
        assertArrayEquals(new double[] {0, 1, 0, 1}, p, 0);
        assertArrayEquals(new double[] {1, 0}, m.featureImportance().orElseThrow(), 0);
    }

    /** max_depth = 1 on y = [x > 5] with an impure x-region: the leaf values are class fractions. */
    @Test
    void leafValuesAreClassFractions() {
        Dataset.Builder b = Dataset.builder(List.of("x"));
        int[] y = {0, 0, 1, 0, 0, 1, 1, 0, 1, 1}; // x = 1..10; best stump: x <= 5.5 -> 1/5, else 4/5
        for (int i = 1; i <= 10; i++) {
            b.addRow(new double[] {i}, y[i - 1], null);
        }
        RandomForestModel m = (RandomForestModel) new RandomForestFactory().create(Map.of("n_estimators", 1,
            "bootstrap", false, "max_depth", 1), 0);
        m.fit(b.build());
        assertArrayEquals(new double[] {0.2, 0.8}, m.predictPositive(new double[][] {{1}, {10}}), 1e-12);
    }

    @Test
    void maxFeaturesRules() {
        assertEquals(5, RandomForestModel.maxFeatures("sqrt", 30));
        assertEquals(4, RandomForestModel.maxFeatures("log2", 30));
        assertEquals(15, RandomForestModel.maxFeatures("0.5", 30));
        assertEquals(7, RandomForestModel.maxFeatures(7, 30));
        assertEquals(30, RandomForestModel.maxFeatures("all", 30));
        assertEquals(1, RandomForestModel.maxFeatures("sqrt", 1));
    }

    @Test
    void parallelTreesGiveTheSameForest() {
        Dataset d = Synthetic.noisy(200, 1);
        RandomForestModel a = (RandomForestModel) new RandomForestFactory().create(Map.of("n_estimators", 30), 9);
        RandomForestModel b = (RandomForestModel) new RandomForestFactory().create(Map.of("n_estimators", 30, "n_jobs", 2), 9);
        a.fit(d);
        b.fit(d);
        assertArrayEquals(a.predictPositive(d.toMatrix()), b.predictPositive(d.toMatrix()), 0);
    }
}
