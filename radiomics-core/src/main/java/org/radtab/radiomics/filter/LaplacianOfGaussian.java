package org.radtab.radiomics.filter;

import java.util.Objects;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Laplacian of Gaussian with a sampled, truncated kernel, as defined by IBSI 2 (section "LoG").
 *
 * <p>With {@code s = sigma_mm / spacing} (voxels), dimension {@code D} (2 or 3) and the squared
 * distance {@code q = u^2 + v^2 (+ w^2)} of a kernel sample from the centre in voxels, the
 * isotropic IBSI kernel is
 *
 * <pre>  LoG(q) = -(1 / s^2) * (2 pi s^2)^(-D/2) * (D - q / s^2) * exp(-q / (2 s^2))</pre>
 *
 * sampled at voxel centres on the cube {@code |u|, |v|, |w| <= r} with radius
 * {@code r = floor(t * s + 0.5)} ({@code t} = truncation in sigmas, IBSI: 4), no zero-sum
 * correction and no further scaling, applied as a convolution with the chosen boundary
 * condition. The response is a second derivative in voxel units (for isotropic spacing {@code h}
 * it is {@code h^2} times the physical Laplacian of the Gaussian-smoothed image).
 *
 * <p>The kernel is evaluated exactly as the sum of separable terms
 * {@code LoG = sum_d g''_d(x_d) prod_(e != d) g_e(x_e)} with the 1D Gaussian
 * {@code g(u) = (2 pi s^2)^(-1/2) exp(-u^2 / (2 s^2))} and its second derivative
 * {@code g''(u) = g(u) (u^2 / s^4 - 1 / s^2)}, which equals the sampled kernel above on the same
 * cube (D + 1 passes per term, shared where possible).
 *
 * <p><b>Anisotropic spacing</b> (not tested by IBSI 2, which uses isotropic grids): sigma is a
 * physical length, so each axis {@code a} gets its own {@code s_a = sigma_mm / spacing_a} and
 * radius {@code r_a = floor(t * s_a + 0.5)}; each Gaussian factor is the 1D kernel above with
 * {@code s_a}; the second-derivative term of axis {@code a} is scaled by
 * {@code (h / spacing_a)^2} with {@code h} the smallest spacing of the filtered axes. The result
 * is {@code h^2} times the physical Laplacian of the Gaussian-smoothed image, i.e. the IBSI
 * kernel in units of the finest voxel, and exactly the IBSI kernel when the spacing is isotropic.
 * (The IBSI reference tool instead uses one sigma in voxels of the finest axis for every axis.)
 * In 2D only x and y are filtered and the slice spacing is ignored.
 */
public final class LaplacianOfGaussian implements ImageFilter {

    /** IBSI 2 truncation: 4 sigma. */
    public static final double IBSI_TRUNCATION = 4.0;

    /**
     * @param sigmaMm    standard deviation in mm, &gt; 0
     * @param truncation kernel half-width in sigmas (IBSI: 4), &gt; 0
     * @param dimension  2D (axial slices, D = 2) or 3D (D = 3)
     * @param boundary   values outside the image
     */
    public record Parameters(double sigmaMm, double truncation, FilterDimension dimension, BoundaryCondition boundary) {
        public Parameters {
            if (!(sigmaMm > 0) || !Double.isFinite(sigmaMm)) {
                throw new IllegalArgumentException("LoG sigma must be finite and > 0 mm, was " + sigmaMm);
            }
            if (!(truncation > 0) || !Double.isFinite(truncation)) {
                throw new IllegalArgumentException("LoG truncation must be finite and > 0 sigmas, was " + truncation);
            }
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(boundary, "boundary");
        }
    }

    private final Parameters parameters;

