package org.radtab.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.radtab.ml.Dataset;

class ResamplingProperties {

    private static Dataset random(long seed, int nMaj, int nMin) {
        Random r = new Random(seed);
        double[][] x = new double[nMaj + nMin][];
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            boolean min = i >= nMaj;
            x[i] = new double[] {r.nextGaussian() + (min ? 1 : 0), 5 * r.nextGaussian(), r.nextGaussian()};
            y[i] = min ? 1 : 0;
        }
        return Dataset.of(x, List.of("a", "b", "c"), y);
    }

    /** Brute-force k nearest neighbours (standardised Euclidean, sample SD), written independently of the code. */
    private static Set<Integer> knn(double[][] pts, int i, int k) {
        int p = pts[0].length;
        double[] sd = new double[p];
        for (int c = 0; c < p; c++) {
            double m = 0;
            for (double[] q : pts) {
                m += q[c] / pts.length;
            }
            double ss = 0;
            for (double[] q : pts) {
                ss += (q[c] - m) * (q[c] - m);
            }
            sd[c] = Math.sqrt(ss / (pts.length - 1));
        }
        Integer[] idx = new Integer[pts.length];
        double[] d = new double[pts.length];
        for (int j = 0; j < pts.length; j++) {
            idx[j] = j;
            for (int c = 0; c < p; c++) {
                double t = (pts[i][c] - pts[j][c]) / sd[c];
                d[j] += t * t;
            }
        }
        java.util.Arrays.sort(idx, (u, v) -> d[u] != d[v] ? Double.compare(d[u], d[v]) : Integer.compare(u, v));
        Set<Integer> out = new HashSet<>();
        for (int j = 0, n = 0; n < k; j++) {
            if (idx[j] != i) {
                out.add(idx[j]);
                n++;
            }
        }
        return out;
    }

    @Property(tries = 25)
    void smoteSamplesLieOnSegmentsToTheirClassNeighbours(@ForAll long seed,
                                                         @ForAll @IntRange(min = 6, max = 20) int nMin) {
        Dataset d = random(seed, 60, nMin);
        Dataset out = Smote.defaults().resample(d, seed);
        assertArrayEquals(new int[] {60, 60}, out.classCounts());
        int[] minRows = java.util.stream.IntStream.range(0, d.rows()).filter(r -> d.label(r) == 1).toArray();
        double[][] pts = new double[minRows.length][];
        for (int i = 0; i < minRows.length; i++) {
            pts[i] = d.row(minRows[i]);
        }
        for (int r = d.rows(); r < out.rows(); r++) {
            double[] s = out.row(r);
            boolean ok = false;
            for (int i = 0; i < pts.length && !ok; i++) {
                for (int j : knn(pts, i, 5)) {
                    double u = (s[0] - pts[i][0]) / (pts[j][0] - pts[i][0]);
                    if (u >= -1e-12 && u <= 1 + 1e-12 && Math.abs(pts[i][1] + u * (pts[j][1] - pts[i][1]) - s[1]) < 1e-9
                        && Math.abs(pts[i][2] + u * (pts[j][2] - pts[i][2]) - s[2]) < 1e-9) {
                        ok = true;
                        break;
                    }
                }
            }
            assertTrue(ok, "synthetic row " + r + " is not between a minority sample and one of its 5 neighbours");
        }
        assertArrayEquals(out.toMatrix(), Smote.defaults().resample(d, seed).toMatrix());
    }

    @Property(tries = 25)
    void tomekRemovesOnlyLinkedMajorityMembersAndBreaksEveryLink(@ForAll long seed) {
        Dataset d = random(seed, 50, 15);
        TomekLinks t = TomekLinks.defaults();
        int[] link = t.links(d);
        Dataset out = t.resample(d, 0);
        // ids of kept rows = row numbers of the input (Dataset without ids reports row numbers)
        Set<Integer> kept = new HashSet<>();
        int[] labels = d.labels();
        int k = 0;
        for (int r = 0; r < d.rows() && k < out.rows(); r++) {
            if (java.util.Arrays.equals(d.row(r), out.row(k))) {
                kept.add(r);
                k++;
            }
        }
        assertEquals(out.rows(), kept.size());
        for (int r = 0; r < d.rows(); r++) {
            if (!kept.contains(r)) {
                assertTrue(link[r] >= 0 && labels[r] == 0, "removed row " + r + " was not a majority link member");
            }
            if (link[r] >= 0) {
                assertTrue(!(kept.contains(r) && kept.contains(link[r])), "link " + r + "-" + link[r] + " survived");
            }
        }
    }
}
