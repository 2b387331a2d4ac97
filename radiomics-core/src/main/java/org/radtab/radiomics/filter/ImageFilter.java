package org.radtab.radiomics.filter;

import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Volume;

/**
 * A filter that turns one image into one response map on the same grid (size, spacing, origin and
 * direction unchanged; the input is not modified). Implementations are immutable and thread-safe;
 * their parameters are a record returned by {@code parameters()}.
 */
@FunctionalInterface
public interface ImageFilter {
    /** The response map, a new volume on the input's geometry. */
    Volume apply(Volume input);

    /**
     * The response map where it is needed: every voxel inside {@code region} (voxel indices,
     * inclusive, within the grid; null = everywhere) has the value {@link #apply(Volume)} gives
     * it. A filter that saves work this way sets every voxel outside the region to 0
     * ({@link GaborFilter} skips the planes that miss it); by default the whole map is computed.
     */
    default Volume apply(Volume input, BoundingBox region) {
        return apply(input);
    }

    /**
     * The response map on the voxels of {@code region} only, as a new volume on the region's
     * sub-grid ({@link org.radtab.radiomics.image.Geometry#subGrid}): the values
     * {@link #apply(Volume)} gives those voxels. By default the region of
     * {@link #apply(Volume, BoundingBox)} is copied out; filters that compute the region directly
     * skip that copy and the whole-grid output.
     *
     * @throws NullPointerException     if {@code region} is null
     * @throws IllegalArgumentException if {@code region} does not fit the input's grid
     */
    default Volume applyWithin(Volume input, BoundingBox region) {
        java.util.Objects.requireNonNull(region, "region");
        if (!region.fitsIn(input.geometry())) {
            throw new IllegalArgumentException("region " + region + " does not fit the image grid " + input.geometry());
        }
        return apply(input, region).crop(region);
    }
}
