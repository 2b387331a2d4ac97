package org.radtab.radiomics.conformance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The PyRadiomics baseline tables ({@code pyradiomics/baseline/baseline_<class>.csv}): rows are
 * feature or diagnostic names, columns are configurations ({@code brain1}, {@code brain1_2d},
 * ...). Rows starting with {@code diagnostics_} are metadata (test case, settings, image
 * diagnostics), not features.
 */
public final class PyRadiomicsBaseline {
    private final Map<String, Table> tables = new TreeMap<>();

    private static final class Table {
        final Path file;
        final List<String> columns = new ArrayList<>();
        final Map<String, List<String>> rows = new LinkedHashMap<>();

        Table(Path file) {
            this.file = file;
        }

        String cell(String row, String column) {
            List<String> r = rows.get(row);
            int c = columns.indexOf(column);
            if (r == null || c < 0 || c >= r.size()) {
                return null;
            }
            return r.get(c);
        }
    }

    private PyRadiomicsBaseline() {
    }

    /** Reads every {@code baseline_<class>.csv} in {@code dir}. */
    public static PyRadiomicsBaseline read(Path dir) throws IOException {
        PyRadiomicsBaseline b = new PyRadiomicsBaseline();
        if (!Files.isDirectory(dir)) {
            throw new ReferenceDataException(dir, 0, "baseline folder not found");
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "baseline_*.csv")) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                String featureClass = name.substring("baseline_".length(), name.length() - ".csv".length());
                b.tables.put(featureClass, readTable(f));
            }
        }
        if (b.tables.isEmpty()) {
            throw new ReferenceDataException(dir, 0, "no baseline_<class>.csv files");
        }
        return b;
    }

    private static Table readTable(Path f) throws IOException {
        Table t = new Table(f);
        List<String> lines = ReferenceFiles.lines(f);
        List<String> header = splitCsv(f, 1, lines.get(0));
        if (header.size() < 2 || !header.get(0).equals("featureName")) {
            throw new ReferenceDataException(f, 1, "expected a header starting with featureName");
        }
        t.columns.addAll(header.subList(1, header.size()));
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = splitCsv(f, i + 1, lines.get(i));
            t.rows.put(cells.get(0), cells.subList(1, cells.size()));
        }
        if (!t.rows.containsKey("diagnostics_Configuration_TestCase")) {
            throw new ReferenceDataException(f, 0, "no diagnostics_Configuration_TestCase row");
        }
        return t;
    }

    /** Every column of every table, in first-seen order (tables by class name). */
    public List<String> columns() {
        Set<String> out = new LinkedHashSet<>();
        for (Table t : tables.values()) {
            out.addAll(t.columns);
        }
        return new ArrayList<>(out);
    }

    /** The columns of one class's table, in file order. */
    public List<String> columns(String featureClass) throws ReferenceDataException {
        return List.copyOf(table(featureClass).columns);
    }

    /** Feature classes whose table has {@code column}. */
    public List<String> featureClasses(String column) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            if (e.getValue().columns.contains(column)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** The test case ({@code brain1} ...) of a column. */
    public String testCase(String column) throws ReferenceDataException {
        for (Table t : tables.values()) {
            String v = t.cell("diagnostics_Configuration_TestCase", column);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        throw new ReferenceDataException(tables.values().iterator().next().file, 0, "column " + column
            + " has no test case");
    }

    /** The column's settings in one class's table ({@code diagnostics_Configuration_Settings}). */
    public Map<String, Object> settings(String featureClass, String column) throws ReferenceDataException {
        return dict(featureClass, column, "diagnostics_Configuration_Settings");
    }

    /** The column's enabled image types ({@code diagnostics_Configuration_EnabledImageTypes}). */
    public Map<String, Object> imageTypes(String featureClass, String column) throws ReferenceDataException {
        return dict(featureClass, column, "diagnostics_Configuration_EnabledImageTypes");
    }

    private Map<String, Object> dict(String featureClass, String column, String row) throws ReferenceDataException {
        Table t = table(featureClass);
        String v = t.cell(row, column);
        if (v == null || v.isBlank()) {
            return Map.of();
        }
        try {
            return PyLiteral.parseDict(v);
        } catch (IllegalArgumentException e) {
            throw new ReferenceDataException(t.file, 0, row + " of " + column + ": " + e.getMessage());
        }
    }

    /** The feature rows (not diagnostics) with a value in {@code column}; reference = the cell. */
    public List<ReferenceValue> features(String featureClass, String column) throws ReferenceDataException {
        Table t = table(featureClass);
        List<ReferenceValue> out = new ArrayList<>();
        for (String row : t.rows.keySet()) {
            if (row.startsWith("diagnostics_")) {
                continue;
            }
            String v = t.cell(row, column);
            if (v == null || v.isBlank()) {
                out.add(new ReferenceValue(row, null, null));
                continue;
            }
            try {
                out.add(new ReferenceValue(row, new BigDecimal(v.trim()), null));
            } catch (NumberFormatException e) {
                if (v.trim().equalsIgnoreCase("nan")) {
                    out.add(new ReferenceValue(row, null, null));
                } else {
                    throw new ReferenceDataException(t.file, 0, row + " / " + column + ": not a number \"" + v + "\"");
                }
            }
        }
        return out;
    }

    /**
     * The text of one cell of one class's table, for a feature row or a {@code diagnostics_} row
     * (e.g. {@code diagnostics_Mask-original_VoxelNum}); empty when the row has no cell for the
     * column.
     *
     * @throws ReferenceDataException naming the file when the table has no such row or column
     */
    public String cell(String featureClass, String row, String column) throws ReferenceDataException {
        Table t = table(featureClass);
        if (!t.rows.containsKey(row)) {
            throw new ReferenceDataException(t.file, 0, "no row " + row);
        }
        if (!t.columns.contains(column)) {
            throw new ReferenceDataException(t.file, 0, "no column " + column);
        }
        String v = t.cell(row, column);
        return v == null ? "" : v;
    }

    private Table table(String featureClass) throws ReferenceDataException {
        Table t = tables.get(featureClass);
        if (t == null) {
            throw new ReferenceDataException(Path.of("baseline_" + featureClass + ".csv"), 0, "no such baseline table");
        }
        return t;
    }

    static List<String> splitCsv(Path file, int line, String text) throws ReferenceDataException {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
        if (quoted) {
            throw new ReferenceDataException(file, line, "unterminated quoted field");
        }
        out.add(sb.toString());
        return out;
    }
}
