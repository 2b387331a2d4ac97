package org.radtab.models.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;
import org.radtab.ml.metrics.Auroc;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;

class AllModelsTest {
    /** Small, fast settings per model. */
    static Map<String, Object> fast(String name) {
        Map<String, Object> p = new HashMap<>();
        switch (name) {
            case "rf" -> p.put("n_estimators", 60);
            case "xgboost" -> {
                p.put("n_estimators", 60);
                p.put("learning_rate", 0.2);
                p.put("max_depth", 3);
            }
            default -> { }
        }
        return p;
    }

    static final Dataset SEP_TRAIN = Synthetic.separable(300, 1);
    static final Dataset SEP_TEST = Synthetic.separable(300, 2);
    static final Dataset NOISY_TRAIN = Synthetic.noisy(400, 3);
    static final Dataset NOISY_TEST = Synthetic.noisy(400, 4);

    @Test
    void allFourAreRegistered() {
        Set<String> names = ModelIO.factories().stream().map(ClassifierFactory::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(List.of("lr", "rf", "svm", "xgboost")), names.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "svm", "xgboost"})
    void separableProblem(String name) {
        ProbabilisticClassifier m = ModelIO.factory(name).create(fast(name), 42);
        m.fit(SEP_TRAIN);
        double auc = Auroc.of(SEP_TEST.labels(), m.predictPositive(SEP_TEST));
        assertTrue(auc >= 0.95, name + " AUROC " + auc);
        double[][] p = m.predictProba(SEP_TEST.toMatrix());
        for (double[] row : p) {
            assertEquals(1.0, row[0] + row[1], 1e-12);
            assertTrue(row[1] >= 0 && row[1] <= 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "svm", "xgboost"})
    void noisyProblem(String name) {
        ProbabilisticClassifier m = ModelIO.factory(name).create(fast(name), 42);
        m.fit(NOISY_TRAIN);
        double auc = Auroc.of(NOISY_TEST.labels(), m.predictPositive(NOISY_TEST));
        // Bayes AUROC of this problem is about 0.8; demand a clear margin over chance
        assertTrue(auc >= 0.65, name + " AUROC " + auc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "svm", "xgboost"})
    void savedAndReloadedModelPredictsIdentically(String name, @TempDir Path dir) throws Exception {
        ClassifierFactory f = ModelIO.factory(name);
        ProbabilisticClassifier m = f.create(fast(name), 7);
        m.fit(NOISY_TRAIN);
        Path file = dir.resolve(name + ".json");
        ModelIO.save(m, file);
        ProbabilisticClassifier back = ModelIO.load(file);
        assertEquals(name, back.name());
        assertEquals(m.featureNames(), back.featureNames());
        double[][] x = NOISY_TEST.toMatrix();
        assertArrayEquals(m.predictPositive(x), back.predictPositive(x), 0.0);
        assertEquals(m.featureImportance().isPresent(), back.featureImportance().isPresent());
        if (m.featureImportance().isPresent()) {
            assertArrayEquals(m.featureImportance().get(), back.featureImportance().get(), 0.0);
        }
        // the document is plain JSON with the declared header
        JsonNode doc = new ObjectMapper().readTree(file.toFile());
        assertEquals("radtab-model", doc.get("format").asText());
        assertEquals(1, doc.get("formatVersion").asInt());
        // columns are matched by name when predicting from a Dataset
        List<String> reversed = new java.util.ArrayList<>(NOISY_TEST.columnNames());
        java.util.Collections.reverse(reversed);
        assertArrayEquals(m.predictPositive(x), back.predictPositive(NOISY_TEST.columns(reversed)), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "svm", "xgboost"})
    void sameSeedSameModelAndSpaceSamples(String name) {
        ClassifierFactory f = ModelIO.factory(name);
        ProbabilisticClassifier a = f.create(fast(name), 5);
        ProbabilisticClassifier b = f.create(fast(name), 5);
        a.fit(NOISY_TRAIN);
        b.fit(NOISY_TRAIN);
        double[][] x = NOISY_TEST.toMatrix();
        assertArrayEquals(a.predictPositive(x), b.predictPositive(x), 0.0);
        // every configuration of the declared space is accepted
        Random rng = new Random(1);
        for (int i = 0; i < 3; i++) {
            Map<String, Object> p = new HashMap<>(f.space().sample(rng));
            if (name.equals("rf") || name.equals("xgboost")) {
                p.put("n_estimators", 20);
            }
            ProbabilisticClassifier m = f.create(p, i);
            m.fit(SEP_TRAIN);
            // strong penalties may legitimately give a constant model: only check valid output
            for (double v : m.predictPositive(SEP_TEST)) {
                assertTrue(v >= 0 && v <= 1, name + " " + p);
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.create(Map.of("nope", 1), 0));
        assertTrue(e.getMessage().contains("nope"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "rf", "xgboost"})
    void importanceFavoursTheInformativeFeatures(String name) {
        ProbabilisticClassifier m = ModelIO.factory(name).create(fast(name), 3);
        m.fit(SEP_TRAIN);
        double[] imp = m.featureImportance().orElseThrow();
        double informative = Math.min(imp[0], imp[1]);
        for (int j = 2; j < imp.length; j++) {
            assertTrue(informative > imp[j], name + " importance " + java.util.Arrays.toString(imp));
        }
    }

    @Test
    void rejectsMultiClassWhereBinaryOnlyAndBadInput() {
        Dataset three = Dataset.of(new double[][] {{0}, {1}, {2}, {3}}, new int[] {0, 1, 2, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> ModelIO.factory("lr").create(Map.of(), 0).fit(three));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
        ProbabilisticClassifier rf = ModelIO.factory("rf").create(Map.of("n_estimators", 5), 0);
        rf.fit(three);
        assertEquals(3, rf.predictProba(new double[][] {{1.5}})[0].length);
        assertThrows(IllegalArgumentException.class, () -> rf.predictProba(new double[][] {{1, 2}}));
        assertThrows(IllegalStateException.class, () -> ModelIO.factory("svm").create(Map.of(), 0)
            .predictProba(new double[][] {{1}}));
    }
}
