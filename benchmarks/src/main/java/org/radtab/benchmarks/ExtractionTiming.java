package org.radtab.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * A plain timed run of one whole extraction, repeated, with the peak heap use (for heap limits,
 * profiling with JFR, and quick checks between JMH runs):
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.ExtractionTiming ctPhantomPaper 10
 * </pre>
 *
 * Cases: {@code vertebraPaper}, {@code brain1Original}, {@code ctPhantomIbsiC},
 * {@code ctPhantomIbsiCNoAutocorrelation}, {@code ctPhantomPaper}. Prints each repetition's wall
 * time and thread CPU time (less sensitive to a loaded machine), the medians of the second half
 * (warm), and the peak heap occupancy over the run
 * (sum of the heap pools' peaks: an upper bound of the live set).
 */
public final class ExtractionTiming {
    private ExtractionTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ExtractionTiming CASE [REPETITIONS]");
            System.exit(2);
        }
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Supplier<Object> task = task(args[0]);
        double[] ms = new double[reps];
        double[] cpu = new double[reps];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < reps; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            Object out = task.get();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
            System.out.printf(Locale.ROOT, "%s rep %d: %.1f ms wall, %.1f ms thread CPU (%s)%n", args[0], r + 1, ms[r],
                cpu[r], size(out));
        }
        double[] warm = Arrays.copyOfRange(ms, reps / 2, reps);
        Arrays.sort(warm);
        double[] warmCpu = Arrays.copyOfRange(cpu, reps / 2, reps);
        Arrays.sort(warmCpu);
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%s: warm median %.1f ms wall (min %.1f), %.1f ms thread CPU (min %.1f); "
            + "peak heap %.0f MB (max heap %.0f MB); load average %.2f%n",
            args[0], warm[warm.length / 2], warm[0], warmCpu[warmCpu.length / 2], warmCpu[0], peak / 1048576.0,
            Runtime.getRuntime().maxMemory() / 1048576.0,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String size(Object out) {
        if (out instanceof java.util.Map<?, ?> m) {
            return m.size() + " values";
        }
        if (out instanceof org.radtab.radiomics.FeatureVector v) {
            return v.size() + " features";
        }
        return String.valueOf(out);
    }

    static Supplier<Object> task(String name) {
        switch (name) {
            case "vertebraPaper": {
                VertebraPhantom.Rendered v = BenchmarkInputs.vertebra(BenchmarkInputs.VERTEBRA);
                FeatureExtractor x = new FeatureExtractor(RadiomicsSettings.paperRbp());
                return () -> x.extract(v.ct(), v.reader1(), OutputCast.INT16);
            }
            case "brain1Original": {
                BenchmarkInputs.Case c = BenchmarkInputs.brain1();
                FeatureExtractor x = new FeatureExtractor(RadiomicsSettings.pyradiomicsDefaults());
                return () -> x.extract(c.image(), c.mask(), c.cast());
            }
            case "ctPhantomIbsiC":
            case "ctPhantomIbsiCNoAutocorrelation": {
                BenchmarkInputs.Case c = BenchmarkInputs.ctPhantom();
                IbsiExtractor.Config k = IbsiExtractor.Config.ctPhantom('C');
                IbsiExtractor x = new IbsiExtractor(new IbsiExtractor.Config(k.name(), k.preprocessing(),
                    k.aggregations(), k.binning(), k.binParameter(), k.ivh(), name.equals("ctPhantomIbsiC")));
                return () -> x.extract(c.image(), c.mask());
            }
            case "ctPhantomPaper": {
                BenchmarkInputs.Case c = BenchmarkInputs.ctPhantom();
                FeatureExtractor x = new FeatureExtractor(RadiomicsSettings.paperRbp());
                return () -> x.extract(c.image(), c.mask(), c.cast());
            }
            default:
                throw new IllegalArgumentException("unknown case " + name);
        }
    }
}
