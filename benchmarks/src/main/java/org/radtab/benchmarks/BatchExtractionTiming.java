package org.radtab.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * A warm batch of vertebra cases on one thread, extraction only: the first N patients of the
 * synthetic cohort (seed {@link BenchmarkInputs#SEED}) are rendered first (93 x 79 x 16 voxels
 * at 0.7 x 0.7 x 3 mm, reader 1's mask, int16 source as written by {@code radtab phantom}), then
 * the paper's 1223 features of every case are extracted W times as warm-up and R times timed, each
 * case with its own thread CPU time. Prints the mean and the distribution of the per-case times
 * and the ROI sizes. The batch target is the mean per case.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.BatchExtractionTiming [N=40] [W=2] [R=5]
 * </pre>
 */
public final class BatchExtractionTiming {
    private BatchExtractionTiming() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Patient> cohort = new CohortGenerator().generate(BenchmarkInputs.SEED, CohortGenerator.PAPER_PATIENTS,
            CohortGenerator.PAPER_EVENTS);
        List<VertebraPhantom.Rendered> cases = new ArrayList<>();
        for (Patient p : cohort.subList(0, n)) {
            cases.add(VertebraPhantom.render(p));
        }
        FeatureExtractor extractor = new FeatureExtractor(RadiomicsSettings.paperRbp());
        int[] roi = new int[n];
        for (int w = 0; w < warm; w++) {
            for (int c = 0; c < n; c++) {
                extractor.extract(cases.get(c).ct(), cases.get(c).reader1(), OutputCast.INT16);
            }
        }
        var threads = ManagementFactory.getThreadMXBean();
        double[] wall = new double[n * rounds];
        double[] cpu = new double[n * rounds];
        int m = 0;
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < n; c++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                var v = extractor.extract(cases.get(c).ct(), cases.get(c).reader1(), OutputCast.INT16);
                wall[m] = (System.nanoTime() - t0) / 1e6;
                cpu[m] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                m++;
                if (r == 0) {
                    String count = v.diagnostics().get("diagnostics_Mask-interpolated_VoxelNum");
                    roi[c] = count == null ? -1 : Integer.parseInt(count);
                }
            }
        }
        double[] sortedRoi = Arrays.stream(roi).asDoubleStream().sorted().toArray();
        System.out.printf(Locale.ROOT, "%d vertebra cases x %d rounds, 1 thread, 1223 features: mean %.1f ms wall "
                + "(%.1f ms thread CPU) per case; per-case wall median %.1f, 90th percentile %.1f, max %.1f ms%n",
            n, rounds, mean(wall), mean(cpu), quantile(wall, 0.5), quantile(wall, 0.9), quantile(wall, 1.0));
        System.out.printf(Locale.ROOT, "ROI voxels at 1 mm: median %.0f, range %.0f - %.0f; load average %.2f, %d cores%n",
            quantile(sortedRoi, 0.5), sortedRoi[0], sortedRoi[n - 1],
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors());
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[(int) Math.round(q * (s.length - 1))];
    }
}
