package org.radtab.radiomics.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.Fft;

/**
 * IBSI 2 Gabor filter: the modulus of the convolution of each 2D image plane with the complex
 * kernel
 * <pre>
 *   g(x, y) = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)) exp(i 2 pi x' / lambda)
 *   x' = x cos(theta) + y sin(theta),   y' = -x sin(theta) + y cos(theta)
 * </pre>
 * with {@code x}, {@code y} the kernel sample's offsets in mm along the plane's first and second
 * image axis (i and j in axial planes), increasing with the index; no amplitude normalisation
 * (g = 1 at the centre).
 *
 * <ul>
 *   <li>Kernel support: the whole plane, {@code 2 R + 1} samples per axis with
 *       {@code R = floor(max(n1, n2) / 2)} (n1 x n2 the plane size). Each plane is padded by R
 *       voxels on every side with the boundary condition, so the response is the plain
 *       convolution of the padded plane.</li>
 *   <li>Orientation bank: the responses (moduli) of all {@code thetas} are averaged. The modulus is
 *       the same for {@code theta} and {@code theta + pi}, so each orientation modulo pi is
 *       computed once and weighted by its count.</li>
 *   <li>{@link Planes#AXIAL}: the planes of constant k (IBSI "2D"). {@link Planes#ORTHOGONAL}: the
 *       planes of constant k, of constant j (axes i, k) and of constant i (axes j, k); all
 *       3 x thetas maps are averaged (IBSI "3D" rotation-invariant Gabor).</li>
 * </ul>
 *
 * <p>Computation: per plane one forward FFT of the padded plane on a grid of at least
 * {@code n + 2R} per axis (so the circular convolution equals the linear one on the plane), then
 * per orientation a product with the kernel's spectrum (computed once per plane family) and one
 * inverse FFT, pruned to the rows of the plane. {@link #apply(Volume, BoundingBox)} skips the
 * planes that miss the region. Double precision throughout.
 */
public final class GaborFilter implements ImageFilter {

    /** Which planes are filtered. */
    public enum Planes {
        /** Planes of constant k (axial slices). */
        AXIAL,
        /** Planes of constant k, j and i; their responses are averaged. */
        ORTHOGONAL
    }

