package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.WorkArrays;
import org.radtab.radiomics.preprocess.Discretiser;

/** First-order features: a hand-computed five-voxel ROI, edge cases and invariances. */
class FirstOrderFamilyTest {

    /** Values 1, 2, 3, 4, 10 in a row of 5 voxels (spacing 2 x 1 x 0.5, voxel volume 1). */
    static RoiImage fiveVoxels() {
        Geometry g = Geometry.of(5, 1, 1, 2, 1, 0.5);
        boolean[] m = {true, true, true, true, true};
        return new RoiImage(Volume.wrap(g, new double[] {3, 10, 1, 4, 2}), m);
    }

    @Test
    void handComputedPyradiomicsValues() {
        RoiImage roi = fiveVoxels();
        // grey levels as they are: 1, 2, 3, 4, 10 once each
        Map<String, Double> f = FirstOrderFamily.pyradiomics(roi, Discretiser.asIs(roi), 1);
        // NumPy linear percentiles: h = 4q/100; P10 = 1 + 0.4, P90 = 4 + 0.6 * 6, P25 = 2, P75 = 4
        assertEquals(1.4, f.get("10Percentile"), 1e-12);
        assertEquals(7.6, f.get("90Percentile"), 1e-12);
        assertEquals(2, f.get("InterquartileRange"), 1e-12);
        // mean 4; deviations -3 -2 -1 0 6: m2 = 50/5 = 10, m3 = 180/5 = 36, m4 = 1394/5 = 278.8
        assertEquals(4, f.get("Mean"), 1e-12);
        assertEquals(10, f.get("Variance"), 1e-12);
        assertEquals(36 / Math.pow(10, 1.5), f.get("Skewness"), 1e-12);
        assertEquals(2.788, f.get("Kurtosis"), 1e-12);
        assertEquals(3, f.get("Median"), 1e-12);
        assertEquals(1, f.get("Minimum"), 1e-12);
        assertEquals(10, f.get("Maximum"), 1e-12);
        assertEquals(9, f.get("Range"), 1e-12);
        assertEquals(12.0 / 5, f.get("MeanAbsoluteDeviation"), 1e-12);
        // {x : 1.4 <= x <= 7.6} = {2, 3, 4}: mean 3, MAD 2/3
        assertEquals(2.0 / 3, f.get("RobustMeanAbsoluteDeviation"), 1e-12);
        // shift c = 1: sum (x + 1)^2 = 4 + 9 + 16 + 25 + 121 = 175; voxel volume 1
        assertEquals(175, f.get("Energy"), 1e-9);
        assertEquals(175, f.get("TotalEnergy"), 1e-9);
        assertEquals(Math.sqrt(35), f.get("RootMeanSquared"), 1e-12);
        // five equally frequent levels: p = 1/5
        assertEquals(-Math.log(0.2 + Math.ulp(1.0)) / Math.log(2), f.get("Entropy"), 1e-12);
        assertEquals(0.2, f.get("Uniformity"), 1e-12);
        assertEquals(List.of("10Percentile", "90Percentile", "Energy", "Entropy", "InterquartileRange", "Kurtosis",
            "Maximum", "MeanAbsoluteDeviation", "Mean", "Median", "Minimum", "Range", "RobustMeanAbsoluteDeviation",
            "RootMeanSquared", "Skewness", "TotalEnergy", "Uniformity", "Variance"), new ArrayList<>(f.keySet()));
    }

    @Test
    void handComputedIbsiValues() {
        Map<String, Double> f = FirstOrderFamily.ibsi(fiveVoxels());
        assertEquals(2.788 - 3, f.get("stat_kurt"), 1e-12);
        assertEquals(130, f.get("stat_energy"), 1e-9);
        assertEquals(Math.sqrt(26), f.get("stat_rms"), 1e-12);
        // |x - median 3| = 2 1 0 1 7
        assertEquals(11.0 / 5, f.get("stat_medad"), 1e-12);
        assertEquals(Math.sqrt(10) / 4, f.get("stat_cov"), 1e-12);
        assertEquals(2.0 / 6, f.get("stat_qcod"), 1e-12);
        assertEquals(18, f.size());
    }

    @Test
    void flatRoi() {
        Geometry g = Geometry.of(3, 1, 1, 1, 1, 1);
        RoiImage roi = new RoiImage(Volume.wrap(g, new double[] {7, 7, 7}), new boolean[] {true, true, true});
        Map<String, Double> py = FirstOrderFamily.pyradiomics(roi, Discretiser.asIs(roi), 0);
        assertEquals(0, py.get("Skewness"));
        assertEquals(0, py.get("Kurtosis"));
        assertEquals(0, py.get("Entropy"), 1e-15);
        assertEquals(1, py.get("Uniformity"));
        Map<String, Double> ibsi = FirstOrderFamily.ibsi(roi);
        assertEquals(0, ibsi.get("stat_skew"));
        assertEquals(0, ibsi.get("stat_kurt"));
    }

