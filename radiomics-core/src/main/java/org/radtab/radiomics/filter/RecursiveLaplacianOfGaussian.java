package org.radtab.radiomics.filter;

import java.util.Objects;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Laplacian of Gaussian as PyRadiomics computes its {@code LoG} image type: SimpleITK's
 * {@code LaplacianRecursiveGaussianImageFilter} with {@code NormalizeAcrossScale} on and sigma in
 * mm. RadTab's own implementation of ITK's documented algorithm ({@link RecursiveGaussian}).
 *
 * <pre>  R = sum over axes d of (1 / spacing_d^2) * S_others( D2_d(I) )</pre>
 *
 * where {@code D2_d} is the recursive second-derivative filter along axis {@code d} (index units,
 * multiplied by {@code sigma^2} when normalising across scale) and {@code S_others} the recursive
 * Gaussian smoothing (order 0, unit gain) along the remaining axes in increasing axis order. The
 * result is {@code sigma^2} times the physical Laplacian (mm^-2) of the Gaussian-smoothed image: a
 * scale-normalised, dimensionless response, for any (anisotropic) spacing. The direction matrix
 * is not used. All three axes are always filtered (PyRadiomics' LoG is 3D even with
 * {@code force2D}); every axis needs at least 4 voxels (ITK refuses shorter lines; PyRadiomics
 * skips the LoG when any axis is shorter than 4 voxels or shorter than
 * {@code ceil(sigma / spacing) + 1}, which the caller decides).
 *
 * <p>Borders: each 1D recursion continues the line by its edge value (see
 * {@link RecursiveGaussian}), so near the image border the response is that of an image extended
 * by its edge values along each axis in turn.
 *
 * <p>ITK stores the intermediate images of this filter as float32 (its {@code InternalRealType}),
 * while each 1D recursion runs in double. With {@code float32Intermediates} (the
 * {@link #pyRadiomics(double)} setting) every pass output and the running sum are rounded to float
 * as ITK does; otherwise everything stays in double.
 */
public final class RecursiveLaplacianOfGaussian implements ImageFilter {

    /**
     * @param sigmaMm               Gaussian sigma in mm, &gt; 0
     * @param normalizeAcrossScale  multiply by sigma^2 (PyRadiomics: true)
     * @param float32Intermediates  round intermediate images to float32 like ITK (PyRadiomics: true)
     */
    public record Parameters(double sigmaMm, boolean normalizeAcrossScale, boolean float32Intermediates) {
        public Parameters {
            if (!(sigmaMm > 0) || !Double.isFinite(sigmaMm)) {
                throw new IllegalArgumentException("LoG sigma must be finite and > 0 mm, was " + sigmaMm);
            }
        }
    }

    private final Parameters parameters;

    public RecursiveLaplacianOfGaussian(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The PyRadiomics setting: normalised across scale, float32 intermediates as in SimpleITK. */
    public static RecursiveLaplacianOfGaussian pyRadiomics(double sigmaMm) {
        return new RecursiveLaplacianOfGaussian(new Parameters(sigmaMm, true, true));
    }

    public Parameters parameters() { return parameters; }

    @Override
    public Volume apply(Volume input) {
        return apply(input, null);
    }

    /**
     * The response inside {@code region} (everywhere when null); voxels outside it are 0. Each
     * term {@code d^2/dx_d^2} is smoothed along the two other axes in turn, and a later pass only
     * needs the lines whose already-filtered coordinates lie in the region, so the second and third
     * passes skip the others; and every pass only needs its outputs whose coordinate along its own
     * axis lies in the region, so its causal recursion stops at the region's end and its
     * anti-causal one at the region's start. Each recursion still starts from its line's end, so
     * the values in the region are exactly those of the full map.
     */
    @Override
    public Volume apply(Volume input, BoundingBox region) {
        return compute(input, region, false, null);
    }

    /** As {@link #apply(Volume, BoundingBox)}, the region written straight into a region-sized volume. */
    @Override
    public Volume applyWithin(Volume input, BoundingBox region) {
        java.util.Objects.requireNonNull(region, "region");
        return compute(input, region, true, null);
    }

    /**
     * The PyRadiomics LoG ({@link #pyRadiomics(double)}) at each of {@code sigmasMm} on
     * {@code region}, as {@link #applyWithin} gives it, in the order given; the sigmas share their
     * two whole-grid work arrays (what a pass leaves outside the region is never read).
     *
     * @throws IllegalArgumentException for a sigma that is not finite and &gt; 0, or a region that
     *                                  does not fit the image grid
     */
    public static java.util.List<Volume> pyRadiomicsWithin(Volume input, BoundingBox region, double... sigmasMm) {
        java.util.Objects.requireNonNull(region, "region");
        java.util.List<RecursiveLaplacianOfGaussian> filters = new java.util.ArrayList<>();
        for (double s : sigmasMm) {
            filters.add(pyRadiomics(s)); // checks every sigma before any work
        }
        double[][] work = new double[2][];
        java.util.List<Volume> out = new java.util.ArrayList<>();
        for (RecursiveLaplacianOfGaussian f : filters) {
            out.add(f.compute(input, region, true, work));
        }
        WorkArrays.give(work[0]);
        WorkArrays.give(work[1]);
        return out;
    }

    /** @param shared two work arrays to reuse across calls (allocated into it when null), or null */
    private Volume compute(Volume input, BoundingBox region, boolean within, double[][] shared) {
        Geometry g = input.geometry();
        if (region != null && !region.fitsIn(g)) {
            throw new IllegalArgumentException("region " + region + " does not fit the image grid " + g);
        }
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        for (int a = 0; a < 3; a++) {
            if (g.size(a) < 4) {
                throw new IllegalArgumentException("recursive LoG needs at least 4 voxels along every axis; axis " + a
                    + " has " + g.size(a) + " (" + g + ")");
            }
        }
        boolean f32 = parameters.float32Intermediates();
        double sigma = parameters.sigmaMm();
        if (shared != null && (shared[0] == null || shared[0].length != g.voxelCount())) {
            // work arrays: a pass reads only what an earlier pass wrote, so any contents will do
            shared[0] = WorkArrays.doubles(g.voxelCount());
            shared[1] = WorkArrays.doubles(g.voxelCount());
        }
        double[] work = shared != null ? shared[0] : new double[g.voxelCount()];
        double[] other = shared != null ? shared[1] : new double[g.voxelCount()];
        double[] src = input.data();
        int[] rlo = region == null ? new int[3] : region.lo();
        int[] rhi = region == null ? new int[] {nx - 1, ny - 1, nz - 1} : region.hi();
        int bx = rhi[0] - rlo[0] + 1;
        int by = rhi[1] - rlo[1] + 1;
        // the sum: on the whole grid, or on the region's grid (voxel (i, j, k) of the region at
        // (i - lo) + bx ((j - lo) + by (k - lo)))
        double[] acc;
        if (within) { // the response is summed into it: zeroed
            acc = WorkArrays.zeroedDoubles(bx * by * (rhi[2] - rlo[2] + 1));
        } else {
            acc = new double[g.voxelCount()];
        }
        for (int d = 0; d < 3; d++) {
            // lines of a pass: coordinates of the axes filtered before it restricted to the region;
            // outputs along the pass's own axis: those in the region (all that later passes read)
            int[] lo = new int[3];
            int[] hi = {nx - 1, ny - 1, nz - 1};
            lo[d] = rlo[d];
            hi[d] = rhi[d];
            new RecursiveGaussian(sigma, g.spacing(d), 2, parameters.normalizeAcrossScale())
                .apply(src, work, nx, ny, nz, d, f32, lo, hi);
            for (int e = 0; e < 3; e++) {
                if (e != d) {
                    lo[e] = rlo[e];
                    hi[e] = rhi[e];
                    new RecursiveGaussian(sigma, g.spacing(e), 0, parameters.normalizeAcrossScale())
                        .apply(work, other, nx, ny, nz, e, f32, lo, hi);
                    double[] t = work;
                    work = other;
                    other = t;
                }
            }
            double inv = 1.0 / (g.spacing(d) * g.spacing(d));
            for (int k = rlo[2]; k <= rhi[2]; k++) {
                for (int j = rlo[1]; j <= rhi[1]; j++) {
                    int row = g.index(rlo[0], j, k);
                    int to = within ? bx * ((j - rlo[1]) + by * (k - rlo[2])) : row;
                    if (f32) {
                        for (int n = 0; n < bx; n++) {
                            acc[to + n] = (float) (acc[to + n] + work[row + n] * inv);
                        }
                    } else {
                        for (int n = 0; n < bx; n++) {
                            acc[to + n] += work[row + n] * inv;
                        }
                    }
                }
            }
        }
        return within ? Volume.wrap(g.subGrid(rlo, new int[] {bx, by, rhi[2] - rlo[2] + 1}), acc) : Volume.wrap(g, acc);
    }

    @Override
    public String toString() {
        return "RecursiveLaplacianOfGaussian" + parameters;
    }
}
