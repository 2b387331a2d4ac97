package org.radtab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.validation.RandomizedSearch;
import org.radtab.ml.validation.SearchResult;

/**
 * 100-iteration x 5-fold randomized search (AUROC, refit of the best configuration) of one
 * classic model on 1000 rows x 30 features: 5 informative features, 25 noise, about 20%
 * positives. One operation = one complete search (501 fits). Run e.g.
 * {@code java -jar benchmarks/target/benchmarks.jar ModelSearchBenchmark -f 1 -wi 1 -i 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class ModelSearchBenchmark {

    @Param({"lr", "rf", "svm", "xgboost"})
    public String model;

    /** Search worker threads (the result does not depend on it). */
    @Param({"2"})
    public int threads;

    private Dataset data;

    @Setup
    public void setUp() {
        Random rng = new Random(2024);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < 30; j++) {
            names.add("f" + j);
        }
        Dataset.Builder b = Dataset.builder(names);
        for (int i = 0; i < 1000; i++) {
            double[] x = new double[30];
            for (int j = 0; j < 30; j++) {
                x[j] = rng.nextGaussian();
            }
            double eta = -1.8 + 1.0 * x[0] - 0.8 * x[1] + 0.6 * x[2] + 0.5 * x[3] * x[4] + 0.4 * x[4];
            b.addRow(x, rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0, null);
        }
        data = b.build();
    }

    @Benchmark
    public SearchResult search() {
        return RandomizedSearch.builder(ModelIO.factory(model)).iterations(100).folds(5).seed(1).threads(threads).build()
            .run(data);
    }
}
