package org.radtab.radiomics.filter;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Undecimated separable wavelet filter in the IBSI 2 convention (sections 7 and 9 of the IBSI 2
 * facts sheet).
 *
 * <ul>
 *   <li><b>Filters</b>: the decomposition low-pass L and high-pass H of a {@link Wavelet},
 *       unnormalised (LLL multiplies a constant by {@code 2 sqrt 2} per level).</li>
 *   <li><b>Band</b>: one letter per axis in the order x, y, z (2 letters in 2D), e.g. {@code LHL} =
 *       low-pass along x, high-pass along y, low-pass along z.</li>
 *   <li><b>Alignment</b> (level 1): {@code R[n] = sum_k h[k] I[n + N/2 - k]}, a convolution with
 *       the filter extended by one zero and centred on its middle element.</li>
 *   <li><b>Level j</b> ("a trous"): the low-pass is applied along every filtered axis at levels
 *       1 .. j-1 (each dilated by {@code 2^(level-1)}), then the band filters dilated by
 *       {@code 2^(j-1)}: {@code R_j[n] = sum_k h[k] A_(j-1)[n + (N/2) 2^(j-1) - k 2^(j-1)]}. Only the
 *       requested band of the last level is output. The boundary condition applies at every
 *       pass.</li>
 *   <li><b>Rotation invariance</b>: with {@link Pooling#MEAN} (IBSI) or {@link Pooling#MAX} the
 *       filter is applied in all 24 (3D) or 4 (2D) right-angle orientations of
 *       {@link RightAngleRotations} (1D filters permuted among the axes and reversed along
 *       negated axes, the low-pass pre-filters reversed on the same axes) and pooled voxel by
 *       voxel; the mean divides by 24 or 4.</li>
 * </ul>
 * 2D filters every axial slice on its own (x and y only).
 */
public final class IbsiWaveletFilter implements ImageFilter {

    /**
     * @param wavelet   filter bank
     * @param band      letters L/H in x, y(, z) order; length 2 in 2D, 3 in 3D
     * @param level     decomposition level, &gt;= 1
     * @param dimension 2D (axial slices) or 3D
     * @param boundary  values outside the image
     * @param pooling   rotation invariance (IBSI uses {@link Pooling#MEAN})
     */
    public record Parameters(Wavelet wavelet, String band, int level, FilterDimension dimension,
                             BoundaryCondition boundary, Pooling pooling) {
        public Parameters {
            Objects.requireNonNull(wavelet, "wavelet");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(boundary, "boundary");
            Objects.requireNonNull(pooling, "pooling");
            band = band == null ? null : band.toUpperCase(Locale.ROOT);
            UndecimatedWavelet.validateBand(band, dimension.axes());
            if (level < 1 || level > 16) {
                throw new IllegalArgumentException("wavelet level must be in 1..16, was " + level);
            }
        }
    }

    private final Parameters parameters;

    public IbsiWaveletFilter(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public IbsiWaveletFilter(Wavelet wavelet, String band, int level, FilterDimension dimension,
                             BoundaryCondition boundary, Pooling pooling) {
        this(new Parameters(wavelet, band, level, dimension, boundary, pooling));
    }

    public Parameters parameters() { return parameters; }

    @Override
    public Volume apply(Volume input) {
        Geometry g = input.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int dims = parameters.dimension().axes();
        int level = parameters.level();
        Wavelet w = parameters.wavelet();
        BoundaryCondition bc = parameters.boundary();
        double[] a = new double[g.voxelCount()];
        double[] b = new double[g.voxelCount()];
        double[] acc = parameters.pooling().pool(parameters.dimension(), o -> {
            double[] cur = input.data();
            for (int axis = 0; axis < dims; axis++) {
                char letter = parameters.band().charAt(o.axis(axis));
                boolean rev = o.reversed(axis);
                for (int lev = 1; lev <= level; lev++) {
                    double[] h = lev < level ? w.filter('L') : w.filter(letter);
                    double[] out = cur == a ? b : a;
                    SeparableConvolution.convolveAxis(cur, out, nx, ny, nz, axis,
                        UndecimatedWavelet.kernel(h, lev, rev), bc);
                    cur = out;
                }
            }
            return cur;
        });
        return Volume.wrap(g, acc);
    }

    /**
     * All {@code 2^D} bands of level {@code level} without rotation invariance, keyed by their
     * letters in x, y(, z) order, in lexicographic order (LLL, LLH, ..., HHH), sharing the
     * intermediate passes.
     */
    public static LinkedHashMap<String, Volume> allBands(Volume input, Wavelet wavelet, int level,
                                                         FilterDimension dimension, BoundaryCondition boundary) {
        if (level < 1) {
            throw new IllegalArgumentException("wavelet level must be >= 1, was " + level);
        }
        Geometry g = input.geometry();
        int[] axes = dimension == FilterDimension.THREE_D ? new int[] {0, 1, 2} : new int[] {0, 1};
        double[] approx = input.data();
        for (int lev = 1; lev < level; lev++) {
            approx = UndecimatedWavelet.approximation(approx, g.nx(), g.ny(), g.nz(), wavelet, lev, axes, boundary);
        }
        double[][] bands = UndecimatedWavelet.bands(approx, g.nx(), g.ny(), g.nz(), wavelet, level, axes, boundary);
        LinkedHashMap<String, Volume> out = new LinkedHashMap<>();
        for (int b = 0; b < bands.length; b++) {
            out.put(UndecimatedWavelet.bandName(b, axes.length), Volume.wrap(g, bands[b]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "IbsiWaveletFilter[" + parameters.wavelet().name() + ", " + parameters.band() + ", level "
            + parameters.level() + ", " + parameters.dimension() + ", " + parameters.boundary() + ", "
            + parameters.pooling() + "]";
    }
}
