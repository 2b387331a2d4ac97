package org.radtab.radiomics.math;

/**
 * Forward discrete Fourier transform {@code X[f] = sum_k x[k] exp(-2 pi i f k / n)} of any length
 * {@code n >= 1}, for batches of sequences, and its inverse. Lengths whose prime factors are 2, 3
 * and 5 use {@link Fft} directly; other lengths use Bluestein's algorithm: with
 * {@code w_k = exp(i pi k^2 / n)}, {@code X[f] = conj(w_f) sum_k (x[k] conj(w_k)) w_{f-k}}, a
 * convolution evaluated by {@link Fft} on {@code m >= 2n - 1} points. A plan is immutable and may
 * be shared between threads (each call allocates its own work space).
 */
public final class Dft {
    private static final int BLOCK = 64;

    private final int n;
    private final Fft direct;
    private final int m;
    private final Fft conv;
    /** {@code w_k} for {@code k < n}. */
    private final double[] wRe;
    private final double[] wIm;
    /** Transform of the chirp {@code w_j} placed at {@code j mod m} for {@code |j| < n}. */
    private final double[] bRe;
    private final double[] bIm;

    public Dft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("DFT length must be >= 1, was " + n);
        }
        this.n = n;
        if (Fft.isSmooth(n)) {
            direct = new Fft(n);
            m = 0;
            conv = null;
            wRe = wIm = bRe = bIm = null;
            return;
        }
        direct = null;
        m = Fft.smoothAtLeast(2 * n - 1);
        conv = new Fft(m);
        wRe = new double[n];
        wIm = new double[n];
        long twoN = 2L * n;
        for (int k = 0; k < n; k++) {
            double a = Math.PI * ((long) k * k % twoN) / n;
            wRe[k] = Math.cos(a);
            wIm[k] = Math.sin(a);
        }
        bRe = new double[m];
        bIm = new double[m];
        for (int k = 0; k < n; k++) {
            bRe[k] = wRe[k];
            bIm[k] = wIm[k];
            if (k > 0) {
                bRe[m - k] = wRe[k];
                bIm[m - k] = wIm[k];
            }
        }
        conv.forward(bRe, bIm);
    }

    /** The transform length. */
    public int length() {
        return n;
    }

    /**
     * Forward transforms of {@code batch} sequences in place: element e of sequence b is at
     * {@code off + e * stride + b * batchStride}.
     */
    public void forward(double[] re, double[] im, int off, int stride, int batch, int batchStride) {
        if (direct != null) {
            int len = Math.max(1, n * batch);
            direct.transform(re, im, off, stride, batch, batchStride, new double[len], new double[len]);
            return;
        }
        int block = Math.min(BLOCK, batch);
        // element e of sequence c of a block at e * block + c
        double[] ar = new double[m * block];
        double[] ai = new double[m * block];
        double[] wr = new double[m * block];
        double[] wi = new double[m * block];
        for (int b0 = 0; b0 < batch; b0 += block) {
            int nb = Math.min(block, batch - b0);
            java.util.Arrays.fill(ar, 0.0);
            java.util.Arrays.fill(ai, 0.0);
            for (int e = 0; e < n; e++) {
                double cr = wRe[e];
                double ci = -wIm[e];
                for (int c = 0; c < nb; c++) {
                    int p = off + e * stride + (b0 + c) * batchStride;
                    double xr = re[p];
                    double xi = im[p];
                    ar[e * nb + c] = xr * cr - xi * ci;
                    ai[e * nb + c] = xr * ci + xi * cr;
                }
            }
            conv.transform(ar, ai, 0, nb, nb, 1, wr, wi);
            // multiply by the chirp's transform, then inverse transform as conj(FFT(conj(.))) / m
            for (int e = 0; e < m; e++) {
                double cr = bRe[e];
                double ci = bIm[e];
                for (int c = 0; c < nb; c++) {
                    int q = e * nb + c;
                    double xr = ar[q];
                    double xi = ai[q];
                    ar[q] = xr * cr - xi * ci;
                    ai[q] = -(xr * ci + xi * cr);
                }
            }
            conv.transform(ar, ai, 0, nb, nb, 1, wr, wi);
            double inv = 1.0 / m;
            for (int e = 0; e < n; e++) {
                double cr = wRe[e];
                double ci = -wIm[e];
                for (int c = 0; c < nb; c++) {
                    int q = e * nb + c;
                    double yr = ar[q] * inv;
                    double yi = -ai[q] * inv;
                    int p = off + e * stride + (b0 + c) * batchStride;
                    re[p] = yr * cr - yi * ci;
                    im[p] = yr * ci + yi * cr;
                }
            }
        }
    }

    /** Inverse transforms ({@code x[k] = (1/n) sum_f X[f] exp(2 pi i f k / n)}) of a batch, in place. */
    public void inverse(double[] re, double[] im, int off, int stride, int batch, int batchStride) {
        conjugate(im, off, stride, batch, batchStride);
        forward(re, im, off, stride, batch, batchStride);
        double inv = 1.0 / n;
        for (int b = 0; b < batch; b++) {
            for (int e = 0; e < n; e++) {
                int p = off + e * stride + b * batchStride;
                re[p] *= inv;
                im[p] = -im[p] * inv;
            }
        }
    }

    private void conjugate(double[] im, int off, int stride, int batch, int batchStride) {
        for (int b = 0; b < batch; b++) {
            for (int e = 0; e < n; e++) {
                int p = off + e * stride + b * batchStride;
                im[p] = -im[p];
            }
        }
    }

    /**
     * Forward ({@code inverse} false) or inverse 3D transform in place of a complex volume with flat
     * index {@code (z ny + y) nx + x}; axes of length 1 are left alone.
     */
    public static void transform3d(double[] re, double[] im, int nx, int ny, int nz, boolean inverse) {
        int plane = nx * ny;
        if (nx > 1) {
            // rows are contiguous across slices: transform them in chunks of rows
            Dft d = new Dft(nx);
            int rows = ny * nz;
            for (int r0 = 0; r0 < rows; r0 += 2048) {
                apply(d, inverse, re, im, r0 * nx, 1, Math.min(2048, rows - r0), nx);
            }
        }
        if (ny > 1) {
            Dft d = new Dft(ny);
            for (int z = 0; z < nz; z++) {
                apply(d, inverse, re, im, z * plane, nx, nx, 1);
            }
        }
        if (nz > 1) {
            Dft d = new Dft(nz);
            int chunk = Math.min(plane, 2048);
            for (int c = 0; c < plane; c += chunk) {
                apply(d, inverse, re, im, c, plane, Math.min(chunk, plane - c), 1);
            }
        }
    }

    private static void apply(Dft d, boolean inverse, double[] re, double[] im, int off, int stride, int batch,
                              int batchStride) {
        if (inverse) {
            d.inverse(re, im, off, stride, batch, batchStride);
        } else {
            d.forward(re, im, off, stride, batch, batchStride);
        }
    }
}
