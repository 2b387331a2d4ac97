package org.radtab.radiomics.feature;

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
 * Both are exact (no subsampling). Small ROIs use the O(N^2) pair sum; larger ones use that the
 * weight depends only on the voxel offset, so every double sum is a correlation with the kernel
 * w evaluated on a zero-padded grid by FFT and Parseval's theorem:
 * {@code sum_k u(k) (w * v)(k) = (1/L) sum_f conj(U(f)) W(f) V(f)}. Four real signals
 * (w, a, mask, a^2) are packed into two complex 3D FFTs; no inverse transform is needed.
 */
final class SpatialAutocorrelation {
    /** Below this many voxels the direct pair sum is used. */
    static final int DIRECT_LIMIT = 3000;

    private SpatialAutocorrelation() {
    }

    /** {Moran's I, Geary's C}; NaN for fewer than 2 voxels or a flat ROI. */
    static double[] compute(double[] values, int[] ix, int[] iy, int[] iz, double[] spacing) {
        return values.length <= DIRECT_LIMIT ? direct(values, ix, iy, iz, spacing)
            : fft(values, ix, iy, iz, spacing);
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

    /** The same sums by FFT correlation on a zero-padded grid. */
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
        int size = lx * ly * lz;
        double[] c1r = new double[size]; // kernel w
        double[] c1i = new double[size]; // a = x - mean
        double[] c2r = new double[size]; // mask
        double[] c2i = new double[size]; // a^2
        // w depends on |dx|, |dy|, |dz| only: evaluate one octant and mirror it
        for (int dz = 0; dz < ez; dz++) {
            double fz = dz * spacing[2];
            int[] zs = dz == 0 ? new int[] {0} : new int[] {dz, lz - dz};
            for (int dy = 0; dy < ey; dy++) {
                double fy = dy * spacing[1];
                int[] ys = dy == 0 ? new int[] {0} : new int[] {dy, ly - dy};
                for (int dx = 0; dx < ex; dx++) {
                    if (dx == 0 && dy == 0 && dz == 0) {
                        continue;
                    }
                    double fx = dx * spacing[0];
                    double w = 1 / Math.sqrt(fx * fx + fy * fy + fz * fz);
                    for (int zz : zs) {
                        for (int yy : ys) {
                            int row = (zz * ly + yy) * lx;
                            c1r[row + dx] = w;
                            if (dx > 0) {
                                c1r[row + lx - dx] = w;
                            }
                        }
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int k = ((iz[i] - lo[2]) * ly + (iy[i] - lo[1])) * lx + (ix[i] - lo[0]);
            double a = values[i] - mean;
            c1i[k] = a;
            c2r[k] = 1;
            c2i[k] = a * a;
        }
        Fft.forward3d(c1r, c1i, lz, ly, lx);
        Fft.forward3d(c2r, c2i, lz, ly, lx);
        double moran = 0;
        double wsum = 0;
        double g1 = 0;
        for (int z = 0; z < lz; z++) {
            int mz = (lz - z) % lz;
            for (int y = 0; y < ly; y++) {
                int my = (ly - y) % ly;
                int row = (z * ly + y) * lx;
                int mrow = (mz * ly + my) * lx;
                for (int x = 0; x < lx; x++) {
                    int f = row + x;
                    int g = mrow + (lx - x) % lx;
                    // split C(f) = U(f) + i V(f) of real u, v: U = (C(f) + conj C(-f)) / 2, V = (C(f) - conj C(-f)) / 2i
                    double wr = 0.5 * (c1r[f] + c1r[g]);
                    double ar = 0.5 * (c1i[f] + c1i[g]);
                    double ai = -0.5 * (c1r[f] - c1r[g]);
                    double mr = 0.5 * (c2r[f] + c2r[g]);
                    double mi = 0.5 * (c2i[f] - c2i[g]);
                    double br = 0.5 * (c2i[f] + c2i[g]);
                    double bi = -0.5 * (c2r[f] - c2r[g]);
                    // w is real and even, so W(f) is real (wr); its imaginary part cancels
                    moran += wr * (ar * ar + ai * ai);
                    wsum += wr * (mr * mr + mi * mi);
                    g1 += wr * (br * mr + bi * mi);
                }
            }
        }
        moran /= size;
        wsum /= size;
        g1 /= size;
        double geary = 2 * g1 - 2 * moran;
        return new double[] {n * moran / (wsum * ss), (n - 1) * geary / (2 * wsum * ss)};
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }
}
