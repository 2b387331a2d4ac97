package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marching cubes on a binary mask with every vertex at the midpoint of a cube edge (iso-level 0.5
 * without interpolation). Package-private engine of {@link ShapeFamily}.
 *
 * <p><b>Cube layout.</b> Coordinates are in array order (z, y, x). A cube at (iz, iy, ix) has
 * corners p0 (0,0,0), p1 (0,0,1), p2 (0,1,1), p3 (0,1,0), p4 (1,0,0), p5 (1,0,1), p6 (1,1,1),
 * p7 (1,1,0) relative to it; bit k of the cube index is set when corner pk is in the ROI. Edges:
 * 0 = p0p1, 1 = p1p2, 2 = p2p3, 3 = p3p0, 4 = p4p5, 5 = p5p6, 6 = p6p7, 7 = p7p4, 8 = p0p4,
 * 9 = p1p5, 10 = p2p6, 11 = p3p7.
 *
 * <p><b>Triangle table</b>, generated here from three rules (not copied from any table):
 * <ol>
 *   <li>Faces. Pick the corner set S whose corners are kept apart (see {@link MeshConvention}:
 *       the ROI corners, or for PyRadiomics cubes with p7 in the ROI the non-ROI corners). On each
 *       face, a segment joins the midpoints of the two crossing edges; a face with two diagonal S
 *       corners gets two segments, each cutting off one S corner.</li>
 *   <li>Loops. The segments of the six faces form closed loops (every crossing edge lies on two
 *       faces); each loop is oriented so that its normal points out of the ROI.</li>
 *   <li>Triangulation. A loop of n vertices becomes a fan of n - 2 triangles: quadrilaterals
 *       (always planar) from any vertex; pentagons and hexagons from the vertex whose fan has the
 *       largest area on the unit cube; heptagons from the middle one of the three consecutive
 *       vertices that surround the same (non-S) corner.</li>
 * </ol>
 * For the 127 cube indices with p7 outside the ROI these rules give, triangle for triangle up to
 * mirror symmetries of the cube (which keep area and volume for any axis-aligned spacing), the
 * surfaces of the classic Lorensen/Bourke table that PyRadiomics uses.
 *
 * <p><b>Measures.</b> Area = sum of triangle areas. Volume = sum over triangles of
 * {@code a . (b x c) / 6} with outward normals, positions measured from the first voxel of the
 * padded array. A cube's contribution depends only on its index and position, so both sums are
 * accumulated per index: {@code det(o + a, o + b, o + c) = det(a, b, c) + o . ((b - a) x (c - a))}
 * for a cube at origin o. No triangle is materialised in the hot loop.
 */
final class MarchingCubes {