    public LaplacianOfGaussian(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public LaplacianOfGaussian(double sigmaMm, double truncation, FilterDimension dimension, BoundaryCondition boundary) {
        this(new Parameters(sigmaMm, truncation, dimension, boundary));
    }

    public Parameters parameters() { return parameters; }

    /** Kernel radius in voxels along an axis of the given spacing: {@code floor(t * sigma / spacing + 0.5)}. */
    public static int radius(double sigmaMm, double truncation, double spacing) {
        return (int) Math.floor(truncation * sigmaMm / spacing + 0.5);
    }

    /** Sampled 1D Gaussian {@code (2 pi s^2)^(-1/2) exp(-u^2/(2 s^2))}, {@code u = -r..r}, {@code s} in voxels. */
    static double[] gaussian(double s, int r) {
        double[] g = new double[2 * r + 1];
        double norm = 1.0 / Math.sqrt(2 * Math.PI * s * s);
        for (int u = -r; u <= r; u++) {
            g[u + r] = norm * Math.exp(-(double) u * u / (2 * s * s));
        }
        return g;
    }

    /** Sampled 1D second derivative {@code g(u) (u^2/s^4 - 1/s^2)} times {@code scale}. */
    static double[] gaussianSecondDerivative(double s, int r, double scale) {
        double[] g = gaussian(s, r);
        double s2 = s * s;
        for (int u = -r; u <= r; u++) {
            g[u + r] *= scale * ((double) u * u / (s2 * s2) - 1.0 / s2);
        }
        return g;
    }

    @Override
    public Volume apply(Volume input) {
        Geometry geo = input.geometry();
        int dims = parameters.dimension().axes();
        double h = Double.POSITIVE_INFINITY;
        for (int a = 0; a < dims; a++) {
            h = Math.min(h, geo.spacing(a));
        }
        Kernel1D[] g = new Kernel1D[dims];
        Kernel1D[] g2 = new Kernel1D[dims];
        for (int a = 0; a < dims; a++) {
            double sp = geo.spacing(a);
            double s = parameters.sigmaMm() / sp;
            int r = radius(parameters.sigmaMm(), parameters.truncation(), sp);
            g[a] = Kernel1D.centred(gaussian(s, r));
            g2[a] = Kernel1D.centred(gaussianSecondDerivative(s, r, (h / sp) * (h / sp)));
        }
        int nx = geo.nx();
        int ny = geo.ny();
        int nz = geo.nz();
        BoundaryCondition bc = parameters.boundary();
        double[] in = input.data();
        double[] out;
        if (dims == 2) {
            double[] gy = pass(in, nx, ny, nz, 1, g[1], bc);
            out = pass(gy, nx, ny, nz, 0, g2[0], bc);
            double[] gx = gy;
            SeparableConvolution.convolveAxis(in, gx, nx, ny, nz, 0, g[0], bc);
            double[] t = pass(gx, nx, ny, nz, 1, g2[1], bc);
            add(out, t);
        } else {
            double[] a = pass(in, nx, ny, nz, 2, g[2], bc);          // z-smoothed
            double[] b = pass(a, nx, ny, nz, 1, g[1], bc);           // y,z-smoothed
            out = pass(b, nx, ny, nz, 0, g2[0], bc);                 // d2/dx2 term
            double[] c = b;
            SeparableConvolution.convolveAxis(a, c, nx, ny, nz, 1, g2[1], bc);
            double[] t = a;
            SeparableConvolution.convolveAxis(c, t, nx, ny, nz, 0, g[0], bc); // d2/dy2 term
            add(out, t);
            SeparableConvolution.convolveAxis(in, c, nx, ny, nz, 0, g[0], bc);
            SeparableConvolution.convolveAxis(c, t, nx, ny, nz, 1, g[1], bc);
            SeparableConvolution.convolveAxis(t, c, nx, ny, nz, 2, g2[2], bc); // d2/dz2 term
            add(out, c);
        }
        return Volume.wrap(geo, out);
    }

    private static double[] pass(double[] src, int nx, int ny, int nz, int axis, Kernel1D k, BoundaryCondition bc) {
        double[] dst = new double[src.length];
        SeparableConvolution.convolveAxis(src, dst, nx, ny, nz, axis, k, bc);
        return dst;
    }

    private static void add(double[] acc, double[] x) {
        for (int n = 0; n < acc.length; n++) {
            acc[n] += x[n];
        }
    }

    @Override
    public String toString() {
        return "LaplacianOfGaussian" + parameters;
    }
}
