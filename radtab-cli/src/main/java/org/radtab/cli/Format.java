package org.radtab.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting for terminal output. */
final class Format {
    private Format() {
    }

    /** Up to 6 significant digits, trailing zeros removed, at least one decimal: 3.0, 0.977, -266.364. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0.0";
        }
        String s = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN)).stripTrailingZeros()
            .toPlainString();
        return s.contains(".") ? s : s + ".0";
    }

    /** "a x b x c" with {@link #num}. */
    static String triple(double[] v) {
        return num(v[0]) + " x " + num(v[1]) + " x " + num(v[2]);
    }

    /** "(a, b, c)" with {@link #num}. */
    static String vector(double a, double b, double c) {
        return "(" + num(a) + ", " + num(b) + ", " + num(c) + ")";
    }
}
