package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;

/**
 * PyRadiomics {@code checkMask}: validates the ROI (voxels equal to {@code label}) and returns its
 * bounding box.
 *
 * <ul>
 *   <li>The label must be present ({@link InvalidRoiException} otherwise).</li>
 *   <li>Let {@code ndims} be the number of axes along which the bounding box is more than one
 *       voxel thick. {@code ndims = 0} (a single voxel) is always an error; {@code ndims <
 *       minimumROIDimensions} (PyRadiomics default 2) is an error.</li>
 *   <li>If {@code minimumROISize} is set (> 0), the voxel count must be <em>strictly greater</em>.</li>
 * </ul>
 */
public final class RoiCheck {
    private RoiCheck() {
    }

    /**
     * @param minimumRoiDimensions 1..3
     * @param minimumRoiSize       0 or negative for no size rule
     * @return the bounding box of the label
     * @throws InvalidRoiException naming the label and the failed rule
     */
    public static BoundingBox check(Mask mask, int label, int minimumRoiDimensions, int minimumRoiSize) {
        if (minimumRoiDimensions < 1 || minimumRoiDimensions > 3) {
            throw new IllegalArgumentException("minimumROIDimensions must be 1, 2 or 3, was " + minimumRoiDimensions);
        }
        return check(mask.labels(), mask.geometry(), label, minimumRoiDimensions, minimumRoiSize, "label " + label);
    }

    /** The same check on a boolean ROI ({@code true} = in the ROI) on grid {@code g}. */
    public static BoundingBox check(boolean[] roi, Geometry g, String what, int minimumRoiDimensions,
                                    int minimumRoiSize) {
        if (roi.length != g.voxelCount()) {
            throw new IllegalArgumentException("ROI has " + roi.length + " voxels, grid " + g.voxelCount());
        }
        int[] labels = new int[roi.length];
        for (int n = 0; n < roi.length; n++) {
            labels[n] = roi[n] ? 1 : 0;
        }
        return check(labels, g, 1, minimumRoiDimensions, minimumRoiSize, what);
    }

    private static BoundingBox check(int[] labels, Geometry g, int label, int minDims, int minSize, String what) {
        BoundingBox box = BoundingBox.ofLabel(labels, g.nx(), g.ny(), g.nz(), label);
        if (box == null) {
            throw new InvalidRoiException(what + " is not present in the mask");
        }
        int count = minSize > 0 ? BoundingBox.count(labels, label) : 0;
        int ndims = box.dimensionality();
        if (ndims == 0) {
            throw new InvalidRoiException(what + ": the ROI is a single voxel");
        }
        if (ndims < minDims) {
            throw new InvalidRoiException(what + ": the ROI extends along " + ndims
                + " axis/axes, minimumROIDimensions requires " + minDims);
        }
        if (minSize > 0 && count <= minSize) {
            throw new InvalidRoiException(what + ": the ROI has " + count + " voxels, minimumROISize requires more than "
                + minSize);
        }
        return box;
    }
}
