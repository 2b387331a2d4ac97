package org.radtab.radiomics.filter;

import java.util.Objects;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Gradient magnitude as PyRadiomics' {@code Gradient} image type computes it (SimpleITK
 * {@code GradientMagnitudeImageFilter}, {@code UseImageSpacing = gradientUseSpacing}):
 *
 * <pre>  R = sqrt( sum over axes a of g_a^2 ),   g_a(n) = (I(n + e_a) - I(n - e_a)) / (2 h_a)</pre>
 *
 * a central difference along every axis, with {@code h_a} the spacing of axis {@code a} (or 1
 * when {@code useSpacing} is false). At the image border the missing neighbour is replaced by the
 * edge voxel itself (ITK's zero-flux Neumann boundary condition), so the first voxel gets the
 * one-sided half difference {@code (I[1] - I[0]) / (2 h)}: on a linear ramp of slope {@code c} the
 * border derivative is {@code c / 2}, in the interior exactly {@code c}. An axis of one voxel
 * contributes 0. The direction matrix is not used. Computed in double.
 */
public final class GradientMagnitude implements ImageFilter {

    /** @param useSpacing divide the differences by the voxel spacing (PyRadiomics default: true) */
    public record Parameters(boolean useSpacing) {
    }

    private final Parameters parameters;

    public GradientMagnitude(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public GradientMagnitude(boolean useSpacing) {
        this(new Parameters(useSpacing));
    }

    public Parameters parameters() { return parameters; }

    @Override
    public Volume apply(Volume input) {
        return apply(input, null);
    }

    /**
     * The magnitude inside {@code region} (everywhere when null), 0 outside it: each voxel's value
     * depends only on its own neighbours, so it is exactly that of the whole map.
     */
    @Override
    public Volume apply(Volume input, BoundingBox region) {
        return compute(input, region, false);
    }

    /** As {@link #apply(Volume, BoundingBox)}, written straight into a region-sized volume. */
    @Override
    public Volume applyWithin(Volume input, BoundingBox region) {
        java.util.Objects.requireNonNull(region, "region");
        return compute(input, region, true);
    }

    private Volume compute(Volume input, BoundingBox region, boolean within) {
        Geometry g = input.geometry();
        if (region != null && !region.fitsIn(g)) {
            throw new IllegalArgumentException("region " + region + " does not fit the image grid " + g);
        }
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] lo = region == null ? new int[3] : region.lo();
        int[] hi = region == null ? new int[] {nx - 1, ny - 1, nz - 1} : region.hi();
        double wx = 0.5 / (parameters.useSpacing() ? g.spacing(0) : 1.0);
        double wy = 0.5 / (parameters.useSpacing() ? g.spacing(1) : 1.0);
        double wz = 0.5 / (parameters.useSpacing() ? g.spacing(2) : 1.0);
        double[] in = input.data();
        int bx = hi[0] - lo[0] + 1;
        int by = hi[1] - lo[1] + 1;
        int bz = hi[2] - lo[2] + 1;
        double[] out = within ? WorkArrays.doubles(bx * by * bz) : new double[in.length]; // the box: all written
        int plane = nx * ny;
        for (int k = lo[2]; k <= hi[2]; k++) {
            int km = k > 0 ? k - 1 : 0;
            int kp = k < nz - 1 ? k + 1 : nz - 1;
            for (int j = lo[1]; j <= hi[1]; j++) {
                int jm = j > 0 ? j - 1 : 0;
                int jp = j < ny - 1 ? j + 1 : ny - 1;
                int row = nx * (j + ny * k);
                int rowYm = nx * (jm + ny * k);
                int rowYp = nx * (jp + ny * k);
                int rowZm = nx * j + plane * km;
                int rowZp = nx * j + plane * kp;
                // where voxel i of this row goes: the same index, or the region grid's
                int shift = within ? bx * ((j - lo[1]) + by * (k - lo[2])) - lo[0] - row : 0;
                for (int i = lo[0]; i <= hi[0]; i++) {
                    int im = i > 0 ? i - 1 : 0;
                    int ip = i < nx - 1 ? i + 1 : nx - 1;
                    double gx = wx * in[row + ip] - wx * in[row + im];
                    double gy = wy * in[rowYp + i] - wy * in[rowYm + i];
                    double gz = wz * in[rowZp + i] - wz * in[rowZm + i];
                    out[row + i + shift] = Math.sqrt(gx * gx + gy * gy + gz * gz);
                }
            }
        }
        return within ? Volume.wrap(g.subGrid(lo, new int[] {bx, by, bz}), out) : Volume.wrap(g, out);
    }

    @Override
    public String toString() {
        return "GradientMagnitude" + parameters;
    }
}
