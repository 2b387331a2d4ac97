package org.radtab.radiomics.math;

/**
 * The smallest and largest of many doubles, with exactly the results of folding
 * {@link Math#min} / {@link Math#max} over them (NaN if any value is NaN; {@code -0.0} is the
 * smaller zero, {@code +0.0} the larger; +infinity / -infinity for no values), but computed with
 * plain comparisons: a new extreme is rare, so those branches are predictable, whereas
 * {@code Math.min} / {@code max} carry their NaN and signed-zero handling through a dependency
 * chain over every value.
 */
public final class Extremes {
    private Extremes() {
    }

    /** {@code {min, max}} of {@code values}. */
    public static double[] of(double[] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean nan = false;
        for (double v : values) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
            nan |= v != v;
        }
        return restore(lo, hi, nan, values);
    }

    /**
     * Turns {@code lo} / {@code hi} found with {@code <} / {@code >} over {@code values} (and
     * whether a NaN was seen) into the {@link Math#min} / {@link Math#max} results: NaN when a NaN
     * was seen, and the sign of a zero extreme fixed by one more look at the values.
     */
    public static double[] restore(double lo, double hi, boolean nan, double[] values) {
        if (nan) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (lo == 0 || hi == 0) {
            boolean negativeZero = false;
            boolean positiveZero = false;
            for (double v : values) {
                if (v == 0) {
                    boolean negative = Double.doubleToRawLongBits(v) != 0;
                    negativeZero |= negative;
                    positiveZero |= !negative;
                }
            }
            if (lo == 0) {
                lo = negativeZero ? -0.0 : 0.0;
            }
            if (hi == 0) {
                hi = positiveZero ? 0.0 : -0.0;
            }
        }
        return new double[] {lo, hi};
    }
}
