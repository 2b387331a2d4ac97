package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * shape2D by hand. A rectangle of a x b pixels (spacings su, sv) has a midpoint contour that is the
 * rectangle {@code [-1/2, a - 1/2] x [-1/2, b - 1/2]} with its four corners cut by triangles of legs
 * su/2, sv/2: area {@code su sv (ab - 1/2)}, perimeter
 * {@code 2 (a-1) su + 2 (b-1) sv + 4 sqrt((su/2)^2 + (sv/2)^2)}; one pixel is a diamond.
 */
class Shape2DFamilyTest {

    /** An a x b rectangle in the plane normal to array dimension {@code dim} (0 = z, 1 = y, 2 = x). */
    static RoiImage rectangle(int a, int b, int dim, double[] spacingXyz) {
        int[] size = {5, 5, 5};
        // (u, v) axes in geometry order
        int au = dim == 0 ? 1 : 2;
        int av = dim == 2 ? 1 : 0;
        size[au] = a + 3;
        size[av] = b + 3;
        Geometry g = Geometry.of(size[0], size[1], size[2], spacingXyz[0], spacingXyz[1], spacingXyz[2]);
        boolean[] m = new boolean[g.voxelCount()];
        for (int u = 0; u < a; u++) {
            for (int v = 0; v < b; v++) {
                int[] ijk = {2, 2, 2};
                ijk[au] = u + 1;
                ijk[av] = v + 2;
                m[g.index(ijk[0], ijk[1], ijk[2])] = true;
            }
        }
        return new RoiImage(Volume.zeros(g), m);
    }

    @ParameterizedTest
    @CsvSource({"1,1,0", "3,2,0", "4,1,1", "2,5,2", "6,6,0"})
    void rectangle(int a, int b, int dim) {
        double[] sp = {0.7, 1.1, 2.5};
        Shape2DFamily s = Shape2DFamily.of(rectangle(a, b, dim, sp), dim);
        double su = sp[dim == 0 ? 1 : 2];
        double sv = sp[dim == 2 ? 1 : 0];
        double area = su * sv * (a * b - 0.5);
        double perimeter = 2 * (a - 1) * su + 2 * (b - 1) * sv + 4 * Math.hypot(su / 2, sv / 2);
        assertEquals(area, s.meshSurface(), 1e-12);
        assertEquals(a * b * su * sv, s.pixelSurface(), 1e-12);
        assertEquals(perimeter, s.perimeter(), 1e-12);
        assertEquals(perimeter / area, s.perimeterSurfaceRatio(), 1e-12);
        assertEquals(2 * Math.sqrt(Math.PI * area) / perimeter, s.sphericity(), 1e-12);
        double d2 = Math.max(a * su * a * su + (b - 1) * sv * (b - 1) * sv, (a - 1) * su * (a - 1) * su + b * sv * b * sv);
        assertEquals(Math.sqrt(d2), s.maximumDiameter(), 1e-12);
        double vu = (a * a - 1) / 12.0 * su * su;
        double vv = (b * b - 1) / 12.0 * sv * sv;
        assertEquals(4 * Math.sqrt(Math.max(vu, vv)), s.majorAxisLength(), 1e-12);
        assertEquals(4 * Math.sqrt(Math.min(vu, vv)), s.minorAxisLength(), 1e-12);
    }

    @Test
    void diagonalPixelsAreTwoDiamonds() {
        Geometry g = Geometry.of(4, 4, 1, 1.5, 1.5, 3);
        boolean[] m = new boolean[g.voxelCount()];
        m[g.index(1, 1, 0)] = true;
        m[g.index(2, 2, 0)] = true;
        Shape2DFamily s = Shape2DFamily.of(new RoiImage(Volume.zeros(g), m), 0);
        assertEquals(2 * 1.5 * 1.5 / 2, s.meshSurface(), 1e-12);
        assertEquals(2 * 4 * Math.hypot(0.75, 0.75), s.perimeter(), 1e-12);
        // farthest vertices: (0.5, 1) and (2.5, 2) etc. in pixel units -> sqrt(2^2 + 1^2) * 1.5
        assertEquals(Math.sqrt(5) * 1.5, s.maximumDiameter(), 1e-12);
    }

    @Test
    void namesAndErrors() {
        Map<String, Double> f = Shape2DFamily.pyradiomics(rectangle(3, 2, 0, new double[] {1, 1, 1}), 0);
        assertEquals(List.of("Elongation", "MajorAxisLength", "MaximumDiameter", "MeshSurface", "MinorAxisLength",
            "Perimeter", "PerimeterSurfaceRatio", "PixelSurface", "Sphericity"), List.copyOf(f.keySet()));
        // the rectangle lies in a z slice, so it is not single-slice along x
        assertThrows(IllegalArgumentException.class, () -> Shape2DFamily.of(rectangle(3, 2, 0, new double[] {1, 1, 1}), 2));
    }
}
