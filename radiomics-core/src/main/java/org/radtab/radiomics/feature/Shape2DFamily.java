package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;
import org.radtab.radiomics.image.Geometry;

/**
 * PyRadiomics {@code shape2D}: shape of a single-slice ROI (PyRadiomics runs it when
 * {@code force2D} is set and the ROI's bounding box is one voxel thick along
 * {@code force2Ddimension}).
 *
 * <p>The slice is the plane normal to {@code force2Ddimension} in array order (0 = z: the (y, x)
 * plane; 1 = y: (z, x); 2 = x: (z, y)); (u, v) below are its two axes in that order, with spacings
 * {@code s_u, s_v}. The contour comes from marching squares on the mask padded by one pixel, with
 * every vertex at the midpoint of an ROI/background pixel edge; a square with two diagonal ROI
 * corners cuts off each ROI corner separately. Segments are oriented with the ROI on one side, so
 * the contour is closed and its shoelace sum is the enclosed area.
 *
 * <p>Features ({@link #pyradiomics}, PyRadiomics' default order): MeshSurface
 * {@code A = |1/2 sum (a_u b_v - b_u a_v)|} over segments a -> b; PixelSurface {@code N s_u s_v};
 * Perimeter {@code P = sum |b - a|}; PerimeterSurfaceRatio {@code P / A}; Sphericity
 * {@code 2 sqrt(pi A) / P}; MaximumDiameter = largest distance between contour vertices (over
 * their convex hull); Major/MinorAxisLength {@code 4 sqrt(lambda)} of the 2x2 population
 * covariance of the pixel centres; Elongation {@code sqrt(lambda_min / lambda_max)}. The
 * deprecated SphericalDisproportion ({@code 1 / Sphericity}) is available as a method.
 */
public final class Shape2DFamily {
    private final int pixels;
    private final double su;
    private final double sv;
    private final double area;
    private final double perimeter;
    private final double diameter;
    private final double[] eigen; // ascending

