package org.radtab.models.tabnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.models.tabnet.nn.Tensor;

class TabNetClassifierTest {

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * Only x3, x11 and x27 carry signal: TabNet (defaults except batch 256 / virtual batch 128,
     * early stopping on a separate 500-row set) must rank those three on top of its global
     * importance and reach AUROC >= 0.95 on 1000 fresh rows.
     */
    @Test
    void findsTheThreeSignalFeatures() {
        Dataset train = SyntheticData.threeSignalFeatures(1500, 1);
        Dataset valid = SyntheticData.threeSignalFeatures(500, 2);
        Dataset test = SyntheticData.threeSignalFeatures(1000, 3);
        TabNetClassifier m = new TabNetClassifier(params("batch_size", 256, "virtual_batch_size", 128,
            "max_epochs", 40, "patience", 10), 7);
        m.fit(train, valid);
        double auc = Auroc.of(m.predictPositive(test.toMatrix()), test.labels());
        assertTrue(auc >= 0.95, "test AUROC " + auc);
        double[] imp = m.featureImportance().orElseThrow();
        assertEquals(30, imp.length);
        assertEquals(1.0, Arrays.stream(imp).sum(), 1e-12);
        Integer[] order = new Integer[30];
        for (int j = 0; j < 30; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Double.compare(imp[b], imp[a]));
        System.out.printf("three-signal problem: test AUROC %.4f, top importances x%d %.3f, x%d %.3f, x%d %.3f, "
            + "next x%d %.3f%n", auc, order[0], imp[order[0]], order[1], imp[order[1]], order[2], imp[order[2]],
            order[3], imp[order[3]]);
        int[] top = {order[0], order[1], order[2]};
        Arrays.sort(top);
        assertArrayEquals(SyntheticData.SIGNAL, top, "top-3 importance " + Arrays.toString(imp));
    }

