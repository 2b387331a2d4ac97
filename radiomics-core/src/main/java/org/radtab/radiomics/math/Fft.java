package org.radtab.radiomics.math;

import java.util.Arrays;

/**
 * Complex discrete Fourier transform {@code X[f] = sum_k x[k] exp(-2 pi i f k / n)} for lengths
 * whose prime factors are 2, 3 and 5, for many sequences at once ({@link #transform}), so that a
 * volume or a plane is transformed axis by axis. Used by Moran's I / Geary's C and the Gabor filter.
 * A plan is immutable and may be shared between threads; the work arrays are the caller's.
 *
 * <p>Algorithm: Stockham autosort, decimation in frequency, radix 4, 2, 3 and 5 stages. A stage of
 * radix r on sub-sequences of length {@code n' = r m} with stride s maps
 * {@code a_j = x[q + s (p + j m)]} to {@code y[q + s (r p + k)] = W_{n'}^{p k} sum_j a_j W_r^{j k}};
 * the output comes out in natural order without bit reversal. Many sequences are transformed at
 * once (the batch index is the innermost loop), so transforms along the y and z axes of a volume
 * run on whole contiguous rows / planes without strided gathers.
 */
public final class Fft {
    private final int n;
    private final int[] radix;
    /** Per stage: twiddles {@code W_{n'}^{p k}} at index {@code (k - 1) m + p}. */
    private final double[][] twRe;
    private final double[][] twIm;

    private static final double S3 = Math.sqrt(3) / 2;
    private static final double C51 = Math.cos(2 * Math.PI / 5);
    private static final double C52 = Math.cos(4 * Math.PI / 5);
    private static final double S51 = Math.sin(2 * Math.PI / 5);
    private static final double S52 = Math.sin(4 * Math.PI / 5);

    /** The transform length. */
    public int length() {
        return n;
    }

    /** A plan for length {@code n} (5-smooth, see {@link #smoothAtLeast(int)}). */
    public Fft(int n) {
        if (n < 1 || !isSmooth(n)) {
            throw new IllegalArgumentException("FFT length must be a positive product of 2, 3 and 5, was " + n);
        }
        this.n = n;
        int[] f = new int[32];
        int count = 0;
        int rest = n;
        while (rest % 4 == 0) {
            f[count++] = 4;
            rest /= 4;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (rest % p == 0) {
                f[count++] = p;
                rest /= p;
            }
        }
        radix = Arrays.copyOf(f, count);
        twRe = new double[count][];
        twIm = new double[count][];
        int len = n;
        for (int st = 0; st < count; st++) {
            int r = radix[st];
            int m = len / r;
            twRe[st] = new double[(r - 1) * m];
            twIm[st] = new double[(r - 1) * m];
            for (int k = 1; k < r; k++) {
                for (int p = 0; p < m; p++) {
                    double a = -2 * Math.PI * ((long) p * k % len) / len;
                    twRe[st][(k - 1) * m + p] = Math.cos(a);
                    twIm[st][(k - 1) * m + p] = Math.sin(a);
                }
            }
            len = m;
        }
    }

    public static boolean isSmooth(int n) {
        if (n < 1) {
            return false;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (n % p == 0) {
                n /= p;
            }
        }
        return n == 1;
    }

    /** The smallest 5-smooth integer {@code >= m}. */
    public static int smoothAtLeast(int m) {
        int k = Math.max(1, m);
        while (!isSmooth(k)) {
            k++;
        }
        return k;
    }

    /** Forward transform of the n values {@code (re, im)} in place. */
    public void forward(double[] re, double[] im) {
        transform(re, im, 0, 1, 1, 1, new double[n], new double[n]);
    }

    /**
     * Forward transforms of {@code batch} sequences in place: element e of sequence b is at
     * {@code off + e * stride + b * batchStride}. Work arrays need {@code n * batch} entries (they
     * hold element e of sequence b at {@code e * batch + b}).
     */
    public void transform(double[] re, double[] im, int off, int stride, int batch, int batchStride, double[] wre,
                   double[] wim) {
        double[] sre = re;
        double[] sim = im;
        int sOff = off;
        int sStride = stride;
        int sBatch = batchStride;
        double[] dre = wre;
        double[] dim = wim;
        int dOff = 0;
        int dStride = batch;
        int dBatch = 1;
        int s = 1;
        int len = n;
        for (int st = 0; st < radix.length; st++) {
            int r = radix[st];
            int m = len / r;
            stage(r, m, s, batch, twRe[st], twIm[st], sre, sim, sOff, sStride, sBatch, dre, dim, dOff, dStride, dBatch);
            double[] tr = sre;
            double[] ti = sim;
            int to = sOff;
            int ts = sStride;
            int tb = sBatch;
            sre = dre;
            sim = dim;
            sOff = dOff;
            sStride = dStride;
            sBatch = dBatch;
            dre = tr;
            dim = ti;
            dOff = to;
            dStride = ts;
            dBatch = tb;
            s *= r;
            len = m;
        }
        if (sre != re) {
            // result is in the work arrays: copy back into the view
            for (int e = 0; e < n; e++) {
                if (batchStride == 1) {
                    System.arraycopy(sre, e * batch, re, off + e * stride, batch);
                    System.arraycopy(sim, e * batch, im, off + e * stride, batch);
                } else {
                    for (int b = 0; b < batch; b++) {
                        re[off + e * stride + b * batchStride] = sre[e * batch + b];
                        im[off + e * stride + b * batchStride] = sim[e * batch + b];
                    }
                }
            }
        }
    }

