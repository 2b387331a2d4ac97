package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Properties of GLSZM, GLDZM, NGTDM and NGLDM/GLDM on random small ROIs: matrix sums equal voxel
 * counts (counted independently here), and features are invariant to 90-degree rotations and to
 * translation inside a larger grid.
 */
class ZoneFamiliesPropertiesTest {

    /** A random ROI: levels 0 (outside) .. 4 on a grid of 1..5 voxels per axis, plus a morphological superset. */
    record Roi(GreyLevelImage image, boolean[] morphology) {
        @Override
        public String toString() {
            return "Roi" + Arrays.toString(image.size()) + Arrays.toString(image.levels());
        }
    }

    @Provide
    Arbitrary<Roi> rois() {
        Arbitrary<Integer> side = Arbitraries.integers().between(1, 5);
        return Combinators.combine(side, side, side).flatAs((nx, ny, nz) -> {
            int n = nx * ny * nz;
            Arbitrary<int[]> levels = Arbitraries.integers().between(0, 4).array(int[].class).ofSize(n)
                .filter(a -> Arrays.stream(a).anyMatch(v -> v > 0));
            Arbitrary<boolean[]> extra = Arbitraries.of(true, false).array(boolean[].class).ofSize(n);
            return Combinators.combine(levels, extra).as((l, e) -> {
                boolean[] morph = new boolean[n];
                for (int q = 0; q < n; q++) {
                    morph[q] = l[q] > 0 || e[q];
                }
                return new Roi(image(nx, ny, nz, l), morph);
            });
        });
    }

    static GreyLevelImage image(int nx, int ny, int nz, int... levels) {
        int max = Arrays.stream(levels).max().orElse(0);
        return new GreyLevelImage(levels, new int[] {nx, ny, nz}, new double[] {1, 1, 1}, Math.max(max, 1));
    }

    // ---- matrix sums ------------------------------------------------------------------------

    @Property(tries = 300)
    void zoneSizesSumToTheRoiVoxels(@ForAll("rois") Roi roi) {
        GreyLevelImage img = roi.image();
        for (int fixed : new int[] {Neighbourhood.NONE, 0, 1, 2}) {
            ZoneLabeller.Zones zones = GlszmFamily.zones(img, fixed);
            LevelCountMatrix m = GlszmFamily.matrix(zones, 0, zones.count, img.roiVoxelCount());
            assertEquals(countRoi(img), m.sumOverColumns(j -> j), 0.0);
        }
        // per slice (IBSI 2D): zones of slice k cover exactly the ROI voxels of slice k
        ZoneLabeller.Zones zones = GlszmFamily.zones(img, Neighbourhood.SLICE_AXIS);
        int[] start = zones.sliceStarts(img.nz());
        for (int k = 0; k < img.nz(); k++) {
            long covered = 0;
            for (int z = start[k]; z < start[k + 1]; z++) {
                covered += zones.size[z];
            }
            assertEquals(countRoiInSlice(img, k), covered);
        }
    }

    /**
     * The zones equal those of a plain breadth-first flood fill written here (seeds in flat-index
     * order, neighbours by coordinates), in the same order, with the same level, size, slice and
     * minimum distance.
     */
    @Property(tries = 300)
    void zonesEqualAFloodFill(@ForAll("rois") Roi roi) {
        GreyLevelImage img = roi.image();
        PaddedLevels mask = PaddedLevels.mask(img, roi.morphology(), 1);
        for (int fixed : new int[] {Neighbourhood.NONE, 0, 1, 2}) {
            int[] distance = GldzmFamily.distanceMap(mask, Neighbourhood.NONE);
            ZoneLabeller.Zones zones = ZoneLabeller.label(PaddedLevels.levels(img, 1),
                Neighbourhood.chebyshevBall(1, fixed), distance);
            List<int[]> expected = floodFill(img, fixed, mask, distance);
            assertEquals(expected.size(), zones.count, "zone count, fixed axis " + fixed);
            for (int z = 0; z < zones.count; z++) {
                int[] e = expected.get(z);
                assertEquals(Arrays.toString(e), Arrays.toString(new int[] {zones.level[z], zones.size[z],
                    zones.slice[z], zones.distance[z]}), "zone " + z + ", fixed axis " + fixed);
            }
        }
    }

