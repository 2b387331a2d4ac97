package org.radtab.radiomics.filter;

import java.util.Arrays;
import java.util.Objects;
import org.radtab.radiomics.image.Volume;

/**
 * Mean filter (IBSI 2, section "mean filter"): the plain average over an {@code M x M} (2D) or
 * {@code M x M x M} (3D) box of voxels centred on each voxel,
 *
 * <pre>  R(i, j, k) = (1 / M^D) * sum over |u|, |v|, |w| &lt;= (M - 1) / 2 of I(i + u, j + v, k + w)</pre>
 *
 * with the virtual voxels outside the image given by the boundary condition. The support is in
 * voxels (not mm), {@code M} odd. Computed as separable 1D passes of weight {@code 1/M} in double
 * precision (IBSI test 1.a.3 needs better than float32 running sums).
 */
public final class MeanFilter implements ImageFilter {

    /**
     * @param support   M, odd, at least 1 (voxels per axis)
     * @param dimension 2D (axial slices) or 3D
     * @param boundary  values outside the image
     */
    public record Parameters(int support, FilterDimension dimension, BoundaryCondition boundary) {
        public Parameters {
            if (support < 1 || support % 2 == 0) {
                throw new IllegalArgumentException("mean filter support must be odd and >= 1, was " + support);
            }
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(boundary, "boundary");
        }
    }

    private final Parameters parameters;
    private final Kernel1D kernel;

    public MeanFilter(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        double[] w = new double[parameters.support()];
        Arrays.fill(w, 1.0 / parameters.support());
        this.kernel = Kernel1D.centred(w);
    }

    public MeanFilter(int support, FilterDimension dimension, BoundaryCondition boundary) {
        this(new Parameters(support, dimension, boundary));
    }

    public Parameters parameters() { return parameters; }

    @Override
    public Volume apply(Volume input) {
        Kernel1D kz = parameters.dimension() == FilterDimension.THREE_D ? kernel : null;
        return SeparableConvolution.separable(input, kernel, kernel, kz, parameters.boundary());
    }

    @Override
    public String toString() {
        return "MeanFilter" + parameters;
    }
}
