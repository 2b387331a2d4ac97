package org.radtab.radiomics.preprocess;

/**
 * How {@link Resampler} maps target voxels to source positions and what it does outside the
 * source grid.
 *
 * <ul>
 *   <li>{@link #ITK}: SimpleITK's {@code ResampleImageFilter} with an identity transform, as
 *       PyRadiomics uses it. The continuous source index of a target voxel is computed through
 *       physical points, in ITK's order of operations (target index -> LPS point
 *       {@code p_r = (D[r][a] s_t[a]) k + o_t[r]} -> source index
 *       {@code c_a = sum_r (D^-1[a][r] / s_s[a]) (p_r - o_s[r])}), so that positions that are
 *       half-way between two source voxels in exact arithmetic round as SimpleITK's do (nearest
 *       neighbour rounds halves up; the PyRadiomics baseline masks of brain1, brain2 and breast1,
 *       which contain such ties on 1 to 3 axes, are reproduced voxel for voxel). A sample whose
 *       continuous index lies outside
 *       {@code [-0.5, n - 0.5)} on any axis gets the default value 0; inside that band the
 *       interpolator's own boundary rule applies.</li>
 *   <li>{@link #IBSI}: exact positions {@code start + k * step}; every target voxel is
 *       interpolated, points outside the source grid use the interpolator's boundary extension
 *       (the IBSI manual recommends padding with the nearest boundary intensity).</li>
 * </ul>
 */
public enum SamplingConvention {
    ITK,
    IBSI
}
