package org.radtab.radiomics.filter;

import java.util.Arrays;
import java.util.Objects;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.Dft;

/**
 * IBSI 2 Riesz transform of a filter response: the real part of {@code IDFT(DFT(r) R_l)} where
 * {@code r} is the response of the inner filter and, for the order {@code l = (l1, l2, l3)} along
 * x, y, z with {@code L = l1 + l2 + l3 >= 1},
 * <pre>
 *   R_l(nu) = (-i)^L sqrt(L! / (l1! l2! l3!)) nu_x^l1 nu_y^l2 nu_z^l3 / |nu|^L,   R_l(0) = 0
 * </pre>
 * with the forward DFT {@code sum_k x[k] exp(-2 pi i f k / N)} and the DFT frequencies
 * {@code nu = f / N} ({@code f} taken in {@code -N/2 .. N/2}). Optionally the image is first padded
 * by {@code padding} voxels on both sides of every axis longer than one voxel with a boundary
 * condition, filtered, transformed, and cropped back (the DFT is otherwise periodic). Non-finite
 * voxels of the inner filter's response are rejected (the DFT would spread them everywhere).
 */
public final class RieszFilter implements ImageFilter {

    /**
     * @param order    Riesz orders along x, y and z, each &gt;= 0, at least one &gt; 0
     * @param padding  voxels added on every side before filtering (0: none)
     * @param boundary values of the added voxels
     */
    public record Parameters(int[] order, int padding, BoundaryCondition boundary) {
        public Parameters {
            Objects.requireNonNull(order, "order");
            if (order.length != 3 || order[0] < 0 || order[1] < 0 || order[2] < 0 || order[0] + order[1] + order[2] < 1
                || order[0] + order[1] + order[2] > 20) {
                throw new IllegalArgumentException("Riesz order must be three non-negative integers with sum 1..20, was "
                    + Arrays.toString(order));
            }
            if (padding < 0) {
                throw new IllegalArgumentException("padding must be >= 0, was " + padding);
            }
            Objects.requireNonNull(boundary, "boundary");
            order = order.clone();
        }

        @Override
        public int[] order() {
            return order.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && Arrays.equals(order, p.order) && padding == p.padding
                && boundary == p.boundary;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(order), padding, boundary);
        }

        @Override
        public String toString() {
            return "Riesz[order=" + Arrays.toString(order) + ", padding=" + padding + ", " + boundary + "]";
        }
    }

    private final ImageFilter inner;
    private final Parameters parameters;

    public RieszFilter(ImageFilter inner, Parameters parameters) {
        this.inner = Objects.requireNonNull(inner, "inner filter");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public Parameters parameters() {
        return parameters;
    }

    public ImageFilter inner() {
        return inner;
    }

    @Override
    public Volume apply(Volume input) {
        int pad = parameters.padding();
        Volume source = pad == 0 ? input : pad(input, pad, parameters.boundary());
        Volume r = inner.apply(source);
        GaborFilter.requireFinite(r, "Riesz (response of " + inner + ")");
        Geometry g = r.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        double[] re = r.data().clone();
        double[] im = new double[re.length];
        Dft.transform3d(re, im, nx, ny, nz, false);
        int[] l = parameters.order();
        int total = l[0] + l[1] + l[2];
        double norm = Math.sqrt(factorial(total) / (factorial(l[0]) * factorial(l[1]) * factorial(l[2])));
        // (-i)^L = cr + i ci
        double[][] powers = {{1, 0}, {0, -1}, {-1, 0}, {0, 1}};
        double cr = powers[total % 4][0] * norm;
        double ci = powers[total % 4][1] * norm;
        for (int z = 0; z < nz; z++) {
            double vz = frequency(z, nz);
            for (int y = 0; y < ny; y++) {
                double vy = frequency(y, ny);
                for (int x = 0; x < nx; x++) {
                    double vx = frequency(x, nx);
                    int q = (z * ny + y) * nx + x;
                    double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
                    if (len == 0) {
                        re[q] = 0;
                        im[q] = 0;
                        continue;
                    }
                    double m = Math.pow(vx / len, l[0]) * Math.pow(vy / len, l[1]) * Math.pow(vz / len, l[2]);
                    double ar = re[q];
                    double ai = im[q];
                    re[q] = m * (ar * cr - ai * ci);
                    im[q] = m * (ar * ci + ai * cr);
                }
            }
        }
        Dft.transform3d(re, im, nx, ny, nz, true);
        Volume out = Volume.wrap(g, re);
        return pad == 0 ? out : crop(out, input.geometry(), pad);
    }

    /** DFT frequency of bin k on n samples, in cycles per sample, in -1/2 .. 1/2. */
    static double frequency(int k, int n) {
        return (k <= n / 2 ? k : k - n) / (double) n;
    }

    private static double factorial(int n) {
        double f = 1;
        for (int k = 2; k <= n; k++) {
            f *= k;
        }
        return f;
    }

    /** Padding per axis: {@code pad}, or 0 along an axis of one voxel. */
    private static int[] padding(Geometry g, int pad) {
        return new int[] {g.nx() > 1 ? pad : 0, g.ny() > 1 ? pad : 0, g.nz() > 1 ? pad : 0};
    }

    private static Volume pad(Volume v, int pad, BoundaryCondition bc) {
        Geometry g = v.geometry();
        int[] p = padding(g, pad);
        int nx = g.nx() + 2 * p[0];
        int ny = g.ny() + 2 * p[1];
        int nz = g.nz() + 2 * p[2];
        double[] d = new double[nx * ny * nz];
        double[] s = v.data();
        for (int z = 0; z < nz; z++) {
            int sz = bc.sourceIndex(z - p[2], g.nz());
            for (int y = 0; y < ny; y++) {
                int sy = bc.sourceIndex(y - p[1], g.ny());
                for (int x = 0; x < nx; x++) {
                    int sx = bc.sourceIndex(x - p[0], g.nx());
                    if (sx >= 0 && sy >= 0 && sz >= 0) {
                        d[(z * ny + y) * nx + x] = s[g.index(sx, sy, sz)];
                    }
                }
            }
        }
        double[] origin = g.indexToPhysical(-p[0], -p[1], -p[2]);
        return Volume.wrap(new Geometry(new int[] {nx, ny, nz}, g.spacing(), origin, g.direction()), d);
    }

    private static Volume crop(Volume v, Geometry target, int pad) {
        Geometry g = v.geometry();
        int[] p = padding(target, pad);
        double[] d = new double[target.voxelCount()];
        double[] s = v.data();
        for (int z = 0; z < target.nz(); z++) {
            for (int y = 0; y < target.ny(); y++) {
                System.arraycopy(s, g.index(p[0], y + p[1], z + p[2]), d, target.index(0, y, z), target.nx());
            }
        }
        return Volume.wrap(target, d);
    }

    @Override
    public String toString() {
        return parameters + " of " + inner;
    }
}