    private Shape2DFamily(RoiImage roi, int force2Ddimension) {
        if (force2Ddimension < 0 || force2Ddimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, was " + force2Ddimension);
        }
        Geometry g = roi.geometry();
        boolean[] m = roi.morphologicalMask();
        // array axes (z, y, x) = geometry axes (2, 1, 0); the normal is array axis force2Ddimension
        int normal = 2 - force2Ddimension;
        int au = force2Ddimension == 0 ? 1 : 2; // geometry axis of u
        int av = force2Ddimension == 2 ? 1 : 0; // geometry axis of v
        int[] size = g.size();
        int slice = -1;
        int count = 0;
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1};
        int n = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, n++) {
                    if (m[n]) {
                        int[] ijk = {i, j, k};
                        if (slice < 0) {
                            slice = ijk[normal];
                        } else if (slice != ijk[normal]) {
                            throw new IllegalArgumentException("shape2D needs a single-slice ROI along dimension "
                                + force2Ddimension + ", found slices " + slice + " and " + ijk[normal]);
                        }
                        count++;
                        lo[0] = Math.min(lo[0], ijk[au]);
                        hi[0] = Math.max(hi[0], ijk[au]);
                        lo[1] = Math.min(lo[1], ijk[av]);
                        hi[1] = Math.max(hi[1], ijk[av]);
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the morphological mask is empty: no shape2D features");
        }
        this.pixels = count;
        this.su = g.spacing(au);
        this.sv = g.spacing(av);
        int nu = hi[0] - lo[0] + 3;
        int nv = hi[1] - lo[1] + 3;
        byte[] p = new byte[nu * nv]; // padded, index u * nv + v
        double cu = 0;
        double cv = 0;
        n = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, n++) {
                    if (m[n]) {
                        int[] ijk = {i, j, k};
                        p[(ijk[au] - lo[0] + 1) * nv + ijk[av] - lo[1] + 1] = 1;
                        cu += ijk[au];
                        cv += ijk[av];
                    }
                }
            }
        }
        double[] contour = contour(p, nu, nv);
        this.area = contour[0];
        this.perimeter = contour[1];
        this.diameter = maxDiameter(p, nu, nv);
        cu /= count;
        cv /= count;
        double uu = 0;
        double uv = 0;
        double vv = 0;
        n = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                for (int i = 0; i < size[0]; i++, n++) {
                    if (m[n]) {
                        int[] ijk = {i, j, k};
                        double du = (ijk[au] - cu) * su;
                        double dv = (ijk[av] - cv) * sv;
                        uu += du * du;
                        uv += du * dv;
                        vv += dv * dv;
                    }
                }
            }
        }
        uu /= count;
        uv /= count;
        vv /= count;
        double mean = 0.5 * (uu + vv);
        double r = Math.sqrt(0.25 * (uu - vv) * (uu - vv) + uv * uv);
        double l1 = mean - r;
        double l2 = mean + r;
        if (l1 < 0 && l1 > -1e-10) {
            l1 = 0;
        }
        this.eigen = new double[] {l1, l2};
    }

    /** Shape2D of {@code roi}'s morphological mask, one voxel thick along {@code force2Ddimension}. */
    public static Shape2DFamily of(RoiImage roi, int force2Ddimension) {
        return new Shape2DFamily(roi, force2Ddimension);
    }

    /** PyRadiomics {@code shape2D}: the 9 default features (names without prefix) in PyRadiomics' order. */
    public static LinkedHashMap<String, Double> pyradiomics(RoiImage roi, int force2Ddimension) {
        Shape2DFamily s = of(roi, force2Ddimension);
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("Elongation", s.elongation());
        out.put("MajorAxisLength", s.majorAxisLength());
        out.put("MaximumDiameter", s.maximumDiameter());
        out.put("MeshSurface", s.meshSurface());
        out.put("MinorAxisLength", s.minorAxisLength());
        out.put("Perimeter", s.perimeter());
        out.put("PerimeterSurfaceRatio", s.perimeterSurfaceRatio());
        out.put("PixelSurface", s.pixelSurface());
        out.put("Sphericity", s.sphericity());
        return out;
    }

    /**
     * Marching squares with midpoint vertices: {enclosed area, perimeter}. Square (u, v) has
     * corners c0 (u, v), c1 (u, v+1), c2 (u+1, v+1), c3 (u+1, v); edge e joins c_e and c_(e+1).
     * Each segment is oriented so that the ROI lies to its left in the (u, v) frame.
     */
    private double[] contour(byte[] p, int nu, int nv) {
        double shoelace = 0;
        double length = 0;
        int[][] cu = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
        for (int u = 0; u < nu - 1; u++) {
            for (int v = 0; v < nv - 1; v++) {
                int[] in = new int[4];
                int count = 0;
                for (int c = 0; c < 4; c++) {
                    in[c] = p[(u + cu[c][0]) * nv + v + cu[c][1]];
                    count += in[c];
                }
                if (count == 0 || count == 4) {
                    continue;
                }
                // walking the square's corners c0 -> c1 -> c2 -> c3 is counter-clockwise in (u, v)
                // [u axis first]; a segment leaves the ROI side on the left when it goes from the
                // edge where we exit the ROI (in -> out) to the edge where we re-enter (out -> in)
                // in reverse cyclic order, so it is emitted from entry edge to exit edge.
                boolean saddle = count == 2 && in[0] == in[2];
                if (saddle) {
                    for (int c = 0; c < 4; c++) {
                        if (in[c] == 1) {
                            // cut off corner c: from edge (c-1, c) to edge (c, c+1)
                            double[] a = mid(u, v, (c + 3) % 4, cu);
                            double[] b = mid(u, v, c, cu);
                            shoelace += cross(b, a);
                            length += dist(a, b);
                        }
                    }
                } else {
                    int enter = -1;
                    int exit = -1;
                    for (int e = 0; e < 4; e++) {
                        int a = in[e];
                        int b = in[(e + 1) % 4];
                        if (a == 0 && b == 1) {
                            enter = e;
                        } else if (a == 1 && b == 0) {
                            exit = e;
                        }
                    }
                    double[] pa = mid(u, v, enter, cu);
                    double[] pb = mid(u, v, exit, cu);
                    shoelace += cross(pb, pa);
                    length += dist(pa, pb);
                }
            }
        }
        return new double[] {Math.abs(0.5 * shoelace), length};
    }

    private double[] mid(int u, int v, int edge, int[][] cu) {
        int[] a = cu[edge];
        int[] b = cu[(edge + 1) % 4];
        return new double[] {(u + 0.5 * (a[0] + b[0])) * su, (v + 0.5 * (a[1] + b[1])) * sv};
    }

    private static double cross(double[] a, double[] b) {
        return a[0] * b[1] - b[0] * a[1];
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    /** Largest distance between contour vertices (edge midpoints), over their 2D convex hull. */
    private double maxDiameter(byte[] p, int nu, int nv) {
        // doubled coordinates of the vertices; per u2 line keep the extreme v2
        int us = 2 * nu;
        int[] minV = new int[us];
        int[] maxV = new int[us];
        java.util.Arrays.fill(minV, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxV, Integer.MIN_VALUE);
        for (int u = 0; u < nu; u++) {
            for (int v = 0; v < nv; v++) {
                byte c = p[u * nv + v];
                if (v + 1 < nv && c != p[u * nv + v + 1]) {
                    add(minV, maxV, 2 * u, 2 * v + 1);
                }
                if (u + 1 < nu && c != p[(u + 1) * nv + v]) {
                    add(minV, maxV, 2 * u + 1, 2 * v);
                }
            }
        }
        long[] pu = new long[2 * us];
        long[] pv = new long[2 * us];
        int n = 0;
        for (int u = 0; u < us; u++) {
            if (maxV[u] == Integer.MIN_VALUE) {
                continue;
            }
            pu[n] = u;
            pv[n++] = minV[u];
            if (maxV[u] != minV[u]) {
                pu[n] = u;
                pv[n++] = maxV[u];
            }
        }
        int[] h = ConvexHull2D.hullOfSorted(pu, pv, n);
        double best = 0;
        for (int a = 0; a < h.length; a++) {
            for (int b = a + 1; b < h.length; b++) {
                double du = (pu[h[a]] - pu[h[b]]) * 0.5 * su;
                double dv = (pv[h[a]] - pv[h[b]]) * 0.5 * sv;
                best = Math.max(best, du * du + dv * dv);
            }
        }
        return Math.sqrt(best);
    }

    private static void add(int[] minV, int[] maxV, int u, int v) {
        minV[u] = Math.min(minV[u], v);
        maxV[u] = Math.max(maxV[u], v);
    }

    /** MeshSurface: area enclosed by the contour. */
    public double meshSurface() {
        return area;
    }

    /** PixelSurface {@code N s_u s_v}. */
    public double pixelSurface() {
        return pixels * su * sv;
    }

    /** Perimeter: total contour length. */
    public double perimeter() {
        return perimeter;
    }

    /** PerimeterSurfaceRatio {@code P / A}. */
    public double perimeterSurfaceRatio() {
        return perimeter / area;
    }

    /** Sphericity {@code 2 sqrt(pi A) / P}. */
    public double sphericity() {
        return 2 * Math.sqrt(Math.PI * area) / perimeter;
    }

    /** Deprecated SphericalDisproportion {@code P / (2 sqrt(pi A))}. */
    public double sphericalDisproportion() {
        return 1 / sphericity();
    }

    /** Largest distance between contour vertices. */
    public double maximumDiameter() {
        return diameter;
    }

    /** {@code 4 sqrt(lambda_max)}. */
    public double majorAxisLength() {
        return eigen[1] < 0 ? Double.NaN : 4 * Math.sqrt(eigen[1]);
    }

    /** {@code 4 sqrt(lambda_min)}. */
    public double minorAxisLength() {
        return eigen[0] < 0 ? Double.NaN : 4 * Math.sqrt(eigen[0]);
    }

    /** Elongation {@code sqrt(lambda_min / lambda_max)}; NaN if lambda_max is 0. */
    public double elongation() {
        return eigen[0] < 0 || !(eigen[1] > 0) ? Double.NaN : Math.sqrt(eigen[0] / eigen[1]);
    }
}
