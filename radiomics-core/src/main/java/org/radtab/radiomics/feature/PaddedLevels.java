package org.radtab.radiomics.feature;

import java.util.Arrays;
import org.radtab.radiomics.math.WorkArrays;

/**
 * A grey-level grid prepared for neighbour look-ups: a box of the {@link GreyLevelImage} grid
 * with a border of {@code pad} voxels on every face that reads as "outside the ROI", so that a
 * neighbour at Chebyshev distance up to {@code pad} is found by adding a fixed flat step
 * ({@link #step}, {@link #steps}), without bounds checks. Only the box is traversed.
 *
 * <p>Three encodings of the voxels, chosen by the factory:
 * <ul>
 *   <li>{@link #compactIndices(GreyLevelImage, int)} (GLCM, GLRLM): the box is the bounding box
 *       of the ROI voxels (level &gt; 0), and each ROI voxel holds the index of its level among
 *       the levels present ({@link #levels}, ascending: 0 for the lowest present level); outside
 *       reads {@code -1}. Matrices are then sized to the levels present, and the result does not
 *       depend on where the ROI lies in a larger grid. PyRadiomics crops to the same bounding box;
 *       its angle size limit uses {@link #boxSize()}.</li>
 *   <li>{@link #levels(GreyLevelImage, int)} (GLSZM, GLDZM, NGTDM, NGLDM): the whole image grid
 *       with the grey levels themselves; outside reads {@code 0}.</li>
 *   <li>{@link #mask(GreyLevelImage, boolean[], int)} (GLDZM's morphological mask): the whole
 *       image grid, 1 inside the mask, 0 outside.</li>
 * </ul>
 *
 * <p>The grids of {@link #compactIndices} and {@link #levels} are kept with the image and shared
 * by the families computed on it (one build per derived image and padding): callers must not
 * modify {@link #values}.
 *
 * <p>Padded flat index of box voxel (i, j, k), each counted from the box corner:
 * {@code (i + pad) + sy (j + pad) + sz (k + pad)} with {@code sy = nx + 2 pad},
 * {@code sz = sy (ny + 2 pad)}.
 */
final class PaddedLevels {
    /** Box size (without padding). */
    final int nx;
    final int ny;
    final int nz;
    /** Padding width. */
    final int pad;
    /** Row stride (padded nx). */
    final int sy;
    /** Slice stride (padded nx * padded ny). */
    final int sz;
    /** Lower corner of the box in the image grid. */
    final int[] origin;
    /** Padded voxel values in the factory's encoding. */
    final int[] values;
    /** {@link #compactIndices}: the grey level of each compact index, ascending; otherwise null. */
    final int[] levels;
    /** Number of ROI (or mask) voxels. */
    final int voxelCount;
    /** {@link #sameLevelMasks}: the last masks built, with their steps (one object, so a racing reader sees a matching pair). */
    private volatile SameLevelMasks masks;

    private record SameLevelMasks(int[] steps, int[] masks) {
    }

