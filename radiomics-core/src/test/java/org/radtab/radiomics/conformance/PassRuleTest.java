package org.radtab.radiomics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The pass rules of the data README, on hand-picked values. */
class PassRuleTest {

    private static ReferenceValue ref(String value, String tol) {
        return new ReferenceValue("f", new BigDecimal(value), tol == null ? null : new BigDecimal(tol));
    }

    @Test
    void ibsiRoundsToThreeSignificantDigits() {
        assertEquals(new BigDecimal("0.0412"), PassRule.roundToSignificant(0.04115, 3));
        assertEquals(new BigDecimal("0.0411"), PassRule.roundToSignificant(0.041149, 3));
        assertEquals(new BigDecimal("-0.0412"), PassRule.roundToSignificant(-0.04115, 3));
        assertEquals(new BigDecimal("-266"), PassRule.roundToSignificant(-266.4, 3));
        assertEquals(new BigDecimal("0.977"), PassRule.roundToSignificant(0.9769999980926514, 3));
        assertEquals(0, new BigDecimal("1.24E+5").compareTo(PassRule.roundToSignificant(123999, 3)));
        PassRule r = PassRule.ibsi1();
        // 0.04115 -> 0.0412: passes against 0.0412 with tolerance 0, fails against 0.0411 with tolerance 0
        assertTrue(r.passes(0.04115, ref("0.0412", "0")));
        assertFalse(r.passes(0.04115, ref("0.0411", "0")));
        // reference 0.0411 +- 0.0003: 0.04144 rounds to 0.0414 (pass), 0.04145 rounds to 0.0415 (fail)
        assertTrue(r.passes(0.04144, ref("0.0411", "0.0003")));
        assertFalse(r.passes(0.04145, ref("0.0411", "0.0003")));
    }

    @Test
    void ibsiKeepsTheDigitsOfExactReferences() {
        PassRule r = PassRule.ibsi1();
        // counts and extremes stated in full: 125256 voxels, 3065 HU, tolerance 0
        assertTrue(r.passes(125256, ref("125256", "0")));
        assertFalse(r.passes(125257, ref("125256", "0")));
        assertTrue(r.passes(3065, ref("3065", "0")));
        // a 3-digit reference with trailing zeros still rounds to 3 digits: 363040 -> 363000
        assertTrue(r.passes(363040, ref("358000", "5000")));
        assertFalse(r.passes(363600, ref("358000", "5000")));
        assertTrue(r.passes(-266.4, ref("-266", "0")));
        assertFalse(r.passes(-266.6, ref("-266", "0")));
    }

    @Test
    void toleranceEdgesAreExactDecimals() {
        // in binary 0.4 - 0.3 = 0.10000000000000003 > 0.1; in the reference's decimals it is exactly 0.1
        assertTrue(0.4 - 0.3 > 0.1);
        assertTrue(PassRule.absolute().passes(0.4, ref("0.3", "0.1")));
        assertTrue(PassRule.absolute().passes(0.2, ref("0.3", "0.1")));
        assertFalse(PassRule.absolute().passes(0.40000001, ref("0.3", "0.1")));
        assertTrue(PassRule.ibsi1().passes(0.4, ref("0.3", "0.1")));
        assertFalse(PassRule.absolute().passes(Double.NaN, ref("0.3", "0.1")));
        assertFalse(PassRule.ibsi1().passes(Double.POSITIVE_INFINITY, ref("0.3", "100")));
        // IBSI 2 phase 2 is unrounded: 2.176 is 0.006 from 2.17 (tolerance 0.005) although it rounds to 2.18
        assertFalse(PassRule.absolute().passes(2.176, ref("2.17", "0.005")));
        assertTrue(PassRule.absolute().passes(-47 + 4.6, ref("-47", "4.6")));
    }

    @Test
    void pyradiomicsRelativeAndNearZero() {
        PassRule r = PassRule.relative(1e-6, 1e-9);
        assertTrue(r.passes(1000.000999, ref("1000", null)));
        assertFalse(r.passes(1000.0011, ref("1000", null)));
        assertEquals(0, new BigDecimal("0.001").compareTo(r.tolerance(ref("-1000", null))));
        // near zero the absolute floor 1e-9 applies
        assertTrue(r.passes(5e-10, ref("0", null)));
        assertFalse(r.passes(2e-9, ref("0", null)));
        PassRule resampled = PassRule.relative(1e-3, 1e-9);
        assertTrue(resampled.passes(16149.4954427 * 1.0009, ref("16149.4954427", null)));
        assertFalse(resampled.passes(16149.4954427 * 1.0011, ref("16149.4954427", null)));
    }
}
