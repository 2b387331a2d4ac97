package org.radtab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;
import org.radtab.ml.pipeline.Resampler;

class ResamplingTest {

    /** 1D data: labels by position. */
    private static Dataset line(double[] x, int[] y) {
        double[][] m = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            m[i] = new double[] {x[i]};
        }
        return Dataset.of(m, List.of("x"), y);
    }

    private static Dataset blobs(long seed, int nMaj, int nMin) {
        Random r = new Random(seed);
        double[][] x = new double[nMaj + nMin][];
        int[] y = new int[nMaj + nMin];
        for (int i = 0; i < x.length; i++) {
            boolean min = i >= nMaj;
            x[i] = new double[] {r.nextGaussian() + (min ? 1.5 : 0), r.nextGaussian() * 3 + (min ? 2 : 0),
                r.nextBoolean() ? 1 : 0};
            y[i] = min ? 1 : 0;
        }
        return Dataset.of(x, List.of("a", "b", "flag"), y);
    }

    @Test
    void tomekLinksByHand() {
        // positions and classes: nearest neighbours computed by hand
        // 0:A 1:B are mutual NN (different classes) -> link; 5:A,5.8:A mutual NN same class; 6.7:B's NN is 5.8 (A),
        // but 5.8's NN is 5 (0.8 < 0.9) -> not mutual; 20:B,21:B same class.
        Dataset d = line(new double[] {0, 1, 5, 5.8, 6.7, 20, 21}, new int[] {0, 1, 0, 0, 1, 1, 1});
        int[] link = TomekLinks.defaults().links(d);
        assertArrayEquals(new int[] {1, 0, -1, -1, -1, -1, -1}, link);
        // class counts: 0 -> 3, 1 -> 4: minority is class 0, so 'auto' removes the class-1 member (row 1)
        Dataset out = TomekLinks.defaults().resample(d, 0);
        assertEquals(6, out.rows());
        assertArrayEquals(new int[] {3, 3}, out.classCounts());
        Dataset all = new TomekLinks(TomekLinks.Removal.ALL, true, Set.of()).resample(d, 0);
        assertEquals(5, all.rows());
    }

    @Test
    void adasynWeightsRoundHalfToEven() {
        // r = (1, 1, 2) -> shares 0.25, 0.25, 0.5 of G = 10 -> 2.5, 2.5, 5 -> 2, 2, 5 (half to even)
        assertArrayEquals(new int[] {2, 2, 5}, Adasyn.perSampleCounts(new double[] {0.2, 0.2, 0.4}, 10));
        // 3.5 -> 4
        assertArrayEquals(new int[] {4, 4}, Adasyn.perSampleCounts(new double[] {1, 1}, 7));
    }

    @Test
    void adasynConcentratesOnBorderSamples() {
        // minority class 1 at 10, 10.1, 10.2, 10.3 (far from majority) and 4.9 (among majority at 4..6)
        double[] x = {4.0, 4.2, 4.4, 4.6, 4.8, 5.0, 5.2, 5.4, 5.6, 5.8, 6.0, 10, 10.1, 10.2, 10.3, 4.9};
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
        Dataset d = line(x, y);
        Adasyn a = new Adasyn(3, SamplingStrategy.auto(), Set.of(), false);
        Dataset out = a.resample(d, 11);
        // all weight is on the sample at 4.9 (its 3 NN are all majority; the cluster at 10 has none):
        // G = 11 - 5 = 6 synthetic samples, all between 4.9 and one of its class neighbours (10, 10.1, 10.2)
        assertEquals(22, out.rows());
        for (int r = d.rows(); r < out.rows(); r++) {
            double v = out.get(r, 0);
            assertTrue(v >= 4.9 && v <= 10.2, "synthetic " + v);
            assertEquals(1, out.label(r));
        }
    }

    @Test
    void adasynFailsWithoutBorderSamples() {
        Dataset d = line(new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 10, 10.1, 10.2, 10.3},
            new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1});
        ResamplingException e = assertThrows(ResamplingException.class,
            () -> new Adasyn(3, SamplingStrategy.auto(), Set.of(), false).resample(d, 1));
        assertTrue(e.getMessage().contains("SMOTE"), e.getMessage());
    }

    @Test
    void syntheticPointsLieOnSegmentsToClassNeighbours() {
        Dataset d = blobs(3, 60, 14);
        for (Resampler s : List.<Resampler>of(new Smote(5, SamplingStrategy.auto(), Set.of(), true),
            new Adasyn(5, SamplingStrategy.auto(), Set.of(), true))) {
            Dataset out = s.resample(d.columns(new int[] {0, 1}), 5);
            int[] minRows = java.util.stream.IntStream.range(0, d.rows()).filter(r -> d.label(r) == 1).toArray();
            for (int r = d.rows(); r < out.rows(); r++) {
                double[] p = out.row(r);
                boolean onSegment = false;
                for (int i : minRows) {
                    for (int j : minRows) {
                        if (i != j && onSegment(d.row(i), d.row(j), p)) {
                            onSegment = true;
                        }
                    }
                }
                assertTrue(onSegment, s.name() + ": synthetic row " + r + " is on no minority segment");
            }
            if (s instanceof Smote) {
                assertArrayEquals(new int[] {60, 60}, out.classCounts(), s.name());
            } else {
                // ADASYN rounds each g_i separately: the total may differ from G by at most half a sample per base
                assertEquals(60, out.classCounts()[1], 14 / 2.0, s.name());
            }
        }
    }

    private static boolean onSegment(double[] a, double[] b, double[] p) {
        double u = Double.NaN;
        for (int c = 0; c < 2; c++) {
            double den = b[c] - a[c];
            if (Math.abs(den) > 1e-12) {
                u = (p[c] - a[c]) / den;
                break;
            }
        }
        if (!(u >= -1e-12 && u <= 1 + 1e-12)) {
            return false;
        }
        for (int c = 0; c < 2; c++) {
            if (Math.abs(a[c] + u * (b[c] - a[c]) - p[c]) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    @Test
    void categoricalColumnsAreNeverInterpolated() {
        Dataset d = blobs(4, 50, 12);
        Dataset out = new Smote(5, SamplingStrategy.auto(), Set.of("flag"), true).resample(d, 9);
        for (int r = d.rows(); r < out.rows(); r++) {
            double f = out.get(r, 2);
            assertTrue(f == 0 || f == 1, "flag " + f);
        }
        Dataset out2 = Adasyn.defaults().withCategorical(Set.of("flag")).resample(d, 9);
        for (int r = d.rows(); r < out2.rows(); r++) {
            double f = out2.get(r, 2);
            assertTrue(f == 0 || f == 1, "flag " + f);
        }
    }

    @Test
    void strategiesAndDeterminism() {
        Dataset d = blobs(5, 40, 10);
        assertArrayEquals(new int[] {40, 20}, new Smote(5, SamplingStrategy.ratio(0.5), Set.of(), true)
            .resample(d, 1).classCounts());
        assertArrayEquals(new int[] {40, 33}, new Smote(5, SamplingStrategy.counts(Map.of(1, 33)), Set.of(), true)
            .resample(d, 1).classCounts());
        Dataset a = Smote.defaults().resample(d, 42);
        Dataset b = Smote.defaults().resample(d, 42);
        Dataset c = Smote.defaults().resample(d, 43);
        assertArrayEquals(a.toMatrix(), b.toMatrix());
        assertTrue(!java.util.Arrays.deepEquals(a.toMatrix(), c.toMatrix()));
    }

    @Test
    void pipelineReportsCounts() {
        Dataset d = blobs(6, 80, 12);
        List<ResamplingPipeline.StepReport> rep = new ArrayList<>();
        Dataset out = ResamplingPipeline.adasynThenTomek().run(d, 7, rep);
        assertEquals(2, rep.size());
        assertArrayEquals(new int[] {80, 12}, rep.get(0).before());
        assertArrayEquals(rep.get(0).after(), rep.get(1).before());
        assertArrayEquals(out.classCounts(), rep.get(1).after());
        // Tomek removed only members of links of the input it saw
        Dataset mid = Adasyn.defaults().resample(d, 7);
        int[] link = TomekLinks.defaults().links(mid);
        int linked = 0;
        for (int l : link) {
            if (l >= 0) {
                linked++;
            }
        }
        assertTrue(mid.rows() - out.rows() <= linked);
    }

    @Test
    void clearErrors() {
        Dataset few = line(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 10, 11}, new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1, 1});
        ResamplingException e = assertThrows(ResamplingException.class, () -> Smote.defaults().resample(few, 1));
        assertTrue(e.getMessage().contains("k + 1"), e.getMessage());
        Dataset one = line(new double[] {0, 1, 2}, new int[] {0, 0, 0});
        e = assertThrows(ResamplingException.class, () -> Smote.defaults().resample(one, 1));
        assertTrue(e.getMessage().contains("one class"), e.getMessage());
        Dataset nan = Dataset.builder(List.of("x")).allowNonFinite(true)
            .addRow(new double[] {Double.NaN}, 0, "a").addRow(new double[] {1}, 1, "b").build();
        e = assertThrows(ResamplingException.class, () -> TomekLinks.defaults().resample(nan, 1));
        assertTrue(e.getMessage().contains("not finite"), e.getMessage());
    }

    @Test
    void registeredByNameForTheMlCorePipeline() {
        org.radtab.ml.pipeline.Resampler r = org.radtab.ml.pipeline.Resamplers.parse("adasyn,tomek");
        Dataset d = blobs(8, 60, 12);
        Dataset expected = ResamplingPipeline.adasynThenTomek().resample(d, 3);
        assertEquals("adasyn+tomek", r.name());
        assertArrayEquals(expected.toMatrix(), r.resample(d, 3).toMatrix());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> org.radtab.ml.pipeline.Resamplers.byName("smote", Map.of("k", 3)));
        assertTrue(e.getMessage().contains("'k'"), e.getMessage());
    }
}
