package org.radtab.radiomics.filter;

import java.util.Objects;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.Dft;

/**
 * IBSI 2 Simoncelli wavelet (non-separable, isotropic, in the frequency domain): the response is
 * the real part of {@code IDFT(DFT(image) Psi_j)}, the DFT taken over the whole image (3D) or
 * over each axial slice (2D) without padding (periodic boundary), with the band-pass transfer
 * function of decomposition level {@code j >= 1}
 * <pre>
 *   Psi_j(nu) = cos(pi/2 log2(2 nu / nu_max))   for nu_max / 4 <= nu <= nu_max, 0 otherwise,
 *   nu_max = 2^(1 - j)
 * </pre>
 * where {@code nu = |(nu_x, nu_y[, nu_z])|} is the radial frequency normalised so that 1 is the
 * Nyquist frequency. The frequency values along an axis of N samples are those of the IBSI
 * consensus: N equally spaced values from -1 to 1 inclusive, the middle one at DFT bin 0 (for N
 * even, bin k has {@code (k + 1/2) / ((N - 1) / 2)} for {@code k < N/2} and
 * {@code (k - N + 1/2) / ((N - 1) / 2)} above; for N odd {@code k / ((N - 1) / 2)} and
 * {@code (k - N) / ((N - 1) / 2)}); an axis of one sample has frequency 0.
 */
public final class SimoncelliFilter implements ImageFilter {

    /**
     * @param level     decomposition level j, &gt;= 1
     * @param dimension 2D (each axial slice) or 3D
     */
    public record Parameters(int level, FilterDimension dimension) {
        public Parameters {
            if (level < 1 || level > 30) {
                throw new IllegalArgumentException("Simoncelli level must be 1..30, was " + level);
            }
            Objects.requireNonNull(dimension, "dimension");
        }
    }

    private final Parameters parameters;

    public SimoncelliFilter(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Normalised frequency of DFT bin {@code k} on an axis of {@code n} samples (the IBSI consensus grid). */
    static double frequency(int k, int n) {
        if (n == 1) {
            return 0.0;
        }
        double half = (n - 1) / 2.0;
        if (n % 2 == 0) {
            return (k < n / 2 ? k + 0.5 : k - n + 0.5) / half;
        }
        return (k <= n / 2 ? k : k - n) / half;
    }

    /** {@code Psi_j(nu)}. */
    static double transfer(double nu, int level) {
        double max = Math.pow(2, 1 - level);
        if (nu < max / 4 || nu > max) {
            return 0.0;
        }
        return Math.cos(Math.PI / 2 * (Math.log(2 * nu / max) / Math.log(2)));
    }

    /** @throws IllegalArgumentException for a non-finite voxel (the DFT would spread it over the whole result) */
    @Override
    public Volume apply(Volume input) {
        GaborFilter.requireFinite(input, "Simoncelli");
        Geometry g = input.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        boolean threeD = parameters.dimension() == FilterDimension.THREE_D;
        int depth = threeD ? nz : 1;
        int block = nx * ny * depth;
        double[] fx = frequencies(nx);
        double[] fy = frequencies(ny);
        double[] fz = frequencies(depth);
        double[] psi = new double[block];
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double nu = Math.sqrt(fx[x] * fx[x] + fy[y] * fy[y] + fz[z] * fz[z]);
                    psi[(z * ny + y) * nx + x] = transfer(nu, parameters.level());
                }
            }
        }
        double[] src = input.data();
        double[] out = new double[src.length];
        double[] re = new double[block];
        double[] im = new double[block];
        for (int start = 0; start < src.length; start += block) {
            System.arraycopy(src, start, re, 0, block);
            java.util.Arrays.fill(im, 0.0);
            Dft.transform3d(re, im, nx, ny, depth, false);
            for (int q = 0; q < block; q++) {
                re[q] *= psi[q];
                im[q] *= psi[q];
            }
            Dft.transform3d(re, im, nx, ny, depth, true);
            System.arraycopy(re, 0, out, start, block);
        }
        return Volume.wrap(g, out);
    }

    private static double[] frequencies(int n) {
        double[] f = new double[n];
        for (int k = 0; k < n; k++) {
            f[k] = frequency(k, n);
        }
        return f;
    }

    @Override
    public String toString() {
        return "Simoncelli" + parameters;
    }
}
