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
     * Candidates for the 3D convex hull: the vertices of the 2D hulls of the axial planes (a point
     * inside the hull of its own plane is a convex combination of other points, so it is never a
     * 3D hull vertex). Returned as {x, y, z} doubled coordinates.
     */
    long[][] hullCandidates() {
        long[][] planes = planeHulls(0);
        int n = 0;
        for (long[] h : planes) {
            n += h == null ? 0 : h.length / 2;
        }
        long[][] out = new long[n][];
        int m = 0;
        for (int key = 0; key < planes.length; key++) {
            long[] h = planes[key];
            if (h == null) {
                continue;
            }
            for (int i = 0; i < h.length; i += 2) {
                out[m++] = new long[] {h[i + 1], h[i], key}; // (u, v) = (y, x) for axial planes
            }
        }
        return out;
    }

    /**
     * For every plane of constant doubled coordinate {@code key} along {@code axis}, the vertices
     * of the 2D convex hull of the mesh vertices in that plane as interleaved in-plane coordinates
     * {@code u0, v0, u1, v1, ...} (u, v = the remaining axes in (z, y, x) order), or null for an
     * empty plane. Only the extreme v of each u line can be a hull vertex, so the points come out
     * sorted by (u, v) and the monotone chain needs no sort.
     */
    long[][] planeHulls(int axis) {
        int[] key = axis == 0 ? z2 : axis == 1 ? y2 : x2;
        int[] u = axis == 0 ? y2 : z2;
        int[] v = axis == 2 ? y2 : x2;
        int keys = 2 * dim(axis) + 1;
        int us = 2 * dim(axis == 0 ? 1 : 0) + 1;
        int[] minV = new int[keys * us];
        int[] maxV = new int[keys * us];
        Arrays.fill(minV, Integer.MAX_VALUE);
        Arrays.fill(maxV, Integer.MIN_VALUE);
        for (int i = 0; i < count; i++) {
            int c = key[i] * us + u[i];
            if (v[i] < minV[c]) {
                minV[c] = v[i];
            }
            if (v[i] > maxV[c]) {
                maxV[c] = v[i];
            }
        }
        long[][] out = new long[keys][];
        long[] pu = new long[2 * us];
        long[] pv = new long[2 * us];
        for (int k = 0; k < keys; k++) {
            int n = 0;
            for (int uu = 0; uu < us; uu++) {
                int c = k * us + uu;
                if (maxV[c] == Integer.MIN_VALUE) {
                    continue;
                }
                pu[n] = uu;
                pv[n++] = minV[c];
                if (maxV[c] != minV[c]) {
                    pu[n] = uu;
                    pv[n++] = maxV[c];
                }
            }
            if (n == 0) {
                continue;
            }
            int[] h = ConvexHull2D.hullOfSorted(pu, pv, n);
            long[] pts = new long[2 * h.length];
            for (int i = 0; i < h.length; i++) {
                pts[2 * i] = pu[h[i]];
                pts[2 * i + 1] = pv[h[i]];
            }
            out[k] = pts;
        }
        return out;
    }

    private int dim(int axis) {
        return axis == 0 ? nz : axis == 1 ? ny : nx;
    }

    /**
     * Largest vertex-to-vertex distance within planes of equal coordinate along {@code axis}
     * (0 = z: axial slices, 1 = y: coronal, 2 = x: sagittal), over all such planes (including the
     * planes of half-integer coordinate formed by vertices on edges along that axis); the farthest
     * pair of a plane is a pair of its 2D hull vertices.
     *
     * @param spacing voxel size along z, y, x
     */
    double maxPlaneDiameter(int axis, double[] spacing) {
        double su = 0.5 * spacing[axis == 0 ? 1 : 0];
        double sv = 0.5 * spacing[axis == 2 ? 1 : 2];
        double best = 0;
        for (long[] h : planeHulls(axis)) {
            if (h == null) {
                continue;
            }
            for (int a = 0; a < h.length; a += 2) {
                for (int b = a + 2; b < h.length; b += 2) {
                    double du = (h[a] - h[b]) * su;
                    double dv = (h[a + 1] - h[b + 1]) * sv;
                    best = Math.max(best, du * du + dv * dv);
                }
            }
        }
        return Math.sqrt(best);
    }
}
