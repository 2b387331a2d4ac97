package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * PyRadiomics' Wavelet image type and PyWavelets' {@code swtn}, against references written here
 * with explicit loops from PyWavelets' documented definitions: periodization
 * {@code out[n] = sum_j f[j] in[(n + F/2 - j) mod N]} with the filter {@code f} upsampled by
 * {@code 2^(level-1)} (F = upsampled length), PyRadiomics' one-sample wrap padding of odd axes,
 * its level loop of single-level {@code swtn} calls and its crop. The coif1 coefficients are the
 * published ones (IBSI 2 facts sheet section 7), not read from the code under test.
 */
class PyRadiomicsWaveletTest {
    static final double[] COIF1_LO = {-0.01565572813546454, -0.0727326195128539, 0.38486484686420286,
        0.8525720202122554, 0.3378976624578092, -0.0727326195128539};
    static final double[] COIF1_HI = {0.0727326195128539, 0.3378976624578092, -0.8525720202122554,
        0.38486484686420286, 0.0727326195128539, -0.01565572813546454};

    /** A 3D array a[z][y][x], the NumPy layout PyRadiomics works on. */
    static double[][][] random(int nz, int ny, int nx, long seed) {
        Random r = new Random(seed);
        double[][][] a = new double[nz][ny][nx];
        for (double[][] p : a) {
            for (double[] row : p) {
                for (int x = 0; x < nx; x++) {
                    row[x] = r.nextGaussian() * 50 + 100;
                }
            }
        }
        return a;
    }

