package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;

/**
 * Target grids for {@link Resampler}: the IBSI "align grid centres" grid and the grid
 * PyRadiomics builds around the ROI. Both keep the source direction cosines.
 *
 * <p><b>IBSI</b> (IBSI 1 manual, interpolation grid): along each axis with {@code n_a} voxels of
 * spacing {@code s_a}, resampled to {@code s_b},
 * <pre>
 *   n_b  = ceil(n_a s_a / s_b)
 *   x_bg = (n_a - 1 - (s_b / s_a)(n_b - 1)) / 2      (first new voxel, in source grid coordinates)
 * </pre>
 * so the new grid's centre coincides with the old one's. A ratio within 1e-6 of an integer is
 * taken as that integer before the ceiling (spacings read from files carry float noise, e.g.
 * 0.977 stored as 0.9769999980926514).
 *
 * <p><b>PyRadiomics</b> ({@code imageoperations.resampleImage}), in the ITK index space of the mask,
 * with the ROI bounding box lower index {@code L}, size {@code S}, {@code r = s_old / s_new} and
 * {@code pad = padDistance}:
 * <pre>
 *   L_new = max(0, floor((L - 0.5) r - pad))
 *   U_new = min(ceil(n r) - 1, ceil((L + S - 0.5) r + pad))
 *   size  = U_new - L_new + 1
 *   c0    = 0.5 (s_new - s_old) / s_old + L_new / r   (old continuous index of new voxel 0)
 * </pre>
 * i.e. new voxel {@code k} lies at old index {@code (L_new + k + 0.5) s_new / s_old - 0.5}: the
 * outer corner of old voxel 0 and of (uncropped) new voxel 0 coincide. The new origin is the mask's
 * physical point of {@code c0}. Requested spacing components equal to 0 keep the old spacing, and
 * so does every axis along which the ROI is one voxel thick ({@link #pyradiomicsSpacing}).
 */
public final class ResamplingGrid {
    private static final double CEIL_TOLERANCE = 1e-6;

    private ResamplingGrid() {
    }

    /**
     * The IBSI grid with the given spacing (mm). A spacing component that is 0 or NaN keeps that
     * axis as it is (used for 2D, in-plane interpolation: {@code {sx, sy, 0}}).
     */
    public static Geometry ibsi(Geometry source, double[] spacing) {
        requireThree(spacing);
        int[] size = new int[3];
        double[] sp = new double[3];
        double[] x0 = new double[3];
        for (int a = 0; a < 3; a++) {
            double sa = source.spacing(a);
            double sb = spacing[a];
            int na = source.size(a);
            if (Double.isNaN(sb) || sb == 0 || sb == sa) {
                size[a] = na;
                sp[a] = sa;
                x0[a] = 0;
                continue;
            }
            if (!(sb > 0) || Double.isInfinite(sb)) {
                throw new IllegalArgumentException("spacing[" + a + "] must be finite and > 0, was " + sb);
            }
            double frac = na * sa / sb;
            double nearest = Math.rint(frac);
            int nb = Math.abs(frac - nearest) <= CEIL_TOLERANCE * Math.max(1, nearest) ? (int) nearest
                : (int) Math.ceil(frac);
            nb = Math.max(nb, 1);
            size[a] = nb;
            sp[a] = sb;
            x0[a] = 0.5 * (na - 1 - (sb / sa) * (nb - 1));
        }
        return new Geometry(size, sp, source.indexToPhysical(x0[0], x0[1], x0[2]), source.direction());
    }

    /** The IBSI grid for 2D (in-plane) interpolation: x and y resampled, slices kept. */
    public static Geometry ibsiInPlane(Geometry source, double sx, double sy) {
        return ibsi(source, new double[] {sx, sy, 0});
    }

    /**
     * The spacing PyRadiomics actually resamples to: 0 components replaced by the mask spacing,
     * and the mask spacing kept along every axis where the ROI bounding box is one voxel thick.
     */
    public static double[] pyradiomicsSpacing(Geometry mask, BoundingBox roiBox, double[] requested) {
        requireThree(requested);
        double[] s = new double[3];
        for (int a = 0; a < 3; a++) {
            double r = requested[a];
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("resampledPixelSpacing[" + a + "] must be finite and >= 0, was " + r);
            }
            s[a] = r == 0 || roiBox.size(a) == 1 ? mask.spacing(a) : r;
        }
        return s;
    }

    /**
     * The PyRadiomics grid: the ROI bounding box plus {@code padDistance} new voxels on each side,
     * clipped to the resampled extent of the mask.
     *
     * @param mask        the mask grid (defines the index space)
     * @param roiBox      bounding box of the label in the mask
     * @param spacing     requested spacing; passed through {@link #pyradiomicsSpacing} first
     * @param padDistance voxels (new grid) of padding, PyRadiomics default 5
     */
    public static Geometry pyradiomics(Geometry mask, BoundingBox roiBox, double[] spacing, int padDistance) {
        if (padDistance < 0) {
            throw new IllegalArgumentException("padDistance must be >= 0, was " + padDistance);
        }
        double[] sNew = pyradiomicsSpacing(mask, roiBox, spacing);
        int[] size = new int[3];
        double[] c0 = new double[3];
        for (int a = 0; a < 3; a++) {
            double sOld = mask.spacing(a);
            double r = sOld / sNew[a];
            double lo = Math.floor((roiBox.lo(a) - 0.5) * r - padDistance);
            double up = Math.ceil((roiBox.lo(a) + roiBox.size(a) - 0.5) * r + padDistance);
            double maxUp = Math.ceil(mask.size(a) * r) - 1;
            lo = lo < 0 ? 0 : lo;
            up = up > maxUp ? maxUp : up;
            size[a] = (int) (up - lo + 1);
            if (size[a] < 1) {
                throw new IllegalArgumentException("empty resampling grid on axis " + a);
            }
            c0[a] = 0.5 * (sNew[a] - sOld) / sOld + lo / r;
        }
        // ITK TransformContinuousIndexToPhysicalPoint: point[r] = sum_c (D[r][c] s[c]) c0[c] + origin[r]
        double[] d = mask.direction();
        double[] o = mask.origin();
        double[] origin = new double[3];
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                sum += (d[3 * r + c] * mask.spacing(c)) * c0[c];
            }
            origin[r] = sum + o[r];
        }
        return new Geometry(size, sNew, origin, d);
    }

    private static void requireThree(double[] s) {
        if (s == null || s.length != 3) {
            throw new IllegalArgumentException("spacing needs 3 components (x, y, z)");
        }
    }
}
