package org.radtab.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler for a shared, loaded machine: besides the wall time JMH reports, the CPU time
 * the benchmark JVM used per operation ({@code cpu.time.norm}, all its threads: the benchmark
 * thread, GC and JIT) and the system load average at the end of each iteration
 * ({@code load.avg}). When other processes compete for the cores, wall time grows with the load
 * while CPU time per operation stays close to what an idle machine would show.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar -prof org.radtab.benchmarks.CpuTimeProfiler ...
 * </pre>
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation (benchmark, GC and JIT threads) and the load average";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            ops = Math.max(1, result.getMetadata().getAllOps());
        }
        return List.of(
            new ScalarResult("cpu.time.norm", cpu / 1e6 / ops, "ms/op", AggregationPolicy.AVG),
            new ScalarResult("load.avg", os.getSystemLoadAverage(), "", AggregationPolicy.AVG));
    }
}
