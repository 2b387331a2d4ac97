package org.radtab.ml.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.Params;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.ml.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Randomized hyper-parameter search with stratified K-fold cross-validation.
 *
 * <h2>Procedure</h2>
 * <ol>
 *   <li>The training set is split into {@code K} stratified folds
 *       ({@link StratifiedSplits#kFold}, seed {@code derive(seed, 0)}).</li>
 *   <li>For each fold {@code f} the {@link Pipeline} (scaler, resampler, ...) is fitted on the
 *       other {@code K - 1} folds only (seed {@code derive(seed, 3, f)}); the model is trained on
 *       the pipeline's output and scores the validation fold after the fitted transforms
 *       only. No validation row reaches a transform fit or a resampler. The fitted fold pipelines
 *       are shared by all trials (as a resampler with a fixed seed would give in every trial).</li>
 *   <li>Trial {@code i} draws its configuration from the {@link ParameterSpace} with
 *       {@code new Random(derive(seed, 1, i))}; the fixed parameters override drawn ones; the model
 *       seed is {@code derive(seed, 2, i)}. Its score is the mean of the {@code K} fold scores
 *       ({@link Scorer#AUROC} by default).</li>
 *   <li>The best trial (highest mean; ties to the lower index; failed trials skipped) is refitted
 *       on the whole training set through the same pipeline (pipeline seed
 *       {@code derive(seed, 4)}, model seed of the trial).</li>
 * </ol>
 * The {@code iterations x K} fits run in parallel on {@code threads} threads; every random choice
 * comes from a seed derived as above, and results are stored by index, so the result is the same
 * for a seed whatever the thread count. A trial that throws is recorded with its error and
 * skipped; the search fails only when every trial fails.
 */
public final class RandomizedSearch {
    private static final Logger LOG = LoggerFactory.getLogger(RandomizedSearch.class);

    private final ClassifierFactory factory;
    private final ParameterSpace space;
    private final Map<String, Object> fixed;
    private final int iterations;
    private final int folds;
    private final long seed;
    private final int threads;
    private final Scorer scorer;
    private final Pipeline pipeline;
    private final boolean refit;

    private RandomizedSearch(Builder b) {
        this.factory = b.factory;
        this.space = b.space == null ? b.factory.space() : b.space;
        this.fixed = Map.copyOf(b.fixed);
        this.iterations = b.iterations;
        this.folds = b.folds;
        this.seed = b.seed;
        this.threads = b.threads;
        this.scorer = b.scorer;
        this.pipeline = b.pipeline;
        this.refit = b.refit;
    }

    public static Builder builder(ClassifierFactory factory) {
        return new Builder(factory);
    }

    /** The configuration of trial {@code i} (reproducible without running the search). */
    public Map<String, Object> trialParams(int i) {
        Map<String, Object> drawn = new LinkedHashMap<>(space.sample(new Random(Seeds.derive(seed, 1, i))));
        drawn.putAll(fixed);
        return Params.resolve(factory.name(), factory.defaults(), drawn);
    }

    /**
     * Runs the search on a labelled binary training set.
     *
     * @throws IllegalArgumentException when a class has fewer rows than folds, or every trial failed
     */
    public SearchResult run(Dataset train) {
        int[] counts = train.classCounts();
        if (counts.length != 2) {
            throw new IllegalArgumentException("randomized search supports binary labels; found " + counts.length + " classes");
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < folds) {
                throw new IllegalArgumentException("class " + c + " has " + counts[c] + " rows, fewer than the " + folds
                    + " folds: every validation fold needs both classes");
            }
        }
        List<Split> splits = StratifiedSplits.kFold(train, folds, Seeds.derive(seed, 0));
        List<Map<String, Object>> configs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            configs.add(trialParams(i));
        }
        int nThreads = Math.max(1, Math.min(threads, iterations * folds));
        ExecutorService pool = Executors.newFixedThreadPool(nThreads, r -> {
            Thread t = new Thread(r, "radtab-search");
            t.setDaemon(true);
            return t;
        });
        try {
            // 1. fold pipelines (training rows of the fold only)
            List<Future<Pipeline.FittedPipeline>> pf = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                Dataset trainRows = train.rows(splits.get(f).train());
                long s = Seeds.derive(seed, 3, f);
                pf.add(pool.submit(() -> pipeline.fit(trainRows, s)));
            }
            List<Pipeline.FittedPipeline> fitted = new ArrayList<>();
            List<Dataset> validation = new ArrayList<>();
            for (int f = 0; f < folds; f++) {
                fitted.add(get(pf.get(f)));
                validation.add(fitted.get(f).transform(train.rows(splits.get(f).test())));
            }
            // 2. iterations x folds fits
            double[][] scores = new double[iterations][folds];
            String[] errors = new String[iterations];
            AtomicInteger done = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                for (int f = 0; f < folds; f++) {
                    int ti = i;
                    int tf = f;
                    tasks.add(pool.submit(() -> {
                        try {
                            ProbabilisticClassifier m = factory.create(configs.get(ti), Seeds.derive(seed, 2, ti));
                            m.fit(fitted.get(tf).trainingData());
                            Dataset v = validation.get(tf);
                            scores[ti][tf] = scorer.score(v.labels(), m.predictPositive(v));
                        } catch (RuntimeException e) {
                            scores[ti][tf] = Double.NaN;
                            synchronized (errors) {
                                if (errors[ti] == null) {
                                    errors[ti] = "fold " + tf + ": " + e;
                                }
                            }
                        }
                        int d = done.incrementAndGet();
                        if (d % Math.max(1, (iterations * folds) / 10) == 0) {
                            LOG.debug("{}: {} / {} fits", factory.name(), d, iterations * folds);
                        }
                    }));
                }
            }
            for (Future<?> t : tasks) {
                get(t);
            }
            List<Trial> trials = new ArrayList<>();
            int best = -1;
            for (int i = 0; i < iterations; i++) {
                Trial t;
                if (errors[i] != null) {
                    LOG.warn("{} trial {} failed: {}", factory.name(), i, errors[i]);
                    t = new Trial(i, configs.get(i), scores[i].clone(), Double.NaN, Double.NaN, errors[i]);
                } else {
                    double mean = 0;
                    for (double s : scores[i]) {
                        mean += s;
                    }
                    mean /= folds;
                    double ss = 0;
                    for (double s : scores[i]) {
                        ss += (s - mean) * (s - mean);
                    }
                    t = new Trial(i, configs.get(i), scores[i].clone(), mean, Math.sqrt(ss / (folds - 1)), null);
                    if (best < 0 || mean > trials.get(best).mean()) {
                        best = i;
                    }
                }
                trials.add(t);
            }
            if (best < 0) {
                throw new IllegalArgumentException("every trial of the " + factory.name() + " search failed; first error: "
                    + errors[0]);
            }
            ProbabilisticClassifier model = null;
            Pipeline.FittedPipeline full = null;
            if (refit) {
                full = pipeline.fit(train, Seeds.derive(seed, 4));
                model = factory.create(configs.get(best), Seeds.derive(seed, 2, best));
                model.fit(full.trainingData());
            }
            if (LOG.isInfoEnabled()) {
                LOG.info("{}: best trial {} of {}, mean {} = {}", factory.name(), best, iterations, scorer.name(),
                    String.format(java.util.Locale.ROOT, "%.4f", trials.get(best).mean()));
            }
            return new SearchResult(factory.name(), scorer.name(), folds, seed, pipeline.toString(), trials, best, model,
                full);
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Settings; defaults: 100 iterations, 5 folds, seed 0, AUROC, empty pipeline, refit on, all processors. */
    public static final class Builder {
        private final ClassifierFactory factory;
        private ParameterSpace space;
        private final Map<String, Object> fixed = new LinkedHashMap<>();
        private int iterations = 100;
        private int folds = 5;
        private long seed;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Scorer scorer = Scorer.AUROC;
        private Pipeline pipeline = Pipeline.empty();
        private boolean refit = true;

        private Builder(ClassifierFactory factory) {
            this.factory = java.util.Objects.requireNonNull(factory);
        }

        public Builder iterations(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("iterations must be >= 1, was " + n);
            }
            this.iterations = n;
            return this;
        }

        public Builder folds(int k) {
            if (k < 2) {
                throw new IllegalArgumentException("folds must be >= 2, was " + k);
            }
            this.folds = k;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Worker threads (results do not depend on it). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be >= 1, was " + n);
            }
            this.threads = n;
            return this;
        }

        public Builder scorer(Scorer s) {
            this.scorer = java.util.Objects.requireNonNull(s);
            return this;
        }

        public Builder pipeline(Pipeline p) {
            this.pipeline = java.util.Objects.requireNonNull(p);
            return this;
        }

        /** Search this space instead of the factory's declared one. */
        public Builder space(ParameterSpace s) {
            this.space = s;
            return this;
        }

        /** Parameters held fixed in every trial (override drawn values). */
        public Builder fixed(Map<String, Object> params) {
            this.fixed.putAll(params);
            return this;
        }

        public Builder refit(boolean r) {
            this.refit = r;
            return this;
        }

        public RandomizedSearch build() {
            return new RandomizedSearch(this);
        }
    }
}
