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
        Running r = new Running();
        for (double v : values) {
            r.add(v);
        }
        return new double[] {r.min(), r.max()};
    }

    /** Extremes of values seen one at a time (for loops that gather the values themselves). */
    public static final class Running {
        private double lo = Double.POSITIVE_INFINITY;
        private double hi = Double.NEGATIVE_INFINITY;
        private boolean nan;
        private boolean negativeZero;
        private boolean positiveZero;

        public void add(double v) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
            nan |= v != v;
            if (v == 0) { // rare: which zeros were seen decides the sign of a zero extreme
                boolean negative = Double.doubleToRawLongBits(v) != 0;
                negativeZero |= negative;
                positiveZero |= !negative;
            }
        }

        /** {@link Math#min} over the values added. */
        public double min() {
            return nan ? Double.NaN : lo == 0 ? (negativeZero ? -0.0 : 0.0) : lo;
        }

        /** {@link Math#max} over the values added. */
        public double max() {
            return nan ? Double.NaN : hi == 0 ? (positiveZero ? 0.0 : -0.0) : hi;
        }
    }
}
