package org.radtab.radiomics.filter;

import java.util.List;
import java.util.function.Function;

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
    MAX;

    /**
     * The filter response pooled over the orientations of this mode
     * ({@link RightAngleRotations#forPooling}): the identity's response for {@link #NONE}, the
     * voxel-wise maximum for {@link #MAX}, the voxel-wise sum times {@code 1 / number of
     * orientations} for {@link #MEAN}. {@code response} gives the filter response in one
     * orientation; it may return the same scratch array on every call (each response is consumed
     * before the next call).
     *
     * @return a new array
     */
    double[] pool(FilterDimension dimension, Function<RightAngleRotations.Orientation, double[]> response) {
        List<RightAngleRotations.Orientation> orientations = RightAngleRotations.forPooling(dimension, this);
        double[] acc = null;
        for (RightAngleRotations.Orientation o : orientations) {
            double[] cur = response.apply(o);
            if (acc == null) {
                acc = cur.clone();
            } else if (this == MAX) {
                for (int n = 0; n < acc.length; n++) {
                    acc[n] = Math.max(acc[n], cur[n]);
                }
            } else {
                for (int n = 0; n < acc.length; n++) {
                    acc[n] += cur[n];
                }
            }
        }
        if (this == MEAN) {
            double inv = 1.0 / orientations.size();
            for (int n = 0; n < acc.length; n++) {
                acc[n] *= inv;
            }
        }
        return acc;
    }
}
