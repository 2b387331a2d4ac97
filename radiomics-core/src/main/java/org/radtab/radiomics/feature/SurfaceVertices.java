package org.radtab.radiomics.feature;

import java.util.Arrays;

/**
 * The vertex set of the marching-cubes mesh of a padded binary mask: the midpoints of all
 * face-adjacent voxel pairs with one voxel inside and one outside the ROI, each stored once, in
 * doubled voxel coordinates (z, y, x) of the padded array (so a midpoint has one odd coordinate).
 * Both {@link MeshConvention}s share this vertex set. Package-private helper of {@link ShapeFamily}.
 */
final class SurfaceVertices {
    final int[] z2;
    final int[] y2;
    final int[] x2;
    final int count;
    private final int nz;
    private final int ny;
    private final int nx;

    private SurfaceVertices(int[] z2, int[] y2, int[] x2, int count, int nz, int ny, int nx) {
        this.z2 = z2;
        this.y2 = y2;
        this.x2 = x2;
        this.count = count;
        this.nz = nz;
        this.ny = ny;
        this.nx = nx;
    }

    /** Collects the vertices of {@code padded} (flat index {@code (z * ny + y) * nx + x}). */
    static SurfaceVertices of(byte[] padded, int nz, int ny, int nx) {
        int plane = ny * nx;
        int n = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = z * plane + y * nx;
                for (int x = 0; x < nx; x++) {
                    byte v = padded[row + x];
                    if (x + 1 < nx && v != padded[row + x + 1]) {
                        n++;
                    }
                    if (y + 1 < ny && v != padded[row + x + nx]) {
                        n++;
                    }
                    if (z + 1 < nz && v != padded[row + x + plane]) {
                        n++;
                    }
                }
            }
        }
        int[] zz = new int[n];
        int[] yy = new int[n];
        int[] xx = new int[n];
        int m = 0;
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                int row = z * plane + y * nx;
                for (int x = 0; x < nx; x++) {
                    byte v = padded[row + x];
                    if (x + 1 < nx && v != padded[row + x + 1]) {
                        zz[m] = 2 * z;
                        yy[m] = 2 * y;
                        xx[m++] = 2 * x + 1;
                    }
                    if (y + 1 < ny && v != padded[row + x + nx]) {
                        zz[m] = 2 * z;
                        yy[m] = 2 * y + 1;
                        xx[m++] = 2 * x;
                    }
                    if (z + 1 < nz && v != padded[row + x + plane]) {
                        zz[m] = 2 * z + 1;
                        yy[m] = 2 * y;
                        xx[m++] = 2 * x;
                    }
                }
            }
        }
        return new SurfaceVertices(zz, yy, xx, n, nz, ny, nx);
    }

    /**
     * Candidates for the convex hull: on every line parallel to x, only the two extreme vertices
     * (a point between two others on a line is never a hull vertex). Returned as {x, y, z}
     * doubled coordinates.
     */
    long[][] hullCandidates() {
        int lines = (2 * nz + 1) * (2 * ny + 1);
        int[] min = new int[lines];
        int[] max = new int[lines];
        Arrays.fill(min, Integer.MAX_VALUE);
        Arrays.fill(max, Integer.MIN_VALUE);
        for (int i = 0; i < count; i++) {
            int l = z2[i] * (2 * ny + 1) + y2[i];
            min[l] = Math.min(min[l], x2[i]);
            max[l] = Math.max(max[l], x2[i]);
        }
        int n = 0;
        for (int l = 0; l < lines; l++) {
            if (max[l] >= 0) {
                n += min[l] == max[l] ? 1 : 2;
            }
        }
        long[][] out = new long[n][];
        int m = 0;
        for (int l = 0; l < lines; l++) {
            if (max[l] >= 0) {
                long z = l / (2 * ny + 1);
                long y = l % (2 * ny + 1);
                out[m++] = new long[] {min[l], y, z};
                if (min[l] != max[l]) {
                    out[m++] = new long[] {max[l], y, z};
                }
            }
        }
        return out;
    }

    /**
     * Largest vertex-to-vertex distance within planes of equal coordinate along {@code axis}
     * (0 = z: axial slices, 1 = y: coronal, 2 = x: sagittal), over all such planes (including the
     * planes of half-integer coordinate formed by vertices on edges along that axis).
     *
     * @param spacing voxel size along z, y, x
     */
    double maxPlaneDiameter(int axis, double[] spacing) {
        int[] key = axis == 0 ? z2 : axis == 1 ? y2 : x2;
        int[] u = axis == 0 ? y2 : z2;
        int[] v = axis == 2 ? y2 : x2;
        double su = 0.5 * spacing[axis == 0 ? 1 : 0];
        double sv = 0.5 * spacing[axis == 2 ? 1 : 2];
        int keys = 2 * (axis == 0 ? nz : axis == 1 ? ny : nx) + 1;
        int[] start = new int[keys + 1];
        for (int i = 0; i < count; i++) {
            start[key[i] + 1]++;
        }
        for (int k = 0; k < keys; k++) {
            start[k + 1] += start[k];
        }
        int[] order = new int[count];
        int[] fill = Arrays.copyOf(start, keys);
        for (int i = 0; i < count; i++) {
            order[fill[key[i]]++] = i;
        }
        double best = 0;
        long[] pu = new long[count];
        long[] pv = new long[count];
        for (int k = 0; k < keys; k++) {
            int n = start[k + 1] - start[k];
            if (n < 2) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                int i = order[start[k] + j];
                pu[j] = u[i];
                pv[j] = v[i];
            }
            int[] hull = ConvexHull2D.hull(pu, pv, n);
            for (int a = 0; a < hull.length; a++) {
                for (int b = a + 1; b < hull.length; b++) {
                    double du = (pu[hull[a]] - pu[hull[b]]) * su;
                    double dv = (pv[hull[a]] - pv[hull[b]]) * sv;
                    best = Math.max(best, du * du + dv * dv);
                }
            }
        }
        return Math.sqrt(best);
    }
}
