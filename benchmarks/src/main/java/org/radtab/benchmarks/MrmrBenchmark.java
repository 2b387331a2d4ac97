package org.radtab.benchmarks;

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
import org.radtab.selection.Mrmr;

/** mRMR selecting 20 of 1223 features on 856 cases (the RBP study's sizes), single thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MrmrBenchmark {

    @Param({"FCQ", "MIQ"})
    public String scheme;

    private Dataset data;
    private Mrmr mrmr;

    @Setup
    public void setUp() {
        data = SyntheticTables.radiomicsLike(856, 1223, 0.119, 2024);
        mrmr = new Mrmr(Mrmr.Options.of(Mrmr.Scheme.valueOf(scheme)));
    }

    @Benchmark
    public Mrmr.Result select20of1223() {
        return mrmr.select(data, 20);
    }
}