    /**
     * Early stopping follows PyTorch-TabNet's rule (stop once {@code patience} epochs in a row
     * did not improve) and restores the best epoch's weights: the metric recomputed on the
     * evaluation set after fit equals the best one in the history.
     */
    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        Dataset train = SyntheticData.noisyLogistic(400, 5);
        Dataset valid = SyntheticData.noisyLogistic(300, 6);
        int patience = 4;
        TabNetClassifier m = new TabNetClassifier(params("n_steps", 1, "batch_size", 64, "virtual_batch_size", 32,
            "max_epochs", 60, "patience", patience), 3);
        m.fit(train, valid);
        List<EpochRecord> h = m.history();
        int best = m.bestEpoch();
        double bestMetric = h.get(best).evalMetric().getAsDouble();
        for (EpochRecord r : h) {
            assertTrue(r.evalMetric().getAsDouble() <= bestMetric);
            if (r.epoch() < best) {
                assertTrue(r.evalMetric().getAsDouble() < bestMetric, "first best wins");
            }
        }
        if (h.size() < 60) {
            assertEquals(best + patience, h.size() - 1, "stopped after patience epochs without improvement");
        }
        double again = Auroc.of(m.predictPositive(valid.toMatrix()), valid.labels());
        assertEquals(bestMetric, again, 0.0, "best weights restored");
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Dataset d = SyntheticData.threeSignalFeatures(300, 9);
        Map<String, Object> p = params("n_steps", 2, "batch_size", 64, "virtual_batch_size", 32, "max_epochs", 5,
            "eval_fraction", 0.2, "mask_type", "entmax");
        TabNetClassifier a = new TabNetClassifier(p, 11);
        TabNetClassifier b = new TabNetClassifier(p, 11);
        TabNetClassifier c = new TabNetClassifier(p, 12);
        a.fit(d);
        b.fit(d);
        c.fit(d);
        List<Tensor> ta = new ArrayList<>(a.network().tensors().values());
        List<Tensor> tb = new ArrayList<>(b.network().tensors().values());
        List<Tensor> tc = new ArrayList<>(c.network().tensors().values());
        boolean anyDifferent = false;
        for (int i = 0; i < ta.size(); i++) {
            assertArrayEquals(ta.get(i).data, tb.get(i).data, 0.0, ta.get(i).name());
            anyDifferent |= !Arrays.equals(ta.get(i).data, tc.get(i).data);
        }
        assertTrue(anyDifferent, "another seed gives other weights");
        assertEquals(a.history(), b.history());
        assertArrayEquals(a.featureImportance().orElseThrow(), b.featureImportance().orElseThrow(), 0.0);
    }

    /** A table with a categorical column (codes 0..3) whose category shifts the outcome. */
    private static Dataset withCategorical(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = rng.nextGaussian();
            }
            int cat = rng.nextInt(4);
            x[i][2] = cat;
            double s = x[i][0] + (cat == 3 ? 1.5 : cat == 0 ? -1.5 : 0) + 0.5 * rng.nextGaussian();
            y[i] = s > 0 ? 1 : 0;
        }
        return Dataset.of(x, List.of("a", "b", "site", "c", "d", "e"), y);
    }

    @Test
    void savedModelPredictsIdentically(@TempDir Path dir) throws Exception {
        Dataset d = withCategorical(400, 4);
        TabNetClassifier m = new TabNetClassifier(params("n_steps", 2, "batch_size", 128, "virtual_batch_size", 64,
            "max_epochs", 15, "cat_columns", List.of("site"), "cat_emb_dim", 2, "eval_fraction", 0.2), 5);
        m.fit(d);
        Path file = dir.resolve("tabnet.json");
        ModelIO.save(m, file);
        ProbabilisticClassifier loaded = ModelIO.load(file);
        assertInstanceOf(TabNetClassifier.class, loaded);
        double[][] x = withCategorical(200, 8).toMatrix();
        double[][] p1 = m.predictProba(x);
        double[][] p2 = loaded.predictProba(x);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(p1[i], p2[i], 0.0);
        }
        assertArrayEquals(m.featureImportance().orElseThrow(), loaded.featureImportance().orElseThrow(), 0.0);
        assertEquals(m.featureNames(), loaded.featureNames());
        assertEquals(m.params(), loaded.params());
        TabNetClassifier t = (TabNetClassifier) loaded;
        assertEquals(m.history(), t.history());
        assertEquals(m.bestEpoch(), t.bestEpoch());
        TabNetExplanation e1 = m.explain(x);
        TabNetExplanation e2 = t.explain(x);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(e1.aggregate()[i], e2.aggregate()[i], 0.0);
        }
        // the embedding table is stored [cardinality, width]
        assertArrayEquals(new int[] {4, 2}, t.network().tensors().get("embedding.2.weight").shape());
    }

    /**
     * Explanations: step masks are distributions over the input columns (embedding columns
     * summed back), the aggregate equals sum_t eta_t M_t with eta_t >= 0 (so it is 0 exactly
     * where every step mask is 0), normalised rows sum to 1, and the global importance is the
     * normalised column sum of the training rows' aggregate.
     */
    @Test
    void explanationsAreConsistent() {
        Dataset d = withCategorical(300, 12);
        TabNetClassifier m = new TabNetClassifier(params("n_steps", 3, "batch_size", 100, "virtual_batch_size", 50,
            "max_epochs", 10, "cat_columns", List.of("site"), "cat_emb_dim", 3), 2);
        m.fit(d);
        TabNetExplanation e = m.explain(d.toMatrix());
        assertEquals(3, e.stepMasks().length);
        double[] colSum = new double[6];
        for (int i = 0; i < d.rows(); i++) {
            for (int t = 0; t < 3; t++) {
                double[] row = e.stepMasks()[t][i];
                assertEquals(6, row.length);
                assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
                for (double v : row) {
                    assertTrue(v >= 0);
                }
            }
            for (int j = 0; j < 6; j++) {
                double a = e.aggregate()[i][j];
                assertTrue(a >= 0);
                boolean anyMask = false;
                for (int t = 0; t < 3; t++) {
                    anyMask |= e.stepMasks()[t][i][j] > 0;
                }
                if (!anyMask) {
                    assertEquals(0.0, a, 0.0);
                }
                colSum[j] += a;
            }
        }
        double total = Arrays.stream(colSum).sum();
        double[] imp = m.featureImportance().orElseThrow();
        for (int j = 0; j < 6; j++) {
            assertEquals(colSum[j] / total, imp[j], 1e-12);
        }
        TabNetExplanation norm = m.explain(d.toMatrix(), true);
        for (double[] row : norm.aggregate()) {
            double s = Arrays.stream(row).sum();
            assertTrue(s == 0.0 || Math.abs(s - 1.0) < 1e-12);
        }
    }

    @Test
    void registeredAsTabnetWithASearchableSpace() {
        ClassifierFactory f = ModelIO.factory("tabnet");
        assertInstanceOf(TabNetFactory.class, f);
        assertFalse(f.defaults().containsKey("n_a"), "n_a follows n_d");
        assertEquals(8, f.defaults().get("n_d"));
        Random rng = new Random(1);
        for (int k = 0; k < 50; k++) {
            Map<String, Object> sample = f.space().sample(rng);
            TabNetClassifier m = (TabNetClassifier) f.create(sample, 0);
            assertEquals(m.config().nD(), m.config().nA(), "n_a tied to n_d");
        }
        // one sampled configuration trains end to end
        TabNetClassifier m = (TabNetClassifier) f.create(
            new LinkedHashMap<>(Map.of("n_d", 8, "n_steps", 1, "max_epochs", 3, "batch_size", 32, "virtual_batch_size", 16)), 0);
        Dataset d = SyntheticData.threeSignalFeatures(120, 1);
        m.fit(d);
        assertEquals(120, m.predictProba(d.toMatrix()).length);
    }

    @Test
    void badInputFailsWithClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new TabNetClassifier(params("n_stepz", 3), 0));
        assertTrue(e.getMessage().contains("n_stepz"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TabNetClassifier(params("gamma", 0.5), 0));
        assertTrue(e.getMessage().contains("gamma"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TabNetClassifier(params("mask_type", "softmax"), 0));
        assertTrue(e.getMessage().contains("mask_type"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new TabNetClassifier(params(), 0).predictProba(new double[1][1]));

        Dataset d = withCategorical(100, 1);
        TabNetClassifier m = new TabNetClassifier(params("max_epochs", 2, "batch_size", 50, "virtual_batch_size", 25,
            "cat_columns", List.of("site")), 0);
        m.fit(d);
        double[][] x = d.toMatrix();
        x[3][4] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> m.predictProba(x));
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("'d'"), e.getMessage());
        double[][] y = d.toMatrix();
        y[5][2] = 7;
        e = assertThrows(IllegalArgumentException.class, () -> m.predictProba(y));
        assertTrue(e.getMessage().contains("'site'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> m.predictProba(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("expected 6"), e.getMessage());
        TabNetClassifier bad = new TabNetClassifier(params("cat_columns", List.of("nope")), 0);
        e = assertThrows(IllegalArgumentException.class, () -> bad.fit(d));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }
}
