package org.radtab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.radtab.ml.Dataset;
import org.radtab.selection.AdaptiveScaler;
import org.radtab.selection.CccFilter;
import org.radtab.selection.FittedScaler;
import org.radtab.selection.Mrmr;
import org.radtab.selection.RankSumFilter;
import org.radtab.selection.ScalingMethod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab select}: feature selection on a feature table (e.g. PyRadiomics batch output).
 *
 * <pre>
 * radtab select --data features.csv --label COLUMN [--id COLUMN] --steps scale,wrs:0.1,mrmr:20
 *               [--method fcq|fcd|miq|mid] [--reader2 features_reader2.csv --ccc 0.85] --out selected.csv
 * </pre>
 * Steps run in the order given:
 * <ul>
 *   <li>{@code scale}: adaptive z-score / robust scaling ({@link AdaptiveScaler}); constant
 *       columns are dropped; the output holds the scaled values;</li>
 *   <li>{@code ccc[:T]}: keep features whose Lin's CCC between this table and {@code --reader2}
 *       (cases matched by {@code --id}) is {@code >= T} (default {@code --ccc}, 0.85). With
 *       {@code --reader2} and no {@code ccc} step, the CCC filter runs first. The CCC is computed
 *       on the raw values of both tables (it is unchanged by the scaler, which maps both readers
 *       alike);</li>
 *   <li>{@code wrs:ALPHA}: keep features with a Wilcoxon rank-sum P &lt; ALPHA between the two
 *       label classes;</li>
 *   <li>{@code mrmr:K}: mRMR selection of K features ({@code --method}, default FCQ); the output
 *       columns follow the pick order.</li>
 * </ul>
 * Every column other than the label and the id must be numeric. The output keeps the id and the
 * label columns (label values as in the input) followed by the selected features.
 *
 * <p>The CSV reading here is a small self-contained reader until ml-core's Dataset CSV I/O is
 * used by the CLI.
 */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Feature selection on a feature table: adaptive scaling, reader concordance (CCC), "
        + "Wilcoxon rank-sum screening and mRMR, in the order given by --steps."})
