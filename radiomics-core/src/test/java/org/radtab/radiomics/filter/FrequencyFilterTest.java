package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * Simoncelli and Riesz filters against their definitions, evaluated with a naive 3D DFT written
 * out here: response = Re(IDFT(DFT(x) H)) with the transfer functions of the IBSI 2 definitions.
 */
class FrequencyFilterTest {

    interface Transfer {
        /** Complex transfer value {re, im} at DFT bin (kx, ky, kz). */
        double[] at(int kx, int ky, int kz);
    }

    /** Re(IDFT(DFT(x) H)) by the defining double sums, O(N^2). */
    static double[] naive(double[] x, int nx, int ny, int nz, Transfer h) {
        int n = x.length;
        double[] fr = new double[n];
        double[] fi = new double[n];
        for (int kz = 0; kz < nz; kz++) {
            for (int ky = 0; ky < ny; ky++) {
                for (int kx = 0; kx < nx; kx++) {
                    double sr = 0;
                    double si = 0;
                    for (int z = 0; z < nz; z++) {
                        for (int y = 0; y < ny; y++) {
                            for (int xx = 0; xx < nx; xx++) {
                                double a = -2 * Math.PI * ((double) kx * xx / nx + (double) ky * y / ny + (double) kz * z / nz);
                                double v = x[(z * ny + y) * nx + xx];
                                sr += v * Math.cos(a);
                                si += v * Math.sin(a);
                            }
                        }
                    }
                    double[] t = h.at(kx, ky, kz);
                    int q = (kz * ny + ky) * nx + kx;
                    fr[q] = sr * t[0] - si * t[1];
                    fi[q] = sr * t[1] + si * t[0];
                }
            }
        }
        double[] out = new double[n];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int xx = 0; xx < nx; xx++) {
                    double s = 0;
                    for (int kz = 0; kz < nz; kz++) {
                        for (int ky = 0; ky < ny; ky++) {
                            for (int kx = 0; kx < nx; kx++) {
                                double a = 2 * Math.PI * ((double) kx * xx / nx + (double) ky * y / ny + (double) kz * z / nz);
                                int q = (kz * ny + ky) * nx + kx;
                                s += fr[q] * Math.cos(a) - fi[q] * Math.sin(a);
                            }
                        }
                    }
                    out[(z * ny + y) * nx + xx] = s / n;
                }
            }
        }
        return out;
    }

    private static double[] random(int n, long seed) {
        Random rnd = new Random(seed);
        double[] d = new double[n];
        for (int q = 0; q < n; q++) {
            d[q] = rnd.nextGaussian() * 40;
        }
        return d;
    }

    private static Volume volume(int nx, int ny, int nz, double[] d) {
        return Volume.wrap(Geometry.of(nx, ny, nz, 1.5, 1.5, 2), d);
    }

    @Test
    void consensusFrequencyGridAndBand() {
        // N = 4: (k + 1/2) / 1.5 below N/2, (k - 4 + 1/2) / 1.5 above; N = 5: k / 2 and (k - 5) / 2
        double[] even = {1 / 3.0, 1, -1, -1 / 3.0};
        double[] odd = {0, 0.5, 1, -1, -0.5};
        for (int k = 0; k < 4; k++) {
            assertEquals(even[k], SimoncelliFilter.frequency(k, 4), 1e-15);
        }
        for (int k = 0; k < 5; k++) {
            assertEquals(odd[k], SimoncelliFilter.frequency(k, 5), 1e-15);
        }
        assertEquals(0, SimoncelliFilter.frequency(0, 1));
        // level 2: nu_max = 1/2, peak 1 at 1/4, zero at 1/8 and 1/2 and outside
        assertEquals(1, SimoncelliFilter.transfer(0.25, 2), 1e-15);
        assertEquals(0, SimoncelliFilter.transfer(0.125, 2), 1e-15);
        assertEquals(0, SimoncelliFilter.transfer(0.5, 2), 1e-15);
        assertEquals(0, SimoncelliFilter.transfer(0.6, 2));
        assertEquals(0, SimoncelliFilter.transfer(0.1, 2));
        assertEquals(Math.cos(Math.PI / 2 * (Math.log(1.5) / Math.log(2))), SimoncelliFilter.transfer(0.75, 1), 1e-15);
    }

    @Test
    void simoncelliOnPrimeSizesEqualsTheDefinition() {
        // 7 x 11 x 5: the transforms go through Bluestein's algorithm
        int nx = 7;
        int ny = 11;
        int nz = 5;
        double[] x = random(nx * ny * nz, 8);
        double[] got = new SimoncelliFilter(new SimoncelliFilter.Parameters(1, FilterDimension.THREE_D))
            .apply(volume(nx, ny, nz, x)).data();
        double[] want = naive(x, nx, ny, nz, (kx, ky, kz) -> new double[] {SimoncelliFilter.transfer(Math.sqrt(
            sq(SimoncelliFilter.frequency(kx, nx)) + sq(SimoncelliFilter.frequency(ky, ny))
                + sq(SimoncelliFilter.frequency(kz, nz))), 1), 0});
        for (int q = 0; q < x.length; q++) {
            assertEquals(want[q], got[q], 1e-9, "voxel " + q);
        }
    }

    @Test
    void rieszOfASingleSlicePadsInPlaneOnly() {
        int nx = 5;
        int ny = 4;
        int pad = 3;
        double[] x = random(nx * ny, 9);
        double[] got = new RieszFilter(v -> v, new RieszFilter.Parameters(new int[] {1, 0, 0}, pad, BoundaryCondition.ZERO))
            .apply(volume(nx, ny, 1, x)).data();
        int px = nx + 2 * pad;
        int py = ny + 2 * pad;
        double[] padded = new double[px * py];
        for (int y = 0; y < ny; y++) {
            System.arraycopy(x, y * nx, padded, (y + pad) * px + pad, nx);
        }
        double[] full = naive(padded, px, py, 1, (kx, ky, kz) -> {
            double vx = dftFrequency(kx, px);
            double vy = dftFrequency(ky, py);
            double len = Math.sqrt(vx * vx + vy * vy);
            return len == 0 ? new double[] {0, 0} : new double[] {0, -vx / len};
        });
        for (int y = 0; y < ny; y++) {
            for (int i = 0; i < nx; i++) {
                assertEquals(full[(y + pad) * px + i + pad], got[y * nx + i], 1e-9);
            }
        }
    }

    @Test
    void simoncelli3dAnd2dEqualTheDefinition() {
        int nx = 6;
        int ny = 5;
        int nz = 4;
        double[] x = random(nx * ny * nz, 5);
        for (int level : new int[] {1, 2}) {
            double[] got3 = new SimoncelliFilter(new SimoncelliFilter.Parameters(level, FilterDimension.THREE_D))
                .apply(volume(nx, ny, nz, x)).data();
            double[] want3 = naive(x, nx, ny, nz, (kx, ky, kz) -> new double[] {SimoncelliFilter.transfer(Math.sqrt(
                sq(SimoncelliFilter.frequency(kx, nx)) + sq(SimoncelliFilter.frequency(ky, ny))
                    + sq(SimoncelliFilter.frequency(kz, nz))), level), 0});
            for (int q = 0; q < x.length; q++) {
                assertEquals(want3[q], got3[q], 1e-9, "3D level " + level + " voxel " + q);
            }
            double[] got2 = new SimoncelliFilter(new SimoncelliFilter.Parameters(level, FilterDimension.TWO_D))
                .apply(volume(nx, ny, nz, x)).data();
            for (int z = 0; z < nz; z++) {
                double[] slice = java.util.Arrays.copyOfRange(x, z * nx * ny, (z + 1) * nx * ny);
                double[] want2 = naive(slice, nx, ny, 1, (kx, ky, kz) -> new double[] {SimoncelliFilter.transfer(Math.sqrt(
                    sq(SimoncelliFilter.frequency(kx, nx)) + sq(SimoncelliFilter.frequency(ky, ny))), level), 0});
                for (int q = 0; q < slice.length; q++) {
                    assertEquals(want2[q], got2[z * nx * ny + q], 1e-9, "2D level " + level + " slice " + z);
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static double dftFrequency(int k, int n) {
        return (k <= n / 2 ? k : k - n) / (double) n;
    }

    @Test
    void rieszOfTheImageEqualsTheDefinition() {
        int nx = 5;
        int ny = 6;
        int nz = 3;
        double[] x = random(nx * ny * nz, 6);
        // order (1, 0, 0): -i nu_x / |nu|; order (0, 2, 0): (-i)^2 sqrt(2!/2!) nu_y^2 / |nu|^2 = -nu_y^2 / |nu|^2
        int[][] orders = {{1, 0, 0}, {0, 2, 0}, {1, 1, 1}};
        for (int[] l : orders) {
            double[] got = new RieszFilter(v -> v, new RieszFilter.Parameters(l, 0, BoundaryCondition.ZERO))
                .apply(volume(nx, ny, nz, x)).data();
            double[] want = naive(x, nx, ny, nz, (kx, ky, kz) -> {
                double vx = dftFrequency(kx, nx);
                double vy = dftFrequency(ky, ny);
                double vz = dftFrequency(kz, nz);
                double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
                if (len == 0) {
                    return new double[] {0, 0};
                }
                if (l[0] == 1 && l[1] == 0) {
                    return new double[] {0, -vx / len};
                }
                if (l[1] == 2) {
                    return new double[] {-vy * vy / (len * len), 0};
                }
                // (1, 1, 1): (-i)^3 = i, sqrt(3! / 1) = sqrt(6)
                return new double[] {0, Math.sqrt(6) * vx * vy * vz / (len * len * len)};
            });
            for (int q = 0; q < x.length; q++) {
                assertEquals(want[q], got[q], 1e-9, java.util.Arrays.toString(l) + " voxel " + q);
            }
        }
    }

    @Test
    void rieszPadsFiltersAndCropsBack() {
        int nx = 4;
        int ny = 3;
        int nz = 3;
        int pad = 2;
        double[] x = random(nx * ny * nz, 7);
        double[] got = new RieszFilter(v -> v, new RieszFilter.Parameters(new int[] {0, 1, 0}, pad, BoundaryCondition.NEAREST))
            .apply(volume(nx, ny, nz, x)).data();
        // the same on the explicitly padded array (edge values repeated), cropped
        int px = nx + 2 * pad;
        int py = ny + 2 * pad;
        int pz = nz + 2 * pad;
        IntBinaryOperator clamp = (i, n) -> Math.max(0, Math.min(n - 1, i));
        double[] padded = new double[px * py * pz];
        for (int z = 0; z < pz; z++) {
            for (int y = 0; y < py; y++) {
                for (int i = 0; i < px; i++) {
                    padded[(z * py + y) * px + i] = x[(clamp.applyAsInt(z - pad, nz) * ny + clamp.applyAsInt(y - pad, ny)) * nx
                        + clamp.applyAsInt(i - pad, nx)];
                }
            }
        }
        double[] full = naive(padded, px, py, pz, (kx, ky, kz) -> {
            double vx = dftFrequency(kx, px);
            double vy = dftFrequency(ky, py);
            double vz = dftFrequency(kz, pz);
            double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
            return len == 0 ? new double[] {0, 0} : new double[] {0, -vy / len};
        });
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int i = 0; i < nx; i++) {
                    assertEquals(full[((z + pad) * py + y + pad) * px + i + pad], got[(z * ny + y) * nx + i], 1e-9);
                }
            }
        }
    }

    @Test
    void badParametersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SimoncelliFilter.Parameters(0, FilterDimension.THREE_D));
        assertThrows(IllegalArgumentException.class,
            () -> new RieszFilter.Parameters(new int[] {0, 0, 0}, 0, BoundaryCondition.ZERO));
        assertThrows(IllegalArgumentException.class,
            () -> new RieszFilter.Parameters(new int[] {1, -1, 0}, 0, BoundaryCondition.ZERO));
        assertThrows(IllegalArgumentException.class,
            () -> new RieszFilter.Parameters(new int[] {1, 0}, 0, BoundaryCondition.ZERO));
        assertThrows(IllegalArgumentException.class,
            () -> new RieszFilter.Parameters(new int[] {1, 0, 0}, -1, BoundaryCondition.ZERO));
    }
}
