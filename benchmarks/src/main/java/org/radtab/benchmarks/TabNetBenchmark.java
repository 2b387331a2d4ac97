package org.radtab.benchmarks;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.radtab.ml.Dataset;
import org.radtab.models.tabnet.EpochRecord;
import org.radtab.models.tabnet.TabNetClassifier;
import org.radtab.models.tabnet.TabNetConfig;
import org.radtab.models.tabnet.TabNetTrainer;
import org.radtab.models.tabnet.nn.MatOps;
import org.radtab.models.tabnet.nn.NetworkSpec;

/**
 * TabNet training and inference speed on one thread.
 *
 * <ul>
 *   <li>{@code epoch1000}: one training epoch on 1000 x 30 rows (batch 256, virtual batch 128,
 *       n_d = n_a = 8, n_steps = 3, other parameters at their defaults; drop_last, so 3 batches).</li>
 *   <li>{@code predict1000}: class probabilities for the same 1000 rows.</li>
 *   <li>{@code referenceEpoch318}: the setting of PyTorch-TabNet's reference figure (0.039 s per
 *       epoch with torch on one thread): 318 training rows x 30 features, batch 256 / virtual batch
 *       128, defaults otherwise, i.e. one batch per epoch with drop_last, plus the evaluation
 *       (AUROC and early-stopping bookkeeping) on 80 rows.</li>
 *   <li>{@code matmul256x32x16}: the engine's dense kernel on a 256 x 32 times 32 x 16 product
 *       (ND4J 1.0.0-M2.1 measured 63-79 us, EJML / naive Java 88-134 us on this machine kind).</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar TabNet -f 1 -wi 2 -i 3}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TabNetBenchmark {

    /** 30 standard-normal features, label from a noisy linear score on 5 of them (seeded). */
    static Dataset data(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][30];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < 30; j++) {
                x[i][j] = rng.nextGaussian();
                if (j < 5) {
                    s += (j % 2 == 0 ? 1 : -1) * x[i][j];
                }
            }
            y[i] = s + rng.nextGaussian() > 0.8 ? 1 : 0;
        }
        return Dataset.of(x, y);
    }

    static TabNetTrainer trainer(Dataset train, Dataset eval) {
        TabNetConfig config = TabNetConfig.fromParams(Map.of("batch_size", 256, "virtual_batch_size", 128,
            "n_d", 8, "n_a", 8, "n_steps", 3));
        NetworkSpec spec = TabNetClassifier.networkSpec(config, train.columnNames(), 2, train.toMatrix(), null);
        return new TabNetTrainer(config, spec, train.toMatrix(), train.labels(),
            eval == null ? null : eval.toMatrix(), eval == null ? null : eval.labels(), 0L);
    }

    /** 1000 x 30 rows. */
    @State(Scope.Thread)
    public static class Thousand {
        TabNetTrainer trainer;
        TabNetClassifier model;
        double[][] x;

        @Setup(Level.Trial)
        public void setUp() {
            Dataset d = data(1000, 1);
            trainer = trainer(d, null);
            x = d.toMatrix();
            model = new TabNetClassifier(Map.of("batch_size", 256, "virtual_batch_size", 128, "max_epochs", 5), 0L);
            model.fit(d);
        }
    }

    /** 318 training rows and 80 evaluation rows. */
    @State(Scope.Thread)
    public static class Reference {
        TabNetTrainer trainer;

        @Setup(Level.Trial)
        public void setUp() {
            trainer = trainer(data(318, 2), data(80, 3));
        }
    }

    /** Operands of the matmul kernel. */
    @State(Scope.Thread)
    public static class Matmul {
        double[] x = new double[256 * 32];
        double[] w = new double[32 * 16];
        double[] y = new double[256 * 16];

        @Setup(Level.Trial)
        public void setUp() {
            Random rng = new Random(4);
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextGaussian();
            }
            for (int i = 0; i < w.length; i++) {
                w[i] = rng.nextGaussian();
            }
        }
    }

    @Benchmark
    public double epoch1000(Thousand s) {
        return s.trainer.trainEpoch();
    }

    @Benchmark
    public double[][] predict1000(Thousand s) {
        return s.model.predictProba(s.x);
    }

    @Benchmark
    public EpochRecord referenceEpoch318(Reference s) {
        return s.trainer.runEpoch();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double[] matmul256x32x16(Matmul s) {
        MatOps.matmul(s.x, 256, 32, s.w, 16, s.y);
        return s.y;
    }
}
