package org.radtab.benchmarks;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * Paired A/B timing of two builds in one JVM: the benchmark vertebra's 1223 paper features
 * ({@code ExtractionBenchmarks.vertebraPaper}), extracted by build A and build B in turn, A first
 * in even pairs and B first in odd ones. Each build's classes come from its own benchmarks jar
 * (a class loader per jar), so both are compiled by the same JIT and see the same machine state
 * from one case to the next: on a shared, noisy machine the ratio of the two times in a pair
 * varies much less than either time. Prints each build's median and 10th percentile and the
 * median (with quartiles) of the paired ratio B / A. An A/A run (the same jar twice) shows the
 * method's own bias and spread.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.JarAB A.jar B.jar [pairs] [warm-up pairs]
 * </pre>
 * Defaults: 300 pairs after 60 warm-up pairs (about a minute). A jar built before this class
 * existed works too: the per-jar loader takes this class's {@link Case} from the running jar and
 * everything else from the jar under test.
 */
public final class JarAB {
    private JarAB() {
    }

    /** One extraction of the benchmark vertebra per {@link #run()}, linked against the jar under test. */
    public static final class Case implements Runnable {
        private final FeatureExtractor extractor = new FeatureExtractor(RadiomicsSettings.paperRbp());
        private final VertebraPhantom.Rendered v = BenchmarkInputs.vertebra(BenchmarkInputs.VERTEBRA);

        @Override
        public void run() {
            if (extractor.extract(v.ct(), v.reader1(), OutputCast.INT16).size() == 0) {
                throw new IllegalStateException("no features extracted");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: JarAB A.jar B.jar [pairs (300)] [warm-up pairs (60)]");
            System.exit(2);
        }
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        if (pairs < 4 || warmUp < 0) {
            throw new IllegalArgumentException("need at least 4 pairs and no negative warm-up");
        }
        URL self = JarAB.class.getProtectionDomain().getCodeSource().getLocation();
        Runnable[] build = new Runnable[2];
        for (int b = 0; b < 2; b++) {
            Path jar = Path.of(args[b]);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no such jar: " + jar);
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), self},
                ClassLoader.getPlatformClassLoader());
            build[b] = (Runnable) loader.loadClass(Case.class.getName()).getDeclaredConstructor().newInstance();
        }
        for (int w = 0; w < warmUp; w++) {
            build[0].run();
            build[1].run();
        }
        double[][] ms = new double[2][pairs];
        double[] ratio = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            for (int q = 0; q < 2; q++) {
                int b = q ^ (p & 1);
                long t0 = System.nanoTime();
                build[b].run();
                ms[b][p] = (System.nanoTime() - t0) / 1e6;
            }
            ratio[p] = ms[1][p] / ms[0][p];
        }
        for (int b = 0; b < 2; b++) {
            double[] s = ms[b].clone();
            Arrays.sort(s);
            System.out.printf("%s %s: median %.1f ms, 10th percentile %.1f ms (%d extractions)%n", b == 0 ? "A" : "B",
                args[b], s[pairs / 2], s[pairs / 10], pairs);
        }
        Arrays.sort(ratio);
        System.out.printf("paired ratio B / A: median %.3f (quartiles %.3f - %.3f)%n", ratio[pairs / 2], ratio[pairs / 4],
            ratio[3 * pairs / 4]);
    }
}
