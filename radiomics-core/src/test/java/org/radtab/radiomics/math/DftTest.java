package org.radtab.radiomics.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Any-length DFT (direct FFT or Bluestein) against the defining sum, batched and strided, and its inverse. */
class DftTest {

    @Test
    void forwardEqualsTheDefiningSumForSmoothAndPrimeLengths() {
        Random rnd = new Random(3);
        for (int n : new int[] {1, 2, 3, 7, 11, 17, 60, 64, 67, 97, 197, 201, 204}) {
            int batch = 3;
            int stride = batch; // element e of sequence b at e * batch + b
            double[] re = new double[n * batch];
            double[] im = new double[n * batch];
            for (int q = 0; q < re.length; q++) {
                re[q] = rnd.nextGaussian();
                im[q] = rnd.nextGaussian();
            }
            double[] xr = re.clone();
            double[] xi = im.clone();
            new Dft(n).forward(re, im, 0, stride, batch, 1);
            for (int b = 0; b < batch; b++) {
                for (int f = 0; f < n; f++) {
                    double er = 0;
                    double ei = 0;
                    for (int k = 0; k < n; k++) {
                        double a = -2 * Math.PI * ((long) f * k % n) / n;
                        double vr = xr[k * stride + b];
                        double vi = xi[k * stride + b];
                        er += vr * Math.cos(a) - vi * Math.sin(a);
                        ei += vr * Math.sin(a) + vi * Math.cos(a);
                    }
                    assertEquals(er, re[f * stride + b], 1e-9 * n, "re n=" + n + " f=" + f);
                    assertEquals(ei, im[f * stride + b], 1e-9 * n, "im n=" + n + " f=" + f);
                }
            }
        }
    }

    @Test
    void inverseUndoesForwardIn3d() {
        Random rnd = new Random(4);
        int nx = 7;
        int ny = 6;
        int nz = 5;
        double[] re = new double[nx * ny * nz];
        double[] im = new double[re.length];
        for (int q = 0; q < re.length; q++) {
            re[q] = rnd.nextGaussian();
            im[q] = rnd.nextGaussian();
        }
        double[] r0 = re.clone();
        double[] i0 = im.clone();
        Dft.transform3d(re, im, nx, ny, nz, false);
        // the (0, 0, 0) coefficient is the plain sum
        double sum = 0;
        for (double v : r0) {
            sum += v;
        }
        assertEquals(sum, re[0], 1e-10);
        Dft.transform3d(re, im, nx, ny, nz, true);
        for (int q = 0; q < re.length; q++) {
            assertEquals(r0[q], re[q], 1e-12);
            assertEquals(i0[q], im[q], 1e-12);
        }
    }

    @Test
    void transform3dEqualsTheDefiningSumOnPrimeAxes() {
        Random rnd = new Random(5);
        int nx = 7;
        int ny = 5;
        int nz = 3;
        double[] re = new double[nx * ny * nz];
        double[] im = new double[re.length];
        for (int q = 0; q < re.length; q++) {
            re[q] = rnd.nextGaussian();
        }
        double[] x = re.clone();
        Dft.transform3d(re, im, nx, ny, nz, false);
        for (int kz = 0; kz < nz; kz++) {
            for (int ky = 0; ky < ny; ky++) {
                for (int kx = 0; kx < nx; kx++) {
                    double er = 0;
                    double ei = 0;
                    for (int z = 0; z < nz; z++) {
                        for (int y = 0; y < ny; y++) {
                            for (int i = 0; i < nx; i++) {
                                double a = -2 * Math.PI * ((double) kx * i / nx + (double) ky * y / ny + (double) kz * z / nz);
                                er += x[(z * ny + y) * nx + i] * Math.cos(a);
                                ei += x[(z * ny + y) * nx + i] * Math.sin(a);
                            }
                        }
                    }
                    int q = (kz * ny + ky) * nx + kx;
                    assertEquals(er, re[q], 1e-10, "re " + kx + "," + ky + "," + kz);
                    assertEquals(ei, im[q], 1e-10, "im " + kx + "," + ky + "," + kz);
                }
            }
        }
    }

    @Test
    void lengthMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Dft(0));
        assertEquals(false, Fft.isSmooth(0));
        assertEquals(false, Fft.isSmooth(-4));
        assertEquals(true, Fft.isSmooth(60));
        assertEquals(false, Fft.isSmooth(7));
    }
}
