package org.radtab.radiomics.preprocess;

/**
 * The ROI cannot be used: the label is absent, the ROI is a single voxel, it has fewer
 * dimensions or voxels than required, or re-segmentation left too few voxels. The message names
 * the label and the rule that failed.
 */
public class InvalidRoiException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidRoiException(String message) {
        super(message);
    }
}
