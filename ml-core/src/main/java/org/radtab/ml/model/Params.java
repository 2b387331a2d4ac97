package org.radtab.ml.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Helpers for factories: merge user parameters into defaults and read typed values.
 *
 * <p>Parameter maps come from code, from {@link ParameterSpace#sample} and from JSON (where an
 * integer may arrive as a {@link Long} or a real as an {@link Integer}), so the getters accept any
 * {@link Number} (or its text) and check the type: {@link #getInt} rejects {@code 2.5}.
 */
public final class Params {
    private Params() {
    }

    /**
     * Defaults overridden by {@code given}, in the defaults' order.
     *
     * @throws IllegalArgumentException naming the model and an unknown parameter
     */
    public static Map<String, Object> resolve(String model, Map<String, Object> defaults, Map<String, Object> given) {
        Map<String, Object> out = new LinkedHashMap<>(defaults);
        if (given != null) {
            for (Map.Entry<String, Object> e : given.entrySet()) {
                if (!defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(model + ": unknown parameter '" + e.getKey() + "'; known: "
                        + defaults.keySet());
                }
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** An integer parameter (a whole-valued number or its text). */
    public static int getInt(Map<String, Object> p, String name) {
        Object v = require(p, name);
        double d = toDouble(v, name);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an integer, was " + v);
        }
        return (int) d;
    }

    /** A real parameter (a number or its text). */
    public static double getDouble(Map<String, Object> p, String name) {
        return toDouble(require(p, name), name);
    }

    /** A text parameter. */
    public static String getString(Map<String, Object> p, String name) {
        return String.valueOf(require(p, name));
    }

    /** A boolean parameter ({@code true/false} or their text). */
    public static boolean getBoolean(Map<String, Object> p, String name) {
        Object v = require(p, name);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be true or false, was " + v);
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static double checkRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in [" + lo + ", " + hi + "], was " + value);
        }
        return value;
    }

    private static Object require(Map<String, Object> p, String name) {
        Object v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing parameter '" + name + "'");
        }
        return v;
    }

    private static double toDouble(Object v, String name) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a number, was '" + v + "'");
        }
    }
}
