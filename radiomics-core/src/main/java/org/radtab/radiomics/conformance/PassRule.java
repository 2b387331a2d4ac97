package org.radtab.radiomics.conformance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How a computed value is compared with a reference value. All comparisons are done in exact
 * decimal arithmetic on the reference and tolerance as written in the file, so a value exactly
 * at the tolerance passes (in binary floating point 0.4 - 0.3 exceeds 0.1). A NaN or infinite
 * value never passes.
 */
public interface PassRule {

    /** The absolute tolerance applied to {@code ref} (reported with failures). */
    BigDecimal tolerance(ReferenceValue ref);

    /** The computed value as it is compared with {@code ref} (for IBSI 1: rounded). */
    BigDecimal compared(double value, ReferenceValue ref);

    /** True when {@code |compared(value, ref) - reference| <= tolerance(ref)}. */
    default boolean passes(double value, ReferenceValue ref) {
        if (!Double.isFinite(value) || !ref.hasConsensus()) {
            return false;
        }
        return compared(value, ref).subtract(ref.reference()).abs().compareTo(tolerance(ref)) <= 0;
    }

    /**
     * IBSI 1: the value is rounded to 3 significant digits, then
     * {@code |rounded - reference| <= tolerance} with the file's tolerance. Rounding is half away
     * from zero on the value's decimal form ({@link Double#toString}): 0.04115 becomes 0.0412,
     * -266.4 becomes -266.
     *
     * <p>The IBSI gives its consensus values to 3 significant digits, except exact counts and
     * extremes that it states in full (e.g. {@code 125256} voxels, maximum {@code 3065} HU, both
     * with tolerance 0). Rounding those to 3 digits would make an exact answer fail, so the value
     * is rounded to {@code max(3, p)} significant digits, where {@code p} is the precision of the
     * reference without trailing zeros (125256: 6; 3065: 4; 358000: 3; 0.0411: 3).
     */
    static PassRule ibsi1() {
        return new PassRule() {
            @Override
            public BigDecimal tolerance(ReferenceValue ref) {
                return ref.tolerance() == null ? BigDecimal.ZERO : ref.tolerance();
            }

            @Override
            public BigDecimal compared(double value, ReferenceValue ref) {
                int digits = 3;
                if (ref.hasConsensus() && ref.reference().signum() != 0) {
                    digits = Math.max(3, ref.reference().stripTrailingZeros().precision());
                }
                return roundToSignificant(value, digits);
            }
        };
    }

    /** IBSI 2 phase 2: {@code |value - reference| <= tolerance}, value unrounded. */
    static PassRule absolute() {
        return new PassRule() {
            @Override
            public BigDecimal tolerance(ReferenceValue ref) {
                return ref.tolerance() == null ? BigDecimal.ZERO : ref.tolerance();
            }

            @Override
            public BigDecimal compared(double value, ReferenceValue ref) {
                return new BigDecimal(Double.toString(value));
            }
        };
    }

    /**
     * PyRadiomics baseline: {@code |value - reference| <= max(relative * |reference|, absolute)};
     * the absolute floor matters only for references near zero.
     */
    static PassRule relative(double relative, double absolute) {
        BigDecimal rel = new BigDecimal(Double.toString(relative));
        BigDecimal abs = new BigDecimal(Double.toString(absolute));
        return new PassRule() {
            @Override
            public BigDecimal tolerance(ReferenceValue ref) {
                return ref.reference().abs().multiply(rel).max(abs);
            }

            @Override
            public BigDecimal compared(double value, ReferenceValue ref) {
                return new BigDecimal(Double.toString(value));
            }
        };
    }

    /** {@code value} (finite) rounded to {@code digits} significant digits, half away from zero. */
    static BigDecimal roundToSignificant(double value, int digits) {
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(Double.toString(value)).round(new MathContext(digits, RoundingMode.HALF_UP));
    }
}