    private PaddedLevels(int[] origin, int[] size, int pad, int[] levels, int voxelCount, int outside) {
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, was " + pad);
        }
        this.origin = origin;
        this.nx = size[0];
        this.ny = size[1];
        this.nz = size[2];
        this.pad = pad;
        this.sy = nx + 2 * pad;
        this.sz = sy * (ny + 2 * pad);
        long total = (long) sz * (nz + 2 * pad);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " is too large for padding by " + pad);
        }
        // returned by release()
        this.values = outside == 0 ? WorkArrays.zeroedInts((int) total) : WorkArrays.ints((int) total);
        if (outside != 0) {
            Arrays.fill(values, outside);
        }
        this.levels = levels;
        this.voxelCount = voxelCount;
    }

    /**
     * The ROI's bounding box with compact level indices, -1 outside (see the class comment).
     *
     * @throws IllegalArgumentException if the image has no ROI voxel
     */
    static PaddedLevels compactIndices(GreyLevelImage image, int pad) {
        PaddedLevels cached = image.compactCache;
        if (cached != null && cached.pad == pad) {
            return cached;
        }
        PaddedLevels p = buildCompactIndices(image, pad);
        image.compactCache = p;
        return p;
    }

    private static PaddedLevels buildCompactIndices(GreyLevelImage image, int pad) {
        int[] lv = image.levels();
        int inx = image.nx();
        int iny = image.ny();
        int inz = image.nz();
        int count = image.roiVoxelCount();
        if (count == 0) {
            throw new IllegalArgumentException("the grey-level image has no ROI voxel (all levels are 0)");
        }
        // levels present (entry 0 marks the voxels outside and is ignored)
        boolean[] present = new boolean[image.maxLevelPresent() + 1];
        for (int l : lv) {
            present[l] = true;
        }
        // bounding box: per row, the first and the last ROI voxel
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        for (int k = 0; k < inz; k++) {
            for (int j = 0; j < iny; j++) {
                int row = inx * (j + iny * k);
                int first = 0;
                while (first < inx && lv[row + first] == 0) {
                    first++;
                }
                if (first == inx) {
                    continue;
                }
                int last = inx - 1;
                while (lv[row + last] == 0) {
                    last--;
                }
                lo[0] = Math.min(lo[0], first);
                hi[0] = Math.max(hi[0], last);
                lo[1] = Math.min(lo[1], j);
                hi[1] = Math.max(hi[1], j);
                lo[2] = Math.min(lo[2], k);
                hi[2] = Math.max(hi[2], k);
            }
        }
        // compact index of each level; level 0 (outside) maps to -1
        int[] toIndex = new int[present.length];
        toIndex[0] = -1;
        int ng = 0;
        for (int l = 1; l < present.length; l++) {
            toIndex[l] = present[l] ? ng++ : -1;
        }
        int[] levels = new int[ng];
        for (int l = 1; l < present.length; l++) {
            if (present[l]) {
                levels[toIndex[l]] = l;
            }
        }
        int[] size = {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
        PaddedLevels p = new PaddedLevels(lo, size, pad, levels, count, -1);
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                int src = lo[0] + inx * (lo[1] + j + iny * (lo[2] + k));
                int dst = p.index(0, j, k);
                for (int i = 0; i < size[0]; i++) {
                    p.values[dst + i] = toIndex[lv[src + i]];
                }
            }
        }
        return p;
    }

    /** The levels of {@code image} (0 outside the ROI) on its whole grid, padded by {@code pad}. */
    static PaddedLevels levels(GreyLevelImage image, int pad) {
        PaddedLevels cached = image.levelsCache;
        if (cached != null && cached.pad == pad) {
            return cached;
        }
        PaddedLevels p = new PaddedLevels(new int[3], image.size(), pad, null, image.roiVoxelCount(), 0);
        int[] src = image.levels();
        int nx = image.nx();
        for (int k = 0; k < p.nz; k++) {
            for (int j = 0; j < p.ny; j++) {
                System.arraycopy(src, nx * (j + p.ny * k), p.values, p.index(0, j, k), nx);
            }
        }
        image.levelsCache = p;
        return p;
    }

    /** A 0/1 mask on the whole grid of {@code image}, padded by {@code pad}. */
    static PaddedLevels mask(GreyLevelImage image, boolean[] mask, int pad) {
        if (mask.length != image.levels().length) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, the grey-level image "
                + image.levels().length);
        }
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        PaddedLevels p = new PaddedLevels(new int[3], image.size(), pad, null, count, 0);
        int n = 0;
        for (int k = 0; k < p.nz; k++) {
            for (int j = 0; j < p.ny; j++) {
                int q = p.index(0, j, k);
                for (int i = 0; i < p.nx; i++, n++, q++) {
                    p.values[q] = mask[n] ? 1 : 0;
                }
            }
        }
        return p;
    }

    /** Padded flat index of box voxel (i, j, k), each counted from the box corner. */
    int index(int i, int j, int k) {
        return (i + pad) + sy * (j + pad) + sz * (k + pad);
    }

    /** Flat-index step of an offset {di, dj, dk} ({@code |components| <= pad} for look-ups without bounds checks). */
    int step(int[] d) {
        return d[0] + sy * d[1] + sz * d[2];
    }

    /** Flat steps of {@code offsets}; every offset must lie within the padding. */
    int[] steps(int[][] offsets) {
        int reach = Neighbourhood.reach(offsets);
        if (reach > pad) {
            throw new IllegalArgumentException("offsets reach " + reach + " > padding " + pad);
        }
        int[] s = new int[offsets.length];
        for (int n = 0; n < s.length; n++) {
            s[n] = step(offsets[n]);
        }
        return s;
    }

    /**
     * {@link ZoneLabeller#sameLevelMasks} of this grid for {@code steps}, computed once and shared
     * by the families that use the same steps (GLSZM's zones, GLDM's dependence with alpha 0);
     * callers must not modify the result.
     */
    int[] sameLevelMasks(int[] steps) {
        SameLevelMasks cached = masks;
        if (cached == null || !Arrays.equals(cached.steps(), steps)) {
            cached = new SameLevelMasks(steps.clone(), ZoneLabeller.sameLevelMasks(this, steps));
            masks = cached;
        }
        return cached.masks();
    }

    /**
     * Hands this grid's work arrays (its values and same-level masks) back to the thread's pool of
     * {@link WorkArrays}; the grid must not be used afterwards.
     */
    void release() {
        SameLevelMasks m = masks;
        masks = null;
        if (m != null) {
            WorkArrays.give(m.masks());
        }
        WorkArrays.give(values);
    }

    /** {@link #compactIndices}: number of grey levels present. */
    int levelCount() {
        return levels.length;
    }

    /** Box size {nx, ny, nz}. */
    int[] boxSize() {
        return new int[] {nx, ny, nz};
    }

    /** Largest box dimension (the longest possible run along an axis). */
    int maxDimension() {
        return Math.max(nx, Math.max(ny, nz));
    }

    /** Number of ROI voxels (level &gt; 0) in each slice k of {@code image}. */
    static int[] roiVoxelsPerSlice(GreyLevelImage image) {
        int[] count = new int[image.nz()];
        int[] levels = image.levels();
        int perSlice = image.nx() * image.ny();
        for (int n = 0; n < levels.length; n++) {
            if (levels[n] > 0) {
                count[n / perSlice]++;
            }
        }
        return count;
    }

    /** Throws when {@code image} has no ROI voxel. */
    static void requireRoi(GreyLevelImage image, String family) {
        if (image.roiVoxelCount() == 0) {
            throw new IllegalArgumentException("the grey-level image has no ROI voxel (all levels 0): no " + family
                + " features");
        }
    }
}
