package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Shape features of masks whose mesh can be worked out by hand.
 *
 * <p><b>Box of a x b x c voxels</b> (spacing s = (sx, sy, sz)). The midpoint mesh is the box
 * {@code [-1/2, a - 1/2] x ...} with every edge and corner cut: each face keeps an
 * {@code (a-1) x (b-1)} rectangle, each box edge along x becomes a strip of length
 * {@code (a-1) sx} and width {@code sqrt((sy/2)^2 + (sz/2)^2)}, and each corner a triangle through
 * the three half-voxel points, area {@code sqrt((sy sz)^2 + (sx sz)^2 + (sx sy)^2) / 8}. The cut
 * volume is a prism of cross-section 1/8 (voxel units) per unit edge length plus, per corner, the
 * part {@code u + v + w < 1} of the corner cube {@code [0, 1/2]^3} (volume 1/6 - 3/48 = 5/48), so
 * {@code V = sx sy sz (abc - (a + b + c - 3) / 2 - 5/6)}; for one voxel (an octahedron) 1/6.
 */
class ShapeFamilyTest {

    static RoiImage box(int a, int b, int c, double sx, double sy, double sz, int pad) {
        Geometry g = Geometry.of(a + 2 * pad, b + 2 * pad, c + 2 * pad, sx, sy, sz);
        boolean[] m = new boolean[g.voxelCount()];
        for (int k = pad; k < pad + c; k++) {
            for (int j = pad; j < pad + b; j++) {
                for (int i = pad; i < pad + a; i++) {
                    m[g.index(i, j, k)] = true;
                }
            }
        }
        return new RoiImage(Volume.zeros(g), m);
    }

    static double boxVolume(int a, int b, int c, double sx, double sy, double sz) {
        return sx * sy * sz * (a * b * c - (a + b + c - 3) / 2.0 - 5.0 / 6);
    }

    static double boxArea(int a, int b, int c, double sx, double sy, double sz) {
        double faces = 2 * ((a - 1) * (b - 1) * sx * sy + (b - 1) * (c - 1) * sy * sz + (a - 1) * (c - 1) * sx * sz);
        double strips = 4 * ((a - 1) * sx * Math.hypot(sy / 2, sz / 2) + (b - 1) * sy * Math.hypot(sx / 2, sz / 2)
            + (c - 1) * sz * Math.hypot(sx / 2, sy / 2));
        double corners = Math.sqrt(sy * sz * sy * sz + sx * sz * sx * sz + sx * sy * sx * sy);
        return faces + strips + corners;
    }

    @ParameterizedTest
    @CsvSource({"1,1,1, 1,1,1", "2,1,1, 1,1,1", "3,4,5, 1,1,1", "3,4,5, 0.7,1.1,2.5", "1,6,2, 2,0.5,3",
        "7,7,1, 0.78125,0.78125,6.5"})
    void boxMeshVolumeAndAreaBothConventions(int a, int b, int c, double sx, double sy, double sz) {
        for (int pad : new int[] {0, 2}) {
            RoiImage roi = box(a, b, c, sx, sy, sz, pad);
            for (Profile p : Profile.values()) {
                ShapeFamily s = ShapeFamily.of(roi, p);
                assertEquals(boxVolume(a, b, c, sx, sy, sz), s.meshVolume(), 1e-9, p + " volume");
                assertEquals(boxArea(a, b, c, sx, sy, sz), s.surfaceArea(), 1e-9, p + " area");
                assertEquals(a * b * c * sx * sy * sz, s.voxelVolume(), 1e-9);
            }
        }
    }

    @Test
    void singleVoxelIsAnOctahedron() {
        ShapeFamily s = ShapeFamily.of(box(1, 1, 1, 2, 2, 2, 1), Profile.IBSI);
        // octahedron with half-diagonals 1 mm: V = 4/3, A = 8 * (sqrt(3)/4) * 2
        assertEquals(4.0 / 3, s.meshVolume(), 1e-12);
        assertEquals(4 * Math.sqrt(3), s.surfaceArea(), 1e-12);
        assertEquals(2, s.maximum3DDiameter(), 1e-12);
    }

