package org.radtab.ml.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;
import org.radtab.ml.pipeline.FeatureTransform;
import org.radtab.ml.pipeline.FittedTransform;
import org.radtab.ml.pipeline.Pipeline;
import org.radtab.ml.pipeline.Resampler;

class RandomizedSearchTest {

    static Dataset data(int n, long seed) {
        Random rng = new Random(seed);
        Dataset.Builder b = Dataset.builder(List.of("a", "b", "c")).labelName("y").idName("id");
        for (int i = 0; i < n; i++) {
            int y = i % 4 == 0 ? 1 : 0;
            b.addRow(new double[] {rng.nextGaussian() + y, rng.nextGaussian(), rng.nextGaussian() - 0.5 * y}, y, "r" + i);
        }
        return b.build();
    }

    /** Records the row ids of every dataset it is fitted on; applies the identity. */
    static final class SpyTransform implements FeatureTransform {
        final List<Set<String>> fits = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "spy-transform";
        }

        @Override
        public FittedTransform fit(Dataset train) {
            Set<String> ids = new HashSet<>();
            for (int r = 0; r < train.rows(); r++) {
                ids.add(train.id(r));
            }
            fits.add(ids);
            List<String> cols = train.columnNames();
            return new FittedTransform() {
                @Override
                public Dataset apply(Dataset d) {
                    return d.columns(cols);
                }

                @Override
                public List<String> inputColumns() {
                    return cols;
                }

                @Override
                public List<String> outputColumns() {
                    return cols;
                }
            };
        }
    }

    /** Records the ids it resamples and duplicates the positives (new rows get fresh ids). */
    static final class SpyResampler implements Resampler {
        final List<Set<String>> calls = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String name() {
            return "spy-resampler";
        }

        @Override
        public Dataset resample(Dataset train, long seed) {
            Set<String> ids = new HashSet<>();
            Dataset.Builder b = train.emptyLike();
            for (int r = 0; r < train.rows(); r++) {
                ids.add(train.id(r));
                b.addRow(train.row(r), train.label(r), train.id(r));
            }
            for (int r : train.rowsOfClass(1)) {
                b.addRow(train.row(r), 1, "synthetic-" + seed + "-" + r);
            }
            calls.add(ids);
            return b.build();
        }
    }

    @Test
    void noValidationRowReachesATransformFitOrAResampler() {
        Dataset d = data(80, 1);
        SpyTransform spy = new SpyTransform();
        SpyResampler res = new SpyResampler();
        int k = 4;
        long seed = 99;
        SearchResult r = RandomizedSearch.builder(new ToyFactory()).iterations(6).folds(k).seed(seed).threads(3)
            .pipeline(Pipeline.builder().transform(spy).resample(res).build()).build().run(d);
        // the folds the search uses (documented: kFold with derive(seed, 0))
        List<Split> folds = StratifiedSplits.kFold(d, k, Seeds.derive(seed, 0));
        Set<String> all = new HashSet<>();
        for (int i = 0; i < d.rows(); i++) {
            all.add(d.id(i));
        }
        assertEquals(k + 1, spy.fits.size(), "one fit per fold plus the refit");
        assertEquals(k + 1, res.calls.size());
        for (List<Set<String>> seen : List.of(spy.fits, res.calls)) {
            Set<Set<String>> expected = new HashSet<>();
            for (Split s : folds) {
                Set<String> train = new HashSet<>();
                for (int i : s.train()) {
                    train.add(d.id(i));
                }
                expected.add(train);
                Set<String> validation = new HashSet<>();
                for (int i : s.test()) {
                    validation.add(d.id(i));
                }
                // the fit for this fold saw exactly the training rows and none of the validation rows
                assertTrue(seen.contains(train));
            }
            expected.add(all); // the refit on the whole training set
            assertEquals(expected, new HashSet<>(seen));
        }
        assertTrue(r.bestModel().isPresent());
        assertEquals(6, r.trials().size());
    }

    @Test
    void deterministicWhateverTheThreadCount() {
        Dataset d = data(120, 2);
        SearchResult one = RandomizedSearch.builder(new ToyFactory()).iterations(12).folds(5).seed(7).threads(1)
            .pipeline(Pipeline.builder().resample(new SpyResampler()).build()).build().run(d);
        SearchResult four = RandomizedSearch.builder(new ToyFactory()).iterations(12).folds(5).seed(7).threads(4)
            .pipeline(Pipeline.builder().resample(new SpyResampler()).build()).build().run(d);
        for (int i = 0; i < 12; i++) {
            assertArrayEquals(one.trials().get(i).foldScores(), four.trials().get(i).foldScores(), 0.0);
            assertEquals(one.trials().get(i).params(), four.trials().get(i).params());
        }
        assertEquals(one.bestTrial().index(), four.bestTrial().index());
        assertArrayEquals(one.predictPositive(d), four.predictPositive(d), 0.0);
        // the trial with the larger mean wins; sign -1 inverts the score and loses
        assertEquals(1, one.bestParams().get("sign"));
        double max = one.trials().stream().mapToDouble(Trial::mean).max().orElseThrow();
        assertEquals(max, one.bestScore());
        // a different seed gives different draws
        SearchResult other = RandomizedSearch.builder(new ToyFactory()).iterations(12).folds(5).seed(8).threads(2)
            .build().run(d);
        assertFalse(other.trials().get(0).params().equals(one.trials().get(0).params()));
        // the JSON report lists every trial
        assertEquals(12, one.toJson().get("trials").size());
        assertEquals(5, one.toJson().get("trials").get(0).get("foldScores").size());
    }

    @Test
    void failedTrialsAreRecordedAndTooFewRowsRejected() {
        Dataset d = data(40, 3);
        Resampler broken = new Resampler() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public Dataset resample(Dataset train, long seed) {
                throw new IllegalStateException("boom");
            }
        };
        assertThrows(IllegalStateException.class, () -> RandomizedSearch.builder(new ToyFactory()).iterations(2)
            .folds(3).pipeline(Pipeline.builder().resample(broken).build()).build().run(d));
        Dataset tiny = data(8, 4); // 2 positives
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> RandomizedSearch.builder(new ToyFactory()).iterations(2).folds(3).build().run(tiny));
        assertTrue(e.getMessage().contains("fewer than the 3 folds"), e.getMessage());
    }
}
