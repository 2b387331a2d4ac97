package org.radtab.radiomics.feature;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 1 consensus reference values ({@code ibsi1/reference/<name>.csv}: {@code value;tolerance;tag},
 * empty value = no consensus) and the IBSI pass rule: round the computed value to 3 significant
 * digits, then {@code |value - reference| <= tolerance}.
 */
final class IbsiReferenceTable {
    record Entry(String tag, double value, double tolerance) {
    }

    /** Outcome of checking computed values against the table. */
    record Outcome(List<String> passed, List<String> failed, List<String> missing, String closest) {
        String report() {
            return String.format(Locale.ROOT, "%d pass, %d fail, %d not computed; closest to its tolerance: %s%n"
                + "  failed: %s%n  missing: %s", passed.size(), failed.size(), missing.size(), closest, failed, missing);
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    static IbsiReferenceTable load(String name) throws IOException {
        IbsiReferenceTable t = new IbsiReferenceTable();
        List<String> lines = Files.readAllLines(TestData.file("ibsi1/reference/" + name + ".csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(";", -1);
            if (c.length < 3 || c[0].isBlank()) {
                continue; // no consensus: neither pass nor fail
            }
            double tol = c[1].isBlank() ? 0 : Double.parseDouble(c[1]);
            t.entries.put(c[2].trim(), new Entry(c[2].trim(), Double.parseDouble(c[0]), tol));
        }
        return t;
    }

    /** Tags with a consensus value that start with one of the prefixes (and not with an excluded one). */
    List<Entry> withPrefix(List<String> prefixes, List<String> excluded) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            boolean in = prefixes.stream().anyMatch(e.tag()::startsWith);
            boolean ex = excluded.stream().anyMatch(e.tag()::startsWith);
            if (in && !ex) {
                out.add(e);
            }
        }
        return out;
    }

    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }

    static boolean passes(Entry e, double value) {
        return Double.isFinite(value) && Math.abs(round3(value) - e.value()) <= e.tolerance() + 1e-12 * Math.abs(e.value());
    }

    Outcome check(List<Entry> expected, Map<String, Double> computed) {
        List<String> pass = new ArrayList<>();
        List<String> fail = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        String closest = "-";
        double worstRatio = -1;
        for (Entry e : expected) {
            Double v = computed.get(e.tag());
            if (v == null) {
                missing.add(e.tag());
                continue;
            }
            if (e.tolerance() > 0 && Double.isFinite(v)) {
                double ratio = Math.abs(v - e.value()) / e.tolerance(); // unrounded, for the report
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    closest = String.format(Locale.ROOT, "%s=%.6g (ref %s +- %s, %.0f%% of tolerance)", e.tag(), v,
                        e.value(), e.tolerance(), 100 * ratio);
                }
            }
            if (passes(e, v)) {
                pass.add(e.tag());
            } else {
                fail.add(String.format(Locale.ROOT, "%s=%.6g (ref %s +- %s)", e.tag(), v, e.value(), e.tolerance()));
            }
        }
        return new Outcome(pass, fail, missing, closest);
    }
}
