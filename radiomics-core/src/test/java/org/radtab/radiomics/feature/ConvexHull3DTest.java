package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Exact quickhull on lattice points: known hulls and properties of random point sets. */
class ConvexHull3DTest {
    private static final double[] UNIT = {1, 1, 1};

    static long[][] randomPoints(long seed, int n, int range) {
        Random r = new Random(seed);
        long[][] p = new long[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new long[] {r.nextInt(range), r.nextInt(range), r.nextInt(range)};
        }
        return p;
    }

    @Test
    void cubeCornersWithInteriorAndFacePoints() {
        List<long[]> pts = new ArrayList<>();
        for (int x = 0; x <= 4; x += 2) {
            for (int y = 0; y <= 4; y += 2) {
                for (int z = 0; z <= 4; z += 2) {
                    pts.add(new long[] {x, y, z}); // corners, edge midpoints, face centres and the centre
                }
            }
        }
        ConvexHull3D h = ConvexHull3D.of(pts.toArray(new long[0][]));
        assertEquals(64, h.volume(UNIT), 1e-12);
        assertEquals(96, h.area(UNIT), 1e-12);
        assertEquals(8, h.vertices().length, "only the corners are hull vertices");
        assertEquals(6 * 6 * 8, h.volume(new double[] {1.5, 1.5, 2}), 1e-12, "scaled 1.5 x 1.5 x 2");
    }

    @Test
    void tetrahedron() {
        ConvexHull3D h = ConvexHull3D.of(new long[][] {{0, 0, 0}, {6, 0, 0}, {0, 6, 0}, {0, 0, 6}, {1, 1, 1}});
        assertEquals(36, h.volume(UNIT), 1e-12);
        assertEquals(3 * 18 + Math.sqrt(3) / 4 * 72, h.area(UNIT), 1e-9);
        assertArrayEquals(new int[] {0, 1, 2, 3}, h.vertices());
    }

    @Test
    void coplanarPointsAreRejected() {
        assertThrows(IllegalArgumentException.class,
            () -> ConvexHull3D.of(new long[][] {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {2, 3, 0}}));
        assertThrows(IllegalArgumentException.class, () -> ConvexHull3D.of(new long[][] {{0, 0, 0}, {1, 1, 1}}));
    }

    @Property(tries = 60)
    void everyPointIsInsideAndTheHullIsAClosedSurface(@ForAll long seed, @ForAll @IntRange(min = 5, max = 300) int n,
                                                     @ForAll @IntRange(min = 2, max = 40) int range) {
        long[][] p = randomPoints(seed, n, range);
        ConvexHull3D h;
        try {
            h = ConvexHull3D.of(p);
        } catch (IllegalArgumentException coplanar) {
            return; // tiny ranges can be flat
        }
        int[][] faces = h.faces();
        for (int[] f : faces) {
            long[] a = p[f[0]];
            long[] b = p[f[1]];
            long[] c = p[f[2]];
            long nx = (b[1] - a[1]) * (c[2] - a[2]) - (b[2] - a[2]) * (c[1] - a[1]);
            long ny = (b[2] - a[2]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[2] - a[2]);
            long nz = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
            assertTrue(nx != 0 || ny != 0 || nz != 0, "degenerate face");
            for (long[] q : p) {
                assertTrue(nx * (q[0] - a[0]) + ny * (q[1] - a[1]) + nz * (q[2] - a[2]) <= 0, "point outside a face");
            }
        }
        // closed triangulated sphere: every directed edge once with its twin, and V - E + F = 2
        Set<String> edges = new HashSet<>();
        for (int[] f : faces) {
            for (int k = 0; k < 3; k++) {
                assertTrue(edges.add(f[k] + ">" + f[(k + 1) % 3]), "directed edge twice");
            }
        }
        for (String e : edges) {
            String[] ab = e.split(">");
            assertTrue(edges.contains(ab[1] + ">" + ab[0]), "edge without twin");
        }
        assertEquals(2, h.vertices().length - edges.size() / 2 + faces.length);
        double v = h.volume(UNIT);
        long[] lo = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] hi = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        for (long[] q : p) {
            for (int d = 0; d < 3; d++) {
                lo[d] = Math.min(lo[d], q[d]);
                hi[d] = Math.max(hi[d], q[d]);
            }
        }
        assertTrue(v > 0 && v <= (hi[0] - lo[0]) * (hi[1] - lo[1]) * (double) (hi[2] - lo[2]) + 1e-9);
    }

    @Property(tries = 40)
    void farthestPairIsAPairOfHullVerticesAndOrderDoesNotMatter(@ForAll long seed,
                                                                @ForAll @IntRange(min = 8, max = 200) int n) {
        long[][] p = randomPoints(seed, n, 50);
        ConvexHull3D h;
        try {
            h = ConvexHull3D.of(p);
        } catch (IllegalArgumentException coplanar) {
            return;
        }
        long brute = 0;
        for (long[] a : p) {
            for (long[] b : p) {
                brute = Math.max(brute, d2(a, b));
            }
        }
        long viaHull = 0;
        int[] v = h.vertices();
        for (int a : v) {
            for (int b : v) {
                viaHull = Math.max(viaHull, d2(p[a], p[b]));
            }
        }
        assertEquals(brute, viaHull);
        List<long[]> shuffled = new ArrayList<>(List.of(p));
        Collections.shuffle(shuffled, new Random(seed + 1));
        ConvexHull3D h2 = ConvexHull3D.of(shuffled.toArray(new long[0][]));
        assertEquals(h.volume(UNIT), h2.volume(UNIT), 1e-9 * h.volume(UNIT));
        assertEquals(h.area(UNIT), h2.area(UNIT), 1e-9 * h.area(UNIT));
    }

    private static long d2(long[] a, long[] b) {
        long dx = a[0] - b[0];
        long dy = a[1] - b[1];
        long dz = a[2] - b[2];
        return dx * dx + dy * dy + dz * dz;
    }
}
