package org.radtab.radiomics.feature;

/**
 * The ROI of a {@link GreyLevelImage} prepared for texture matrices: cropped to the bounding box
 * of its voxels (level > 0), padded by {@code pad} outside voxels on every side, with each ROI
 * voxel's level replaced by the index of that level among the levels present (0 for the lowest
 * present level, -1 outside the ROI).
 *
 * <p>Matrices are therefore sized to the levels present, and neighbour look-ups up to
 * {@code pad} voxels away need no bounds checks (the padding reads -1). Only the bounding box is
 * traversed, so the result does not depend on where the ROI lies in a larger grid. PyRadiomics
 * crops to the same bounding box, and its angle size limit uses {@link #boxSize()}.
 */
final class RoiLevels {
    /** Compact level index per padded-box voxel, -1 outside the ROI; flat index {@link #at}. */
    final int[] index;
    /** Level values present in the ROI, ascending: {@code levels[index]} is the grey level. */
    final int[] levels;
    /** Bounding-box size {nx, ny, nz} (without padding). */
    final int nx;
    final int ny;
    final int nz;
    /** Padding width and padded sizes. */
    final int pad;
    final int px;
    final int py;
    final int pz;
    /** Number of ROI voxels. */
    final int voxelCount;
    /** Lower corner of the bounding box in the source image. */
    final int[] origin;

    private RoiLevels(int[] index, int[] levels, int[] origin, int[] size, int pad, int voxelCount) {
        this.index = index;
        this.levels = levels;
        this.origin = origin;
        this.nx = size[0];
        this.ny = size[1];
        this.nz = size[2];
        this.pad = pad;
        this.px = nx + 2 * pad;
        this.py = ny + 2 * pad;
        this.pz = nz + 2 * pad;
        this.voxelCount = voxelCount;
    }

    /**
     * @throws IllegalArgumentException if the image has no ROI voxel
     */
    static RoiLevels of(GreyLevelImage image, int pad) {
        if (pad < 0) {
            throw new IllegalArgumentException("pad must be >= 0, was " + pad);
        }
        int[] lv = image.levels();
        int inx = image.nx();
        int iny = image.ny();
        int inz = image.nz();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        boolean[] present = new boolean[image.maxLevelPresent() + 1];
        int count = 0;
        int n = 0;
        for (int k = 0; k < inz; k++) {
            for (int j = 0; j < iny; j++) {
                for (int i = 0; i < inx; i++, n++) {
                    int l = lv[n];
                    if (l > 0) {
                        present[l] = true;
                        count++;
                        if (i < lo[0]) { lo[0] = i; }
                        if (i > hi[0]) { hi[0] = i; }
                        if (j < lo[1]) { lo[1] = j; }
                        if (j > hi[1]) { hi[1] = j; }
                        if (k < lo[2]) { lo[2] = k; }
                        if (k > hi[2]) { hi[2] = k; }
                    }
                }
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the grey-level image has no ROI voxel (all levels are 0)");
        }
        int[] toIndex = new int[present.length];
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
        int px = size[0] + 2 * pad;
        int py = size[1] + 2 * pad;
        int pz = size[2] + 2 * pad;
        int[] index = new int[Math.multiplyExact(Math.multiplyExact(px, py), pz)];
        java.util.Arrays.fill(index, -1);
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                int src = lo[0] + inx * (lo[1] + j + iny * (lo[2] + k));
                int dst = pad + px * (pad + j + py * (pad + k));
                for (int i = 0; i < size[0]; i++) {
                    int l = lv[src + i];
                    if (l > 0) {
                        index[dst + i] = toIndex[l];
                    }
                }
            }
        }
        return new RoiLevels(index, levels, lo, size, pad, count);
    }

    /** Number of grey levels present. */
    int levelCount() {
        return levels.length;
    }

    /** Bounding-box size {nx, ny, nz}. */
    int[] boxSize() {
        return new int[] {nx, ny, nz};
    }

    /** Largest bounding-box dimension (the longest possible run along an axis). */
    int maxDimension() {
        return Math.max(nx, Math.max(ny, nz));
    }

    /** Flat index in {@link #index} of bounding-box voxel (i, j, k), each counted from the box corner. */
    int at(int i, int j, int k) {
        return (i + pad) + px * ((j + pad) + py * (k + pad));
    }

    /** Flat-index step of an offset {di, dj, dk} ({@code |components| <= pad} for look-ups without bounds checks). */
    int step(int[] d) {
        return d[0] + px * (d[1] + py * d[2]);
    }

    /** Number of ROI voxels in bounding-box slice k. */
    int sliceVoxelCount(int k) {
        int c = 0;
        for (int j = 0; j < ny; j++) {
            int base = at(0, j, k);
            for (int i = 0; i < nx; i++) {
                if (index[base + i] >= 0) {
                    c++;
                }
            }
        }
        return c;
    }
}
