package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Gradient magnitude on linear ramps, where central differences are exact: in the interior
 * {@code |grad I| = sqrt(a^2 + b^2 + c^2)} for {@code I = a x + b y + c z} (physical coordinates);
 * on a border voxel of an axis the zero-flux (edge-repeated) neighbour halves that axis's
 * derivative.
 */
class GradientMagnitudeTest {
    static Volume ramp(Geometry g, double a, double b, double c) {
        double[] d = new double[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    d[g.index(i, j, k)] = 7 + a * i * g.spacing(0) + b * j * g.spacing(1) + c * k * g.spacing(2);
                }
            }
        }
        return Volume.wrap(g, d);
    }

    @Test
    void exactOnRampWithAnisotropicSpacing() {
        Geometry g = Geometry.of(6, 5, 4, 0.7, 1.3, 2.5);
        double a = 3;
        double b = -2;
        double c = 0.5;
        Volume out = new GradientMagnitude(true).apply(ramp(g, a, b, c));
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double gx = (i == 0 || i == g.nx() - 1) ? a / 2 : a;
                    double gy = (j == 0 || j == g.ny() - 1) ? b / 2 : b;
                    double gz = (k == 0 || k == g.nz() - 1) ? c / 2 : c;
                    assertEquals(Math.sqrt(gx * gx + gy * gy + gz * gz), out.get(i, j, k), 1e-12,
                        "voxel " + i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void withoutSpacingTheSlopeIsPerVoxel() {
        Geometry g = Geometry.of(5, 5, 5, 0.5, 2, 4);
        Volume out = new GradientMagnitude(false).apply(ramp(g, 1, 1, 1));
        // per-index slopes are the spacings: 0.5, 2, 4
        assertEquals(Math.sqrt(0.25 + 4 + 16), out.get(2, 2, 2), 1e-12);
        assertEquals(Math.sqrt(0.0625 + 4 + 16), out.get(0, 2, 2), 1e-12);
    }

    @Test
    void singleSliceAxisContributesNothing() {
        Geometry g = Geometry.of(4, 4, 1, 1, 1, 1);
        Volume out = new GradientMagnitude(true).apply(ramp(g, 2, 0, 5));
        assertEquals(2.0, out.get(1, 1, 0), 1e-12);
        assertEquals(1.0, out.get(0, 1, 0), 1e-12);
    }

    /** Restricted to a box touching two borders: the ramp's exact values inside, 0 outside. */
    @Test
    void regionHasTheRampValuesInsideAndZeroOutside() {
        Geometry g = Geometry.of(7, 6, 5, 0.7, 1.3, 2.5);
        double a = 3;
        double b = -2;
        double c = 0.5;
        BoundingBox box = new BoundingBox(new int[] {0, 2, 1}, new int[] {3, 5, 3});
        Volume out = new GradientMagnitude(true).apply(ramp(g, a, b, c), box);
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    boolean inside = i <= 3 && j >= 2 && k >= 1 && k <= 3;
                    double gx = (i == 0 || i == g.nx() - 1) ? a / 2 : a;
                    double gy = (j == 0 || j == g.ny() - 1) ? b / 2 : b;
                    double gz = (k == 0 || k == g.nz() - 1) ? c / 2 : c;
                    double expected = inside ? Math.sqrt(gx * gx + gy * gy + gz * gz) : 0.0;
                    assertEquals(expected, out.get(i, j, k), 1e-12, "voxel " + i + "," + j + "," + k);
                }
            }
        }
        Volume within = new GradientMagnitude(true).applyWithin(ramp(g, a, b, c), box);
        assertEquals("[4, 4, 3]", java.util.Arrays.toString(within.geometry().size()));
        for (int k = 1; k <= 3; k++) {
            for (int j = 2; j <= 5; j++) {
                for (int i = 0; i <= 3; i++) {
                    assertEquals(out.get(i, j, k), within.get(i, j - 2, k - 1), 0.0, "within " + i + "," + j + "," + k);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new GradientMagnitude(true).apply(ramp(g, a, b, c),
            new BoundingBox(new int[] {0, 0, 0}, new int[] {7, 5, 4})));
        assertThrows(IllegalArgumentException.class, () -> new GradientMagnitude(true).applyWithin(ramp(g, a, b, c),
            new BoundingBox(new int[] {0, 0, 0}, new int[] {7, 5, 4})));
    }
}
