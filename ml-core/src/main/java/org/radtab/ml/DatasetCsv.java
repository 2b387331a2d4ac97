package org.radtab.ml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes a {@link Dataset} as CSV (RFC 4180, comma separated, first line = header).
 *
 * <h2>Reading</h2>
 * <ul>
 *   <li>A leading byte-order mark (U+FEFF) is skipped.</li>
 *   <li>The label column is chosen by name ({@link Options#label}); without one the set is
 *       unlabelled. An optional id column ({@link Options#id}) gives case ids. Every other column
 *       is a feature unless {@link Options#features} names the feature columns explicitly or
 *       {@link Options#ignore} drops some.</li>
 *   <li>Feature cells must parse as numbers ({@code Double.parseDouble}, surrounding blanks
 *       ignored). A non-numeric cell fails with the file, line, row id and column named.</li>
 *   <li>Missing values: an empty cell or one of {@code NA, NaN, nan, null} (case-insensitive) is a
 *       missing value. With {@link NanPolicy#REJECT} (the default) the first one fails with the
 *       file, line and column named; with {@link NanPolicy#ALLOW} it is stored as {@code NaN}.</li>
 *   <li>Class labels: when every label is an integer in {@code 0..k-1} (written {@code 0}, {@code 1},
 *       or {@code 1.0}), the integers are the class codes. Otherwise the distinct label texts are
 *       sorted (numerically when all are numbers, else as strings) and coded {@code 0, 1, ...} in
 *       that order; {@link Options#positive} names the class that must get the highest code (the
 *       positive class, 1, of a binary problem). The mapping is kept as
 *       {@link Dataset#classNames()}. A missing label is always an error.</li>
 * </ul>
 *
 * <h2>Writing</h2>
 * Columns: the id column (when the set has ids), the features, then the label column (class
 * names when the set has them, else codes). Numbers are written with {@link Double#toString},
 * which reads back to the same double.
 */
public final class DatasetCsv {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCsv.class);
    private static final Set<String> MISSING = Set.of("", "na", "nan", "null");

    /** What to do with missing (empty, NA, NaN) feature cells. */
    public enum NanPolicy {
        /** Fail naming file, line and column (default). */
        REJECT,
        /** Store the cell as {@code NaN} (later steps must handle it). */
        ALLOW
    }

    /** Reading options; immutable, built fluently from {@link #options()}. */
    public static final class Options {
        private final String label;
        private final String id;
        private final List<String> features;
        private final Set<String> ignore;
        private final NanPolicy nanPolicy;
        private final String positive;
        private final List<String> classes;

        private Options(String label, String id, List<String> features, Set<String> ignore, NanPolicy nanPolicy,
                        String positive, List<String> classes) {
            this.label = label;
            this.id = id;
            this.features = features;
            this.ignore = ignore;
            this.nanPolicy = nanPolicy;
            this.positive = positive;
            this.classes = classes;
        }

        /** The label column (null = unlabelled set). */
        public Options label(String column) {
            return new Options(column, id, features, ignore, nanPolicy, positive, classes);
        }

        /** The case-id column (null = none). */
        public Options id(String column) {
            return new Options(label, column, features, ignore, nanPolicy, positive, classes);
        }

        /** Read only these feature columns, in this order (null = every other column). */
        public Options features(List<String> columns) {
            return new Options(label, id, columns == null ? null : List.copyOf(columns), ignore, nanPolicy, positive,
                classes);
        }

        /** Columns to skip (neither features nor label nor id). */
        public Options ignore(Collection<String> columns) {
            return new Options(label, id, features, Set.copyOf(columns), nanPolicy, positive, classes);
        }

        public Options nanPolicy(NanPolicy policy) {
            return new Options(label, id, features, ignore, policy, positive, classes);
        }

        /**
         * Use this label coding (class {@code c} is {@code names.get(c)}, e.g. the
         * {@link Dataset#classNames()} of a training set) instead of inferring one: a label must
         * equal one of the names (or, when the names are numbers, have the same numeric value).
         */
        public Options classes(List<String> names) {
            return new Options(label, id, features, ignore, nanPolicy, positive, names == null ? null : List.copyOf(names));
        }

        /** The label text of the positive class (coded 1 in a binary problem); null = sorted order. */
        public Options positive(String labelText) {
            return new Options(label, id, features, ignore, nanPolicy, labelText, classes);
        }
    }

    private DatasetCsv() {
    }

    /** Default options: no label, no id, all columns are features, missing values rejected. */
    public static Options options() {
        return new Options(null, null, null, Set.of(), NanPolicy.REJECT, null, null);
    }

    /** The column names of a CSV file's header line. */
    public static List<String> header(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(skipByteOrderMark(in), CSVFormat.RFC4180.builder().setHeader()
                 .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).get())) {
            return List.copyOf(parser.getHeaderNames());
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new DatasetFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a labelled CSV with the label column {@code labelColumn} and no id column. */
    public static Dataset read(Path file, String labelColumn) throws IOException {
        return read(file, options().label(labelColumn));
    }

    /**
     * Reads a CSV file.
     *
     * @throws NoSuchFileException      when the file does not exist
     * @throws DatasetFormatException   naming file, line, row and column of the first problem
     */
    public static Dataset read(Path file, Options options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), options);
        }
    }

    /** Reads CSV text; {@code source} names it in error messages. */
    public static Dataset read(Reader in, String source, Options o) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(skipByteOrderMark(in), format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new DatasetFormatException(source + ": empty file (no header line)");
            }
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (col.put(header.get(c), c) != null) {
                    throw new DatasetFormatException(source + ": column '" + header.get(c) + "' appears twice in the header");
                }
            }
            int labelCol = o.label == null ? -1 : find(col, o.label, "label", source, header);
            int idCol = o.id == null ? -1 : find(col, o.id, "id", source, header);
            List<String> featureNames = new ArrayList<>();
            List<Integer> featureCols = new ArrayList<>();
            if (o.features != null) {
                for (String f : o.features) {
                    featureNames.add(f);
                    featureCols.add(find(col, f, "feature", source, header));
                }
            } else {
                for (int c = 0; c < header.size(); c++) {
                    String name = header.get(c);
                    if (c != labelCol && c != idCol && !o.ignore.contains(name)) {
                        featureNames.add(name);
                        featureCols.add(c);
                    }
                }
            }
            if (featureNames.isEmpty()) {
                throw new DatasetFormatException(source + ": no feature columns");
            }
            List<double[]> rows = new ArrayList<>();
            List<String> labelText = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (rec.size() != header.size()) {
                    throw new DatasetFormatException(source + ", line " + line + ": " + rec.size() + " cells, header has "
                        + header.size());
                }
                String id = idCol >= 0 ? rec.get(idCol) : null;
                String where = source + ", line " + line + (id != null ? " (id '" + id + "')" : "");
                double[] v = new double[featureCols.size()];
                for (int k = 0; k < v.length; k++) {
                    String cell = rec.get(featureCols.get(k));
                    if (MISSING.contains(cell.toLowerCase(Locale.ROOT))) {
                        if (o.nanPolicy == NanPolicy.REJECT) {
                            throw new DatasetFormatException(where + ", column '" + featureNames.get(k)
                                + "': missing value '" + cell + "' (NaN policy is REJECT)");
                        }
                        v[k] = Double.NaN;
                        continue;
                    }
                    try {
                        v[k] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new DatasetFormatException(where + ", column '" + featureNames.get(k)
                            + "': not a number: '" + cell + "'");
                    }
                    if (Double.isInfinite(v[k]) && o.nanPolicy == NanPolicy.REJECT) {
                        throw new DatasetFormatException(where + ", column '" + featureNames.get(k)
                            + "': infinite value '" + cell + "'");
                    }
                }
                if (labelCol >= 0) {
                    String lab = rec.get(labelCol);
                    if (MISSING.contains(lab.toLowerCase(Locale.ROOT))) {
                        throw new DatasetFormatException(where + ", label column '" + o.label + "': missing label");
                    }
                    labelText.add(lab);
                }
                rows.add(v);
                ids.add(id);
            }
            if (rows.isEmpty()) {
                throw new DatasetFormatException(source + ": no data rows");
            }
            Dataset.Builder b = Dataset.builder(featureNames).allowNonFinite(o.nanPolicy == NanPolicy.ALLOW)
                .labelName(o.label).idName(o.id);
            int[] codes = null;
            if (labelCol >= 0) {
                LabelCoding coding = o.classes != null ? LabelCoding.fixed(labelText, o.classes, source, o.label)
                    : LabelCoding.of(labelText, o.positive, source, o.label);
                codes = coding.codes;
                if (coding.names != null) {
                    b.classNames(coding.names);
                }
            } else {
                b.unlabelled();
            }
            for (int r = 0; r < rows.size(); r++) {
                b.addRow(rows.get(r), codes == null ? 0 : codes[r], ids.get(r));
            }
            return b.build();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new DatasetFormatException(source + ": " + e.getMessage(), e);
        }
    }

    /** Skips a leading byte-order mark (spreadsheet exports write one), so that it is not part of the first column name. */
    private static Reader skipByteOrderMark(Reader in) throws IOException {
        BufferedReader b = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        b.mark(1);
        if (b.read() != '\uFEFF') {
            b.reset();
        }
        return b;
    }

    private static int find(Map<String, Integer> col, String name, String role, String source, List<String> header)
        throws DatasetFormatException {
        Integer c = col.get(name);
        if (c == null) {
            throw new DatasetFormatException(source + ": no " + role + " column '" + name + "' (columns: " + header + ")");
        }
        return c;
    }

    /** Label texts -> class codes, with the mapping when it is not the identity on 0..k-1. */
    private static final class LabelCoding {
        final int[] codes;
        final List<String> names;

        private LabelCoding(int[] codes, List<String> names) {
            this.codes = codes;
            this.names = names;
        }

        static LabelCoding fixed(List<String> text, List<String> names, String source, String column)
            throws DatasetFormatException {
            Map<String, Integer> code = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                code.put(names.get(c), c);
            }
            int[] codes = new int[text.size()];
            for (int r = 0; r < codes.length; r++) {
                Integer c = code.get(text.get(r));
                if (c == null) {
                    for (int k = 0; k < names.size() && c == null; k++) {
                        try {
                            if (Double.parseDouble(names.get(k)) == Double.parseDouble(text.get(r))) {
                                c = k;
                            }
                        } catch (NumberFormatException e) {
                            // not numeric: no match
                        }
                    }
                }
                if (c == null) {
                    throw new DatasetFormatException(source + ": label '" + text.get(r) + "' in column '" + column
                        + "' (data row " + (r + 1) + ") is not one of the classes " + names);
                }
                codes[r] = c;
            }
            return new LabelCoding(codes, names);
        }

        static LabelCoding of(List<String> text, String positive, String source, String column)
            throws DatasetFormatException {
            int n = text.size();
            Set<String> distinct = new LinkedHashSet<>(text);
            // integer codes 0..k-1 written as integers (or x.0)
            boolean allNumeric = true;
            double[] num = new double[n];
            for (int r = 0; r < n && allNumeric; r++) {
                try {
                    num[r] = Double.parseDouble(text.get(r));
                } catch (NumberFormatException e) {
                    allNumeric = false;
                }
            }
            if (allNumeric && positive == null) {
                boolean codesOk = true;
                int max = 0;
                for (double v : num) {
                    if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE - 1) {
                        codesOk = false;
                        break;
                    }
                    max = Math.max(max, (int) v);
                }
                if (codesOk) {
                    boolean[] seen = new boolean[max + 1];
                    for (double v : num) {
                        seen[(int) v] = true;
                    }
                    for (boolean s : seen) {
                        codesOk &= s;
                    }
                }
                if (codesOk && max >= 1) {
                    int[] codes = new int[n];
                    for (int r = 0; r < n; r++) {
                        codes[r] = (int) num[r];
                    }
                    return new LabelCoding(codes, null);
                }
            }
            List<String> names = new ArrayList<>();
            if (allNumeric) {
                TreeSet<Double> sorted = new TreeSet<>();
                Map<Double, String> firstText = new HashMap<>();
                for (int r = 0; r < n; r++) {
                    sorted.add(num[r]);
                    firstText.putIfAbsent(num[r], text.get(r));
                }
                sorted.forEach(v -> names.add(firstText.get(v)));
            } else {
                names.addAll(new TreeSet<>(distinct));
            }
            if (names.size() < 2) {
                throw new DatasetFormatException(source + ": label column '" + column + "' has a single class "
                    + names + "; at least two are needed");
            }
            if (positive != null) {
                int at = -1;
                for (int c = 0; c < names.size(); c++) {
                    if (names.get(c).equals(positive)) {
                        at = c;
                    }
                }
                if (at < 0) {
                    throw new DatasetFormatException(source + ": positive class '" + positive + "' does not occur in label column '"
                        + column + "' (values: " + names + ")");
                }
                names.add(names.remove(at));
            } else if (!allNumeric) {
                LOG.info("{}: label column '{}' coded {} (last = positive class of a binary problem)", source, column, names);
            }
            Map<String, Integer> code = new HashMap<>();
            Map<Double, Integer> numCode = new HashMap<>();
            for (int c = 0; c < names.size(); c++) {
                code.put(names.get(c), c);
                if (allNumeric) {
                    numCode.put(Double.parseDouble(names.get(c)), c);
                }
            }
            int[] codes = new int[n];
            for (int r = 0; r < n; r++) {
                // numeric labels may be written differently ("1" and "1.0"): match by value
                codes[r] = allNumeric ? numCode.get(num[r]) : code.get(text.get(r));
            }
            return new LabelCoding(codes, names);
        }
    }

    /** Writes {@code data} as CSV (see the class comment for the layout). */
    public static void write(Dataset data, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(data, w);
        }
    }

    /** Writes {@code data} as CSV text. */
    public static void write(Dataset data, Writer out) throws IOException {
        List<String> header = new ArrayList<>();
        if (data.hasIds()) {
            header.add(data.idName() == null ? "id" : data.idName());
        }
        header.addAll(data.columnNames());
        if (data.hasLabels()) {
            header.add(data.labelName() == null ? "label" : data.labelName());
        }
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        p.printRecord(header);
        List<String> classNames = data.hasLabels() && data.hasClassNames() ? data.classNames() : null;
        List<String> cells = new ArrayList<>(header.size());
        for (int r = 0; r < data.rows(); r++) {
            cells.clear();
            if (data.hasIds()) {
                cells.add(data.id(r));
            }
            for (int c = 0; c < data.cols(); c++) {
                cells.add(Double.toString(data.get(r, c)));
            }
            if (data.hasLabels()) {
                int y = data.label(r);
                cells.add(classNames != null ? classNames.get(y) : Integer.toString(y));
            }
            p.printRecord(cells);
        }
        p.flush();
    }
}