    /** {level, size, slice of the seed, min distance} per zone, seeds in flat-index order. */
    private static List<int[]> floodFill(GreyLevelImage img, int fixedAxis, PaddedLevels mask, int[] distance) {
        int nx = img.nx();
        int ny = img.ny();
        int nz = img.nz();
        int[] lv = img.levels();
        boolean[] seen = new boolean[lv.length];
        List<int[]> out = new java.util.ArrayList<>();
        for (int seed = 0; seed < lv.length; seed++) {
            if (lv[seed] == 0 || seen[seed]) {
                continue;
            }
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(seed));
            seen[seed] = true;
            int size = 0;
            int minDistance = Integer.MAX_VALUE;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                size++;
                int i = v % nx;
                int j = v / nx % ny;
                int k = v / (nx * ny);
                minDistance = Math.min(minDistance, distance[mask.index(i, j, k)]);
                for (int dk = -1; dk <= 1; dk++) {
                    for (int dj = -1; dj <= 1; dj++) {
                        for (int di = -1; di <= 1; di++) {
                            int[] d = {di, dj, dk};
                            if ((di == 0 && dj == 0 && dk == 0) || (fixedAxis >= 0 && d[fixedAxis] != 0)) {
                                continue;
                            }
                            int a = i + di;
                            int b = j + dj;
                            int c = k + dk;
                            if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) {
                                continue;
                            }
                            int w = a + nx * (b + ny * c);
                            if (!seen[w] && lv[w] == lv[seed]) {
                                seen[w] = true;
                                queue.add(w);
                            }
                        }
                    }
                }
            }
            out.add(new int[] {lv[seed], size, seed / (nx * ny), minDistance});
        }
        return out;
    }

    /**
     * NGTDM neighbour sums and counts (box sums or one pass per offset) equal a plain sum over the
     * offsets, voxel by voxel, for box and non-box neighbourhoods in 3D and in planes.
     */
    @Property(tries = 200)
    void ngtdmNeighbourSumsEqualAPlainSum(@ForAll("rois") Roi roi) {
        GreyLevelImage img = roi.image();
        int[][][] neighbourhoods = {
            Neighbourhood.chebyshevBall(1, Neighbourhood.NONE), Neighbourhood.chebyshevBall(1, Neighbourhood.SLICE_AXIS),
            Neighbourhood.chebyshevShells(new int[] {1, 2}, Neighbourhood.NONE),
            Neighbourhood.chebyshevShells(new int[] {2}, Neighbourhood.NONE), Neighbourhood.chebyshevBall(1, 0),
            Neighbourhood.faceNeighbours(Neighbourhood.NONE)};
        for (int[][] offsets : neighbourhoods) {
            PaddedLevels grid = PaddedLevels.levels(img, Math.max(1, Neighbourhood.reach(offsets)));
            NgtdmFamily.NeighbourSums sums = new NgtdmFamily.NeighbourSums(grid, offsets);
            for (int k = 0; k < img.nz(); k++) {
                sums.slice(k);
                int plane = (k + grid.pad) * grid.sz;
                for (int j = 0; j < img.ny(); j++) {
                    for (int i = 0; i < img.nx(); i++) {
                        int sum = 0;
                        int count = 0;
                        for (int[] m : offsets) {
                            int a = i + m[0];
                            int b = j + m[1];
                            int c = k + m[2];
                            if (a >= 0 && b >= 0 && c >= 0 && a < img.nx() && b < img.ny() && c < img.nz()) {
                                int l = img.level(a, b, c);
                                sum += l;
                                count += l > 0 ? 1 : 0;
                            }
                        }
                        int q = grid.index(i, j, k) - plane;
                        assertEquals(sum, sums.sum[q], "sum at " + i + "," + j + "," + k);
                        assertEquals(count, sums.count[q], "count at " + i + "," + j + "," + k);
                    }
                }
            }
        }
    }

    @Property(tries = 300)
    void dependenceMatrixCountsEveryRoiVoxel(@ForAll("rois") Roi roi, @ForAll @IntRange(min = 0, max = 3) int alpha) {
        GreyLevelImage img = roi.image();
        List<LevelCountMatrix> units = NgldmFamily.build(img, Neighbourhood.chebyshevBall(1, Neighbourhood.SLICE_AXIS),
            alpha, true);
        assertEquals(countRoi(img), units.get(0).total(), 0.0);
        for (int k = 0; k < img.nz(); k++) {
            assertEquals(countRoiInSlice(img, k), units.get(k + 1).total(), 0.0);
        }
        LevelCountMatrix shells = NgldmFamily.build(img, Neighbourhood.chebyshevShells(new int[] {1, 2}, -1), alpha, false)
            .get(0);
        assertEquals(countRoi(img), shells.total(), 0.0);
        assertEquals(1.0, NgldmFamily.dependenceCountPercentage(shells), 0.0);
    }

    /**
     * Alpha 0 takes the same-level bits of the zone labelling; the whole-image matrix of the
     * per-slice call still counts with the plain neighbour comparison. Both must agree cell for cell
     * (compared through sums with weights that separate the cells).
     */
    @Property(tries = 300)
    void dependenceFromSameLevelBitsEqualsThePlainComparison(@ForAll("rois") Roi roi, @ForAll boolean inPlane) {
        GreyLevelImage img = roi.image();
        int[][] offsets = Neighbourhood.chebyshevBall(1, inPlane ? Neighbourhood.SLICE_AXIS : Neighbourhood.NONE);
        LevelCountMatrix fast = NgldmFamily.build(img, offsets, 0, false).get(0);
        LevelCountMatrix plain = NgldmFamily.build(img, offsets, 0, true).get(0);
        assertEquals(plain.total(), fast.total(), 0.0);
        assertEquals(plain.levelCount(), fast.levelCount());
        for (int w = 1; w <= 3; w++) {
            final int m = w;
            java.util.function.DoubleBinaryOperator weight = (l, c) -> Math.sin(m * (l * 97.0 + c * 13.0));
            assertEquals(plain.sumOverCells(weight), fast.sumOverCells(weight), 1e-9);
        }
    }

    @Property(tries = 300)
    void ngtdmCountsEveryVoxelInPyradiomicsAndValidNeighbourhoodsInIbsi(@ForAll("rois") Roi roi) {
        GreyLevelImage img = roi.image();
        int[][] offsets = Neighbourhood.chebyshevBall(1, Neighbourhood.NONE);
        assertEquals(countRoi(img), NgtdmFamily.build(img, offsets, true, false).get(0).total, 0.0);
        assertEquals(countWithRoiNeighbour(img), NgtdmFamily.build(img, offsets, false, false).get(0).total, 0.0);
    }

    @Property(tries = 200)
    void countMatrixSumsEqualSumsOverThePairs(@ForAll("pairs") int[][] pairs) {
        int[] rows = pairs[0];
        int[] cols = pairs[1];
        int n = rows.length;
        double sumF = 0;
        double sumRow = 0;
        double sumCol = 0;
        for (int q = 0; q < n; q++) {
            sumF += rows[q] * 7919.0 + cols[q] + (double) rows[q] * cols[q];
            sumRow += rows[q];
            sumCol += cols[q];
        }
        for (LevelCountMatrix m : List.of(LevelCountMatrix.fromPairs(rows, cols, 0, n, n),
            LevelCountMatrix.fromSortedPairs(rows, cols, 0, n, n))) {
            assertEquals(n, m.total(), 0.0);
            assertEquals(sumF, m.sumOverCells((i, j) -> i * 7919.0 + j + i * j), 1e-6 * Math.max(1, sumF));
            assertEquals(sumRow, m.sumOverLevels(i -> i), 1e-9 * Math.max(1, sumRow));
            assertEquals(sumCol, m.sumOverColumns(j -> j), 1e-9 * Math.max(1, sumCol));
        }
    }

    @Provide
    Arbitrary<int[][]> pairs() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> Combinators.combine(
            Arbitraries.integers().between(1, 60).array(int[].class).ofSize(n),
            Arbitraries.integers().between(0, 1_000_000).array(int[].class).ofSize(n)).as((r, c) -> new int[][] {r, c}));
    }

    // ---- invariances -----------------------------------------------------------------------

    @Property(tries = 300)
    void threeDimensionalFeaturesAreInvariantToRightAngleRotations(@ForAll("rois") Roi roi,
                                                                    @ForAll @IntRange(min = 0, max = 2) int axis,
                                                                    @ForAll @IntRange(min = 1, max = 3) int turns) {
        Roi rotated = roi;
        for (int t = 0; t < turns; t++) {
            rotated = rotate(rotated, axis);
        }
        TextureOptions options3d = TextureOptions.defaults().withAggregations(EnumSet.of(Aggregation.AVG_3D));
        assertSame(features(roi, options3d, false), features(rotated, options3d, false));
        if (axis == 2) {
            // rotations within the slice plane keep every aggregation, and PyRadiomics' force2D
            TextureOptions all = TextureOptions.defaults();
            assertSame(features(roi, all, true), features(rotated, all, true));
        }
    }

    @Property(tries = 300)
    void featuresAreInvariantToTranslationInALargerGrid(@ForAll("rois") Roi roi,
                                                        @ForAll @IntRange(min = 0, max = 3) int ox,
                                                        @ForAll @IntRange(min = 0, max = 3) int oy,
                                                        @ForAll @IntRange(min = 0, max = 3) int oz,
                                                        @ForAll @IntRange(min = 0, max = 2) int extra) {
        Roi moved = embed(roi, ox, oy, oz, extra);
        TextureOptions all = TextureOptions.defaults();
        assertSame(features(roi, all, true), features(moved, all, true));
    }

    /** Every IBSI and PyRadiomics value of the four families, keyed by name. */
    private static Map<String, Double> features(Roi roi, TextureOptions options, boolean force2D) {
        Map<String, Double> out = new LinkedHashMap<>();
        GreyLevelImage img = roi.image();
        TextureFamily[] families = {new GlszmFamily(), new NgtdmFamily(), new NgldmFamily()};
        for (TextureFamily f : families) {
            out.putAll(f.ibsi(img, options));
            f.pyradiomics(img, options.withForce2D(false, 0)).forEach((k, v) -> out.put("py3d_" + k, v));
            if (force2D) {
                f.pyradiomics(img, options.withForce2D(true, 0)).forEach((k, v) -> out.put("py2d_" + k, v));
            }
        }
        out.putAll(new GldzmFamily().ibsi(img, roi.morphology(), options));
        return out;
    }

    private static void assertSame(Map<String, Double> a, Map<String, Double> b) {
        assertEquals(a.keySet(), b.keySet());
        for (Map.Entry<String, Double> e : a.entrySet()) {
            double x = e.getValue();
            double y = b.get(e.getKey());
            boolean same = Double.isNaN(x) ? Double.isNaN(y)
                : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            assertTrue(same, e.getKey() + ": " + x + " vs " + y);
        }
    }

    /** A quarter turn about {@code axis} (0 = x, 1 = y, 2 = z) of levels and morphology. */
    static Roi rotate(Roi roi, int axis) {
        GreyLevelImage img = roi.image();
        int nx = img.nx();
        int ny = img.ny();
        int nz = img.nz();
        int[] size;
        switch (axis) {
            case 0: size = new int[] {nx, nz, ny}; break;
            case 1: size = new int[] {nz, ny, nx}; break;
            default: size = new int[] {ny, nx, nz}; break;
        }
        int[] levels = new int[img.levels().length];
        boolean[] morph = new boolean[levels.length];
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int[] t;
                    switch (axis) {
                        case 0: t = new int[] {i, k, ny - 1 - j}; break;
                        case 1: t = new int[] {nz - 1 - k, j, i}; break;
                        default: t = new int[] {j, nx - 1 - i, k}; break;
                    }
                    int src = i + nx * (j + ny * k);
                    int dst = t[0] + size[0] * (t[1] + size[1] * t[2]);
                    levels[dst] = img.levels()[src];
                    morph[dst] = roi.morphology()[src];
                }
            }
        }
        return new Roi(new GreyLevelImage(levels, size, new double[] {1, 1, 1}, img.numLevels()), morph);
    }

    /** The ROI placed at offset (ox, oy, oz) in a grid larger by {@code extra} beyond it on every axis. */
    static Roi embed(Roi roi, int ox, int oy, int oz, int extra) {
        GreyLevelImage img = roi.image();
        int[] size = {img.nx() + ox + extra, img.ny() + oy + extra, img.nz() + oz + extra};
        int[] levels = new int[size[0] * size[1] * size[2]];
        boolean[] morph = new boolean[levels.length];
        for (int k = 0; k < img.nz(); k++) {
            for (int j = 0; j < img.ny(); j++) {
                for (int i = 0; i < img.nx(); i++) {
                    int src = i + img.nx() * (j + img.ny() * k);
                    int dst = (i + ox) + size[0] * ((j + oy) + size[1] * (k + oz));
                    levels[dst] = img.levels()[src];
                    morph[dst] = roi.morphology()[src];
                }
            }
        }
        return new Roi(new GreyLevelImage(levels, size, new double[] {1, 1, 1}, img.numLevels()), morph);
    }

    private static long countRoi(GreyLevelImage img) {
        return Arrays.stream(img.levels()).filter(v -> v > 0).count();
    }

    private static long countRoiInSlice(GreyLevelImage img, int k) {
        long c = 0;
        for (int j = 0; j < img.ny(); j++) {
            for (int i = 0; i < img.nx(); i++) {
                if (img.level(i, j, k) > 0) {
                    c++;
                }
            }
        }
        return c;
    }

    /** ROI voxels with at least one of their 26 neighbours in the ROI (direct coordinate checks). */
    private static long countWithRoiNeighbour(GreyLevelImage img) {
        long c = 0;
        for (int k = 0; k < img.nz(); k++) {
            for (int j = 0; j < img.ny(); j++) {
                for (int i = 0; i < img.nx(); i++) {
                    if (img.level(i, j, k) == 0) {
                        continue;
                    }
                    boolean found = false;
                    for (int dz = -1; dz <= 1 && !found; dz++) {
                        for (int dy = -1; dy <= 1 && !found; dy++) {
                            for (int dx = -1; dx <= 1 && !found; dx++) {
                                int x = i + dx;
                                int y = j + dy;
                                int z = k + dz;
                                if ((dx | dy | dz) != 0 && x >= 0 && y >= 0 && z >= 0 && x < img.nx() && y < img.ny()
                                    && z < img.nz() && img.level(x, y, z) > 0) {
                                    found = true;
                                }
                            }
                        }
                    }
                    if (found) {
                        c++;
                    }
                }
            }
        }
        return c;
    }

    // ---- reuse of work arrays ------------------------------------------------------------------

    /**
     * Work arrays handed out by the pool may hold anything: the texture features computed with a
     * pool full of garbage arrays of the grids' sizes equal those computed with an empty pool (every
     * entry a family reads, it has written), and releasing an image's arrays leaves the features of
     * the next image, and of the same image computed again, unchanged.
     */
    @Property(tries = 150)
    void pooledWorkArraysNeverLeakIntoResults(@ForAll("rois") Roi a, @ForAll long seed) {
        GreyLevelImage img = a.image();
        java.util.Random r = new java.util.Random(seed);
        TextureOptions o = TextureOptions.defaults();
        java.util.List<TextureFamily> families = java.util.List.of(new GlcmFamily(), new GlrlmFamily(),
            new GlszmFamily(), new NgtdmFamily(), new NgldmFamily(), new GldzmFamily());
        int compact = PaddedLevels.compactIndices(copy(img), 1).values.length;
        int whole = PaddedLevels.levels(copy(img), 1).values.length;
        for (TextureFamily f : families) {
            WorkArrays.clear();
            String clean = f.pyradiomics(copy(img), o).toString();
            for (int length : new int[] {compact, whole, compact, whole}) {
                int[] garbage = new int[length];
                for (int q = 0; q < length; q++) {
                    garbage[q] = r.nextInt(7) - 2 + (r.nextInt(9) == 0 ? Integer.MIN_VALUE : 0);
                }
                WorkArrays.give(garbage);
            }
            GreyLevelImage one = copy(img);
            assertEquals(clean, f.pyradiomics(one, o).toString(), f.getClass().getSimpleName() + " with a dirty pool");
            one.releaseWorkArrays();
            assertEquals(clean, f.pyradiomics(one, o).toString(), f.getClass().getSimpleName() + " after release");
            one.releaseWorkArrays();
            assertEquals(clean, f.pyradiomics(copy(img), o).toString(), f.getClass().getSimpleName() + " next image");
        }
        WorkArrays.clear();
    }

    private static GreyLevelImage copy(GreyLevelImage g) {
        return new GreyLevelImage(g.levels().clone(), g.size(), g.spacing(), g.numLevels());
    }
}