    /**
     * @param sigmaMm  Gaussian sigma in mm, &gt; 0
     * @param lambdaMm wavelength in mm, &gt; 0
     * @param gamma    spatial aspect ratio, &gt; 0
     * @param thetas   orientations in radians (at least one); the modulus maps are averaged
     * @param planes   axial planes or the three orthogonal plane families
     * @param boundary padding of each plane
     */
    public record Parameters(double sigmaMm, double lambdaMm, double gamma, double[] thetas, Planes planes,
                             BoundaryCondition boundary) {
        public Parameters {
            requirePositive(sigmaMm, "Gabor sigma (mm)");
            requirePositive(lambdaMm, "Gabor wavelength lambda (mm)");
            requirePositive(gamma, "Gabor aspect ratio gamma");
            Objects.requireNonNull(thetas, "thetas");
            if (thetas.length == 0) {
                throw new IllegalArgumentException("Gabor filter needs at least one orientation");
            }
            for (double t : thetas) {
                if (!Double.isFinite(t)) {
                    throw new IllegalArgumentException("Gabor orientation must be finite, was " + t);
                }
            }
            thetas = thetas.clone();
            Objects.requireNonNull(planes, "planes");
            Objects.requireNonNull(boundary, "boundary");
        }

        @Override
        public double[] thetas() {
            return thetas.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && Double.compare(sigmaMm, p.sigmaMm) == 0
                && Double.compare(lambdaMm, p.lambdaMm) == 0 && Double.compare(gamma, p.gamma) == 0
                && Arrays.equals(thetas, p.thetas) && planes == p.planes && boundary == p.boundary;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sigmaMm, lambdaMm, gamma, Arrays.hashCode(thetas), planes, boundary);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Gabor[sigma=%g mm, lambda=%g mm, gamma=%g, thetas=%s, %s, %s]", sigmaMm,
                lambdaMm, gamma, Arrays.toString(thetas), planes, boundary);
        }
    }

    private final Parameters parameters;

    public GaborFilter(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public Parameters parameters() {
        return parameters;
    }

    /**
     * The orientations {@code k * step} for {@code k = 0 .. 2 pi / step - 1} (the full circle);
     * {@code 2 pi / step} must be a whole number.
     */
    public static double[] fullCircle(double step) {
        requirePositive(step, "orientation step");
        double count = 2 * Math.PI / step;
        long n = Math.round(count);
        if (n < 1 || Math.abs(count - n) > 1e-9 * count) {
            throw new IllegalArgumentException("2 pi / step must be a whole number, was " + count);
        }
        double[] t = new double[(int) n];
        for (int k = 0; k < n; k++) {
            t[k] = k * step;
        }
        return t;
    }

    @Override
    public Volume apply(Volume input) {
        return apply(input, null);
    }

    /**
     * The response inside {@code region} (everywhere when null), computed on the planes that meet
     * it only; voxels outside the region are 0. A voxel of the region gets exactly the value
     * {@link #apply(Volume)} gives it.
     *
     * @throws IllegalArgumentException for a region outside the grid or a non-finite input voxel
     *                                  (through the FFT it would spread over its whole plane)
     */
    @Override
    public Volume apply(Volume input, BoundingBox region) {
        Geometry g = input.geometry();
        if (region != null && !region.fitsIn(g)) {
            throw new IllegalArgumentException("region " + region + " does not fit the image grid " + g);
        }
        requireFinite(input, "Gabor");
        double[] out = new double[g.voxelCount()];
        int[][] families = parameters.planes() == Planes.AXIAL ? new int[][] {{0, 1, 2}}
            : new int[][] {{0, 1, 2}, {0, 2, 1}, {1, 2, 0}}; // in-plane axes a, b and the normal axis
        double[] thetas = parameters.thetas();
        // orientations modulo pi, each with its count
        List<double[]> distinct = new ArrayList<>();
        for (double t : thetas) {
            double r = Math.IEEEremainder(t, Math.PI);
            boolean found = false;
            for (double[] d : distinct) {
                double diff = Math.abs(Math.IEEEremainder(d[0] - r, Math.PI));
                if (diff < 1e-12) {
                    d[1]++;
                    found = true;
                    break;
                }
            }
            if (!found) {
                distinct.add(new double[] {r, 1});
            }
        }
        double scale = 1.0 / (families.length * thetas.length);
        for (int[] f : families) {
            filterFamily(input, f[0], f[1], f[2], distinct, scale, region, out);
        }
        if (region != null) {
            // planes that meet the region also reach outside it, with only some plane families
            for (int k = 0; k < g.nz(); k++) {
                for (int j = 0; j < g.ny(); j++) {
                    for (int i = 0; i < g.nx(); i++) {
                        if (k < region.lo(2) || k > region.hi(2) || j < region.lo(1) || j > region.hi(1)
                            || i < region.lo(0) || i > region.hi(0)) {
                            out[g.index(i, j, k)] = 0.0;
                        }
                    }
                }
            }
        }
        return Volume.wrap(g, out);
    }

    /** Rejects NaN and infinite voxels, which a transform would spread over a whole plane or volume. */
    static void requireFinite(Volume input, String filter) {
        double[] d = input.data();
        for (int n = 0; n < d.length; n++) {
            if (!Double.isFinite(d[n])) {
                throw new IllegalArgumentException(filter + " filter: voxel " + n + " of the input is " + d[n]
                    + "; the filter needs finite intensities");
            }
        }
    }

    private void filterFamily(Volume input, int axisA, int axisB, int normal, List<double[]> thetas, double scale,
                              BoundingBox region, double[] out) {
        Geometry g = input.geometry();
        int n1 = g.size(axisA);
        int n2 = g.size(axisB);
        int r = Math.max(n1, n2) / 2;
        int l1 = Fft.smoothAtLeast(n1 + 2 * r);
        int l2 = Fft.smoothAtLeast(n2 + 2 * r);
        int size = l1 * l2;
        Fft f1 = new Fft(l1);
        Fft f2 = new Fft(l2);
        double[] wr = new double[size];
        double[] wi = new double[size];
        // kernel spectra, one per orientation modulo pi
        double[][] kRe = new double[thetas.size()][];
        double[][] kIm = new double[thetas.size()][];
        for (int t = 0; t < thetas.size(); t++) {
            double[] re = new double[size];
            double[] im = new double[size];
            kernel(thetas.get(t)[0], r, g.spacing(axisA), g.spacing(axisB), l1, l2, re, im);
            forward2d(f1, f2, re, im, l1, l2, 0, l2, wr, wi);
            kRe[t] = re;
            kIm[t] = im;
        }
        // strides of the volume along a, b and the normal
        int[] stride = {1, g.nx(), g.nx() * g.ny()};
        int sa = stride[axisA];
        int sb = stride[axisB];
        int sn = stride[normal];
        int from = region == null ? 0 : region.lo(normal);
        int to = region == null ? g.size(normal) - 1 : region.hi(normal);
        int[] srcA = sourceIndices(n1, r, parameters.boundary());
        int[] srcB = sourceIndices(n2, r, parameters.boundary());
        double[] data = input.data();
        double[] pRe = new double[size];
        double[] pIm = new double[size];
        double[] yRe = new double[size];
        double[] yIm = new double[size];
        double inv = 1.0 / size;
        for (int c = from; c <= to; c++) {
            int base = c * sn;
            // padded plane, zero beyond n + 2r
            Arrays.fill(pRe, 0.0);
            Arrays.fill(pIm, 0.0);
            for (int u2 = 0; u2 < n2 + 2 * r; u2++) {
                int b = srcB[u2];
                if (b < 0) {
                    continue;
                }
                int row = u2 * l1;
                int src = base + b * sb;
                for (int u1 = 0; u1 < n1 + 2 * r; u1++) {
                    int a = srcA[u1];
                    if (a >= 0) {
                        pRe[row + u1] = data[src + a * sa];
                    }
                }
            }
            forward2d(f1, f2, pRe, pIm, l1, l2, 0, l2, wr, wi);
            for (int t = 0; t < thetas.size(); t++) {
                double w = thetas.get(t)[1] * scale * inv;
                double[] kr = kRe[t];
                double[] ki = kIm[t];
                // inverse transform as conj(FFT(conj(Y))); the modulus ignores the outer conj
                for (int q = 0; q < size; q++) {
                    double ar = pRe[q];
                    double ai = pIm[q];
                    yRe[q] = ar * kr[q] - ai * ki[q];
                    yIm[q] = -(ar * ki[q] + ai * kr[q]);
                }
                forward2d(f1, f2, yRe, yIm, l1, l2, r, r + n2, wr, wi);
                for (int v = 0; v < n2; v++) {
                    int row = (v + r) * l1 + r;
                    int dst = base + v * sb;
                    for (int u = 0; u < n1; u++) {
                        double re = yRe[row + u];
                        double im = yIm[row + u];
                        out[dst + u * sa] += w * Math.sqrt(re * re + im * im);
                    }
                }
            }
        }
    }

    /**
     * 2D forward transform of an {@code l2 x l1} row-major plane: along the second axis (columns)
     * for every column, then along the first axis for rows {@code rowFrom .. rowTo - 1} only.
     */
    private static void forward2d(Fft f1, Fft f2, double[] re, double[] im, int l1, int l2, int rowFrom, int rowTo,
                                  double[] wr, double[] wi) {
        f2.transform(re, im, 0, l1, l1, 1, wr, wi);
        f1.transform(re, im, rowFrom * l1, 1, rowTo - rowFrom, l1, wr, wi);
    }

    /** The kernel samples {@code |q1|, |q2| <= r}, stored at {@code (q2 mod l2) l1 + (q1 mod l1)}. */
    private void kernel(double theta, int r, double spacingA, double spacingB, int l1, int l2, double[] re,
                        double[] im) {
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double sigma = parameters.sigmaMm();
        double gamma2 = parameters.gamma() * parameters.gamma();
        double k = 2 * Math.PI / parameters.lambdaMm();
        for (int q2 = -r; q2 <= r; q2++) {
            double y = q2 * spacingB;
            int row = Math.floorMod(q2, l2) * l1;
            for (int q1 = -r; q1 <= r; q1++) {
                double x = q1 * spacingA;
                double xr = x * cos + y * sin;
                double yr = -x * sin + y * cos;
                double envelope = Math.exp(-(xr * xr + gamma2 * yr * yr) / (2 * sigma * sigma));
                int p = row + Math.floorMod(q1, l1);
                re[p] = envelope * Math.cos(k * xr);
                im[p] = envelope * Math.sin(k * xr);
            }
        }
    }

    /** Source index of padded position {@code u} ({@code u - r} in the plane), -1 for zero. */
    private static int[] sourceIndices(int n, int r, BoundaryCondition bc) {
        int[] s = new int[n + 2 * r];
        for (int u = 0; u < s.length; u++) {
            s[u] = bc.sourceIndex(u - r, n);
        }
        return s;
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite and > 0, was " + v);
        }
    }

    @Override
    public String toString() {
        return parameters.toString();
    }
}
