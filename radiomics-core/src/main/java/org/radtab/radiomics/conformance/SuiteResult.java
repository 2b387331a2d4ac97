package org.radtab.radiomics.conformance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one suite: one {@link Row} per reference row. Counts: "pass" and "fail" are
 * compared values, "missing" = a reference value exists but the engine returned none, "skipped"
 * = no consensus reference value.
 */
public final class SuiteResult {

    /** Outcome of one reference row. */
    public enum Status { PASS, FAIL, MISSING, SKIPPED }

    /**
     * One compared row.
     *
     * @param feature   tag or feature name
     * @param status    outcome
     * @param value     the computed value (null when missing; NaN allowed)
     * @param reference the reference value (null when skipped)
     * @param tolerance the absolute tolerance applied (null when skipped)
     */
    public record Row(String feature, Status status, Double value, BigDecimal reference, BigDecimal tolerance) {
    }

    /** A failed row as reported in the JSON output. */
    public record Failure(String feature, Double value, double reference, double tolerance) {
    }

    private final String suite;
    private final List<Row> rows;
    private final String error;

    public SuiteResult(String suite, List<Row> rows, String error) {
        this.suite = suite;
        this.rows = List.copyOf(rows);
        this.error = error;
    }

    public String suite() { return suite; }

    public List<Row> rows() { return rows; }

    /** The engine's exception message when it failed on this suite (its rows then count as failures), else null. */
    public String error() { return error; }

    public int pass() { return count(Status.PASS); }

    public int fail() { return count(Status.FAIL); }

    public int missing() { return count(Status.MISSING); }

    public int skipped() { return count(Status.SKIPPED); }

    private int count(Status s) {
        int n = 0;
        for (Row r : rows) {
            if (r.status() == s) {
                n++;
            }
        }
        return n;
    }

    /** The failed rows, in reference order. */
    public List<Failure> failures() {
        List<Failure> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.status() == Status.FAIL) {
                out.add(new Failure(r.feature(), r.value(), r.reference().doubleValue(), r.tolerance().doubleValue()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Counts per feature family: {pass, fail, missing, skipped}. The family of an IBSI tag is
     * its prefix ({@code morph}, {@code stat}, {@code cm}, ...; image/ROI diagnostics are
     * {@code diag}); of a PyRadiomics name its feature class ({@code glcm}, ...).
     */
    public Map<String, int[]> byFamily() {
        Map<String, int[]> out = new TreeMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(family(r.feature()), k -> new int[4])[r.status().ordinal()]++;
        }
        return out;
    }

    static String family(String feature) {
        if (feature.matches(".*_(init|interp|reseg)_(img|roi)$")) {
            return "diag";
        }
        String[] parts = feature.split("_");
        if (parts.length >= 3 && (parts[0].equals("original") || parts[0].startsWith("wavelet")
            || parts[0].startsWith("log") || parts[0].equals("gradient") || parts[0].equals("square")
            || parts[0].equals("squareroot") || parts[0].equals("logarithm") || parts[0].equals("exponential")
            || parts[0].startsWith("lbp"))) {
            return parts[1];
        }
        return parts[0];
    }
}