    private static void stage(int r, int m, int s, int batch, double[] tr, double[] ti, double[] xr, double[] xi,
                              int xo, int xs, int xb, double[] yr, double[] yi, int yo, int ys, int yb) {
        int inStep = s * m * xs;
        int outStep = s * ys;
        for (int p = 0; p < m; p++) {
            int in0 = xo + s * p * xs;
            int out0 = yo + s * r * p * ys;
            switch (r) {
                case 4: radix4(xr, xi, in0, inStep, xs, xb, yr, yi, out0, outStep, ys, yb, s, batch, tr, ti, m, p); break;
                case 2: radix2(xr, xi, in0, inStep, xs, xb, yr, yi, out0, outStep, ys, yb, s, batch, tr, ti, p); break;
                case 3: radix3(xr, xi, in0, inStep, xs, xb, yr, yi, out0, outStep, ys, yb, s, batch, tr, ti, m, p); break;
                default: radix5(xr, xi, in0, inStep, xs, xb, yr, yi, out0, outStep, ys, yb, s, batch, tr, ti, m, p); break;
            }
        }
    }

    private static void radix2(double[] xr, double[] xi, int iBase, int is, int xs, int xb, double[] yr,
                               double[] yi, int oBase, int os, int ys, int yb, int s, int batch, double[] tr, double[] ti, int p) {
        double w1r = tr[p];
        double w1i = ti[p];
        for (int q = 0; q < s; q++) {
            int i0 = iBase + q * xs;
            int o0 = oBase + q * ys;
            for (int b = 0, bx = 0, by = 0; b < batch; b++, bx += xb, by += yb) {
                double ar = xr[i0 + bx];
                double ai = xi[i0 + bx];
                double br = xr[i0 + is + bx];
                double bi = xi[i0 + is + bx];
                yr[o0 + by] = ar + br;
                yi[o0 + by] = ai + bi;
                double dr = ar - br;
                double di = ai - bi;
                yr[o0 + os + by] = dr * w1r - di * w1i;
                yi[o0 + os + by] = dr * w1i + di * w1r;
            }
        }
    }

    private static void radix4(double[] xr, double[] xi, int iBase, int is, int xs, int xb, double[] yr,
                               double[] yi, int oBase, int os, int ys, int yb, int s, int batch, double[] tr, double[] ti, int m, int p) {
        double w1r = tr[p];
        double w1i = ti[p];
        double w2r = tr[m + p];
        double w2i = ti[m + p];
        double w3r = tr[2 * m + p];
        double w3i = ti[2 * m + p];
        for (int q = 0; q < s; q++) {
            int i0 = iBase + q * xs;
            int o0 = oBase + q * ys;
            for (int b = 0, bx = 0, by = 0; b < batch; b++, bx += xb, by += yb) {
                double a0r = xr[i0 + bx];
                double a0i = xi[i0 + bx];
                double a1r = xr[i0 + is + bx];
                double a1i = xi[i0 + is + bx];
                double a2r = xr[i0 + 2 * is + bx];
                double a2i = xi[i0 + 2 * is + bx];
                double a3r = xr[i0 + 3 * is + bx];
                double a3i = xi[i0 + 3 * is + bx];
                double s0r = a0r + a2r;
                double s0i = a0i + a2i;
                double d0r = a0r - a2r;
                double d0i = a0i - a2i;
                double s1r = a1r + a3r;
                double s1i = a1i + a3i;
                double d1r = a1r - a3r;
                double d1i = a1i - a3i;
                // b0 = s0 + s1; b2 = s0 - s1; b1 = d0 - i d1; b3 = d0 + i d1
                yr[o0 + by] = s0r + s1r;
                yi[o0 + by] = s0i + s1i;
                double b1r = d0r + d1i;
                double b1i = d0i - d1r;
                double b2r = s0r - s1r;
                double b2i = s0i - s1i;
                double b3r = d0r - d1i;
                double b3i = d0i + d1r;
                yr[o0 + os + by] = b1r * w1r - b1i * w1i;
                yi[o0 + os + by] = b1r * w1i + b1i * w1r;
                yr[o0 + 2 * os + by] = b2r * w2r - b2i * w2i;
                yi[o0 + 2 * os + by] = b2r * w2i + b2i * w2r;
                yr[o0 + 3 * os + by] = b3r * w3r - b3i * w3i;
                yi[o0 + 3 * os + by] = b3r * w3i + b3i * w3r;
            }
        }
    }