    /** Corner offsets (z, y, x). */
    static final int[][] CORNER = {
        {0, 0, 0}, {0, 0, 1}, {0, 1, 1}, {0, 1, 0}, {1, 0, 0}, {1, 0, 1}, {1, 1, 1}, {1, 1, 0}};
    /** Corner pairs of the 12 edges. */
    static final int[][] EDGE = {
        {0, 1}, {1, 2}, {2, 3}, {3, 0}, {4, 5}, {5, 6}, {6, 7}, {7, 4}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
    /** The 6 faces, corners in cyclic order. */
    private static final int[][] FACE = {
        {0, 1, 2, 3}, {4, 5, 6, 7}, {0, 1, 5, 4}, {3, 2, 6, 7}, {0, 3, 7, 4}, {1, 2, 6, 5}};
    /** Twice the midpoint of each edge, (z, y, x). */
    static final int[][] MID2 = new int[12][3];
    private static final int[][] EDGE_OF = new int[8][8];

    static {
        for (int[] row : EDGE_OF) {
            Arrays.fill(row, -1);
        }
        for (int e = 0; e < 12; e++) {
            int a = EDGE[e][0];
            int b = EDGE[e][1];
            EDGE_OF[a][b] = e;
            EDGE_OF[b][a] = e;
            for (int d = 0; d < 3; d++) {
                MID2[e][d] = CORNER[a][d] + CORNER[b][d];
            }
        }
    }

    private static final MarchingCubes PYRADIOMICS = new MarchingCubes(MeshConvention.PYRADIOMICS);
    private static final MarchingCubes CONSISTENT = new MarchingCubes(MeshConvention.CONSISTENT);

    /** Per cube index: edge triples of outward-oriented triangles. */
    private final int[][] table = new int[256][];

    private MarchingCubes(MeshConvention convention) {
        table[0] = new int[0];
        table[255] = new int[0];
        for (int idx = 1; idx < 255; idx++) {
            int separated = convention == MeshConvention.PYRADIOMICS && (idx & 0x80) != 0 ? idx ^ 0xff : idx;
            List<int[]> tris = new ArrayList<>();
            for (int[] loop : loops(separated)) {
                orientOutward(loop, idx);
                for (int[] t : triangulate(loop)) {
                    tris.add(t);
                }
            }
            int[] flat = new int[tris.size() * 3];
            for (int t = 0; t < tris.size(); t++) {
                System.arraycopy(tris.get(t), 0, flat, 3 * t, 3);
            }
            table[idx] = flat;
        }
    }

    static MarchingCubes of(MeshConvention convention) {
        return convention == MeshConvention.PYRADIOMICS ? PYRADIOMICS : CONSISTENT;
    }

    /** Edge triples (outward oriented) of cube index {@code idx}; do not modify. */
    int[] triangles(int idx) {
        return table[idx];
    }

    /** Face segments of separated set S, joined into loops of edge indices. */
    private static List<int[]> loops(int s) {
        int[][] nb = new int[12][2];
        int[] deg = new int[12];
        for (int[] f : FACE) {
            int count = 0;
            for (int c : f) {
                count += (s >> c) & 1;
            }
            if (count == 0 || count == 4) {
                continue;
            }
            boolean s0 = ((s >> f[0]) & 1) != 0;
            boolean s1 = ((s >> f[1]) & 1) != 0;
            boolean s2 = ((s >> f[2]) & 1) != 0;
            if (count == 2 && s0 == s2 && s1 != s0) {
                // ambiguous face: cut off each S corner on its own
                for (int k = 0; k < 4; k++) {
                    if (((s >> f[k]) & 1) != 0) {
                        link(nb, deg, EDGE_OF[f[k]][f[(k + 1) % 4]], EDGE_OF[f[k]][f[(k + 3) % 4]]);
                    }
                }
            } else {
                int a = -1;
                int b = -1;
                for (int k = 0; k < 4; k++) {
                    int c0 = f[k];
                    int c1 = f[(k + 1) % 4];
                    if (((s >> c0) & 1) != ((s >> c1) & 1)) {
                        if (a < 0) {
                            a = EDGE_OF[c0][c1];
                        } else {
                            b = EDGE_OF[c0][c1];
                        }
                    }
                }
                link(nb, deg, a, b);
            }
        }
        List<int[]> out = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int start = 0; start < 12; start++) {
            if (deg[start] == 0 || used[start]) {
                continue;
            }
            if (deg[start] != 2) {
                throw new IllegalStateException("marching-cubes face segments do not close for set " + s);
            }
            List<Integer> loop = new ArrayList<>();
            int prev = -1;
            int cur = start;
            while (!used[cur]) {
                used[cur] = true;
                loop.add(cur);
                int next = nb[cur][0] != prev ? nb[cur][0] : nb[cur][1];
                prev = cur;
                cur = next;
            }
            int[] l = new int[loop.size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = loop.get(i);
            }
            out.add(l);
        }
        return out;
    }

    private static void link(int[][] nb, int[] deg, int a, int b) {
        nb[a][deg[a]++] = b;
        nb[b][deg[b]++] = a;
    }

    /** Reverses the loop if its (Newell) normal points into the ROI corners of cube index idx. */
    private static void orientOutward(int[] loop, int idx) {
        double[] n = new double[3];
        int len = loop.length;
        for (int i = 0; i < len; i++) {
            int[] p = MID2[loop[i]];
            int[] q = MID2[loop[(i + 1) % len]];
            n[0] += (double) (p[1] - q[1]) * (p[2] + q[2]);
            n[1] += (double) (p[2] - q[2]) * (p[0] + q[0]);
            n[2] += (double) (p[0] - q[0]) * (p[1] + q[1]);
        }
        double dot = 0;
        for (int e : loop) {
            int in = ((idx >> EDGE[e][0]) & 1) != 0 ? EDGE[e][0] : EDGE[e][1];
            int out = in == EDGE[e][0] ? EDGE[e][1] : EDGE[e][0];
            for (int d = 0; d < 3; d++) {
                dot += n[d] * (CORNER[out][d] - CORNER[in][d]);
            }
        }
        if (dot == 0) {
            throw new IllegalStateException("cannot orient marching-cubes loop of index " + idx);
        }
        if (dot < 0) {
            for (int i = 0, j = len - 1; i < j; i++, j--) {
                int t = loop[i];
                loop[i] = loop[j];
                loop[j] = t;
            }
        }
    }

    private static List<int[]> triangulate(int[] loop) {
        int n = loop.length;
        int apex;
        if (n <= 4) {
            apex = 0;
        } else if (n == 7) {
            apex = heptagonApex(loop);
        } else {
            apex = 0;
            double best = -1;
            for (int k = 0; k < n; k++) {
                double a = fanArea(loop, k);
                if (a > best + 1e-9) {
                    best = a;
                    apex = k;
                }
            }
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            out.add(new int[] {loop[apex], loop[(apex + i) % n], loop[(apex + i + 1) % n]});
        }
        return out;
    }

    private static int heptagonApex(int[] loop) {
        int n = loop.length;
        for (int c = 0; c < 8; c++) {
            for (int k = 0; k < n; k++) {
                if (touches(loop[k], c) && touches(loop[(k + n - 1) % n], c) && touches(loop[(k + 1) % n], c)) {
                    return k;
                }
            }
        }
        throw new IllegalStateException("heptagon without a corner surrounded by three vertices");
    }

