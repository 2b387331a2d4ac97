package org.radtab.selection;

/** How {@link AdaptiveScaler} scaled one column. */
public enum ScalingMethod {
    /** {@code (x - mean) / sd} with the population standard deviation (ddof = 0). */
    Z_SCORE("z-score"),
    /** {@code (x - median) / IQR} with type-7 quartiles: median 0, interquartile range 1. */
    ROBUST("robust");

    private final String label;

    ScalingMethod(String label) {
        this.label = label;
    }

    /** The name used in JSON documents and reports ({@code z-score}, {@code robust}). */
    public String label() {
        return label;
    }

    /** Parses {@link #label()}. */
    public static ScalingMethod fromLabel(String label) {
        for (ScalingMethod m : values()) {
            if (m.label.equals(label)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown scaling method '" + label + "' (expected z-score or robust)");
    }
}
