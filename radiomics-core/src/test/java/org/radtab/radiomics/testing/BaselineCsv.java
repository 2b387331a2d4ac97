package org.radtab.radiomics.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PyRadiomics baseline file ({@code baseline/baseline_<class>.csv}): rows are feature or
 * diagnostic names, columns are configurations such as {@code brain1_2d}. Reads the reference
 * values; never written to the repository.
 */
public final class BaselineCsv {
    private final List<String> columns = new ArrayList<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();

    private BaselineCsv() {
    }

    /** Reads {@code pyradiomics/baseline/baseline_<featureClass>.csv} from the conformance data. */
    public static BaselineCsv load(String featureClass) throws IOException {
        return read(TestData.file("pyradiomics/baseline/baseline_" + featureClass + ".csv"));
    }

    public static BaselineCsv read(Path file) throws IOException {
        BaselineCsv b = new BaselineCsv();
        List<String> lines = Files.readAllLines(file);
        List<String> header = splitCsv(lines.get(0));
        b.columns.addAll(header.subList(1, header.size()));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(line);
            b.rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        return b;
    }

    /** Configuration columns, e.g. brain1, brain1_2d, ... */
    public List<String> columns() {
        return columns;
    }

    /** Columns whose image is in the conformance data (brain1, brain2, breast1; lung cases are absent). */
    public List<String> availableColumns() {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            String testCase = cell("diagnostics_Configuration_TestCase", c);
            if (Files.exists(TestData.dir().resolve("pyradiomics/" + testCase + "_image.nrrd"))) {
                out.add(c);
            }
        }
        return out;
    }

    /** Feature rows (names starting with {@code original_} etc., i.e. not diagnostics). */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        for (String r : rows.keySet()) {
            if (!r.startsWith("diagnostics_") && !r.equals("featureName")) {
                out.add(r);
            }
        }
        return out;
    }

    public String cell(String row, String column) {
        List<String> r = rows.get(row);
        if (r == null) {
            throw new IllegalArgumentException("no row " + row);
        }
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + column);
        }
        return c < r.size() ? r.get(c) : "";
    }

    public double value(String row, String column) {
        return Double.parseDouble(cell(row, column));
    }

    /** The test case (brain1, ...) of a column. */
    public String testCase(String column) {
        return cell("diagnostics_Configuration_TestCase", column);
    }

    /** The column's settings dict (row diagnostics_Configuration_Settings). */
    public Map<String, Object> settings(String column) {
        return PythonLiteral.parseDict(cell("diagnostics_Configuration_Settings", column));
    }

    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        sb.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    sb.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(ch);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