public final class SelectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Feature table (CSV with a header row).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Binary outcome column.")
    String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Case id column (required with --reader2).")
    String id;

    @Option(names = "--steps", required = true, paramLabel = "STEPS",
        description = "Comma-separated steps, run in order: scale, ccc[:T], wrs:ALPHA, mrmr:K "
            + "(e.g. scale,wrs:0.1,mrmr:20).")
    String steps;

    @Option(names = "--method", defaultValue = "fcq", paramLabel = "SCHEME",
        description = "mRMR scheme: fcq (default), fcd, miq, mid.")
    String method;

    @Option(names = "--reader2", paramLabel = "FILE",
        description = "The same features measured by a second reader/segmentation (CSV, same id column).")
    Path reader2;

    @Option(names = "--ccc", defaultValue = "0.85", paramLabel = "T",
        description = "CCC threshold of the ccc step (default ${DEFAULT-VALUE}).")
    double cccThreshold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV (id, label, selected features).")
    Path out;

    /** One parsed step. */
    record Step(String name, double argument) {
    }

    /**
     * Exit codes ({@link ExitCodes}): 0 success; 2 invalid options (steps, method, --reader2
     * without --id); 3 an input that cannot be read or used (missing file or column, non-numeric
     * column, reader tables with different cases, a label that is not binary for wrs, ...).
     */
    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Step> plan;
        Mrmr.Scheme scheme;
        try {
            plan = parseSteps(steps, reader2 != null, cccThreshold);
            scheme = Mrmr.Scheme.parse(method);
            if (reader2 != null && id == null) {
                throw new IllegalArgumentException("--reader2 needs --id to match the cases of the two tables");
            }
        } catch (IllegalArgumentException e) {
            err.println("radtab select: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            return run(o, plan, scheme);
        } catch (IOException | IllegalArgumentException e) {
            err.println("radtab select: " + e.getMessage());
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
    }

    private int run(PrintWriter o, List<Step> plan, Mrmr.Scheme scheme) throws IOException {
        FeatureTable table = FeatureTable.read(data, label, id, true);
        LabelCoding coding = LabelCoding.of(table.labels);
        Dataset raw = table.toDataset(coding);
        o.printf(Locale.ROOT, "%s: %d cases, %d features, classes %s%n", data.getFileName(), raw.rows(), raw.cols(),
            coding.describe(raw.classCounts()));
        Dataset current = raw;
        FeatureTable second = null;
        for (Step step : plan) {
            int before = current.cols();
            switch (step.name()) {
                case "scale": {
                    FittedScaler f = AdaptiveScaler.defaults().fit(current);
                    current = f.apply(current);
                    o.printf(Locale.ROOT, "scale: kept %d, dropped %d (z-score %d, robust %d)%n", current.cols(),
                        before - current.cols(), f.methodCounts().get(ScalingMethod.Z_SCORE),
                        f.methodCounts().get(ScalingMethod.ROBUST));
                    for (FittedScaler.DroppedColumn d : f.dropped()) {
                        o.printf("  dropped %s: %s%n", d.name(), d.reason());
                    }
                    break;
                }
                case "ccc": {
                    if (second == null) {
                        second = FeatureTable.read(reader2, label, id, false);   // its label column, if any, is ignored
                    }
                    Dataset r1 = raw.columns(current.columnNames());
                    Dataset r2 = second.toDataset(null);
                    CccFilter.Result res = new CccFilter(step.argument(), 0.95).apply(r1, r2);
                    current = current.columns(res.kept());
                    o.printf(Locale.ROOT, "ccc >= %s: kept %d, dropped %d (%d cases matched by %s)%n",
                        fmt(step.argument()), res.kept().size(), res.dropped().size(), res.cases(), id);
                    break;
                }
                case "wrs": {
                    RankSumFilter.Result res = new RankSumFilter(step.argument()).apply(current);
                    current = current.columns(res.kept());
                    o.printf(Locale.ROOT, "wrs P < %s: kept %d, dropped %d%n", fmt(step.argument()), res.kept().size(),
                        res.dropped().size());
                    break;
                }
                case "mrmr": {
                    int k = (int) step.argument();
                    Mrmr.Result res = new Mrmr(Mrmr.Options.of(scheme)).select(current, k);
                    current = current.columns(res.selected());
                    o.printf(Locale.ROOT, "mrmr %s k=%d: kept %d, dropped %d%n", scheme.name().toLowerCase(Locale.ROOT),
                        k, current.cols(), before - current.cols());
                    if (res.picks().size() < k) {
                        o.printf(Locale.ROOT, "  only %d features have a positive relevance%n", res.picks().size());
                    }
                    o.printf("  %4s  %-40s %14s %12s %14s%n", "rank", "feature", "relevance", "redundancy", "score");
                    for (Mrmr.Pick p : res.picks()) {
                        o.printf(Locale.ROOT, "  %4d  %-40s %14.6g %12s %14.6g%n", p.rank(), p.feature(), p.relevance(),
                            Double.isNaN(p.redundancy()) ? "-" : String.format(Locale.ROOT, "%.6f", p.redundancy()),
                            p.score());
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("unhandled step " + step.name());
            }
            if (current.cols() == 0) {
                o.printf("no features left after step '%s'%n", step.name());
            }
        }
        table.write(out, current, coding);
        o.printf("wrote %s: %d cases, %d features%n", out, current.rows(), current.cols());
        o.flush();
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses {@code scale,ccc[:T],wrs:ALPHA,mrmr:K}; with a second reader and no ccc step, a ccc
     * step is put first.
     */
    static List<Step> parseSteps(String text, boolean haveReader2, double defaultCcc) {
        List<Step> plan = new ArrayList<>();
        boolean ccc = false;
        for (String raw : text.split(",")) {
            String s = raw.trim();
            if (s.isEmpty()) {
                continue;
            }
            String name = s;
            String arg = null;
            int colon = s.indexOf(':');
            if (colon >= 0) {
                name = s.substring(0, colon).trim();
                arg = s.substring(colon + 1).trim();
            }
            name = name.toLowerCase(Locale.ROOT);
            switch (name) {
                case "scale":
                    if (arg != null) {
                        throw new IllegalArgumentException("step 'scale' takes no argument (got '" + s + "')");
                    }
                    plan.add(new Step("scale", 0));
                    break;
                case "ccc": {
                    if (!haveReader2) {
                        throw new IllegalArgumentException("step 'ccc' needs --reader2 (the second reader's feature table)");
                    }
                    double t = arg == null ? defaultCcc : number(s, arg);
                    if (!(t >= -1 && t <= 1)) {
                        throw new IllegalArgumentException("step '" + s + "': the CCC threshold must be in [-1, 1]");
                    }
                    plan.add(new Step("ccc", t));
                    ccc = true;
                    break;
                }
                case "wrs": {
                    if (arg == null) {
                        throw new IllegalArgumentException("step 'wrs' needs a P threshold, e.g. wrs:0.1");
                    }
                    double a = number(s, arg);
                    if (!(a > 0 && a <= 1)) {
                        throw new IllegalArgumentException("step '" + s + "': the P threshold must be in (0, 1]");
                    }
                    plan.add(new Step("wrs", a));
                    break;
                }
                case "mrmr": {
                    if (arg == null) {
                        throw new IllegalArgumentException("step 'mrmr' needs the number of features, e.g. mrmr:20");
                    }
                    int k;
                    try {
                        k = Integer.parseInt(arg);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("step '" + s + "': '" + arg + "' is not a whole number");
                    }
                    if (k < 1) {
                        throw new IllegalArgumentException("step '" + s + "': K must be >= 1");
                    }
                    plan.add(new Step("mrmr", k));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown step '" + s + "' (steps: scale, ccc[:T], wrs:ALPHA, mrmr:K)");
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("--steps names no step");
        }
        if (haveReader2 && !ccc) {
            plan.add(0, new Step("ccc", defaultCcc));
        }
        return plan;
    }

    private static double number(String step, String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("step '" + step + "': '" + arg + "' is not a number");
        }
    }

    /** Class codes 0..k-1 for the label texts: numeric order when all are numbers, else alphabetical. */
    static final class LabelCoding {
        final List<String> texts;
        private final Map<String, Integer> codes = new HashMap<>();

        private LabelCoding(List<String> texts) {
            this.texts = texts;
            for (int i = 0; i < texts.size(); i++) {
                codes.put(texts.get(i), i);
            }
        }

        static LabelCoding of(String[] labels) {
            TreeSet<String> distinct = new TreeSet<>(List.of(labels));
            List<String> t = new ArrayList<>(distinct);
            if (t.stream().allMatch(LabelCoding::isNumber)) {
                t.sort(Comparator.comparingDouble(Double::parseDouble));
            }
            return new LabelCoding(t);
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        int code(String text) {
            return codes.get(text);
        }

        String text(int code) {
            return texts.get(code);
        }

        /** {@code 0: 754, 1: 102}, or {@code no (0): 754, yes (1): 102} when the texts are not the codes. */
        String describe(int[] counts) {
            StringBuilder sb = new StringBuilder("{");
            for (int c = 0; c < counts.length; c++) {
                if (c > 0) {
                    sb.append(", ");
                }
                String t = c < texts.size() ? texts.get(c) : Integer.toString(c);
                sb.append(t.equals(Integer.toString(c)) ? t : t + " (" + c + ")").append(": ").append(counts[c]);
            }
            return sb.append('}').toString();
        }
    }

    /**
     * A feature table read from CSV: header row, then one row per case. The label and id columns
     * are kept as text; every other column must hold finite numbers.
     */
    static final class FeatureTable {
        final Path file;
        final String labelName;
        final String idName;
        final List<String> features;
        final String[] labels;      // null without a label column
        final String[] ids;         // null without an id column
        final double[][] values;

        private FeatureTable(Path file, String labelName, String idName, List<String> features, String[] labels,
                             String[] ids, double[][] values) {
            this.file = file;
            this.labelName = labelName;
            this.idName = idName;
            this.features = features;
            this.labels = labels;
            this.ids = ids;
            this.values = values;
        }

        /**
         * Reads {@code file}.
         *
         * @param labelColumn   label column name (null: none; when given but absent and not required, ignored)
         * @param labelRequired fail when the label column is absent
         * @throws IOException naming the file, and the columns or line that are wrong
         */
        static FeatureTable read(Path file, String labelColumn, String idColumn, boolean labelRequired)
            throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": no such file");
            }
            List<List<String>> rows = new ArrayList<>();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT)) {
                for (CSVRecord rec : p) {
                    List<String> cells = new ArrayList<>(rec.size());
                    rec.forEach(cells::add);
                    if (cells.size() == 1 && cells.get(0).isBlank()) {
                        continue;   // blank line
                    }
                    rows.add(cells);
                }
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                throw new IOException(file + ": not a readable CSV file: " + e.getMessage(), e);
            }
            if (rows.isEmpty()) {
                throw new IOException(file + ": the file is empty (a header row is needed)");
            }
            List<String> header = rows.get(0);
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (index.put(header.get(c), c) != null) {
                    throw new IOException(file + ": column '" + header.get(c) + "' appears twice in the header");
                }
            }
            int labelCol = -1;
            if (labelColumn != null) {
                Integer lc = index.get(labelColumn);
                if (lc == null && labelRequired) {
                    throw new IOException(file + ": no label column '" + labelColumn + "' (columns: "
                        + abbreviate(header) + ")");
                }
                labelCol = lc == null ? -1 : lc;
            }
            int idCol = -1;
            if (idColumn != null) {
                Integer ic = index.get(idColumn);
                if (ic == null) {
                    throw new IOException(file + ": no id column '" + idColumn + "' (columns: " + abbreviate(header) + ")");
                }
                idCol = ic;
            }
            int n = rows.size() - 1;
            if (n == 0) {
                throw new IOException(file + ": the table has a header but no rows");
            }
            for (int i = 1; i <= n; i++) {
                if (rows.get(i).size() != header.size()) {
                    throw new IOException(file + ": line " + (i + 1) + " has " + rows.get(i).size() + " fields, the header "
                        + header.size());
                }
            }
            List<String> features = new ArrayList<>();
            List<Integer> featureCols = new ArrayList<>();
            List<String> nonNumeric = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                if (c == labelCol || c == idCol) {
                    continue;
                }
                String bad = null;
                for (int i = 1; i <= n && bad == null; i++) {
                    String v = rows.get(i).get(c).trim();
                    if (!v.isEmpty() && !isFiniteNumber(v)) {
                        bad = v;
                    }
                }
                if (bad != null) {
                    nonNumeric.add(header.get(c) + " (e.g. '" + (bad.length() > 30 ? bad.substring(0, 30) + "..." : bad)
                        + "')");
                } else {
                    features.add(header.get(c));
                    featureCols.add(c);
                }
            }
            if (!nonNumeric.isEmpty()) {
                throw new IOException(file + ": " + nonNumeric.size() + " column(s) besides the label and id are not "
                    + "numeric; remove them or name them with --label/--id: " + abbreviate(nonNumeric));
            }
            String[] labels = labelCol < 0 ? null : new String[n];
            String[] ids = idCol < 0 ? null : new String[n];
            double[][] values = new double[n][features.size()];
            for (int i = 1; i <= n; i++) {
                List<String> row = rows.get(i);
                if (labels != null) {
                    labels[i - 1] = row.get(labelCol).trim();
                    if (labels[i - 1].isEmpty()) {
                        throw new IOException(file + ": line " + (i + 1) + ": the label ('" + labelColumn + "') is empty");
                    }
                }
                if (ids != null) {
                    ids[i - 1] = row.get(idCol).trim();
                }
                for (int j = 0; j < features.size(); j++) {
                    String v = row.get(featureCols.get(j)).trim();
                    if (v.isEmpty()) {
                        throw new IOException(file + ": line " + (i + 1) + ", column '" + features.get(j)
                            + "' is empty (missing values are not allowed)");
                    }
                    values[i - 1][j] = Double.parseDouble(v);
                }
            }
            return new FeatureTable(file, labels == null ? null : labelColumn, idColumn, List.copyOf(features), labels,
                ids, values);
        }

        private static boolean isFiniteNumber(String s) {
            try {
                return Double.isFinite(Double.parseDouble(s));
            } catch (NumberFormatException e) {
                return false;
            }
        }

        static String abbreviate(List<String> names) {
            int shown = Math.min(names.size(), 15);
            String s = String.join(", ", names.subList(0, shown));
            return shown < names.size() ? s + ", ... (" + names.size() + " in all)" : s;
        }

        /** The numeric part as a Dataset; labelled with {@code coding} when given (else unlabelled). */
        Dataset toDataset(LabelCoding coding) {
            Dataset.Builder b = Dataset.builder(features).labelName(labelName).idName(idName);
            if (coding == null || labels == null) {
                b.unlabelled();
            }
            for (int i = 0; i < values.length; i++) {
                int y = coding == null || labels == null ? 0 : coding.code(labels[i]);
                b.addRow(values[i], y, ids == null ? null : ids[i]);
            }
            return b.build();
        }

        /** Writes [id,] label, then the columns of {@code d} (rows of d, labels as texts). */
        void write(Path target, Dataset d, LabelCoding coding) throws IOException {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
                List<String> head = new ArrayList<>();
                if (idName != null) {
                    head.add(idName);
                }
                head.add(labelName);
                head.addAll(d.columnNames());
                w.write(csvLine(head));
                for (int r = 0; r < d.rows(); r++) {
                    List<String> cells = new ArrayList<>(head.size());
                    if (idName != null) {
                        cells.add(d.id(r));
                    }
                    cells.add(coding.text(d.label(r)));
                    for (int c = 0; c < d.cols(); c++) {
                        cells.add(Double.toString(d.get(r, c)));
                    }
                    w.write(csvLine(cells));
                }
            }
        }

        private static String csvLine(List<String> cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                String s = cells.get(i);
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                    sb.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(s);
                }
            }
            return sb.append('\n').toString();
        }
    }
}
