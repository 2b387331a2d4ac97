package org.radtab.radiomics.feature;

import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * An image region with its two IBSI masks: the <em>morphological</em> mask (the segmentation,
 * used for shape) and the <em>intensity</em> mask (the segmentation after re-segmentation, used
 * for intensity and texture features). Without re-segmentation both are the same array.
 *
 * <p>The region is usually the ROI bounding box (PyRadiomics crops to it); local-intensity
 * features need a margin of image around the ROI, so the region may be larger.
 */
public final class RoiImage {
    private final Volume image;
    private final boolean[] morphologicalMask;
    private final boolean[] intensityMask;

    public RoiImage(Volume image, boolean[] morphologicalMask, boolean[] intensityMask) {
        int n = image.geometry().voxelCount();
        if (morphologicalMask.length != n || intensityMask.length != n) {
            throw new IllegalArgumentException("mask sizes must equal the image's voxel count " + n);
        }
        this.image = image;
        this.morphologicalMask = morphologicalMask;
        this.intensityMask = intensityMask;
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
        double[] d = image.data();
        int count = 0;
        for (boolean b : intensityMask) {
            if (b) {
                count++;
            }
        }
        double[] out = new double[count];
        int m = 0;
        for (int n = 0; n < d.length; n++) {
            if (intensityMask[n]) {
                out[m++] = d[n];
            }
        }
        return out;
    }

    /** Number of voxels in the intensity mask. */
    public int intensityVoxelCount() {
        int c = 0;
        for (boolean b : intensityMask) {
            if (b) {
                c++;
            }
        }
        return c;
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
