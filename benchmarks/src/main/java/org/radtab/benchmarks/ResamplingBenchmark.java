package org.radtab.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radtab.imbalance.ResamplingPipeline;
import org.radtab.ml.Dataset;

/** ADASYN then Tomek links (the paper's pipeline) on a 600 x 30 training set with ~12% positives. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ResamplingBenchmark {

    private Dataset train;
    private ResamplingPipeline pipeline;

    @Setup
    public void setUp() {
        train = SyntheticTables.radiomicsLike(600, 30, 0.12, 5);
        pipeline = ResamplingPipeline.adasynThenTomek();
    }

    @Benchmark
    public Dataset adasynTomek600x30() {
        return pipeline.resample(train, 42);
    }
}
