package org.radtab.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtab.ml.Dataset;
import org.radtab.ml.metrics.Auroc;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.validation.RandomizedSearch;
import org.radtab.ml.validation.SearchResult;

class SearchWithModelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "svm", "xgboost"})
    void searchIsDeterministicAcrossThreadCounts(String name) {
        Dataset train = Synthetic.noisy(150, 21);
        Dataset test = Synthetic.noisy(150, 22);
        Map<String, Object> fixed = name.equals("rf") || name.equals("xgboost") ? Map.of("n_estimators", 20) : Map.of();
        SearchResult one = RandomizedSearch.builder(ModelIO.factory(name)).iterations(3).folds(3).seed(5).threads(1)
            .fixed(fixed).build().run(train);
        SearchResult two = RandomizedSearch.builder(ModelIO.factory(name)).iterations(3).folds(3).seed(5).threads(2)
            .fixed(fixed).build().run(train);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(one.trials().get(i).foldScores(), two.trials().get(i).foldScores(), 0.0);
        }
        assertEquals(one.bestParams(), two.bestParams());
        assertArrayEquals(one.predictPositive(test), two.predictPositive(test), 0.0);
        assertTrue(Auroc.of(test.labels(), one.predictPositive(test)) > 0.6);
    }
}
