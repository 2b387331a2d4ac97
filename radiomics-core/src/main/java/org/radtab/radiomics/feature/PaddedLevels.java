package org.radtab.radiomics.feature;

/**
 * A copy of a grey-level grid with a border of {@code pad} zero voxels on every face, so that a
 * neighbour at Chebyshev distance up to {@code pad} is found by adding a fixed flat step,
 * without bounds checks: a voxel outside the original grid reads as 0, i.e. outside the ROI,
 * which is how every texture family treats it.
 *
 * <p>Padded flat index {@code (i + pad) + sx (j + pad) + sz (k + pad)} with
 * {@code sx = nx + 2 pad}, {@code sz = sx (ny + 2 pad)}.
 */
final class PaddedLevels {
    final int nx;
    final int ny;
    final int nz;
    final int pad;
    /** Row stride (padded nx). */
    final int sy;
    /** Slice stride (padded nx * padded ny). */
    final int sz;
    /** Padded values, 0 = outside the ROI or the grid. */
    final int[] values;

    private PaddedLevels(int nx, int ny, int nz, int pad) {
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.pad = pad;
        this.sy = nx + 2 * pad;
        this.sz = sy * (ny + 2 * pad);
        long total = (long) sz * (nz + 2 * pad);
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid " + nx + "x" + ny + "x" + nz + " is too large for padding by " + pad);
        }
        this.values = new int[(int) total];
    }

    /** The levels of {@code image} (0 outside the ROI), padded by {@code pad}. */
    static PaddedLevels of(GreyLevelImage image, int pad) {
        PaddedLevels p = new PaddedLevels(image.nx(), image.ny(), image.nz(), pad);
        int[] src = image.levels();
        int nx = image.nx();
        for (int k = 0; k < p.nz; k++) {
            for (int j = 0; j < p.ny; j++) {
                System.arraycopy(src, nx * (j + p.ny * k), p.values, p.index(0, j, k), nx);
            }
        }
        return p;
    }

    /** A 0/1 mask on the grid of {@code image}, padded by {@code pad}. */
    static PaddedLevels ofMask(GreyLevelImage image, boolean[] mask, int pad) {
        if (mask.length != image.levels().length) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, the grey-level image "
                + image.levels().length);
        }
        PaddedLevels p = new PaddedLevels(image.nx(), image.ny(), image.nz(), pad);
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

    /** Padded flat index of original voxel (i, j, k). */
    int index(int i, int j, int k) {
        return (i + pad) + sy * (j + pad) + sz * (k + pad);
    }

    /** Flat steps of {@code offsets}; every offset must lie within the padding. */
    int[] steps(int[][] offsets) {
        if (Neighbourhood.reach(offsets) > pad) {
            throw new IllegalArgumentException("offsets reach " + Neighbourhood.reach(offsets) + " > padding " + pad);
        }
        int[] s = new int[offsets.length];
        for (int n = 0; n < s.length; n++) {
            s[n] = offsets[n][0] + sy * offsets[n][1] + sz * offsets[n][2];
        }
        return s;
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
