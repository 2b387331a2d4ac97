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
}
