package org.radtab.radiomics.feature;

/**
 * IBSI texture aggregation methods and the suffixes of their tags in the IBSI reference data.
 *
 * <p>Directional matrices (GLCM, GLRLM):
 * <ul>
 *   <li>{@link #AVG_2D} {@code _2D_avg}: per slice and direction, features averaged;</li>
 *   <li>{@link #MERGED_2D} {@code _2D_comb}: per slice, matrices of the directions merged,
 *       features averaged over slices;</li>
 *   <li>{@link #AVG_2_5D} {@code _2_5D_avg}: per direction, matrices of all slices merged,
 *       features averaged over directions;</li>
 *   <li>{@link #MERGED_2_5D} {@code _2_5D_comb}: all slices and directions merged;</li>
 *   <li>{@link #AVG_3D} {@code _3D_avg}: per 3D direction, features averaged;</li>
 *   <li>{@link #MERGED_3D} {@code _3D_comb}: matrices of the 13 directions merged.</li>
 * </ul>
 * Non-directional matrices (GLSZM, GLDZM, NGTDM, NGLDM) have three: {@code _2D} (per slice,
 * averaged), {@code _2_5D} (slices merged), {@code _3D}; they use {@link #AVG_2D},
 * {@link #MERGED_2_5D} and {@link #AVG_3D} with {@link #nonDirectionalSuffix()}.
 */
public enum Aggregation {
    AVG_2D("2D_avg", "2D", true),
    MERGED_2D("2D_comb", null, true),
    AVG_2_5D("2_5D_avg", null, true),
    MERGED_2_5D("2_5D_comb", "2_5D", true),
    AVG_3D("3D_avg", "3D", false),
    MERGED_3D("3D_comb", null, false);

    private final String suffix;
    private final String nonDirectionalSuffix;
    private final boolean bySlice;

    Aggregation(String suffix, String nonDirectionalSuffix, boolean bySlice) {
        this.suffix = suffix;
        this.nonDirectionalSuffix = nonDirectionalSuffix;
        this.bySlice = bySlice;
    }

    /** Tag suffix for directional families (GLCM, GLRLM), e.g. {@code 3D_avg}. */
    public String suffix() {
        return suffix;
    }

    /**
     * Tag suffix for non-directional families ({@code 2D}, {@code 2_5D}, {@code 3D}), or null
     * when this method does not apply to them.
     */
    public String nonDirectionalSuffix() {
        return nonDirectionalSuffix;
    }

    /** True for the 2D and 2.5D methods, whose neighbourhoods lie in the slice (k = const) plane. */
    public boolean bySlice() {
        return bySlice;
    }
}
