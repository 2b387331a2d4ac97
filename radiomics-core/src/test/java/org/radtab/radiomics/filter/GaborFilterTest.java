package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * The Gabor filter against its definition: an impulse gives the kernel's Gaussian envelope, and
 * small random volumes give the modulus of the brute-force convolution of the padded planes with
 * the sampled kernel, averaged over orientations and plane families.
 */
class GaborFilterTest {

    private static Volume volume(int nx, int ny, int nz, double[] spacing, double[] data) {
        return Volume.wrap(Geometry.of(new int[] {nx, ny, nz}, spacing, new double[3]), data);
    }

    @Test
    void impulseGivesTheGaussianEnvelopeInItsSliceOnly() {
        // |g(x, y)| = exp(-(x'^2 + gamma^2 y'^2) / (2 sigma^2)), x along i, y along j, in mm
        int nx = 21;
        int ny = 17;
        double sx = 0.8;
        double sy = 1.3;
        double[] d = new double[nx * ny * 3];
        d[(1 * ny + 8) * nx + 10] = 1;
        double sigma = 3;
        double gamma = 0.6;
        double theta = Math.PI / 3;
        GaborFilter f = new GaborFilter(new GaborFilter.Parameters(sigma, 2.5, gamma, new double[] {theta},
            GaborFilter.Planes.AXIAL, BoundaryCondition.ZERO));
        double[] out = f.apply(volume(nx, ny, 3, new double[] {sx, sy, 2}, d)).data();
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    double expected = 0;
                    if (k == 1) {
                        double x = (i - 10) * sx;
                        double y = (j - 8) * sy;
                        double xr = x * Math.cos(theta) + y * Math.sin(theta);
                        double yr = -x * Math.sin(theta) + y * Math.cos(theta);
                        expected = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigma * sigma));
                    }
                    assertEquals(expected, out[(k * ny + j) * nx + i], 1e-12, i + "," + j + "," + k);
                }
            }
        }
    }

    /** Modulus of the convolution of one plane (axes a, b) of v with the sampled kernel, by its definition. */
    private static double bruteForce(Volume v, int axisA, int axisB, int[] voxel, double sigma, double lambda,
                                     double gamma, double theta, BoundaryCondition bc) {
        Geometry g = v.geometry();
        int n1 = g.size(axisA);
        int n2 = g.size(axisB);
        int r = Math.max(n1, n2) / 2;
        double re = 0;
        double im = 0;
        for (int q2 = -r; q2 <= r; q2++) {
            for (int q1 = -r; q1 <= r; q1++) {
                int a = bc.sourceIndex(voxel[axisA] - q1, n1);
                int b = bc.sourceIndex(voxel[axisB] - q2, n2);
                if (a < 0 || b < 0) {
                    continue;
                }
                int[] src = voxel.clone();
                src[axisA] = a;
                src[axisB] = b;
                double value = v.get(src[0], src[1], src[2]);
                double x = q1 * g.spacing(axisA);
                double y = q2 * g.spacing(axisB);
                double xr = x * Math.cos(theta) + y * Math.sin(theta);
                double yr = -x * Math.sin(theta) + y * Math.cos(theta);
                double env = Math.exp(-(xr * xr + gamma * gamma * yr * yr) / (2 * sigma * sigma));
                re += value * env * Math.cos(2 * Math.PI * xr / lambda);
                im += value * env * Math.sin(2 * Math.PI * xr / lambda);
            }
        }
        return Math.hypot(re, im);
    }

    private static Volume random(int nx, int ny, int nz, double[] spacing, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[nx * ny * nz];
        for (int n = 0; n < d.length; n++) {
            d[n] = Math.floor(rnd.nextGaussian() * 50);
        }
        return volume(nx, ny, nz, spacing, d);
    }

    @Test
    void axialBankEqualsTheMeanOfBruteForceConvolutionsForEveryBoundary() {
        Volume v = random(9, 6, 3, new double[] {0.9, 1.2, 3}, 1);
        double[] thetas = GaborFilter.fullCircle(Math.PI / 2); // 0, pi/2, pi, 3 pi/2: pi apart give one map twice
        for (BoundaryCondition bc : BoundaryCondition.values()) {
            GaborFilter f = new GaborFilter(new GaborFilter.Parameters(2, 1.7, 1.5, thetas, GaborFilter.Planes.AXIAL, bc));
            Volume out = f.apply(v);
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 6; j++) {
                    for (int i = 0; i < 9; i++) {
                        double mean = 0;
                        for (double t : thetas) {
                            mean += bruteForce(v, 0, 1, new int[] {i, j, k}, 2, 1.7, 1.5, t, bc) / thetas.length;
                        }
                        assertEquals(mean, out.get(i, j, k), 1e-9 * (1 + mean), bc + " at " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void orthogonalPlanesAverageTheThreePlaneFamilies() {
        Volume v = random(7, 5, 6, new double[] {1.1, 0.9, 1.4}, 2);
        double[] thetas = {0.3, 1.9};
        BoundaryCondition bc = BoundaryCondition.MIRROR_EDGE_REPEATED;
        GaborFilter f = new GaborFilter(new GaborFilter.Parameters(1.5, 2.2, 0.7, thetas, GaborFilter.Planes.ORTHOGONAL,
            bc));
        Volume out = f.apply(v);
        int[][] families = {{0, 1}, {0, 2}, {1, 2}};
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 7; i++) {
                    double mean = 0;
                    for (int[] fam : families) {
                        for (double t : thetas) {
                            mean += bruteForce(v, fam[0], fam[1], new int[] {i, j, k}, 1.5, 2.2, 0.7, t, bc) / 6;
                        }
                    }
                    assertEquals(mean, out.get(i, j, k), 1e-9 * (1 + mean), i + "," + j + "," + k);
                }
            }
        }
    }

    @Test
    void aRegionRestrictsThePlanesButNotTheValues() {
        Volume v = random(8, 7, 6, new double[] {1, 1, 1}, 3);
        GaborFilter f = new GaborFilter(new GaborFilter.Parameters(2, 3, 1, GaborFilter.fullCircle(Math.PI / 4),
            GaborFilter.Planes.ORTHOGONAL, BoundaryCondition.PERIODIC));
        Volume all = f.apply(v);
        BoundingBox box = new BoundingBox(new int[] {2, 1, 3}, new int[] {4, 5, 4});
        Volume part = f.apply(v, box);
        for (int k = box.lo(2); k <= box.hi(2); k++) {
            for (int j = box.lo(1); j <= box.hi(1); j++) {
                for (int i = box.lo(0); i <= box.hi(0); i++) {
                    assertEquals(all.get(i, j, k), part.get(i, j, k), 1e-12);
                }
            }
        }
        // outside the box every voxel is 0 (planes that meet the box reach outside it too)
        for (int k = 0; k < 6; k++) {
            for (int j = 0; j < 7; j++) {
                for (int i = 0; i < 8; i++) {
                    boolean inside = i >= 2 && i <= 4 && j >= 1 && j <= 5 && k >= 3 && k <= 4;
                    if (!inside) {
                        assertEquals(0.0, part.get(i, j, k), i + "," + j + "," + k);
                    }
                }
            }
        }
        assertTrue(all.get(0, 0, 3) > 0);
        BoundingBox outside = new BoundingBox(new int[] {0, 0, 0}, new int[] {7, 6, 6});
        assertThrows(IllegalArgumentException.class, () -> f.apply(v, outside));
    }

    @Test
    void nonFiniteInputIsRejected() {
        double[] d = new double[4 * 4 * 2];
        d[5] = Double.NaN;
        Volume v = volume(4, 4, 2, new double[] {1, 1, 1}, d);
        GaborFilter f = new GaborFilter(new GaborFilter.Parameters(1, 2, 1, new double[] {0}, GaborFilter.Planes.AXIAL,
            BoundaryCondition.ZERO));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.apply(v));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertEquals(new GaborFilter.Parameters(1, 2, 1, new double[] {0}, GaborFilter.Planes.AXIAL,
            BoundaryCondition.ZERO), f.parameters(), "parameters compare their orientations by value");
    }

    @Test
    void badParametersAreRejected() {
        BoundaryCondition bc = BoundaryCondition.ZERO;
        double[] one = {0};
        assertThrows(IllegalArgumentException.class,
            () -> new GaborFilter.Parameters(0, 2, 1, one, GaborFilter.Planes.AXIAL, bc));
        assertThrows(IllegalArgumentException.class,
            () -> new GaborFilter.Parameters(1, Double.NaN, 1, one, GaborFilter.Planes.AXIAL, bc));
        assertThrows(IllegalArgumentException.class,
            () -> new GaborFilter.Parameters(1, 2, -1, one, GaborFilter.Planes.AXIAL, bc));
        assertThrows(IllegalArgumentException.class,
            () -> new GaborFilter.Parameters(1, 2, 1, new double[0], GaborFilter.Planes.AXIAL, bc));
        assertThrows(IllegalArgumentException.class,
            () -> new GaborFilter.Parameters(1, 2, 1, new double[] {Double.POSITIVE_INFINITY}, GaborFilter.Planes.AXIAL,
                bc));
        assertThrows(IllegalArgumentException.class, () -> GaborFilter.fullCircle(1.0));
        assertArrayEquals(new double[] {0, Math.PI / 2, Math.PI, 1.5 * Math.PI}, GaborFilter.fullCircle(Math.PI / 2),
            1e-15);
    }
}