    static Volume toVolume(double[][][] a) {
        int nz = a.length;
        int ny = a[0].length;
        int nx = a[0][0].length;
        double[] d = new double[nx * ny * nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    d[x + nx * (y + ny * z)] = a[z][y][x];
                }
            }
        }
        return Volume.wrap(Geometry.of(nx, ny, nz, 0.8, 0.8, 2.5), d);
    }

    /** numpy.pad(a, ((0, nz % 2), (0, ny % 2), (0, nx % 2)), 'wrap'). */
    static double[][][] padWrap(double[][][] a) {
        int nz = a.length;
        int ny = a[0].length;
        int nx = a[0][0].length;
        int pz = nz + nz % 2;
        int py = ny + ny % 2;
        int px = nx + nx % 2;
        double[][][] p = new double[pz][py][px];
        for (int z = 0; z < pz; z++) {
            for (int y = 0; y < py; y++) {
                for (int x = 0; x < px; x++) {
                    p[z][y][x] = a[z % nz][y % ny][x % nx];
                }
            }
        }
        return p;
    }

    static double[][][] crop(double[][][] a, int nz, int ny, int nx) {
        double[][][] c = new double[nz][ny][nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                System.arraycopy(a[z][y], 0, c[z][y], 0, nx);
            }
        }
        return c;
    }

    /** Periodized stationary 1D filtering along NumPy axis {@code axis} (0 = z, 1 = y, 2 = x) at level {@code level}. */
    static double[][][] swtAxis(double[][][] in, double[] f, int level, int axis) {
        int step = 1 << (level - 1);
        double[] e = new double[f.length * step]; // upsampled filter, e[k * step] = f[k]
        for (int k = 0; k < f.length; k++) {
            e[k * step] = f[k];
        }
        int nz = in.length;
        int ny = in[0].length;
        int nx = in[0][0].length;
        int len = axis == 0 ? nz : axis == 1 ? ny : nx;
        double[][][] out = new double[nz][ny][nx];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int n = axis == 0 ? z : axis == 1 ? y : x;
                    double s = 0;
                    for (int j = 0; j < e.length; j++) {
                        int src = Math.floorMod(n + e.length / 2 - j, len);
                        double v = axis == 0 ? in[src][y][x] : axis == 1 ? in[z][src][x] : in[z][y][src];
                        s += e[j] * v;
                    }
                    out[z][y][x] = s;
                }
            }
        }
        return out;
    }

    /** One level of swtn over NumPy axes (2, 1, 0): key letter m refers to axes[m]; keys 'a'/'d' as L/H. */
    static LinkedHashMap<String, double[][][]> swtnLevel(double[][][] data, double[] lo, double[] hi, int level,
                                                         int[] numpyAxes) {
        LinkedHashMap<String, double[][][]> coeffs = new LinkedHashMap<>();
        coeffs.put("", data);
        for (int axis : numpyAxes) {
            LinkedHashMap<String, double[][][]> next = new LinkedHashMap<>();
            for (var c : coeffs.entrySet()) {
                next.put(c.getKey() + "L", swtAxis(c.getValue(), lo, level, axis));
                next.put(c.getKey() + "H", swtAxis(c.getValue(), hi, level, axis));
            }
            coeffs = next;
        }
        return coeffs;
    }

    static void assertSame(double[][][] ref, Volume v, double tol, String what) {
        int nz = ref.length;
        int ny = ref[0].length;
        int nx = ref[0][0].length;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    assertEquals(ref[z][y][x], v.get(x, y, z), tol, what + " at x=" + x + " y=" + y + " z=" + z);
                }
            }
        }
    }

    /** The reference PyRadiomics pipeline: pad, start levels, level loop, crop, names. */
    static LinkedHashMap<String, double[][][]> reference(double[][][] a, double[] lo, double[] hi, int start,
                                                         int levels, int[] numpyAxes) {
        int nz = a.length;
        int ny = a[0].length;
        int nx = a[0][0].length;
        double[][][] data = padWrap(a);
        String approxKey = "L".repeat(numpyAxes.length);
        for (int i = 0; i < start; i++) {
            data = swtnLevel(data, lo, hi, 1, numpyAxes).get(approxKey);
        }
        LinkedHashMap<String, double[][][]> out = new LinkedHashMap<>();
        for (int idx = 1; idx <= levels; idx++) {
            LinkedHashMap<String, double[][][]> dec = swtnLevel(data, lo, hi, 1, numpyAxes);
            data = dec.get(approxKey);
            for (var e : dec.entrySet()) {
                if (!e.getKey().equals(approxKey)) {
                    out.put((idx == 1 ? "wavelet-" : "wavelet" + idx + "-") + e.getKey(), crop(e.getValue(), nz, ny, nx));
                }
            }
        }
        out.put((levels == 1 ? "wavelet-" : "wavelet" + levels + "-") + approxKey, crop(data, nz, ny, nx));
        return out;
    }

    @Test
    void coif1LevelOneOnOddSizedVolume() {
        double[][][] a = random(5, 9, 7, 11);
        LinkedHashMap<String, Volume> got = new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults())
            .applyAll(toVolume(a));
        LinkedHashMap<String, double[][][]> ref = reference(a, COIF1_LO, COIF1_HI, 0, 1, new int[] {2, 1, 0});
        assertEquals(List.of("wavelet-LLH", "wavelet-LHL", "wavelet-LHH", "wavelet-HLL", "wavelet-HLH", "wavelet-HHL",
            "wavelet-HHH", "wavelet-LLL"), new ArrayList<>(got.keySet()));
        assertEquals(new ArrayList<>(ref.keySet()), new ArrayList<>(got.keySet()));
        for (String k : ref.keySet()) {
            assertSame(ref.get(k), got.get(k), 1e-11, k);
            assertEquals(toVolume(a).geometry(), got.get(k).geometry());
        }
    }

    /** Letter order x, y, z: HLL is high-pass along x only, so it vanishes on an image constant along x. */
    @Test
    void bandLettersAreInXyzOrder() {
        double[][][] a = random(6, 8, 10, 3);
        for (double[][] p : a) {
            for (double[] row : p) {
                java.util.Arrays.fill(row, row[0]); // constant along x
            }
        }
        LinkedHashMap<String, Volume> got = new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults())
            .applyAll(toVolume(a));
        for (var e : got.entrySet()) {
            String bands = e.getKey().substring(e.getKey().indexOf('-') + 1);
            double max = 0;
            for (double v : e.getValue().data()) {
                max = Math.max(max, Math.abs(v));
            }
            if (bands.charAt(0) == 'H') {
                assertEquals(0.0, max, 1e-9, e.getKey());
            } else if (!bands.equals("LLL")) {
                org.junit.jupiter.api.Assertions.assertTrue(max > 1, e.getKey());
            }
        }
    }

    @Test
    void coif1TwoLevelsWithStartLevelAsPyRadiomicsLoops() {
        double[][][] a = random(5, 6, 9, 5);
        Wavelet w = Wavelet.of("coif1");
        LinkedHashMap<String, Volume> got = new PyRadiomicsWavelet(new PyRadiomicsWavelet.Parameters(w, 1, 2, false, 0))
            .applyAll(toVolume(a));
        LinkedHashMap<String, double[][][]> ref = reference(a, COIF1_LO, COIF1_HI, 1, 2, new int[] {2, 1, 0});
        assertEquals(new ArrayList<>(ref.keySet()), new ArrayList<>(got.keySet()));
        assertEquals("wavelet2-LLL", new ArrayList<>(got.keySet()).get(got.size() - 1));
        assertEquals(15, got.size());
        for (String k : ref.keySet()) {
            assertSame(ref.get(k), got.get(k), 1e-10, k);
        }
    }

    @Test
    void force2DLeavesOutTheForce2DDimension() {
        double[][][] a = random(3, 7, 5, 9);
        for (int dim = 0; dim < 3; dim++) {
            LinkedHashMap<String, Volume> got = new PyRadiomicsWavelet(
                new PyRadiomicsWavelet.Parameters(Wavelet.of("coif1"), 0, 1, true, dim)).applyAll(toVolume(a));
            int[] numpyAxes = dim == 0 ? new int[] {2, 1} : dim == 1 ? new int[] {2, 0} : new int[] {1, 0};
            LinkedHashMap<String, double[][][]> ref = reference(a, COIF1_LO, COIF1_HI, 0, 1, numpyAxes);
            assertEquals(List.of("wavelet-LH", "wavelet-HL", "wavelet-HH", "wavelet-LL"), new ArrayList<>(got.keySet()));
            for (String k : ref.keySet()) {
                assertSame(ref.get(k), got.get(k), 1e-11, "force2Ddimension " + dim + " " + k);
            }
        }
    }

    /** A single multi-level swtn call dilates the filters ("a trous"), unlike PyRadiomics' level loop. */
    @Test
    void swtnTwoLevelsUsesUpsampledFilters() {
        double[][][] a = random(8, 4, 12, 21);
        Wavelet w = Wavelet.of("coif1");
        List<LinkedHashMap<String, Volume>> got = StationaryWaveletTransform.swtn(toVolume(a), w, 2, 0, 0, 1, 2);
        int[] numpyAxes = {2, 1, 0};
        LinkedHashMap<String, double[][][]> l1 = swtnLevel(a, COIF1_LO, COIF1_HI, 1, numpyAxes);
        LinkedHashMap<String, double[][][]> l2 = swtnLevel(l1.get("LLL"), COIF1_LO, COIF1_HI, 2, numpyAxes);
        assertEquals(8, got.get(0).size());
        for (String k : l1.keySet()) {
            assertSame(l1.get(k), got.get(0).get(k), 1e-11, "level 1 " + k);
            assertSame(l2.get(k), got.get(1).get(k), 1e-10, "level 2 " + k);
        }
        assertThrows(IllegalArgumentException.class,
            () -> StationaryWaveletTransform.swtn(toVolume(random(6, 4, 12, 1)), w, 2, 0, 0, 1, 2),
            "length 6 is not divisible by 4");
    }

    /**
     * Restricted to a region, every band equals the whole-image band inside it, bit for bit, and is
     * 0 outside; regions touching the edges (periodic wrap), odd sizes (padding), two levels and
     * force2D included.
     */
    @Test
    void bandsInARegionEqualTheWholeBandsThere() {
        Random r = new Random(9);
        for (int trial = 0; trial < 40; trial++) {
            int nx = 8 + r.nextInt(12);
            int ny = 8 + r.nextInt(12);
            int nz = 6 + r.nextInt(10);
            Volume v = toVolume(random(nz, ny, nx, trial));
            int[] lo = {r.nextInt(nx), r.nextInt(ny), r.nextInt(nz)};
            int[] hi = {lo[0] + r.nextInt(nx - lo[0]), lo[1] + r.nextInt(ny - lo[1]), lo[2] + r.nextInt(nz - lo[2])};
            BoundingBox region = new BoundingBox(lo, hi);
            PyRadiomicsWavelet.Parameters p = new PyRadiomicsWavelet.Parameters(
                Wavelet.of(trial % 2 == 0 ? "coif1" : "haar"), trial % 5 == 0 ? 1 : 0, trial % 3 == 0 ? 2 : 1,
                trial % 7 == 0, 0);
            PyRadiomicsWavelet wavelet = new PyRadiomicsWavelet(p);
            LinkedHashMap<String, Volume> whole = wavelet.applyAll(v);
            LinkedHashMap<String, Volume> part = wavelet.applyAll(v, region);
            LinkedHashMap<String, Volume> within = wavelet.applyAllWithin(v, region);
            assertEquals(whole.keySet(), part.keySet());
            assertEquals(new java.util.ArrayList<>(whole.keySet()), new java.util.ArrayList<>(within.keySet()));
            int[] bs = region.size();
            for (String name : whole.keySet()) {
                Volume w = within.get(name);
                assertEquals(java.util.Arrays.toString(bs), java.util.Arrays.toString(w.geometry().size()));
                assertEquals(v.geometry().indexToPhysical(lo[0], lo[1], lo[2])[0], w.geometry().origin()[0], 1e-12);
                for (int z = 0; z < bs[2]; z++) {
                    for (int y = 0; y < bs[1]; y++) {
                        for (int x = 0; x < bs[0]; x++) {
                            assertEquals(Double.doubleToLongBits(whole.get(name).get(x + lo[0], y + lo[1], z + lo[2])),
                                Double.doubleToLongBits(w.get(x, y, z)), name + " within, trial " + trial);
                        }
                    }
                }
            }
            String lastPrefix = p.level() == 1 ? "wavelet-" : "wavelet" + p.level() + "-";
            for (String name : whole.keySet()) {
                double[] a = whole.get(name).data();
                double[] b = part.get(name).data();
                boolean lastLevel = name.startsWith(lastPrefix);
                for (int z = 0; z < nz; z++) {
                    for (int y = 0; y < ny; y++) {
                        for (int x = 0; x < nx; x++) {
                            int n = x + nx * (y + ny * z);
                            boolean in = x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1] && z >= lo[2] && z <= hi[2];
                            if (in || !lastLevel) {
                                assertEquals(a[n], b[n], 0.0, name + " at " + x + "," + y + "," + z + " trial " + trial);
                            }
                        }
                    }
                }
            }
        }
        Volume small = toVolume(random(4, 4, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults())
            .applyAll(small, new BoundingBox(new int[] {0, 0, 0}, new int[] {4, 3, 3})));
        assertThrows(IllegalArgumentException.class, () -> new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults())
            .applyAllWithin(small, new BoundingBox(new int[] {0, 0, 0}, new int[] {4, 3, 3})));
        assertThrows(NullPointerException.class, () -> new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults())
            .applyAllWithin(small, null));
    }
}
