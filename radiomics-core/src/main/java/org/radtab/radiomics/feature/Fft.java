package org.radtab.radiomics.feature;

/**
 * Complex discrete Fourier transform {@code X[f] = sum_k x[k] exp(-2 pi i f k / n)} for lengths
 * whose prime factors are 2, 3 and 5 (mixed-radix decimation in time), and its 3D separable
 * version. Package-private helper of {@link SpatialAutocorrelation}.
 */
final class Fft {
    private final int n;
    private final int[] factors;
    private final double[] cos;
    private final double[] sin;
    private final double[] bufRe;
    private final double[] bufIm;

    /** A plan for length {@code n} (5-smooth, see {@link #smoothAtLeast(int)}). */
    Fft(int n) {
        if (n < 1 || !isSmooth(n)) {
            throw new IllegalArgumentException("FFT length must be a positive product of 2, 3 and 5, was " + n);
        }
        this.n = n;
        int[] f = new int[32];
        int count = 0;
        int r = n;
        while (r % 4 == 0) {
            f[count++] = 4;
            r /= 4;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (r % p == 0) {
                f[count++] = p;
                r /= p;
            }
        }
        factors = java.util.Arrays.copyOf(f, count);
        cos = new double[n];
        sin = new double[n];
        for (int k = 0; k < n; k++) {
            double a = -2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        bufRe = new double[n];
        bufIm = new double[n];
    }

    static boolean isSmooth(int n) {
        for (int p : new int[] {2, 3, 5}) {
            while (n % p == 0) {
                n /= p;
            }
        }
        return n == 1;
    }

    /** The smallest 5-smooth integer {@code >= m}. */
    static int smoothAtLeast(int m) {
        int k = Math.max(1, m);
        while (!isSmooth(k)) {
            k++;
        }
        return k;
    }

    /** Forward transform of {@code (re, im)} in place. */
    void forward(double[] re, double[] im) {
        if (n == 1) {
            return;
        }
        rec(re, im, 0, 1, bufRe, bufIm, 0, n, 0);
        System.arraycopy(bufRe, 0, re, 0, n);
        System.arraycopy(bufIm, 0, im, 0, n);
    }

    private void rec(double[] inRe, double[] inIm, int inOff, int stride, double[] oRe, double[] oIm, int outOff,
                     int len, int level) {
        if (len == 1) {
            oRe[outOff] = inRe[inOff];
            oIm[outOff] = inIm[inOff];
            return;
        }
        int p = factors[level];
        int m = len / p;
        for (int q = 0; q < p; q++) {
            rec(inRe, inIm, inOff + q * stride, stride * p, oRe, oIm, outOff + q * m, m, level + 1);
        }
        int twStep = n / len;
        switch (p) {
            case 2: radix2(oRe, oIm, outOff, m, twStep); break;
            case 3: radix3(oRe, oIm, outOff, m, twStep); break;
            case 4: radix4(oRe, oIm, outOff, m, twStep); break;
            default: radix5(oRe, oIm, outOff, m, twStep); break;
        }
    }

    private void radix2(double[] re, double[] im, int off, int m, int tw) {
        for (int k = 0; k < m; k++) {
            int i0 = off + k;
            int i1 = i0 + m;
            int t = k * tw;
            double br = re[i1] * cos[t] - im[i1] * sin[t];
            double bi = re[i1] * sin[t] + im[i1] * cos[t];
            double ar = re[i0];
            double ai = im[i0];
            re[i0] = ar + br;
            im[i0] = ai + bi;
            re[i1] = ar - br;
            im[i1] = ai - bi;
        }
    }

    private void radix4(double[] re, double[] im, int off, int m, int tw) {
        for (int k = 0; k < m; k++) {
            int i0 = off + k;
            int i1 = i0 + m;
            int i2 = i1 + m;
            int i3 = i2 + m;
            int t1 = k * tw;
            int t2 = 2 * t1 % n;
            int t3 = 3 * t1 % n;
            double ar = re[i0];
            double ai = im[i0];
            double br = re[i1] * cos[t1] - im[i1] * sin[t1];
            double bi = re[i1] * sin[t1] + im[i1] * cos[t1];
            double cr = re[i2] * cos[t2] - im[i2] * sin[t2];
            double ci = re[i2] * sin[t2] + im[i2] * cos[t2];
            double dr = re[i3] * cos[t3] - im[i3] * sin[t3];
            double di = re[i3] * sin[t3] + im[i3] * cos[t3];
            double s0r = ar + cr;
            double s0i = ai + ci;
            double s1r = ar - cr;
            double s1i = ai - ci;
            double s2r = br + dr;
            double s2i = bi + di;
            double s3r = br - dr;
            double s3i = bi - di;
            re[i0] = s0r + s2r;
            im[i0] = s0i + s2i;
            re[i2] = s0r - s2r;
            im[i2] = s0i - s2i;
            // multiply s3 by -i for the forward transform
            re[i1] = s1r + s3i;
            im[i1] = s1i - s3r;
            re[i3] = s1r - s3i;
            im[i3] = s1i + s3r;
        }
    }

    private static final double S3 = Math.sqrt(3) / 2;

    private void radix3(double[] re, double[] im, int off, int m, int tw) {
        for (int k = 0; k < m; k++) {
            int i0 = off + k;
            int i1 = i0 + m;
            int i2 = i1 + m;
            int t1 = k * tw;
            int t2 = 2 * t1 % n;
            double ar = re[i0];
            double ai = im[i0];
            double br = re[i1] * cos[t1] - im[i1] * sin[t1];
            double bi = re[i1] * sin[t1] + im[i1] * cos[t1];
            double cr = re[i2] * cos[t2] - im[i2] * sin[t2];
            double ci = re[i2] * sin[t2] + im[i2] * cos[t2];
            double sr = br + cr;
            double si = bi + ci;
            double dr = br - cr;
            double di = bi - ci;
            re[i0] = ar + sr;
            im[i0] = ai + si;
            double mr = ar - 0.5 * sr;
            double mi = ai - 0.5 * si;
            // W3 = exp(-2 pi i / 3) = -1/2 - i sqrt(3)/2
            re[i1] = mr + S3 * di;
            im[i1] = mi - S3 * dr;
            re[i2] = mr - S3 * di;
            im[i2] = mi + S3 * dr;
        }
    }

    private static final double C51 = Math.cos(2 * Math.PI / 5);
    private static final double C52 = Math.cos(4 * Math.PI / 5);
    private static final double S51 = Math.sin(2 * Math.PI / 5);
    private static final double S52 = Math.sin(4 * Math.PI / 5);

    private void radix5(double[] re, double[] im, int off, int m, int tw) {
        for (int k = 0; k < m; k++) {
            int i0 = off + k;
            int i1 = i0 + m;
            int i2 = i1 + m;
            int i3 = i2 + m;
            int i4 = i3 + m;
            int t1 = k * tw;
            int t2 = 2 * t1 % n;
            int t3 = 3 * t1 % n;
            int t4 = 4 * t1 % n;
            double x0r = re[i0];
            double x0i = im[i0];
            double x1r = re[i1] * cos[t1] - im[i1] * sin[t1];
            double x1i = re[i1] * sin[t1] + im[i1] * cos[t1];
            double x2r = re[i2] * cos[t2] - im[i2] * sin[t2];
            double x2i = re[i2] * sin[t2] + im[i2] * cos[t2];
            double x3r = re[i3] * cos[t3] - im[i3] * sin[t3];
            double x3i = re[i3] * sin[t3] + im[i3] * cos[t3];
            double x4r = re[i4] * cos[t4] - im[i4] * sin[t4];
            double x4i = re[i4] * sin[t4] + im[i4] * cos[t4];
            double a1r = x1r + x4r;
            double a1i = x1i + x4i;
            double b1r = x1r - x4r;
            double b1i = x1i - x4i;
            double a2r = x2r + x3r;
            double a2i = x2i + x3i;
            double b2r = x2r - x3r;
            double b2i = x2i - x3i;
            re[i0] = x0r + a1r + a2r;
            im[i0] = x0i + a1i + a2i;
            double m1r = x0r + C51 * a1r + C52 * a2r;
            double m1i = x0i + C51 * a1i + C52 * a2i;
            double m2r = x0r + C52 * a1r + C51 * a2r;
            double m2i = x0i + C52 * a1i + C51 * a2i;
            // -i * (S51 b1 + S52 b2) and -i * (S52 b1 - S51 b2)
            double n1r = S51 * b1i + S52 * b2i;
            double n1i = -(S51 * b1r + S52 * b2r);
            double n2r = S52 * b1i - S51 * b2i;
            double n2i = -(S52 * b1r - S51 * b2r);
            re[i1] = m1r + n1r;
            im[i1] = m1i + n1i;
            re[i4] = m1r - n1r;
            im[i4] = m1i - n1i;
            re[i2] = m2r + n2r;
            im[i2] = m2i + n2i;
            re[i3] = m2r - n2r;
            im[i3] = m2i - n2i;
        }
    }

    /**
     * Forward 3D transform in place of a complex volume with flat index {@code (z * ny + y) * nx + x}.
     */
    static void forward3d(double[] re, double[] im, int nz, int ny, int nx) {
        Fft fx = new Fft(nx);
        double[] lr = new double[Math.max(nx, Math.max(ny, nz))];
        double[] li = new double[lr.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int base = (z * ny + y) * nx;
                System.arraycopy(re, base, lr, 0, nx);
                System.arraycopy(im, base, li, 0, nx);
                fx.forwardPrefix(lr, li);
                System.arraycopy(lr, 0, re, base, nx);
                System.arraycopy(li, 0, im, base, nx);
            }
        }
        Fft fy = new Fft(ny);
        for (int z = 0; z < nz; z++) {
            for (int x = 0; x < nx; x++) {
                int base = z * ny * nx + x;
                for (int y = 0; y < ny; y++) {
                    lr[y] = re[base + y * nx];
                    li[y] = im[base + y * nx];
                }
                fy.forwardPrefix(lr, li);
                for (int y = 0; y < ny; y++) {
                    re[base + y * nx] = lr[y];
                    im[base + y * nx] = li[y];
                }
            }
        }
        Fft fz = new Fft(nz);
        int plane = ny * nx;
        for (int yx = 0; yx < plane; yx++) {
            for (int z = 0; z < nz; z++) {
                lr[z] = re[z * plane + yx];
                li[z] = im[z * plane + yx];
            }
            fz.forwardPrefix(lr, li);
            for (int z = 0; z < nz; z++) {
                re[z * plane + yx] = lr[z];
                im[z * plane + yx] = li[z];
            }
        }
    }

    /** Transforms the first n entries of the (possibly longer) arrays. */
    private void forwardPrefix(double[] re, double[] im) {
        if (n == 1) {
            return;
        }
        rec(re, im, 0, 1, bufRe, bufIm, 0, n, 0);
        System.arraycopy(bufRe, 0, re, 0, n);
        System.arraycopy(bufIm, 0, im, 0, n);
    }
}
