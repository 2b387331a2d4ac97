package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the GLCM and GLRLM: matrix totals against brute-force counts, invariance of the
 * IBSI 3D features to 90-degree rotations, and invariance to translating the ROI in a larger grid.
 */
class GlcmGlrlmPropertiesTest {
    private static final GlcmFamily GLCM = new GlcmFamily();
    private static final GlrlmFamily GLRLM = new GlrlmFamily();

    /** A small random grey-level volume (levels 0..4, 0 = outside), with at least one ROI voxel. */
    record Vol(int nx, int ny, int nz, int[] levels) {
        int at(int i, int j, int k) {
            return i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz ? 0 : levels[i + nx * (j + ny * k)];
        }

        GreyLevelImage image() {
            int max = 0;
            for (int l : levels) {
                max = Math.max(max, l);
            }
            return new GreyLevelImage(levels.clone(), new int[] {nx, ny, nz}, new double[] {1, 1, 1}, max);
        }

        /** 90-degree rotation about index axis {@code axis}. */
        Vol rotate(int axis) {
            int[] size = axis == 2 ? new int[] {ny, nx, nz} : axis == 0 ? new int[] {nx, nz, ny} : new int[] {nz, ny, nx};
            int[] out = new int[levels.length];
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        int[] t = axis == 2 ? new int[] {j, nx - 1 - i, k}
                            : axis == 0 ? new int[] {i, k, ny - 1 - j} : new int[] {k, j, nx - 1 - i};
                        out[t[0] + size[0] * (t[1] + size[1] * t[2])] = at(i, j, k);
                    }
                }
            }
            return new Vol(size[0], size[1], size[2], out);
        }

        /** This volume placed at (ox, oy, oz) in a grid larger by {@code extra} on every axis. */
        Vol embed(int ox, int oy, int oz, int extra) {
            int mx = nx + extra;
            int my = ny + extra;
            int mz = nz + extra;
            int[] out = new int[mx * my * mz];
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < ny; j++) {
                    for (int i = 0; i < nx; i++) {
                        out[(i + ox) + mx * ((j + oy) + my * (k + oz))] = at(i, j, k);
                    }
                }
            }
            return new Vol(mx, my, mz, out);
        }
    }

    @Provide
    Arbitrary<Vol> volumes() {
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 60), Arbitraries.longs())
            .as((nx, ny, nz, holes, seed) -> {
                Random r = new Random(seed);
                int[] l = new int[nx * ny * nz];
                for (int n = 0; n < l.length; n++) {
                    l[n] = r.nextInt(100) < holes ? 0 : 1 + r.nextInt(4);
                }
                l[r.nextInt(l.length)] = 1 + r.nextInt(4);
                return new Vol(nx, ny, nz, l);
            });
    }

    @Property(tries = 300)
    void glcmCountsEveryNeighbourPairOnce(@ForAll("volumes") Vol v) {
        PaddedLevels roi = PaddedLevels.compactIndices(v.image(), 2);
        int ng = roi.levelCount();
        int[][] dirs = concat(Neighbourhood.withOpposites(Neighbourhood.ibsiDirections3D(1)), Neighbourhood.ibsiDirections3D(2));
        for (int[] d : dirs) {
            double[] m = new double[ng * ng];
            GlcmFamily.countPairs(roi, d, 0, roi.nz, m);
            long pairs = 0;
            for (int k = 0; k < v.nz(); k++) {
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        if (v.at(i, j, k) > 0 && v.at(i + d[0], j + d[1], k + d[2]) > 0) {
                            pairs++;
                        }
                    }
                }
            }
            assertEquals(pairs, sum(m), 0);
            GlcmFamily.symmetrise(m, ng);
            assertEquals(2 * pairs, sum(m), 0);
        }
    }

    @Property(tries = 300)
    void glrlmRunsCoverEveryRoiVoxelOnce(@ForAll("volumes") Vol v) {
        PaddedLevels roi = PaddedLevels.compactIndices(v.image(), 1);
        int stride = roi.maxDimension() + 1;
        int[] scratch = new int[2 * (roi.levelCount() + 1) * stride];
        for (int[] d : Neighbourhood.withOpposites(Neighbourhood.ibsiDirections3D(1))) {
            int[] m = new int[roi.levelCount() * stride];
            GlrlmFamily.countRuns(roi, d, 0, roi.nz, m, stride, scratch);
            long covered = 0;
            long runs = 0;
            for (int n = 0; n < m.length; n++) {
                covered += (long) (n % stride) * m[n];
                runs += m[n];
            }
            assertEquals(roi.voxelCount, covered, "sum of run lengths = ROI voxels");
            long starts = 0; // brute force: ROI voxels whose predecessor along d has another level
            for (int k = 0; k < v.nz(); k++) {
                for (int j = 0; j < v.ny(); j++) {
                    for (int i = 0; i < v.nx(); i++) {
                        int l = v.at(i, j, k);
                        if (l > 0 && v.at(i - d[0], j - d[1], k - d[2]) != l) {
                            starts++;
                        }
                    }
                }
            }
            assertEquals(starts, runs);
        }
    }

    @Property(tries = 150)
    void ibsi3DFeaturesInvariantTo90DegreeRotations(@ForAll("volumes") Vol v) {
        TextureOptions o = TextureOptions.defaults().withAggregations(EnumSet.of(Aggregation.MERGED_3D, Aggregation.AVG_3D));
        Map<String, Double> cm = GLCM.ibsi(v.image(), o);
        Map<String, Double> rlm = GLRLM.ibsi(v.image(), o);
        for (int axis = 0; axis < 3; axis++) {
            Vol r = v.rotate(axis);
            assertClose(cm, GLCM.ibsi(r.image(), o), 1e-12);
            assertClose(rlm, GLRLM.ibsi(r.image(), o), 1e-12);
        }
        // four quarter turns give the volume back
        Vol back = v.rotate(2).rotate(2).rotate(2).rotate(2);
        assertEquals(java.util.Arrays.toString(v.levels()), java.util.Arrays.toString(back.levels()));
    }

    @Property(tries = 150)
    void featuresInvariantToTranslationInALargerGrid(@ForAll("volumes") Vol v) {
        Random r = new Random(v.levels().length * 31L + v.nx());
        Vol big = v.embed(r.nextInt(3), r.nextInt(3), r.nextInt(3), 3);
        TextureOptions o = TextureOptions.defaults();
        assertClose(GLCM.ibsi(v.image(), o), GLCM.ibsi(big.image(), o), 0);
        assertClose(GLRLM.ibsi(v.image(), o), GLRLM.ibsi(big.image(), o), 0);
        assertClose(GLCM.pyradiomics(v.image(), o), GLCM.pyradiomics(big.image(), o), 0);
        assertClose(GLRLM.pyradiomics(v.image(), o), GLRLM.pyradiomics(big.image(), o), 0);
    }

    private static void assertClose(Map<String, Double> expected, Map<String, Double> actual, double rel) {
        assertEquals(expected.keySet(), actual.keySet());
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            double x = e.getValue();
            double y = actual.get(e.getKey());
            if (Double.isNaN(x)) {
                assertTrue(Double.isNaN(y), e.getKey() + ": expected NaN, got " + y);
            } else {
                assertEquals(x, y, rel * Math.max(1, Math.abs(x)), e.getKey());
            }
        }
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double sum(double[] m) {
        double s = 0;
        for (double x : m) {
            s += x;
        }
        return s;
    }
}
