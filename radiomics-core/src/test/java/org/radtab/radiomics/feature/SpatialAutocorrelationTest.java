package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.math.Fft;

/** Moran's I / Geary's C: hand values, and the FFT path against the defining pair sums. */
class SpatialAutocorrelationTest {

    @Test
    void twoVoxelsAreFullyAntiCorrelated() {
        // x = (1, 3), mean 2, a = (-1, 1), one pair at distance d: W = 2/d,
        // I = N/W * 2 w a1 a2 / sum a^2 = (2 d / 2) (-2 / d) / 2 = -1,
        // C = (N-1)/(2W) * 2 w (x1-x2)^2 / sum a^2 = (d/4) (8/d) / 2 = 1, whatever the distance
        double[] r = SpatialAutocorrelation.direct(new double[] {1, 3}, new int[] {0, 2}, new int[] {0, 1},
            new int[] {0, 0}, new double[] {0.7, 1.3, 2});
        assertEquals(-1, r[0], 1e-12);
        assertEquals(1, r[1], 1e-12);
    }

    @Test
    void flatRoiIsUndefined() {
        double[] r = SpatialAutocorrelation.compute(new double[] {5, 5, 5}, new int[] {0, 1, 2}, new int[3], new int[3],
            new double[] {1, 1, 1});
        assertTrue(Double.isNaN(r[0]) && Double.isNaN(r[1]));
    }

    @Property(tries = 25)
    void fftEqualsThePairSums(@ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int nx,
                              @ForAll @IntRange(min = 1, max = 8) int ny, @ForAll @IntRange(min = 1, max = 6) int nz) {
        Random rnd = new Random(seed);
        int max = nx * ny * nz;
        int n = 0;
        int[] ix = new int[max];
        int[] iy = new int[max];
        int[] iz = new int[max];
        double[] v = new double[max];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    if (rnd.nextDouble() < 0.6) {
                        ix[n] = i + 3;
                        iy[n] = j;
                        iz[n] = k + 1;
                        v[n++] = Math.floor(rnd.nextGaussian() * 100) + i * 7;
                    }
                }
            }
        }
        if (n < 2) {
            return;
        }
        double[] vals = java.util.Arrays.copyOf(v, n);
        int[] x = java.util.Arrays.copyOf(ix, n);
        int[] y = java.util.Arrays.copyOf(iy, n);
        int[] z = java.util.Arrays.copyOf(iz, n);
        double[] sp = {0.8 + rnd.nextDouble(), 0.8 + rnd.nextDouble(), 1 + 2 * rnd.nextDouble()};
        double[] direct = SpatialAutocorrelation.direct(vals, x, y, z, sp);
        double[] fft = SpatialAutocorrelation.fft(vals, x, y, z, sp);
        if (Double.isNaN(direct[0])) {
            assertTrue(Double.isNaN(fft[0]));
            return;
        }
        assertArrayEquals(direct, fft, 1e-9);
    }

    @Test
    void fftEqualsThePairSumsOnALargerEllipsoid() {
        // odd number of box rows (13 x 7), odd and even grid sizes, anisotropic spacing
        Random rnd = new Random(11);
        int max = 23 * 13 * 7;
        int n = 0;
        int[] ix = new int[max];
        int[] iy = new int[max];
        int[] iz = new int[max];
        double[] v = new double[max];
        for (int k = 0; k < 7; k++) {
            for (int j = 0; j < 13; j++) {
                for (int i = 0; i < 23; i++) {
                    double dx = (i - 11) / 11.5;
                    double dy = (j - 6) / 6.5;
                    double dz = (k - 3) / 3.5;
                    if (dx * dx + dy * dy + dz * dz <= 1) {
                        ix[n] = i;
                        iy[n] = j + 2;
                        iz[n] = k;
                        v[n++] = 40 * Math.sin(0.4 * i) + 10 * rnd.nextGaussian() + 3 * k;
                    }
                }
            }
        }
        double[] vals = java.util.Arrays.copyOf(v, n);
        int[] x = java.util.Arrays.copyOf(ix, n);
        int[] y = java.util.Arrays.copyOf(iy, n);
        int[] z = java.util.Arrays.copyOf(iz, n);
        double[] sp = {0.7, 0.9, 2.5};
        double[] direct = SpatialAutocorrelation.direct(vals, x, y, z, sp);
        double[] fft = SpatialAutocorrelation.fft(vals, x, y, z, sp);
        assertEquals(direct[0], fft[0], 1e-10 * Math.abs(direct[0]));
        assertEquals(direct[1], fft[1], 1e-10 * Math.abs(direct[1]));
    }

    @Test
    void aSparseRoiUsesThePairSums() {
        // 3001 voxels in two 12^3 clusters 190 voxels apart: few pairs, but a box of 202 x 12 x 12
        int n = 3001;
        int[] ix = new int[n];
        int[] iy = new int[n];
        int[] iz = new int[n];
        for (int q = 0; q < n; q++) {
            int c = q % 1728;
            ix[q] = c % 12 + (q < 1728 ? 0 : 190);
            iy[q] = (c / 12) % 12;
            iz[q] = c / 144;
        }
        assertTrue(SpatialAutocorrelation.pairSumIsCheaper(n, ix, iy, iz));
        // a compact 50^3 block of 125000 voxels is cheaper by transforms
        int m = 125000;
        int[] bx = new int[m];
        int[] by = new int[m];
        int[] bz = new int[m];
        for (int q = 0; q < m; q++) {
            bx[q] = q % 50;
            by[q] = (q / 50) % 50;
            bz[q] = q / 2500;
        }
        assertFalse(SpatialAutocorrelation.pairSumIsCheaper(m, bx, by, bz));
    }

    @Test
    void fftMatchesANaiveDft() {
        Random rnd = new Random(7);
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25, 27, 30, 45, 60, 64, 75}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextGaussian();
                im[i] = rnd.nextGaussian();
            }
            double[] er = new double[n];
            double[] ei = new double[n];
            for (int f = 0; f < n; f++) {
                for (int k = 0; k < n; k++) {
                    double a = -2 * Math.PI * ((long) f * k % n) / n;
                    er[f] += re[k] * Math.cos(a) - im[k] * Math.sin(a);
                    ei[f] += re[k] * Math.sin(a) + im[k] * Math.cos(a);
                }
            }
            new Fft(n).forward(re, im);
            assertArrayEquals(er, re, 1e-9, "re, n = " + n);
            assertArrayEquals(ei, im, 1e-9, "im, n = " + n);
        }
        assertEquals(54, Fft.smoothAtLeast(51));
        assertEquals(200, Fft.smoothAtLeast(199));
    }
}
