package org.radtab.radiomics.feature;

import org.radtab.radiomics.math.Fft;

/**
 * IBSI Moran's I and Geary's C of the intensity-mask voxels, with weights
 * {@code w(k1, k2) = 1 / ||c(k1) - c(k2)||} (inverse Euclidean distance of the voxel centres in
 * mm) for {@code k1 != k2}. Package-private helper of {@link ShapeFamily}.
 *
 * <p>With {@code a = x - mean}, {@code W = sum_{k1 != k2} w}:
 * <pre>
 *   I = N / W * sum_{k1 != k2} w a1 a2 / sum a^2
 *   C = (N - 1) / (2 W) * sum_{k1 != k2} w (x1 - x2)^2 / sum a^2
 * </pre>
 * Both are exact (no subsampling). Small or sparse ROIs use the O(N^2) pair sum (see
 * {@link #pairSumIsCheaper}); others use that the
 * weight depends only on the voxel offset, so every double sum is a correlation with the kernel
 * w evaluated on a zero-padded grid by FFT and Parseval's theorem:
 * {@code sum_k u(k) (w * v)(k) = (1/L) sum_f conj(U(f)) W(f) V(f)} (see {@link #fft}); no
 * inverse transform is needed.
 */
final class SpatialAutocorrelation {
    /** Below this many voxels the direct pair sum is used. */
    static final int DIRECT_LIMIT = 3000;

    private SpatialAutocorrelation() {
    }

    /** {Moran's I, Geary's C}; NaN for fewer than 2 voxels or a flat ROI. */
    static double[] compute(double[] values, int[] ix, int[] iy, int[] iz, double[] spacing) {
        return values.length <= DIRECT_LIMIT || pairSumIsCheaper(values.length, ix, iy, iz)
            ? direct(values, ix, iy, iz, spacing) : fft(values, ix, iy, iz, spacing);
    }