    private static void radix3(double[] xr, double[] xi, int iBase, int is, int xs, int xb, double[] yr,
                               double[] yi, int oBase, int os, int ys, int yb, int s, int batch, double[] tr, double[] ti, int m, int p) {
        double w1r = tr[p];
        double w1i = ti[p];
        double w2r = tr[m + p];
        double w2i = ti[m + p];
        for (int q = 0; q < s; q++) {
            int i0 = iBase + q * xs;
            int o0 = oBase + q * ys;
            for (int b = 0, bx = 0, by = 0; b < batch; b++, bx += xb, by += yb) {
                double a0r = xr[i0 + bx];
                double a0i = xi[i0 + bx];
                double a1r = xr[i0 + is + bx];
                double a1i = xi[i0 + is + bx];
                double a2r = xr[i0 + 2 * is + bx];
                double a2i = xi[i0 + 2 * is + bx];
                double sr = a1r + a2r;
                double si = a1i + a2i;
                double dr = a1r - a2r;
                double di = a1i - a2i;
                yr[o0 + by] = a0r + sr;
                yi[o0 + by] = a0i + si;
                double mr = a0r - 0.5 * sr;
                double mi = a0i - 0.5 * si;
                // W3 = -1/2 - i sqrt(3)/2: b1 = m - i S3 d, b2 = m + i S3 d
                double b1r = mr + S3 * di;
                double b1i = mi - S3 * dr;
                double b2r = mr - S3 * di;
                double b2i = mi + S3 * dr;
                yr[o0 + os + by] = b1r * w1r - b1i * w1i;
                yi[o0 + os + by] = b1r * w1i + b1i * w1r;
                yr[o0 + 2 * os + by] = b2r * w2r - b2i * w2i;
                yi[o0 + 2 * os + by] = b2r * w2i + b2i * w2r;
            }
        }
    }

    private static void radix5(double[] xr, double[] xi, int iBase, int is, int xs, int xb, double[] yr,
                               double[] yi, int oBase, int os, int ys, int yb, int s, int batch, double[] tr, double[] ti, int m, int p) {
        double w1r = tr[p];
        double w1i = ti[p];
        double w2r = tr[m + p];
        double w2i = ti[m + p];
        double w3r = tr[2 * m + p];
        double w3i = ti[2 * m + p];
        double w4r = tr[3 * m + p];
        double w4i = ti[3 * m + p];
        for (int q = 0; q < s; q++) {
            int i0 = iBase + q * xs;
            int o0 = oBase + q * ys;
            for (int b = 0, bx = 0, by = 0; b < batch; b++, bx += xb, by += yb) {
                double x0r = xr[i0 + bx];
                double x0i = xi[i0 + bx];
                double x1r = xr[i0 + is + bx];
                double x1i = xi[i0 + is + bx];
                double x2r = xr[i0 + 2 * is + bx];
                double x2i = xi[i0 + 2 * is + bx];
                double x3r = xr[i0 + 3 * is + bx];
                double x3i = xi[i0 + 3 * is + bx];
                double x4r = xr[i0 + 4 * is + bx];
                double x4i = xi[i0 + 4 * is + bx];
                double a1r = x1r + x4r;
                double a1i = x1i + x4i;
                double b1r = x1r - x4r;
                double b1i = x1i - x4i;
                double a2r = x2r + x3r;
                double a2i = x2i + x3i;
                double b2r = x2r - x3r;
                double b2i = x2i - x3i;
                yr[o0 + by] = x0r + a1r + a2r;
                yi[o0 + by] = x0i + a1i + a2i;
                double m1r = x0r + C51 * a1r + C52 * a2r;
                double m1i = x0i + C51 * a1i + C52 * a2i;
                double m2r = x0r + C52 * a1r + C51 * a2r;
                double m2i = x0i + C52 * a1i + C51 * a2i;
                // -i (S51 b1 + S52 b2) and -i (S52 b1 - S51 b2)
                double n1r = S51 * b1i + S52 * b2i;
                double n1i = -(S51 * b1r + S52 * b2r);
                double n2r = S52 * b1i - S51 * b2i;
                double n2i = -(S52 * b1r - S51 * b2r);
                double c1r = m1r + n1r;
                double c1i = m1i + n1i;
                double c4r = m1r - n1r;
                double c4i = m1i - n1i;
                double c2r = m2r + n2r;
                double c2i = m2i + n2i;
                double c3r = m2r - n2r;
                double c3i = m2i - n2i;
                yr[o0 + os + by] = c1r * w1r - c1i * w1i;
                yi[o0 + os + by] = c1r * w1i + c1i * w1r;
                yr[o0 + 2 * os + by] = c2r * w2r - c2i * w2i;
                yi[o0 + 2 * os + by] = c2r * w2i + c2i * w2r;
                yr[o0 + 3 * os + by] = c3r * w3r - c3i * w3i;
                yi[o0 + 3 * os + by] = c3r * w3i + c3i * w3r;
                yr[o0 + 4 * os + by] = c4r * w4r - c4i * w4i;
                yi[o0 + 4 * os + by] = c4r * w4i + c4i * w4r;
            }
        }
    }
}
