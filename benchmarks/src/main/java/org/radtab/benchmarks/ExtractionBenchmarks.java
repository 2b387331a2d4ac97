package org.radtab.benchmarks;

import java.util.Map;
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
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * Whole extractions, from the image and mask in memory to the feature values, single thread unless
 * stated:
 * <ul>
 *   <li>{@code vertebraPaper}: the paper's 1223 features of one synthetic vertebra
 *       ({@link RadiomicsSettings#paperRbp()}, int16 source);</li>
 *   <li>{@code brain1Original}: the 107 default "original" PyRadiomics features of brain1
 *       ({@link RadiomicsSettings#pyradiomicsDefaults()});</li>
 *   <li>{@code ctPhantomIbsiC}: IBSI 1 configuration C on the CT phantom, all 11 families, with
 *       and without Moran's I / Geary's C ({@code autocorrelation});</li>
 *   <li>{@code ctPhantomPaper}: the paper's 1223-feature configuration on the CT phantom;</li>
 *   <li>{@code vertebraPaperTwoThreads}: as {@code vertebraPaper} with the case's derived images on
 *       two threads ({@link FeatureExtractor#withThreads(int)}; not a single-thread figure);</li>
 *   <li>{@code vertebraPaperHugePages}: as {@code vertebraPaper}, in a JVM that backs its heap with
 *       transparent huge pages ({@code -XX:+UseTransparentHugePages}, Linux only; ignored
 *       elsewhere): a deployment option for long-running extraction (set it with
 *       {@code RADTAB_JAVA_OPTS} for the {@code radtab} command). An extraction writes about 15 MB
 *       of arrays per case that are not in the cache; with 4 KB pages each new page also costs a
 *       TLB miss, with 2 MB pages almost none. NumPy (so PyRadiomics) asks Linux for huge pages for
 *       its large arrays by itself; a JVM does only when told.</li>
 * </ul>
 * Extraction without the diagnostics strings would be slightly faster; they are kept because
 * PyRadiomics computes them too ({@code additionalInfo: true}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractionBenchmarks {

    @State(Scope.Benchmark)
    public static class Vertebra {
        VertebraPhantom.Rendered v;
        final FeatureExtractor paper = new FeatureExtractor(RadiomicsSettings.paperRbp());
        final FeatureExtractor paperTwoThreads = paper.withThreads(2);

        @Setup
        public void setUp() {
            v = BenchmarkInputs.vertebra(BenchmarkInputs.VERTEBRA);
        }
    }

    @State(Scope.Benchmark)
    public static class Brain1 {
        BenchmarkInputs.Case c;
        final FeatureExtractor defaults = new FeatureExtractor(RadiomicsSettings.pyradiomicsDefaults());

        @Setup
        public void setUp() {
            c = BenchmarkInputs.brain1();
        }
    }

    @State(Scope.Benchmark)
    public static class CtPhantom {
        @Param({"true", "false"})
        public boolean autocorrelation;
        BenchmarkInputs.Case c;
        IbsiExtractor configC;
        final FeatureExtractor paper = new FeatureExtractor(RadiomicsSettings.paperRbp());

        @Setup
        public void setUp() {
            c = BenchmarkInputs.ctPhantom();
            IbsiExtractor.Config k = IbsiExtractor.Config.ctPhantom('C');
            configC = new IbsiExtractor(new IbsiExtractor.Config(k.name(), k.preprocessing(), k.aggregations(),
                k.binning(), k.binParameter(), k.ivh(), autocorrelation));
        }
    }

    @State(Scope.Benchmark)
    public static class CtPhantomPaper {
        BenchmarkInputs.Case c;
        final FeatureExtractor paper = new FeatureExtractor(RadiomicsSettings.paperRbp());

        @Setup
        public void setUp() {
            c = BenchmarkInputs.ctPhantom();
        }
    }

    @Benchmark
    public FeatureVector vertebraPaper(Vertebra s) {
        return s.paper.extract(s.v.ct(), s.v.reader1(), OutputCast.INT16);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UseTransparentHugePages"})
    public FeatureVector vertebraPaperHugePages(Vertebra s) {
        return s.paper.extract(s.v.ct(), s.v.reader1(), OutputCast.INT16);
    }

    @Benchmark
    public FeatureVector vertebraPaperTwoThreads(Vertebra s) {
        return s.paperTwoThreads.extract(s.v.ct(), s.v.reader1(), OutputCast.INT16);
    }

    @Benchmark
    public FeatureVector brain1Original(Brain1 s) {
        return s.defaults.extract(s.c.image(), s.c.mask(), s.c.cast());
    }

    @Benchmark
    public Map<String, Double> ctPhantomIbsiC(CtPhantom s) {
        return s.configC.extract(s.c.image(), s.c.mask());
    }

    @Benchmark
    public FeatureVector ctPhantomPaper(CtPhantomPaper s) {
        return s.paper.extract(s.c.image(), s.c.mask(), s.c.cast());
    }
}
