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
import org.radtab.ml.Dataset;
import org.radtab.selection.CccFilter;

/** The two-reader CCC filter (CCC with CI plus ICCs) on 1223 features x 60 cases, cases matched by id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConcordanceBenchmark {

    private Dataset reader1;
    private Dataset reader2;

    @Setup
    public void setUp() {
        Dataset[] readers = SyntheticTables.twoReaders(60, 1223, 77);
        reader1 = readers[0];
        reader2 = readers[1];
    }

    @Benchmark
    public CccFilter.Result ccc1223x60() {
        return CccFilter.defaults().apply(reader1, reader2);
    }
}
