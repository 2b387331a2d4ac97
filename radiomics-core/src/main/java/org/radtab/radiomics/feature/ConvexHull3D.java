package org.radtab.radiomics.feature;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 3D convex hull of integer points (quickhull, Barber et al. 1996) with exact orientation tests
 * in {@code long} arithmetic, so coplanar and collinear lattice points (the normal case for mesh
 * vertices) never produce an inconsistent hull. Package-private helper of {@link ShapeFamily}.
 *
 * <p>Points are lattice coordinates; a physical hull is obtained by scaling each axis (an affine
 * map keeps convexity, faces and vertices), see {@link #volume(double[])} and
 * {@link #area(double[])}. Coordinates must satisfy {@code |c| <= 2^18} so that every
 * determinant fits in a {@code long}.
 *
 * <p>Algorithm: start from a tetrahedron of extreme points; give every other point to one face
 * it lies strictly above; repeatedly take a face with points above it, add its farthest point p,
 * delete all faces that see p (strictly positive orientation), and close the hole with a cone of
 * new faces from the horizon edges to p. Points on a face's plane are never "above", so the
 * result is a closed triangulated surface whose faces are outward oriented (counter-clockwise
 * seen from outside); coplanar faces are not merged.
 */
final class ConvexHull3D {
    static final long MAX_COORDINATE = 1L << 18;

    private final long[][] p;
    private final List<Face> faces = new ArrayList<>();

    private static final class Face {
        final int a;
        final int b;
        final int c;
        final long nx;
        final long ny;
        final long nz;
        final Face[] nb = new Face[3]; // across (a,b), (b,c), (c,a)
        int[] outside = new int[4];
        int outsideCount;
        boolean dead;

        Face(long[][] p, int a, int b, int c) {
            this.a = a;
            this.b = b;
            this.c = c;
            long ux = p[b][0] - p[a][0];
            long uy = p[b][1] - p[a][1];
            long uz = p[b][2] - p[a][2];
            long vx = p[c][0] - p[a][0];
            long vy = p[c][1] - p[a][1];
            long vz = p[c][2] - p[a][2];
            nx = uy * vz - uz * vy;
            ny = uz * vx - ux * vz;
            nz = ux * vy - uy * vx;
        }

        long orient(long[] q, long[] pa) {
            return nx * (q[0] - pa[0]) + ny * (q[1] - pa[1]) + nz * (q[2] - pa[2]);
        }

        void addOutside(int i) {
            if (outsideCount == outside.length) {
                outside = Arrays.copyOf(outside, outside.length * 2);
            }
            outside[outsideCount++] = i;
        }

        int vertex(int k) {
            return k == 0 ? a : k == 1 ? b : c;
        }
    }

    private ConvexHull3D(long[][] points) {
        this.p = points;
    }

    /**
     * Hull of {@code points} (each {x, y, z}).
     *
     * @throws IllegalArgumentException if fewer than 4 points, all points are coplanar, or a
     *                                  coordinate exceeds {@link #MAX_COORDINATE}
     */
    static ConvexHull3D of(long[][] points) {
        for (long[] q : points) {
            for (long c : q) {
                if (Math.abs(c) > MAX_COORDINATE) {
                    throw new IllegalArgumentException("hull coordinate " + c + " exceeds " + MAX_COORDINATE);
                }
            }
        }
        ConvexHull3D h = new ConvexHull3D(points);
        h.build();
        return h;
    }

    private void build() {
        int n = p.length;
        if (n < 4) {
            throw new IllegalArgumentException("a 3D hull needs at least 4 points, got " + n);
        }
        int i0 = 0;
        for (int i = 1; i < n; i++) {
            if (lexLess(p[i], p[i0])) {
                i0 = i;
            }
        }
        int i1 = -1;
        long best = 0;
        for (int i = 0; i < n; i++) {
            long d = dist2(p[i], p[i0]);
            if (d > best) {
                best = d;
                i1 = i;
            }
        }
        if (i1 < 0) {
            throw new IllegalArgumentException("all hull points coincide");
        }
        int i2 = -1;
        double bestArea = 0;
        for (int i = 0; i < n; i++) {
            double a = crossNorm2(p[i0], p[i1], p[i]);
            if (a > bestArea) {
                bestArea = a;
                i2 = i;
            }
        }
        if (i2 < 0) {
            throw new IllegalArgumentException("all hull points are collinear");
        }
        Face base = new Face(p, i0, i1, i2);
        int i3 = -1;
        long bestVol = 0;
        for (int i = 0; i < n; i++) {
            long o = Math.abs(base.orient(p[i], p[i0]));
            if (o > bestVol) {
                bestVol = o;
                i3 = i;
            }
        }
        if (i3 < 0) {
            throw new IllegalArgumentException("all hull points are coplanar");
        }
        if (base.orient(p[i3], p[i0]) > 0) {
            // make the base face look away from i3
            int t = i1;
            i1 = i2;
            i2 = t;
        }
        Face f0 = new Face(p, i0, i1, i2);
        Face f1 = new Face(p, i0, i3, i1);
        Face f2 = new Face(p, i1, i3, i2);
        Face f3 = new Face(p, i2, i3, i0);
        List<Face> init = List.of(f0, f1, f2, f3);
        for (Face f : init) {
            for (Face g : init) {
                if (f != g) {
                    linkIfShared(f, g);
                }
            }
        }
        faces.addAll(init);
        for (int i = 0; i < n; i++) {
            if (i == i0 || i == i1 || i == i2 || i == i3) {
                continue;
            }
            for (Face f : init) {
                if (f.orient(p[i], p[f.a]) > 0) {
                    f.addOutside(i);
                    break;
                }
            }
        }
        ArrayDeque<Face> work = new ArrayDeque<>(init);
        while (!work.isEmpty()) {
            Face f = work.poll();
            if (f.dead || f.outsideCount == 0) {
                continue;
            }
            int apex = -1;
            long far = 0;
            for (int k = 0; k < f.outsideCount; k++) {
                int i = f.outside[k];
                long o = f.orient(p[i], p[f.a]);
                if (o > far) {
                    far = o;
                    apex = i;
                }
            }
            addPoint(f, apex, work);
        }
    }

    private void addPoint(Face start, int apex, ArrayDeque<Face> work) {
        long[] q = p[apex];
        List<Face> visible = new ArrayList<>();
        ArrayDeque<Face> stack = new ArrayDeque<>();
        start.dead = true;
        stack.push(start);
        List<int[]> horizon = new ArrayList<>(); // {u, v} with the hidden neighbour
        List<Face> hidden = new ArrayList<>();
        while (!stack.isEmpty()) {
            Face f = stack.pop();
            visible.add(f);
            for (int k = 0; k < 3; k++) {
                Face g = f.nb[k];
                if (g.dead) {
                    continue;
                }
                if (g.orient(q, p[g.a]) > 0) {
                    g.dead = true;
                    stack.push(g);
                } else {
                    horizon.add(new int[] {f.vertex(k), f.vertex((k + 1) % 3)});
                    hidden.add(g);
                }
            }
        }
        Map<Integer, Face> byStart = new HashMap<>();
        Map<Integer, Face> byEnd = new HashMap<>();
        List<Face> created = new ArrayList<>();
        for (int h = 0; h < horizon.size(); h++) {
            int u = horizon.get(h)[0];
            int v = horizon.get(h)[1];
            Face nf = new Face(p, u, v, apex);
            Face g = hidden.get(h);
            nf.nb[0] = g;
            for (int k = 0; k < 3; k++) {
                if (g.vertex(k) == v && g.vertex((k + 1) % 3) == u) {
                    g.nb[k] = nf;
                }
            }
            byStart.put(u, nf);
            byEnd.put(v, nf);
            created.add(nf);
        }
        for (Face nf : created) {
            nf.nb[1] = byStart.get(nf.b); // across (v, apex): the new face starting at v
            nf.nb[2] = byEnd.get(nf.a);   // across (apex, u): the new face ending at u
            if (nf.nb[1] == null || nf.nb[2] == null) {
                throw new IllegalStateException("convex hull horizon is not a simple loop");
            }
        }
        for (Face f : visible) {
            for (int k = 0; k < f.outsideCount; k++) {
                int i = f.outside[k];
                if (i == apex) {
                    continue;
                }
                for (Face nf : created) {
                    if (nf.orient(p[i], p[nf.a]) > 0) {
                        nf.addOutside(i);
                        break;
                    }
                }
            }
            f.outside = null;
        }
        faces.addAll(created);
        work.addAll(created);
    }

    private static void linkIfShared(Face f, Face g) {
        for (int k = 0; k < 3; k++) {
            int u = f.vertex(k);
            int v = f.vertex((k + 1) % 3);
            for (int m = 0; m < 3; m++) {
                if (g.vertex(m) == v && g.vertex((m + 1) % 3) == u) {
                    f.nb[k] = g;
                }
            }
        }
    }

    private static boolean lexLess(long[] a, long[] b) {
        if (a[0] != b[0]) {
            return a[0] < b[0];
        }
        if (a[1] != b[1]) {
            return a[1] < b[1];
        }
        return a[2] < b[2];
    }

    private static long dist2(long[] a, long[] b) {
        long dx = a[0] - b[0];
        long dy = a[1] - b[1];
        long dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }

    private static double crossNorm2(long[] a, long[] b, long[] c) {
        double ux = b[0] - a[0];
        double uy = b[1] - a[1];
        double uz = b[2] - a[2];
        double vx = c[0] - a[0];
        double vy = c[1] - a[1];
        double vz = c[2] - a[2];
        double x = uy * vz - uz * vy;
        double y = uz * vx - ux * vz;
        double z = ux * vy - uy * vx;
        return x * x + y * y + z * z;
    }

    /** Faces of the hull as vertex-index triples, counter-clockwise seen from outside. */
    int[][] faces() {
        List<int[]> out = new ArrayList<>();
        for (Face f : faces) {
            if (!f.dead) {
                out.add(new int[] {f.a, f.b, f.c});
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Indices of the points that are vertices of some hull face, ascending. */
    int[] vertices() {
        boolean[] used = new boolean[p.length];
        int count = 0;
        for (Face f : faces) {
            if (!f.dead) {
                for (int k = 0; k < 3; k++) {
                    if (!used[f.vertex(k)]) {
                        used[f.vertex(k)] = true;
                        count++;
                    }
                }
            }
        }
        int[] out = new int[count];
        int m = 0;
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out[m++] = i;
            }
        }
        return out;
    }

    /** Volume of the hull after scaling axis d by {@code scale[d]}. */
    double volume(double[] scale) {
        double[] o = centroid(scale);
        double sum = 0;
        for (Face f : faces) {
            if (f.dead) {
                continue;
            }
            double[] a = scaled(f.a, scale, o);
            double[] b = scaled(f.b, scale, o);
            double[] c = scaled(f.c, scale, o);
            sum += a[0] * (b[1] * c[2] - b[2] * c[1]) + a[1] * (b[2] * c[0] - b[0] * c[2])
                + a[2] * (b[0] * c[1] - b[1] * c[0]);
        }
        return sum / 6;
    }

    /** Surface area of the hull after scaling axis d by {@code scale[d]}. */
    double area(double[] scale) {
        double sum = 0;
        double[] zero = new double[3];
        for (Face f : faces) {
            if (f.dead) {
                continue;
            }
            double[] a = scaled(f.a, scale, zero);
            double[] b = scaled(f.b, scale, zero);
            double[] c = scaled(f.c, scale, zero);
            double ux = b[0] - a[0];
            double uy = b[1] - a[1];
            double uz = b[2] - a[2];
            double vx = c[0] - a[0];
            double vy = c[1] - a[1];
            double vz = c[2] - a[2];
            double x = uy * vz - uz * vy;
            double y = uz * vx - ux * vz;
            double z = ux * vy - uy * vx;
            sum += 0.5 * Math.sqrt(x * x + y * y + z * z);
        }
        return sum;
    }

    private double[] centroid(double[] scale) {
        int[] v = vertices();
        double[] c = new double[3];
        for (int i : v) {
            for (int d = 0; d < 3; d++) {
                c[d] += p[i][d] * scale[d];
            }
        }
        for (int d = 0; d < 3; d++) {
            c[d] /= v.length;
        }
        return c;
    }

    private double[] scaled(int i, double[] scale, double[] origin) {
        return new double[] {p[i][0] * scale[0] - origin[0], p[i][1] * scale[1] - origin[1],
            p[i][2] * scale[2] - origin[2]};
    }
}
