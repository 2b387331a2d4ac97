package org.radtab.radiomics.feature;

import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.Extremes;
import org.radtab.radiomics.math.WorkArrays;

/**
 * An image region with its two IBSI masks: the <em>morphological</em> mask (the segmentation,
 * used for shape) and the <em>intensity</em> mask (the segmentation after re-segmentation, used
 * for intensity and texture features). Without re-segmentation both are the same array.
 *
 * <p>The region is usually the ROI bounding box (PyRadiomics crops to it); local-intensity
 * features need a margin of image around the ROI, so the region may be larger.
 *
 * <p>The intensities of the intensity mask (and their range) are gathered once, on first use, and
 * shared by the feature families: the image and the masks must not change after construction.
 */
public final class RoiImage {
    private final Volume image;
    private final boolean[] morphologicalMask;
    private final boolean[] intensityMask;
    /** The flat indices of the intensity-mask voxels, shared by the regions made with {@link #withImage}. */
    private final MaskIndex index;

    public RoiImage(Volume image, boolean[] morphologicalMask, boolean[] intensityMask) {
        this(image, morphologicalMask, intensityMask, new MaskIndex());
    }

    private RoiImage(Volume image, boolean[] morphologicalMask, boolean[] intensityMask, MaskIndex index) {
        int n = image.geometry().voxelCount();
        if (morphologicalMask.length != n || intensityMask.length != n) {
            throw new IllegalArgumentException("mask sizes must equal the image's voxel count " + n);
        }
        this.image = image;
        this.morphologicalMask = morphologicalMask;
        this.intensityMask = intensityMask;
        this.index = index;
    }

    /**
     * The same masks on another image of the same grid size (a filter response of this region's
     * image): the masks and their voxel index are shared, not rebuilt.
     *
     * @throws IllegalArgumentException if {@code other} has another grid size
     */
    public RoiImage withImage(Volume other) {
        if (!java.util.Arrays.equals(other.geometry().size(), image.geometry().size())) {
            throw new IllegalArgumentException("image grid " + java.util.Arrays.toString(other.geometry().size())
                + " differs from the region's " + java.util.Arrays.toString(image.geometry().size()));
        }
        return new RoiImage(other, morphologicalMask, intensityMask, index);
    }

    /** A region whose morphological and intensity masks are the same. */
    public RoiImage(Volume image, boolean[] mask) {
        this(image, mask, mask);
    }

    public Volume image() { return image; }

    public Geometry geometry() { return image.geometry(); }

    /** Voxels of the segmentation (shape); the backing array, do not modify. */
    public boolean[] morphologicalMask() { return morphologicalMask; }

    /** Voxels used for intensity and texture features; the backing array, do not modify. */
    public boolean[] intensityMask() { return intensityMask; }

    /** Intensities of the intensity-mask voxels, in flat-index order (a new array). */
    public double[] intensityValues() {
        return intensity().values.clone();
    }

    /** Number of voxels in the intensity mask. */
    public int intensityVoxelCount() {
        return intensityVoxelIndices().length;
    }

    /**
     * Flat indices of the intensity-mask voxels, ascending (built once per mask and shared with
     * the regions made by {@link #withImage}); the backing array, do not modify.
     */
    public int[] intensityVoxelIndices() {
        int[] cached = index.positions;
        if (cached != null) {
            return cached;
        }
        int count = 0;
        for (boolean b : intensityMask) {
            count += b ? 1 : 0;
        }
        int[] at = new int[count];
        int m = 0;
        for (int n = 0; n < intensityMask.length; n++) {
            if (intensityMask[n]) {
                at[m++] = n;
            }
        }
        index.positions = at;
        return at;
    }

    /** Holder of the voxel index shared by regions with the same masks. */
    private static final class MaskIndex {
        volatile int[] positions;
    }

    /**
     * Smallest intensity in the intensity mask, as {@link Math#min} over its voxels finds it (NaN
     * if any is NaN; +infinity for an empty mask).
     */
    public double intensityMin() {
        return intensity().min;
    }

    /**
     * Largest intensity in the intensity mask, as {@link Math#max} over its voxels finds it (NaN
     * if any is NaN; -infinity for an empty mask).
     */
    public double intensityMax() {
        return intensity().max;
    }

    /** {@link #intensityValues()} without the copy, for the feature families: do not modify. */
    double[] intensityValuesShared() {
        return intensity().values;
    }

    /** The intensity-mask voxels with their range, gathered once (the image and masks are not modified afterwards). */
    private static final class Intensities {
        final double[] values;
        final double min;
        final double max;

        Intensities(double[] values, double min, double max) {
            this.values = values;
            this.min = min;
            this.max = max;
        }
    }

    private volatile Intensities intensities;

    private Intensities intensity() {
        Intensities cached = intensities;
        if (cached != null) {
            return cached;
        }
        double[] d = image.data();
        int[] at = intensityVoxelIndices();
        double[] out = WorkArrays.doubles(at.length); // every entry written below; see releaseWorkArrays
        Extremes.Running range = new Extremes.Running();
        for (int m = 0; m < at.length; m++) {
            double v = d[at[m]];
            out[m] = v;
            range.add(v);
        }
        cached = new Intensities(out, range.min(), range.max());
        intensities = cached;
        return cached;
    }

    /**
     * Drops the intensities gathered from the image (and their range), handing the array back for
     * reuse by the next region processed in this thread (a feature extractor does this once all
     * feature classes of a derived image are done); they are gathered again if asked for. Do not
     * call it while another thread computes features on this region.
     */
    public void releaseWorkArrays() {
        Intensities cached = intensities;
        intensities = null;
        if (cached != null) {
            WorkArrays.give(cached.values);
        }
    }

    /** Number of voxels in the morphological mask. */
    public int morphologicalVoxelCount() {
        int c = 0;
        for (boolean b : morphologicalMask) {
            if (b) {
                c++;
            }
        }
        return c;
    }
}
