package org.radtab.radiomics.filter;

/**
 * Whether a filter works in 3D or on each axial slice on its own.
 *
 * <p>{@link #TWO_D} filters every plane of constant k (the x-y plane, axes i and j) separately;
 * no information crosses between slices (IBSI 2 "2D", verified on tests 1.b.1 and 2.c).
 */
public enum FilterDimension {
    /** Each axial (x-y) slice separately. */
    TWO_D,
    /** The whole volume. */
    THREE_D;

    /** Number of filtered axes: 2 or 3. */
    public int axes() {
        return this == TWO_D ? 2 : 3;
    }
}
