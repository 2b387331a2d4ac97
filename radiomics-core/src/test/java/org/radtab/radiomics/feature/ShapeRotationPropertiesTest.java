package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Shape features are invariant to 90-degree rotations of image and mask (isotropic spacing): all
 * IBSI morphology features (closed consistent mesh), and the PyRadiomics features that do not use
 * the mesh triangles (PCA axes, diameters, voxel volume; a rotation about z keeps the slice
 * diameter and swaps the row and column diameters). PyRadiomics' mesh volume and area are not
 * rotation invariant where a cube has an ambiguous face (its complement rule depends on the corner
 * p7), see {@link MeshConvention}.
 */
class ShapeRotationPropertiesTest {

    /** A random blob: voxels of a small grid, kept with probability 0.65, values random. */
    static RoiImage random(long seed, int nx, int ny, int nz) {
        Random r = new Random(seed);
        Geometry g = Geometry.of(nx, ny, nz, 1.3, 1.3, 1.3);
        boolean[] m = new boolean[g.voxelCount()];
        double[] d = new double[m.length];
        for (int n = 0; n < m.length; n++) {
            m[n] = r.nextDouble() < 0.65;
            d[n] = r.nextInt(200) + 1;
        }
        m[0] = true;
        return new RoiImage(Volume.wrap(g, d), m);
    }

    /** Rotation by 90 degrees about axis 2 (z), 0 (x) or 1 (y). */
    static RoiImage rotate(RoiImage roi, int axis) {
        Geometry g = roi.geometry();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int[] dims = axis == 2 ? new int[] {ny, nx, nz} : axis == 0 ? new int[] {nx, nz, ny} : new int[] {nz, ny, nx};
        Geometry h = Geometry.of(dims[0], dims[1], dims[2], 1.3, 1.3, 1.3);
        boolean[] m = new boolean[g.voxelCount()];
        double[] d = new double[m.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int[] t = axis == 2 ? new int[] {ny - 1 - j, i, k}
                        : axis == 0 ? new int[] {i, nz - 1 - k, j} : new int[] {nz - 1 - k, j, i};
                    int src = g.index(i, j, k);
                    int dst = h.index(t[0], t[1], t[2]);
                    m[dst] = roi.morphologicalMask()[src];
                    d[dst] = roi.image().data()[src];
                }
            }
        }
        return new RoiImage(Volume.wrap(h, d), m);
    }

    private static void assertClose(double a, double b, String what) {
        if (Double.isNaN(a)) {
            assertEquals(a, b, what);
        } else {
            // absolute floor: axis lengths are square roots of eigenvalues, so a zero eigenvalue's
            // rounding noise (~1e-17) appears as ~1e-8 after the root
            assertEquals(a, b, Math.max(1e-9 * Math.abs(a), 1e-7), what);
        }
    }

    @Property(tries = 40)
    void ibsiMorphologyIsRotationInvariant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int nx,
                                           @ForAll @IntRange(min = 1, max = 5) int ny,
                                           @ForAll @IntRange(min = 1, max = 4) int nz,
                                           @ForAll @IntRange(min = 0, max = 2) int axis) {
        RoiImage roi = random(seed, nx, ny, nz);
        Map<String, Double> a = ShapeFamily.ibsi(roi);
        Map<String, Double> b = ShapeFamily.ibsi(rotate(roi, axis));
        for (String k : a.keySet()) {
            assertClose(a.get(k), b.get(k), k);
        }
    }

    @Property(tries = 40)
    void pyradiomicsNonMeshFeaturesAreRotationInvariant(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int nx,
                                                         @ForAll @IntRange(min = 1, max = 5) int ny,
                                                         @ForAll @IntRange(min = 1, max = 4) int nz) {
        RoiImage roi = random(seed, nx, ny, nz);
        Map<String, Double> a = ShapeFamily.pyradiomics(roi);
        Map<String, Double> b = ShapeFamily.pyradiomics(rotate(roi, 2));
        for (String k : new String[] {"Elongation", "Flatness", "LeastAxisLength", "MajorAxisLength", "MinorAxisLength",
            "Maximum3DDiameter", "Maximum2DDiameterSlice", "VoxelVolume"}) {
            assertClose(a.get(k), b.get(k), k);
        }
        assertClose(a.get("Maximum2DDiameterRow"), b.get("Maximum2DDiameterColumn"), "row -> column");
        assertClose(a.get("Maximum2DDiameterColumn"), b.get("Maximum2DDiameterRow"), "column -> row");
    }

    @Property(tries = 30)
    void consistentMeshOfRandomMasksIsClosed(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int nx,
                                             @ForAll @IntRange(min = 1, max = 6) int ny,
                                             @ForAll @IntRange(min = 1, max = 5) int nz) {
        RoiImage roi = random(seed, nx, ny, nz);
        int px = nx + 2;
        int py = ny + 2;
        int pz = nz + 2;
        byte[] padded = new byte[px * py * pz];
        Geometry g = roi.geometry();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    padded[((k + 1) * py + j + 1) * px + i + 1] = roi.morphologicalMask()[g.index(i, j, k)] ? (byte) 1 : 0;
                }
            }
        }
        ShapeFamilyTest.assertClosed(MarchingCubes.of(MeshConvention.CONSISTENT).triangleList(padded, pz, py, px),
            "random mask " + seed);
    }
}
