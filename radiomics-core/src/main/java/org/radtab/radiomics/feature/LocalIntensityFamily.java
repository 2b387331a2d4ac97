package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;

/**
 * IBSI local intensity features ({@code loc_peak_loc}, {@code loc_peak_glob}).
 *
 * <p>The peak around a voxel is the mean intensity of all image voxels whose centres lie within
 * {@code r = (3 / (4 pi))^(1/3) cm} (about 6.2 mm, a 1 cm^3 sphere) of its centre, the centre
 * voxel included and voxels <em>outside</em> the ROI included. The local intensity peak is the
 * peak around the intensity-mask voxel of maximum intensity (the highest such peak if the
 * maximum occurs more than once); the global intensity peak is the highest peak around any
 * intensity-mask voxel.
 *
 * <p><b>Image margin.</b> The caller must give the {@link RoiImage} enough image around the ROI:
 * the whole image, or at least the bounding box of the intensity mask grown by
 * {@link #margin(double[])} voxels per axis ({@code ceil(r / spacing)}), clipped to the image.
 * Voxels missing from the RoiImage grid are treated as outside the image: they are left out of the
 * mean, exactly as at the image border.
 *
 * <p><b>Speed.</b> The sphere is a set of x-runs, one per (dy, dz) offset, computed once; with
 * prefix sums along x each run costs two look-ups, so a peak costs O(r^2 / (s_y s_z)) operations
 * instead of O(r^3 / voxel volume), and only the rows near the ROI are summed.
 */
public final class LocalIntensityFamily {
    /** Radius of a 1 cm^3 sphere in mm: {@code 10 (3 / (4 pi))^(1/3)}. */
    public static final double PEAK_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));

    private final RoiImage roi;
    private final int nx;
    private final int ny;
    private final int nz;
    /** dy, dz and the x half-width of each sphere run. */
    private final int[] runDy;
    private final int[] runDz;
    private final int[] runHalf;
    /** Region (bounding box of the intensity mask grown by the margin, clipped) with prefix sums. */
    private final int x0;
    private final int y0;
    private final int z0;
    private final int rx;
    private final int ry;
    private final int rz;
    private final double[] prefix; // per row (y, z) of the region: rx + 1 cumulative sums

    private LocalIntensityFamily(RoiImage roi) {
        this.roi = roi;
        Geometry g = roi.geometry();
        nx = g.nx();
        ny = g.ny();
        nz = g.nz();
        double sx = g.spacing(0);
        double sy = g.spacing(1);
        double sz = g.spacing(2);
        double r2 = PEAK_RADIUS_MM * PEAK_RADIUS_MM;
        int[] m = margin(g.spacing());
        int count = 0;
        int[] dyTmp = new int[(2 * m[1] + 1) * (2 * m[2] + 1)];
        int[] dzTmp = new int[dyTmp.length];
        int[] hTmp = new int[dyTmp.length];
        for (int dz = -m[2]; dz <= m[2]; dz++) {
            for (int dy = -m[1]; dy <= m[1]; dy++) {
                double rest = r2 - (dz * sz) * (dz * sz) - (dy * sy) * (dy * sy);
                if (rest < 0) {
                    continue;
                }
                int h = 0;
                while ((h + 1) * sx * ((h + 1) * sx) <= rest) {
                    h++;
                }
                dyTmp[count] = dy;
                dzTmp[count] = dz;
                hTmp[count++] = h;
            }
        }
        runDy = java.util.Arrays.copyOf(dyTmp, count);
        runDz = java.util.Arrays.copyOf(dzTmp, count);
        runHalf = java.util.Arrays.copyOf(hTmp, count);

        BoundingBox box = BoundingBox.ofMask(roi.intensityMask(), nx, ny, nz);
        if (box == null) {
            throw new IllegalArgumentException("the intensity mask is empty: no local intensity features");
        }
        int[] lo = box.lo();
        int[] hi = box.hi();
        x0 = Math.max(0, lo[0] - m[0]);
        y0 = Math.max(0, lo[1] - m[1]);
        z0 = Math.max(0, lo[2] - m[2]);
        rx = Math.min(nx - 1, hi[0] + m[0]) - x0 + 1;
        ry = Math.min(ny - 1, hi[1] + m[1]) - y0 + 1;
        rz = Math.min(nz - 1, hi[2] + m[2]) - z0 + 1;
        double[] d = roi.image().data();
        prefix = new double[(rx + 1) * ry * rz];
        for (int k = 0; k < rz; k++) {
            for (int j = 0; j < ry; j++) {
                int src = x0 + nx * (y0 + j + ny * (z0 + k));
                int dst = (k * ry + j) * (rx + 1);
                double s = 0;
                for (int i = 0; i < rx; i++) {
                    s += d[src + i];
                    prefix[dst + i + 1] = s;
                }
            }
        }
    }

    /** Local intensity peaks of {@code roi} (see the class comment for the image margin it needs). */
    public static LocalIntensityFamily of(RoiImage roi) {
        return new LocalIntensityFamily(roi);
    }

    /** IBSI local intensity features. */
    public static LinkedHashMap<String, Double> ibsi(RoiImage roi) {
        LocalIntensityFamily f = of(roi);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("loc_peak_loc", f.localPeak());
        out.put("loc_peak_glob", f.globalPeak());
        return out;
    }

    /** Voxels of image needed around the ROI on each axis: {@code ceil(r / s_a)} for spacing (x, y, z). */
    public static int[] margin(double[] spacing) {
        return new int[] {(int) Math.ceil(PEAK_RADIUS_MM / spacing[0]), (int) Math.ceil(PEAK_RADIUS_MM / spacing[1]),
            (int) Math.ceil(PEAK_RADIUS_MM / spacing[2])};
    }

    /**
     * Mean intensity of the image voxels within {@link #PEAK_RADIUS_MM} of voxel (i, j, k), the
     * sphere clipped to the image.
     */
    public double peakAt(int i, int j, int k) {
        double sum = 0;
        long count = 0;
        for (int r = 0; r < runDy.length; r++) {
            int y = j + runDy[r] - y0;
            int z = k + runDz[r] - z0;
            if (y < 0 || y >= ry || z < 0 || z >= rz) {
                continue;
            }
            int xa = Math.max(i - runHalf[r] - x0, 0);
            int xb = Math.min(i + runHalf[r] - x0, rx - 1);
            if (xb < xa) {
                continue;
            }
            int row = (z * ry + y) * (rx + 1);
            sum += prefix[row + xb + 1] - prefix[row + xa];
            count += xb - xa + 1;
        }
        return sum / count;
    }

    /** Local intensity peak: the highest peak around the intensity-mask voxels of maximum intensity. */
    public double localPeak() {
        boolean[] in = roi.intensityMask();
        double[] d = roi.image().data();
        double max = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < d.length; n++) {
            if (in[n] && d[n] > max) {
                max = d[n];
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++, n++) {
                    if (in[n] && d[n] == max) {
                        best = Math.max(best, peakAt(i, j, k));
                    }
                }
            }
        }
        return best;
    }

    /** Global intensity peak: the highest peak around any intensity-mask voxel. */
    public double globalPeak() {
        boolean[] in = roi.intensityMask();
        double best = Double.NEGATIVE_INFINITY;
        for (int k = z0; k < z0 + rz; k++) {
            for (int j = y0; j < y0 + ry; j++) {
                int n = x0 + nx * (j + ny * k);
                for (int i = x0; i < x0 + rx; i++, n++) {
                    if (in[n]) {
                        best = Math.max(best, peakAt(i, j, k));
                    }
                }
            }
        }
        return best;
    }
}