    @Test
    void twoVoxelsSharingOnlyAnEdgeAreTwoOctahedraInTheConsistentMesh() {
        Geometry g = Geometry.of(4, 4, 3, 1.5, 1.5, 1.5);
        boolean[] m = new boolean[g.voxelCount()];
        m[g.index(1, 1, 1)] = true;
        m[g.index(2, 2, 1)] = true;
        ShapeFamily s = ShapeFamily.of(new RoiImage(Volume.zeros(g), m), Profile.IBSI);
        double octaVolume = 1.5 * 1.5 * 1.5 / 6;
        double octaArea = Math.sqrt(3) * 1.5 * 1.5;
        assertEquals(2 * octaVolume, s.meshVolume(), 1e-12);
        assertEquals(2 * octaArea, s.surfaceArea(), 1e-12);
    }

    @Test
    void twoFaceAdjacentVoxels() {
        ShapeFamily s = ShapeFamily.of(box(2, 1, 1, 1, 1, 1, 0), Profile.PYRADIOMICS);
        assertEquals(2 - 0.5 - 5.0 / 6, s.meshVolume(), 1e-12);
        assertEquals(4 * Math.sqrt(0.5) + Math.sqrt(3), s.surfaceArea(), 1e-12);
        // farthest vertices: (-1/2, 0, 0) and (3/2, 0, 0)
        assertEquals(2, s.maximum3DDiameter(), 1e-12);
        // population variance of x in {0, 1} = 1/4: major axis 4 * 1/2; the other axes are 0
        assertEquals(2, s.majorAxisLength(), 1e-12);
        assertEquals(0, s.minorAxisLength(), 1e-12);
        assertEquals(0, s.elongation(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"3,4,5", "6,2,2", "1,1,4", "5,5,5"})
    void boxDiametersWithIsotropicSpacing(int a, int b, int c) {
        double sp = 1.5;
        ShapeFamily s = ShapeFamily.of(box(a, b, c, sp, sp, sp, 1), Profile.PYRADIOMICS);
        // farthest vertices lie on opposite faces: Delta = (a, b-1, c-1) or a permutation
        double d3 = Math.max(sq(a) + sq(b - 1) + sq(c - 1), Math.max(sq(a - 1) + sq(b) + sq(c - 1),
            sq(a - 1) + sq(b - 1) + sq(c)));
        assertEquals(sp * Math.sqrt(d3), s.maximum3DDiameter(), 1e-12);
        assertEquals(sp * Math.sqrt(Math.max(sq(a) + sq(b - 1), sq(a - 1) + sq(b))), s.maximum2DDiameterSlice(), 1e-12);
        assertEquals(sp * Math.sqrt(Math.max(sq(a) + sq(c - 1), sq(a - 1) + sq(c))), s.maximum2DDiameterColumn(), 1e-12);
        assertEquals(sp * Math.sqrt(Math.max(sq(b) + sq(c - 1), sq(b - 1) + sq(c))), s.maximum2DDiameterRow(), 1e-12);
    }

    private static double sq(double v) {
        return v * v;
    }

    @Test
    void pcaAxesOfABox() {
        int a = 7;
        int b = 4;
        int c = 2;
        double sx = 0.5;
        double sy = 1.2;
        double sz = 3;
        RoiImage roi = box(a, b, c, sx, sy, sz, 1);
        // variance of {0..n-1} * s is (n^2 - 1) / 12 * s^2 per axis (axes are principal)
        double vx = (a * a - 1) / 12.0 * sx * sx; // 1.0
        double vy = (b * b - 1) / 12.0 * sy * sy; // 1.8
        double vz = (c * c - 1) / 12.0 * sz * sz; // 2.25
        ShapeFamily py = ShapeFamily.of(roi, Profile.PYRADIOMICS);
        assertEquals(4 * Math.sqrt(vz), py.majorAxisLength(), 1e-12);
        assertEquals(4 * Math.sqrt(vy), py.minorAxisLength(), 1e-12);
        assertEquals(4 * Math.sqrt(vx), py.leastAxisLength(), 1e-12);
        assertEquals(Math.sqrt(vy / vz), py.elongation(), 1e-12);
        assertEquals(Math.sqrt(vx / vz), py.flatness(), 1e-12);
        int n = a * b * c;
        ShapeFamily ibsi = ShapeFamily.of(roi, Profile.IBSI);
        assertEquals(4 * Math.sqrt(vz * n / (n - 1)), ibsi.majorAxisLength(), 1e-12);
        // AABB of the mesh vertices = the voxel box
        assertEquals(boxVolume(a, b, c, sx, sy, sz) / (a * sx * b * sy * c * sz), ibsi.volumeDensityAabb(), 1e-12);
        // the box mesh is convex: its convex hull is itself
        assertEquals(1, ibsi.volumeDensityConvexHull(), 1e-12);
        assertEquals(1, ibsi.areaDensityConvexHull(), 1e-12);
    }

    @Test
    void ellipsoidAreaSeriesOfASphereIsFourPiRSquared() {
        // a cube's PCA is isotropic: a = b = c, alpha = beta = 0, so A_aee = 4 pi a^2 and V_aee = 4/3 pi a^3
        RoiImage roi = box(4, 4, 4, 1, 1, 1, 0);
        ShapeFamily s = ShapeFamily.of(roi, Profile.IBSI);
        double semi = 2 * Math.sqrt((16 - 1) / 12.0 * 64 / 63);
        assertEquals(s.surfaceArea() / (4 * Math.PI * semi * semi), s.areaDensityAee(), 1e-12);
        assertEquals(3 * s.meshVolume() / (4 * Math.PI * semi * semi * semi), s.volumeDensityAee(), 1e-12);
    }

    @Test
    void consistentMeshIsClosedAndOrientedForEveryCubeConfiguration() {
        MarchingCubes mc = MarchingCubes.of(MeshConvention.CONSISTENT);
        for (int idx = 1; idx < 255; idx++) {
            byte[] padded = new byte[4 * 4 * 4];
            for (int c = 0; c < 8; c++) {
                if ((idx >> c & 1) != 0) {
                    int[] o = MarchingCubes.CORNER[c];
                    padded[((1 + o[0]) * 4 + 1 + o[1]) * 4 + 1 + o[2]] = 1;
                }
            }
            int[] t = mc.triangleList(padded, 4, 4, 4);
            assertClosed(t, "cube index " + idx);
            // a closed outward mesh of k voxels has positive volume
            assertTrue(mc.measure(padded, 4, 4, 4, new double[] {1, 1, 1}).volume() > 0);
        }
    }

    static void assertClosed(int[] tri, String what) {
        Map<String, Integer> directed = new HashMap<>();
        for (int t = 0; t < tri.length; t += 9) {
            for (int e = 0; e < 3; e++) {
                int a = t + 3 * e;
                int b = t + 3 * ((e + 1) % 3);
                String key = tri[a] + "," + tri[a + 1] + "," + tri[a + 2] + ">" + tri[b] + "," + tri[b + 1] + "," + tri[b + 2];
                directed.merge(key, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : directed.entrySet()) {
            assertEquals(1, e.getValue(), what + ": directed edge used twice " + e.getKey());
            String[] ab = e.getKey().split(">");
            assertEquals(1, directed.getOrDefault(ab[1] + ">" + ab[0], 0), what + ": edge without its twin " + e.getKey());
        }
    }

    @Test
    void emptyMaskIsAnError() {
        Geometry g = Geometry.of(3, 3, 3, 1, 1, 1);
        RoiImage roi = new RoiImage(Volume.zeros(g), new boolean[27]);
        assertThrows(IllegalArgumentException.class, () -> ShapeFamily.pyradiomics(roi));
    }

    @Test
    void pyradiomicsNamesInDefaultOrder() {
        assertEquals(java.util.List.of("Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength",
            "Maximum2DDiameterColumn", "Maximum2DDiameterRow", "Maximum2DDiameterSlice", "Maximum3DDiameter",
            "MeshVolume", "MinorAxisLength", "Sphericity", "SurfaceArea", "SurfaceVolumeRatio", "VoxelVolume"),
            new java.util.ArrayList<>(ShapeFamily.pyradiomics(box(2, 3, 4, 1, 1, 1, 0)).keySet()));
    }
}