    private static boolean touches(int edge, int corner) {
        return EDGE[edge][0] == corner || EDGE[edge][1] == corner;
    }

    private static double fanArea(int[] loop, int apex) {
        int n = loop.length;
        double sum = 0;
        int[] a = MID2[loop[apex]];
        for (int i = 1; i < n - 1; i++) {
            int[] b = MID2[loop[(apex + i) % n]];
            int[] c = MID2[loop[(apex + i + 1) % n]];
            sum += norm(cross(sub(b, a), sub(c, a)));
        }
        return sum;
    }

    private static double[] sub(int[] p, int[] q) {
        return new double[] {p[0] - q[0], p[1] - q[1], p[2] - q[2]};
    }

    private static double[] cross(double[] u, double[] v) {
        return new double[] {u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]};
    }

    private static double norm(double[] v) {
        return Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    }

    /** Mesh volume and surface area. */
    record Measures(double volume, double area) {
    }

    /**
     * Volume and area of the mesh of a mask that is already padded by one background voxel on
     * every face.
     *
     * @param padded mask (1 = ROI), flat index {@code (z * ny + y) * nx + x}
     * @param spacing voxel size along z, y, x (array order)
     */
    Measures measure(byte[] padded, int nz, int ny, int nx, double[] spacing) {
        long[] count = new long[256];
        long[][] origin = new long[256][3];
        int plane = ny * nx;
        for (int z = 0; z < nz - 1; z++) {
            for (int y = 0; y < ny - 1; y++) {
                int r00 = z * plane + y * nx;
                int r01 = r00 + nx;
                int r10 = r00 + plane;
                int r11 = r10 + nx;
                for (int x = 0; x < nx - 1; x++) {
                    int idx = padded[r00 + x] | padded[r00 + x + 1] << 1 | padded[r01 + x + 1] << 2
                        | padded[r01 + x] << 3 | padded[r10 + x] << 4 | padded[r10 + x + 1] << 5
                        | padded[r11 + x + 1] << 6 | padded[r11 + x] << 7;
                    if (idx != 0 && idx != 255) {
                        count[idx]++;
                        long[] o = origin[idx];
                        o[0] += z;
                        o[1] += y;
                        o[2] += x;
                    }
                }
            }
        }
        double area = 0;
        double volume6 = 0;
        for (int idx = 1; idx < 255; idx++) {
            if (count[idx] == 0) {
                continue;
            }
            int[] t = table[idx];
            double a = 0;
            double det = 0;
            double[] nsum = new double[3];
            for (int k = 0; k < t.length; k += 3) {
                double[] p = point(t[k], spacing);
                double[] q = point(t[k + 1], spacing);
                double[] r = point(t[k + 2], spacing);
                double[] nrm = cross(minus(q, p), minus(r, p));
                a += 0.5 * norm(nrm);
                det += dot(p, cross(q, r));
                for (int d = 0; d < 3; d++) {
                    nsum[d] += nrm[d];
                }
            }
            area += count[idx] * a;
            volume6 += count[idx] * det;
            for (int d = 0; d < 3; d++) {
                volume6 += origin[idx][d] * spacing[d] * nsum[d];
            }
        }
        return new Measures(volume6 / 6, area);
    }

    /**
     * Every triangle of the mesh as 9 integers: the three vertices in doubled voxel coordinates
     * (z, y, x), outward oriented. For tests and small masks only.
     */
    int[] triangleList(byte[] padded, int nz, int ny, int nx) {
        List<int[]> out = new ArrayList<>();
        int plane = ny * nx;
        for (int z = 0; z < nz - 1; z++) {
            for (int y = 0; y < ny - 1; y++) {
                for (int x = 0; x < nx - 1; x++) {
                    int idx = 0;
                    for (int c = 0; c < 8; c++) {
                        int[] o = CORNER[c];
                        idx |= padded[(z + o[0]) * plane + (y + o[1]) * nx + x + o[2]] << c;
                    }
                    int[] t = table[idx];
                    for (int k = 0; k < t.length; k += 3) {
                        int[] tri = new int[9];
                        for (int v = 0; v < 3; v++) {
                            int[] m = MID2[t[k + v]];
                            tri[3 * v] = 2 * z + m[0];
                            tri[3 * v + 1] = 2 * y + m[1];
                            tri[3 * v + 2] = 2 * x + m[2];
                        }
                        out.add(tri);
                    }
                }
            }
        }
        int[] flat = new int[out.size() * 9];
        for (int i = 0; i < out.size(); i++) {
            System.arraycopy(out.get(i), 0, flat, 9 * i, 9);
        }
        return flat;
    }

    private static double[] point(int edge, double[] spacing) {
        int[] m = MID2[edge];
        return new double[] {0.5 * m[0] * spacing[0], 0.5 * m[1] * spacing[1], 0.5 * m[2] * spacing[2]};
    }

    private static double[] minus(double[] p, double[] q) {
        return new double[] {p[0] - q[0], p[1] - q[1], p[2] - q[2]};
    }

    private static double dot(double[] p, double[] q) {
        return p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
    }
}
