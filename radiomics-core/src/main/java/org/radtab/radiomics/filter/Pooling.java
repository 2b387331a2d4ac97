package org.radtab.radiomics.filter;

/**
 * Rotation invariance of a directional filter (IBSI 2, section "rotation invariance"): the
 * filter is applied in every right-angle orientation of {@link RightAngleRotations} and the
 * responses are pooled voxel by voxel.
 */
public enum Pooling {
    /** No rotation invariance: the filter in its given orientation only. */
    NONE,
    /** Voxel-wise mean over the orientations (IBSI: separable wavelets, Gabor). */
    MEAN,
    /** Voxel-wise maximum over the orientations (IBSI: Laws kernels). */
    MAX
}