    /**
     * True when the N^2 / 2 pair sums cost less than the transforms on the padded grid of the
     * ROI's bounding box (about 10 L log2 L operations for L grid points): a sparse ROI, such as
     * two distant lesions, has a small N but a huge box. Also true when the grid would not fit an
     * int index.
     */
    static boolean pairSumIsCheaper(int n, int[] ix, int[] iy, int[] iz) {
        long grid = 1;
        for (int[] c : new int[][] {ix, iy, iz}) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int v : c) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            grid *= Fft.smoothAtLeast(2 * (hi - lo + 1) - 1);
        }
        if (grid > Integer.MAX_VALUE / 2) {
            return true;
        }
        double fftCost = 10.0 * grid * (Math.log(grid) / Math.log(2));
        return 0.5 * n * (double) n < fftCost;
    }

    /** The defining pair sums, O(N^2). */
    static double[] direct(double[] values, int[] ix, int[] iy, int[] iz, double[] spacing) {
        int n = values.length;
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        if (n < 2 || ss == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double w = 0;
        double moran = 0;
        double geary = 0;
        for (int i = 0; i < n; i++) {
            double ai = values[i] - mean;
            for (int j = i + 1; j < n; j++) {
                double dx = (ix[i] - ix[j]) * spacing[0];
                double dy = (iy[i] - iy[j]) * spacing[1];
                double dz = (iz[i] - iz[j]) * spacing[2];
                double wij = 1 / Math.sqrt(dx * dx + dy * dy + dz * dz);
                double d = values[i] - values[j];
                w += wij;
                moran += wij * ai * (values[j] - mean);
                geary += wij * d * d;
            }
        }
        // each unordered pair counts twice in the ordered sums; the factors 2 cancel
        return new double[] {n * moran / (w * ss), (n - 1) * geary / (2 * w * ss)};
    }

    /**
     * The same sums by FFT correlation on a zero-padded grid of size {@code L >= 2 e - 1} per axis
     * ({@code e}: the ROI box's extent).
     *
     * <p>With {@code a}, {@code m} (mask) and {@code b = a^2} real and {@code w} real and even:
     * <pre>
     *   sum w a1 a2       = (1/L) sum_f W |A|^2
     *   W_sum             = (1/L) sum_f W |M|^2
     *   sum w a1^2 m2     = (1/L) sum_f W Re(conj(B) M)
     *   sum w (x1 - x2)^2 = 2 (sum w a1^2 m2) - 2 (sum w a1 a2)
     * </pre>
     * Work saved against three plain 3D transforms: the x transforms run only on the rows that
     * hold ROI voxels, two real signals per complex transform ({@code a + i m}, and {@code b} two
     * rows at a time), each then split into its half spectrum {@code f_x <= L_x / 2} (the other
     * half is the complex conjugate); the y transforms run only on planes that hold ROI voxels, and
     * the y and z transforms only on the half spectrum; each sum over {@code f} counts the
     * columns {@code 0 < f_x < L_x / 2} twice. {@code W} is real and even and is evaluated
     * directly on one octant, separably:
     * {@code W(f) = sum_{d >= 0} w(d) g_x(f_x, d_x) g_y(f_y, d_y) g_z(f_z, d_z)} with
     * {@code g(f, 0) = 1} and {@code g(f, d) = 2 cos(2 pi f d / L)}.
     */
    static double[] fft(double[] values, int[] ix, int[] iy, int[] iz, double[] spacing) {
        int n = values.length;
        double mean = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        if (n < 2 || ss == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i = 0; i < n; i++) {
            lo[0] = Math.min(lo[0], ix[i]);
            hi[0] = Math.max(hi[0], ix[i]);
            lo[1] = Math.min(lo[1], iy[i]);
            hi[1] = Math.max(hi[1], iy[i]);
            lo[2] = Math.min(lo[2], iz[i]);
            hi[2] = Math.max(hi[2], iz[i]);
        }
        int ex = hi[0] - lo[0] + 1;
        int ey = hi[1] - lo[1] + 1;
        int ez = hi[2] - lo[2] + 1;
        int lx = Fft.smoothAtLeast(2 * ex - 1);
        int ly = Fft.smoothAtLeast(2 * ey - 1);
        int lz = Fft.smoothAtLeast(2 * ez - 1);
        int hx = lx / 2 + 1; // half spectrum along x
        int plane = ly * hx;
        int half = lz * plane;

        // x transforms of the rows holding ROI voxels: (a + i m) per row, b two rows at a time
        int rows = ey * ez;
        int bRows = (rows + 1) / 2;
        double[] amRe = new double[rows * lx];
        double[] amIm = new double[rows * lx];
        double[] bbRe = new double[bRows * lx];
        double[] bbIm = new double[bRows * lx];
        for (int i = 0; i < n; i++) {
            int row = (iz[i] - lo[2]) * ey + (iy[i] - lo[1]);
            int x = ix[i] - lo[0];
            double a = values[i] - mean;
            amRe[row * lx + x] = a;
            amIm[row * lx + x] = 1;
            if ((row & 1) == 0) {
                bbRe[(row >> 1) * lx + x] = a * a;
            } else {
                bbIm[(row >> 1) * lx + x] = a * a;
            }
        }
        int chunk = Math.min(plane, 2048);
        double[] wr = new double[Math.max(Math.max(rows * lx, plane), lz * chunk)];
        double[] wi = new double[wr.length];
        Fft fx = new Fft(lx);
        fx.transform(amRe, amIm, 0, 1, rows, lx, wr, wi);
        fx.transform(bbRe, bbIm, 0, 1, bRows, lx, wr, wi);

        // split C = U + i V of real u, v: U(f) = (C(f) + conj C(-f)) / 2, V(f) = (C(f) - conj C(-f)) / 2i
        double[] aRe = new double[half];
        double[] aIm = new double[half];
        double[] mRe = new double[half];
        double[] mIm = new double[half];
        double[] bRe = new double[half];
        double[] bIm = new double[half];
        for (int z = 0; z < ez; z++) {
            for (int y = 0; y < ey; y++) {
                int row = z * ey + y;
                int src = row * lx;
                int bSrc = (row >> 1) * lx;
                boolean bReal = (row & 1) == 0;
                int dst = z * plane + y * hx;
                for (int f = 0; f < hx; f++) {
                    int g = f == 0 ? 0 : lx - f;
                    double cr = amRe[src + f];
                    double ci = amIm[src + f];
                    double dr = amRe[src + g];
                    double di = amIm[src + g];
                    aRe[dst + f] = 0.5 * (cr + dr);
                    aIm[dst + f] = 0.5 * (ci - di);
                    mRe[dst + f] = 0.5 * (ci + di);
                    mIm[dst + f] = -0.5 * (cr - dr);
                    cr = bbRe[bSrc + f];
                    ci = bbIm[bSrc + f];
                    dr = bbRe[bSrc + g];
                    di = bbIm[bSrc + g];
                    if (bReal) {
                        bRe[dst + f] = 0.5 * (cr + dr);
                        bIm[dst + f] = 0.5 * (ci - di);
                    } else {
                        bRe[dst + f] = 0.5 * (ci + di);
                        bIm[dst + f] = -0.5 * (cr - dr);
                    }
                }
            }
        }
        amRe = amIm = bbRe = bbIm = null;

        // y transforms (planes holding ROI voxels), then z transforms, on the half spectrum
        Fft fy = new Fft(ly);
        Fft fz = new Fft(lz);
        double[][] spectra = {aRe, aIm, mRe, mIm, bRe, bIm};
        for (int s = 0; s < spectra.length; s += 2) {
            double[] re = spectra[s];
            double[] im = spectra[s + 1];
            for (int z = 0; z < ez; z++) {
                fy.transform(re, im, z * plane, hx, hx, 1, wr, wi);
            }
            for (int c = 0; c < plane; c += chunk) {
                fz.transform(re, im, c, plane, Math.min(chunk, plane - c), 1, wr, wi);
            }
        }

        double[] kernel = kernelSpectrumOctant(ex, ey, ez, lx, ly, lz, spacing);
        int ky = ly / 2 + 1;
        double moran = 0;
        double wsum = 0;
        double g1 = 0;
        for (int z = 0; z < lz; z++) {
            int kz = Math.min(z, lz - z);
            for (int y = 0; y < ly; y++) {
                int row = z * plane + y * hx;
                int krow = (kz * ky + Math.min(y, ly - y)) * hx;
                for (int f = 0; f < hx; f++) {
                    double w = f == 0 || 2 * f == lx ? kernel[krow + f] : 2 * kernel[krow + f];
                    int q = row + f;
                    moran += w * (aRe[q] * aRe[q] + aIm[q] * aIm[q]);
                    wsum += w * (mRe[q] * mRe[q] + mIm[q] * mIm[q]);
                    g1 += w * (bRe[q] * mRe[q] + bIm[q] * mIm[q]);
                }
            }
        }
        double size = (double) lx * ly * lz;
        moran /= size;
        wsum /= size;
        g1 /= size;
        double geary = 2 * g1 - 2 * moran;
        return new double[] {n * moran / (wsum * ss), (n - 1) * geary / (2 * wsum * ss)};
    }

    /**
     * The DFT {@code W(f)} of the kernel {@code w(d) = 1 / |d|} ({@code w(0) = 0}) placed at the
     * offsets {@code |d_a| < e_a} of an {@code l_x x l_y x l_z} periodic grid, for
     * {@code 0 <= f_a <= l_a / 2} (W is even in every axis): flat index
     * {@code (f_z (l_y/2 + 1) + f_y) (l_x/2 + 1) + f_x}. Three separable passes of cosine sums.
     */
    static double[] kernelSpectrumOctant(int ex, int ey, int ez, int lx, int ly, int lz, double[] spacing) {
        int hx = lx / 2 + 1;
        int hy = ly / 2 + 1;
        int hz = lz / 2 + 1;
        // rows of hx values as separate arrays: the JIT vectorises axpy on arrays indexed from 0,
        // not at an offset
        double[][] gx = cosineFactors(ex, lx, hx);
        double[][] gy = cosineFactors(ey, ly, hy);
        double[][] gz = cosineFactors(ez, lz, hz);
        // pass over d_x: t1[dz ey + dy][fx]
        double[][] t1 = new double[ez * ey][hx];
        for (int dz = 0; dz < ez; dz++) {
            double pz = dz * spacing[2];
            for (int dy = 0; dy < ey; dy++) {
                double py = dy * spacing[1];
                double[] out = t1[dz * ey + dy];
                for (int dx = 0; dx < ex; dx++) {
                    if (dx == 0 && dy == 0 && dz == 0) {
                        continue;
                    }
                    double px = dx * spacing[0];
                    axpy(out, 1 / Math.sqrt(px * px + py * py + pz * pz), gx[dx], hx);
                }
            }
        }
        // pass over d_y: t2[dz hy + fy][fx]
        double[][] t2 = new double[ez * hy][hx];
        for (int dz = 0; dz < ez; dz++) {
            for (int dy = 0; dy < ey; dy++) {
                double[] in = t1[dz * ey + dy];
                double[] c = gy[dy];
                for (int f = 0; f < hy; f++) {
                    axpy(t2[dz * hy + f], c[f], in, hx);
                }
            }
        }
        // pass over d_z
        double[][] rows = new double[hz * hy][hx];
        for (int dz = 0; dz < ez; dz++) {
            double[] c = gz[dz];
            for (int f = 0; f < hz; f++) {
                for (int y = 0; y < hy; y++) {
                    axpy(rows[f * hy + y], c[f], t2[dz * hy + y], hx);
                }
            }
        }
        double[] spectrum = new double[hz * hy * hx];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, spectrum, r * hx, hx);
        }
        return spectrum;
    }

    /** {@code y[i] += c x[i]} for {@code i < n}. */
    private static void axpy(double[] y, double c, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += c * x[i];
        }
    }

    /** {@code g[d][f]}: 1 for {@code d = 0}, else {@code 2 cos(2 pi f d / l)}, for {@code d < e}, {@code f < h}. */
    private static double[][] cosineFactors(int e, int l, int h) {
        double[][] g = new double[e][h];
        for (int d = 0; d < e; d++) {
            for (int f = 0; f < h; f++) {
                g[d][f] = d == 0 ? 1.0 : 2 * Math.cos(2 * Math.PI * ((long) f * d % l) / l);
            }
        }
        return g;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
