package org.radtab.radiomics.filter;

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
}