    @Test
    void emptyRoiIsAnError() {
        Geometry g = Geometry.of(2, 1, 1, 1, 1, 1);
        RoiImage roi = new RoiImage(Volume.zeros(g), new boolean[2]);
        assertThrows(IllegalArgumentException.class, () -> FirstOrderFamily.ibsi(roi));
    }

    /** A random ROI of size n in an n x 1 x 1 image with the values in a given order. */
    private static RoiImage row(double[] values) {
        Geometry g = Geometry.of(values.length, 1, 1, 0.8, 0.8, 2);
        boolean[] m = new boolean[values.length];
        java.util.Arrays.fill(m, true);
        return new RoiImage(Volume.wrap(g, values.clone()), m);
    }

    private static LinkedHashMap<String, Double> all(RoiImage roi) {
        LinkedHashMap<String, Double> out = FirstOrderFamily.pyradiomics(roi, Discretiser.pyradiomicsBinWidth(roi, 25), 3);
        out.putAll(FirstOrderFamily.ibsi(roi));
        return out;
    }

    private static void assertSame(Map<String, Double> a, Map<String, Double> b) {
        for (String k : a.keySet()) {
            double x = a.get(k);
            double y = b.get(k);
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                assertEquals(x, y, k); // e.g. qcod with P75 + P25 = 0
            } else {
                assertEquals(x, y, 1e-9 * Math.max(1, Math.abs(x)), k);
            }
        }
    }

    @Property(tries = 50)
    void invariantToVoxelOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int n) {
        Random r = new Random(seed);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(Math.rint(r.nextGaussian() * 200 + 40));
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Collections.shuffle(v, r);
        double[] b = v.stream().mapToDouble(Double::doubleValue).toArray();
        assertSame(all(row(a)), all(row(b)));
    }

    @Property(tries = 50)
    void invariantToTranslationInALargerImage(@ForAll long seed, @ForAll @IntRange(min = 0, max = 6) int ox,
                                              @ForAll @IntRange(min = 0, max = 5) int oy,
                                              @ForAll @IntRange(min = 0, max = 4) int oz) {
        Random r = new Random(seed);
        int sx = 4;
        int sy = 3;
        int sz = 2;
        double[] vals = new double[sx * sy * sz];
        boolean[] in = new boolean[vals.length];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = Math.rint(r.nextGaussian() * 300);
            in[i] = r.nextDouble() < 0.7;
        }
        in[0] = true;
        RoiImage small = new RoiImage(Volume.wrap(Geometry.of(sx, sy, sz, 1, 1, 2), vals), in);
        Geometry big = Geometry.of(sx + 6, sy + 5, sz + 4, 1, 1, 2);
        double[] bv = new double[big.voxelCount()];
        for (int i = 0; i < bv.length; i++) {
            bv[i] = r.nextInt(1000) - 500; // background that must not matter
        }
        boolean[] bm = new boolean[bv.length];
        for (int k = 0; k < sz; k++) {
            for (int j = 0; j < sy; j++) {
                for (int i = 0; i < sx; i++) {
                    int src = i + sx * (j + sy * k);
                    int dst = big.index(i + ox, j + oy, k + oz);
                    bv[dst] = vals[src];
                    bm[dst] = in[src];
                }
            }
        }
        assertSame(all(small), all(new RoiImage(Volume.wrap(big, bv), bm)));
    }

    /**
     * The pooled work arrays (order statistics, gathered intensities) may hold anything when
     * handed out: PyRadiomics first order with a pool of garbage arrays of the ROI's size, and
     * after the region's arrays were released, equals the features computed with an empty pool.
     */
    @Property(tries = 60)
    void pooledArraysNeverLeakIntoFirstOrder(@ForAll @IntRange(min = 2, max = 9) int side, @ForAll long seed) {
        Random r = new Random(seed);
        Geometry g = Geometry.of(side, side, 3, 1, 1, 1);
        double[] v = new double[g.voxelCount()];
        boolean[] m = new boolean[v.length];
        for (int n = 0; n < v.length; n++) {
            v[n] = Math.rint(r.nextGaussian() * 80);
            m[n] = r.nextInt(4) != 0;
        }
        m[0] = true;
        m[1] = true;
        WorkArrays.clear();
        RoiImage clean = new RoiImage(Volume.wrap(g, v.clone()), m.clone());
        String expected = FirstOrderFamily.pyradiomics(clean, Discretiser.pyradiomicsBinWidth(clean, 25), 0).toString();
        int n = clean.intensityVoxelCount();
        for (int t = 0; t < 4; t++) {
            double[] garbage = new double[n];
            for (int q = 0; q < n; q++) {
                garbage[q] = r.nextInt(3) == 0 ? Double.NaN : r.nextGaussian() * 1e6;
            }
            WorkArrays.give(garbage);
        }
        RoiImage roi = new RoiImage(Volume.wrap(g, v.clone()), m.clone());
        assertEquals(expected, FirstOrderFamily.pyradiomics(roi, Discretiser.pyradiomicsBinWidth(roi, 25), 0).toString());
        roi.releaseWorkArrays();
        assertEquals(expected, FirstOrderFamily.pyradiomics(roi, Discretiser.pyradiomicsBinWidth(roi, 25), 0).toString());
        WorkArrays.clear();
    }
}
