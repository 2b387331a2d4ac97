package org.radtab.radiomics.conformance;

import java.util.List;

/**
 * The results of a conformance run, with the JSON form tools read:
 *
 * <pre>
 * {"suites":[{"suite":NAME,"pass":N,"fail":N,"missing":N,"skipped":N,
 *             "failures":[{"feature":TAG,"value":X,"reference":Y,"tolerance":T}]}]}
 * </pre>
 *
 * {@code value} is the computed value unrounded ({@code null} when it is NaN or infinite);
 * {@code tolerance} is the absolute tolerance applied (for PyRadiomics the relative tolerance
 * times |reference|). For an IBSI 2 phase-1 suite the single row is {@code max_abs_diff}: value
 * = max over voxels of |computed - reference map|, reference 0, tolerance = 1% of the reference
 * map's range.
 */
public record ConformanceReport(List<SuiteResult> suites) {

    public ConformanceReport {
        suites = List.copyOf(suites);
    }

    /** Total passes over all suites. */
    public int pass() { return suites.stream().mapToInt(SuiteResult::pass).sum(); }

    public int fail() { return suites.stream().mapToInt(SuiteResult::fail).sum(); }

    public int missing() { return suites.stream().mapToInt(SuiteResult::missing).sum(); }

    public int skipped() { return suites.stream().mapToInt(SuiteResult::skipped).sum(); }

    /** The JSON document described above (compact, one line, UTF-8 text). */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"suites\":[");
        for (int i = 0; i < suites.size(); i++) {
            SuiteResult s = suites.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"suite\":").append(string(s.suite()))
                .append(",\"pass\":").append(s.pass())
                .append(",\"fail\":").append(s.fail())
                .append(",\"missing\":").append(s.missing())
                .append(",\"skipped\":").append(s.skipped())
                .append(",\"failures\":[");
            List<SuiteResult.Failure> failures = s.failures();
            for (int j = 0; j < failures.size(); j++) {
                SuiteResult.Failure f = failures.get(j);
                if (j > 0) {
                    sb.append(',');
                }
                sb.append("{\"feature\":").append(string(f.feature()))
                    .append(",\"value\":").append(number(f.value()))
                    .append(",\"reference\":").append(number(f.reference()))
                    .append(",\"tolerance\":").append(number(f.tolerance()))
                    .append('}');
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String number(Double v) {
        return v == null || !Double.isFinite(v) ? "null" : Double.toString(v);
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
