package org.radtab.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import org.radtab.ml.Dataset;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.study.CohortFeatures;

/**
 * Timed whole-cohort extraction: the first N patients of the synthetic cohort (seed
 * {@link BenchmarkInputs#SEED}, 856 patients), each CT rendered and its paper's 1223 features
 * extracted from reader 1's mask by {@link CohortFeatures} with T threads, after a warm-up of W
 * cases; prints the wall time, cases per second and the extrapolation to the 856-case cohort.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.CohortExtractionTiming [N=100] [T=2] [W=10]
 * </pre>
 */
public final class CohortExtractionTiming {
    private CohortExtractionTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Patient> cohort = new CohortGenerator().generate(BenchmarkInputs.SEED, CohortGenerator.PAPER_PATIENTS,
            CohortGenerator.PAPER_EVENTS);
        CohortFeatures features = new CohortFeatures(RadiomicsSettings.paperRbp(), threads);
        if (warm > 0) {
            long w0 = System.nanoTime();
            features.extract(cohort.subList(cohort.size() - warm, cohort.size()), CohortFeatures.Reader.ONE, done -> { });
            System.out.printf(Locale.ROOT, "warm-up: %d cases in %.1f s%n", warm, (System.nanoTime() - w0) / 1e9);
        }
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
        long t0 = System.nanoTime();
        Dataset d = features.extract(cohort.subList(0, n), CohortFeatures.Reader.ONE, done -> { });
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime() - cpu0) / 1e9;
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "%d cases x %d features, %d threads: %.1f s wall (%.0f ms per case), "
                + "%.1f s process CPU (%.0f ms per case incl. rendering)%n", d.rows(), d.cols(), threads, s,
            1000 * s / n, cpu, 1000 * cpu / n);
        System.out.printf(Locale.ROOT, "extrapolated to %d cases: %.1f min wall; load average %.2f -> %.2f, %d cores%n",
            CohortGenerator.PAPER_PATIENTS, s / n * CohortGenerator.PAPER_PATIENTS / 60, load0, load1,
            Runtime.getRuntime().availableProcessors());
    }
}
