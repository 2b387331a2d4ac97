package org.radtab.radiomics.feature;

import org.radtab.radiomics.math.WorkArrays;

/**
 * A discretised ROI: grey level per voxel on a box-shaped grid (usually the ROI bounding box),
 * with 0 for voxels outside the (intensity) ROI and levels {@code 1..numLevels} inside.
 *
 * <p>Flat index {@code i + nx * (j + ny * k)}; i runs along x, k along z (slices). Texture
 * families read this and nothing else. Instances are immutable by convention: do not modify
 * {@link #levels()}.
 */
public final class GreyLevelImage {
    private final int[] levels;
    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacing;
    private final int numLevels;
    private final int maxLevelPresent;
    private final int roiVoxels;
    /**
     * The padded grids last built from this image ({@link PaddedLevels#compactIndices},
     * {@link PaddedLevels#levels}), shared by the texture families computed on it. Read-only once
     * built; a race between threads only builds a grid twice.
     */
    PaddedLevels compactCache;
    PaddedLevels levelsCache;

    /**
     * Drops the padded grids that the texture families built from this image and cached on it,
     * handing their work arrays back for reuse by the next image processed in this thread (a
     * feature extractor does this once all families of an image are done: the derived images of a
     * case have one grid size). The image itself stays valid; a family computed on it afterwards
     * builds its grids again. Do not call it while another thread computes features on this image.
     */
    public void releaseWorkArrays() {
        PaddedLevels c = compactCache;
        PaddedLevels l = levelsCache;
        compactCache = null;
        levelsCache = null;
        if (c != null) {
            c.release();
        }
        if (l != null && l != c) {
            l.release();
        }
    }

    /**
     * @param levels    grey level per voxel, 0 = outside the ROI
     * @param size      {nx, ny, nz}
     * @param spacing   voxel size in mm along x, y, z
     * @param numLevels number of grey levels of the discretisation (IBSI N_g), at least the largest level
     */
    public GreyLevelImage(int[] levels, int[] size, double[] spacing, int numLevels) {
        if (size.length != 3 || spacing.length != 3) {
            throw new IllegalArgumentException("size and spacing need 3 entries");
        }
        if ((long) size[0] * size[1] * size[2] != levels.length) {
            throw new IllegalArgumentException("levels has " + levels.length + " entries for size "
                + size[0] + "x" + size[1] + "x" + size[2]);
        }
        int max = 0;
        int count = 0;
        int any = 0;
        for (int l : levels) { // without a branch per voxel: (-l) >>> 31 is 1 iff l > 0
            any |= l;
            count += (-l) >>> 31;
            max = Math.max(max, l);
        }
        if (any < 0) {
            for (int l : levels) {
                if (l < 0) {
                    throw new IllegalArgumentException("grey levels must be >= 0 (0 = outside), found " + l);
                }
            }
        }
        if (numLevels < max) {
            throw new IllegalArgumentException("numLevels " + numLevels + " < largest level " + max);
        }
        this.levels = levels;
        this.nx = size[0];
        this.ny = size[1];
        this.nz = size[2];
        this.spacing = spacing.clone();
        this.numLevels = numLevels;
        this.maxLevelPresent = max;
        this.roiVoxels = count;
    }

    /** Grey level per voxel (0 = outside); the backing array, do not modify. */
    public int[] levels() { return levels; }

    public int nx() { return nx; }

    public int ny() { return ny; }

    public int nz() { return nz; }

    public int[] size() { return new int[] {nx, ny, nz}; }

    public double[] spacing() { return spacing.clone(); }

    public double spacing(int axis) { return spacing[axis]; }

    public int level(int i, int j, int k) { return levels[i + nx * (j + ny * k)]; }

    /** IBSI N_g: number of levels of the discretisation. */
    public int numLevels() { return numLevels; }

    /** The largest level present in the ROI (PyRadiomics' Ng). */
    public int maxLevelPresent() { return maxLevelPresent; }

    /** Number of voxels with a level > 0. */
    public int roiVoxelCount() { return roiVoxels; }
}
