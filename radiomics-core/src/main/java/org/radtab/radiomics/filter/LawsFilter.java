package org.radtab.radiomics.filter;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Laws texture kernels (IBSI 2, section "Laws kernels").
 *
 * <p>1D kernels, each divided by the square root of its sum of squares (unit L2 norm):
 * L5 = (1, 4, 6, 4, 1), E5 = (-1, -2, 0, 2, 1), S5 = (-1, 0, 2, 0, -1), W5 = (-1, 2, 0, -2, 1),
 * R5 = (1, -4, 6, -4, 1), L3 = (1, 2, 1), E3 = (-1, 0, 1), S3 = (-1, 2, -1). The 2D/3D kernel is
 * the outer product of the named 1D kernels, the first name acting along x, the second along y,
 * the third along z ({@code E5L5S5} = E5 along x, L5 along y, S5 along z), applied as a separable
 * convolution ({@link Kernel1D#centred(double...)}: the first listed coefficient multiplies the
 * voxel ahead).
 *
 * <p>Rotation invariance: the kernel in all 24 (3D) / 4 (2D) right-angle orientations, pooled
 * voxel-wise (IBSI uses {@link Pooling#MAX}). Energy map ({@code energyDelta > 0}): the absolute
 * value of the (pooled) response, averaged by a mean filter of support {@code 2 delta + 1} per
 * axis with the same dimension and boundary condition (order: pool, abs, mean).
 */
public final class LawsFilter implements ImageFilter {

    private static final Map<String, double[]> KERNELS = Map.of(
        "L5", new double[] {1, 4, 6, 4, 1},
        "E5", new double[] {-1, -2, 0, 2, 1},
        "S5", new double[] {-1, 0, 2, 0, -1},
        "W5", new double[] {-1, 2, 0, -2, 1},
        "R5", new double[] {1, -4, 6, -4, 1},
        "L3", new double[] {1, 2, 1},
        "E3", new double[] {-1, 0, 1},
        "S3", new double[] {-1, 2, -1});

    /**
     * @param kernels     names of the 1D kernels in x, y(, z) order, e.g. {@code E5L5S5}; 2 names in 2D, 3 in 3D
     * @param dimension   2D (axial slices) or 3D
     * @param boundary    values outside the image
     * @param pooling     rotation invariance (IBSI: {@link Pooling#MAX})
     * @param energyDelta 0 for the plain response, else the energy window half-width delta (voxels)
     */
    public record Parameters(String kernels, FilterDimension dimension, BoundaryCondition boundary, Pooling pooling,
                             int energyDelta) {
        public Parameters {
            Objects.requireNonNull(kernels, "kernels");
            Objects.requireNonNull(dimension, "dimension");
            Objects.requireNonNull(boundary, "boundary");
            Objects.requireNonNull(pooling, "pooling");
            kernels = kernels.toUpperCase(Locale.ROOT);
            if (kernels.length() != 2 * dimension.axes()) {
                throw new IllegalArgumentException("Laws kernel name '" + kernels + "' must name " + dimension.axes()
                    + " 1D kernels for " + dimension);
            }
            for (int a = 0; a < dimension.axes(); a++) {
                String k = kernels.substring(2 * a, 2 * a + 2);
                if (!KERNELS.containsKey(k)) {
                    throw new IllegalArgumentException("unknown Laws kernel '" + k + "' in '" + kernels
                        + "' (known: L5, E5, S5, W5, R5, L3, E3, S3)");
                }
            }
            if (energyDelta < 0) {
                throw new IllegalArgumentException("Laws energy delta must be >= 0, was " + energyDelta);
            }
        }
    }

    private final Parameters parameters;
    private final Kernel1D[] kernels;

    public LawsFilter(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        int d = parameters.dimension().axes();
        kernels = new Kernel1D[d];
        for (int a = 0; a < d; a++) {
            double[] w = KERNELS.get(parameters.kernels().substring(2 * a, 2 * a + 2)).clone();
            double ss = 0;
            for (double v : w) {
                ss += v * v;
            }
            double norm = 1 / Math.sqrt(ss);
            for (int t = 0; t < w.length; t++) {
                w[t] *= norm;
            }
            kernels[a] = Kernel1D.centred(w);
        }
    }

    public Parameters parameters() { return parameters; }

    @Override
    public Volume apply(Volume input) {
        Geometry g = input.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int dims = parameters.dimension().axes();
        BoundaryCondition bc = parameters.boundary();
        double[] a = new double[g.voxelCount()];
        double[] b = new double[g.voxelCount()];
        double[] acc = parameters.pooling().pool(parameters.dimension(), o -> {
            double[] cur = input.data();
            for (int axis = 0; axis < dims; axis++) {
                Kernel1D k = kernels[o.axis(axis)];
                if (o.reversed(axis)) {
                    k = k.reversed();
                }
                double[] out = cur == a ? b : a;
                SeparableConvolution.convolveAxis(cur, out, nx, ny, nz, axis, k, bc);
                cur = out;
            }
            return cur;
        });
        Volume response = Volume.wrap(g, acc);
        if (parameters.energyDelta() == 0) {
            return response;
        }
        for (int n = 0; n < acc.length; n++) {
            acc[n] = Math.abs(acc[n]);
        }
        return new MeanFilter(2 * parameters.energyDelta() + 1, parameters.dimension(), bc).apply(response);
    }

    @Override
    public String toString() {
        return "LawsFilter" + parameters;
    }
}
