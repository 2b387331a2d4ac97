package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** PyRadiomics' voxel-wise image types on hand-computed values (M = max|x| = 4 here). */
class IntensityTransformTest {
    static final Volume X = Volume.wrap(Geometry.of(5, 1, 1, 1, 1, 1), new double[] {-4, -1, 0, 1, 2});

    @Test
    void square() {
        assertArrayEquals(new double[] {4, 0.25, 0, 0.25, 1}, IntensityTransform.SQUARE.apply(X).data(), 1e-15);
        double[] zero = IntensityTransform.SQUARE.apply(Volume.zeros(Geometry.of(2, 1, 1, 1, 1, 1))).data();
        assertTrue(Double.isNaN(zero[0]), "max|x| = 0 gives NaN, as in PyRadiomics");
    }

    @Test
    void squareRoot() {
        assertArrayEquals(new double[] {-4, -2, 0, 2, Math.sqrt(8)}, IntensityTransform.SQUARE_ROOT.apply(X).data(), 1e-15);
    }

    @Test
    void logarithm() {
        double c = 4 / Math.log(5); // max|g| = ln(4 + 1)
        assertArrayEquals(new double[] {-4, -Math.log(2) * c, 0, Math.log(2) * c, Math.log(3) * c},
            IntensityTransform.LOGARITHM.apply(X).data(), 1e-14);
    }

    @Test
    void exponential() {
        double c = Math.log(4) / 4;
        double[] f = IntensityTransform.EXPONENTIAL.apply(X).data();
        assertArrayEquals(new double[] {Math.exp(-4 * c), Math.exp(-c), 1, Math.exp(c), Math.exp(2 * c)}, f, 1e-15);
        assertEquals(0.25, f[0], 1e-15, "-M maps to 1/M");
    }

    @Test
    void names() {
        assertEquals("squareroot", IntensityTransform.SQUARE_ROOT.pyRadiomicsName());
        assertEquals(X.geometry(), IntensityTransform.LOGARITHM.apply(X).geometry());
    }
}
