package org.radtab.selection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.Dataset;

/**
 * The result of {@link AdaptiveScaler#fit}: for each kept column its method, centre and scale,
 * plus the dropped columns with their reasons. Immutable; {@link #apply(Dataset)} transforms any
 * rows ({@code (x - centre) / scale}, columns found by name) without refitting.
 *
 * <h2>JSON document (format version 1)</h2>
 * <pre>
 * {
 *   "format": "radtab-adaptive-scaler",
 *   "formatVersion": 1,
 *   "rule": {"maxAbsSkewness": 2.0, "maxExcessKurtosis": 7.0, "maxOutlierShare": 0.1, "fenceMultiplier": 1.5},
 *   "trainingRows": 600,
 *   "columns": [ {"name": "f1", "method": "z-score", "center": 1.2, "scale": 0.4,
 *                 "skewness": 0.1, "excessKurtosis": -0.3, "outlierShare": 0.0}, ... ],
 *   "dropped": [ {"name": "f9", "reason": "constant (sd = 0)"}, ... ]
 * }
 * </pre>
 * Numbers are written with full double precision, so a saved and reloaded scaler gives
 * bit-identical output.
 */
public final class FittedScaler {
    /** Value of the {@code format} field. */
    public static final String FORMAT = "radtab-adaptive-scaler";
    /** Current {@code formatVersion}; documents with a higher version are rejected. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Scaling of one kept column, with the training statistics that chose it. */
    public record ColumnScaling(String name, ScalingMethod method, double center, double scale, double skewness,
                                double excessKurtosis, double outlierShare) {
        public ColumnScaling {
            if (!(scale > 0) || !Double.isFinite(scale) || !Double.isFinite(center)) {
                throw new IllegalArgumentException("column '" + name + "': scale must be finite and > 0 and centre "
                    + "finite, got centre " + center + ", scale " + scale);
            }
        }

        /** {@code (x - center) / scale}. */
        public double apply(double x) {
            return (x - center) / scale;
        }
    }

    /** A training column that was not kept, and why. */
    public record DroppedColumn(String name, String reason) {
    }

    private final AdaptiveScaler.Rule rule;
    private final int trainingRows;
    private final List<ColumnScaling> columns;
    private final List<DroppedColumn> dropped;

    FittedScaler(AdaptiveScaler.Rule rule, int trainingRows, List<ColumnScaling> columns, List<DroppedColumn> dropped) {
        this.rule = rule;
        this.trainingRows = trainingRows;
        this.columns = List.copyOf(columns);
        this.dropped = List.copyOf(dropped);
    }

    public AdaptiveScaler.Rule rule() {
        return rule;
    }

    /** Number of rows the scaler was fitted on. */
    public int trainingRows() {
        return trainingRows;
    }

    /** Kept columns, in training order. */
    public List<ColumnScaling> columns() {
        return columns;
    }

    /** Dropped columns with reasons, in training order. */
    public List<DroppedColumn> dropped() {
        return dropped;
    }

    /** Names of the kept columns (the output columns of {@link #apply}). */
    public List<String> keptNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnScaling c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    /** The method chosen for a kept column. */
    public ScalingMethod method(String column) {
        for (ColumnScaling c : columns) {
            if (c.name().equals(column)) {
                return c.method();
            }
        }
        throw new IllegalArgumentException("column '" + column + "' is not among the scaled columns");
    }

    /** How many kept columns got each method. */
    public Map<ScalingMethod, Integer> methodCounts() {
        Map<ScalingMethod, Integer> counts = new EnumMap<>(ScalingMethod.class);
        for (ScalingMethod m : ScalingMethod.values()) {
            counts.put(m, 0);
        }
        for (ColumnScaling c : columns) {
            counts.merge(c.method(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Scales {@code data}: the output has the kept columns, in training order, each transformed
     * with its fitted centre and scale; labels, ids and their column names are carried over. Other
     * columns of {@code data} (e.g. the dropped ones) are left out.
     *
     * @throws SelectionException naming the kept columns that {@code data} lacks
     */
    public Dataset apply(Dataset data) {
        int[] src = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int j = 0; j < src.length; j++) {
            String name = columns.get(j).name();
            if (data.hasColumn(name)) {
                src[j] = data.columnIndex(name);
            } else {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new SelectionException("the data lacks " + missing.size() + " column(s) the scaler was fitted on: "
                + abbreviate(missing));
        }
        Dataset.Builder b = Dataset.builder(keptNames()).labelName(data.labelName()).idName(data.idName());
        if (!data.hasLabels()) {
            b.unlabelled();
        }
        double[] out = new double[src.length];
        for (int r = 0; r < data.rows(); r++) {
            for (int j = 0; j < src.length; j++) {
                out[j] = columns.get(j).apply(data.get(r, src[j]));
            }
            b.addRow(out, data.hasLabels() ? data.label(r) : 0, data.hasIds() ? data.id(r) : null);
        }
        return b.build();
    }

    static String abbreviate(List<String> names) {
        int shown = Math.min(names.size(), 20);
        String s = String.join(", ", names.subList(0, shown));
        return shown < names.size() ? s + ", ... (" + names.size() + " in all)" : s;
    }

    /** The JSON document (see the class comment). */
    public ObjectNode toJson() {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("formatVersion", FORMAT_VERSION);
        ObjectNode r = doc.putObject("rule");
        r.put("maxAbsSkewness", rule.maxAbsSkewness());
        r.put("maxExcessKurtosis", rule.maxExcessKurtosis());
        r.put("maxOutlierShare", rule.maxOutlierShare());
        r.put("fenceMultiplier", rule.fenceMultiplier());
        doc.put("trainingRows", trainingRows);
        ArrayNode cols = doc.putArray("columns");
        for (ColumnScaling c : columns) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name());
            o.put("method", c.method().label());
            o.put("center", c.center());
            o.put("scale", c.scale());
            o.put("skewness", c.skewness());
            o.put("excessKurtosis", c.excessKurtosis());
            o.put("outlierShare", c.outlierShare());
        }
        ArrayNode drop = doc.putArray("dropped");
        for (DroppedColumn d : dropped) {
            ObjectNode o = drop.addObject();
            o.put("name", d.name());
            o.put("reason", d.reason());
        }
        return doc;
    }

    /** The JSON document as text. */
    public String toJsonString() {
        try {
            return MAPPER.writeValueAsString(toJson());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the scaler", e);
        }
    }

    /** Writes the JSON document to {@code file} (parent directories are created). */
    public void save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), toJson());
    }

    /**
     * Reads a scaler saved by {@link #save}.
     *
     * @throws IOException naming the file and the field that is missing or wrong
     */
    public static FittedScaler load(Path file) throws IOException {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable JSON document: " + e.getMessage(), e);
        }
        try {
            return fromJson(doc);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Rebuilds a scaler from its JSON document.
     *
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    public static FittedScaler fromJson(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("the document is not a JSON object");
        }
        String format = text(doc, "format");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("field 'format' is '" + format + "', expected '" + FORMAT + "'");
        }
        int version = (int) number(doc, "formatVersion");
        if (version < 1 || version > FORMAT_VERSION) {
            throw new IllegalArgumentException("field 'formatVersion' is " + version + "; this RadTab reads versions 1.."
                + FORMAT_VERSION);
        }
        JsonNode r = object(doc, "rule");
        AdaptiveScaler.Rule rule = new AdaptiveScaler.Rule(number(r, "maxAbsSkewness"), number(r, "maxExcessKurtosis"),
            number(r, "maxOutlierShare"), number(r, "fenceMultiplier"));
        int rows = (int) number(doc, "trainingRows");
        List<ColumnScaling> cols = new ArrayList<>();
        JsonNode arr = array(doc, "columns");
        for (int i = 0; i < arr.size(); i++) {
            JsonNode o = arr.get(i);
            String where = "columns[" + i + "]";
            String name = text(o, "name", where);
            ScalingMethod method = ScalingMethod.fromLabel(text(o, "method", where));
            cols.add(new ColumnScaling(name, method, number(o, "center", where), number(o, "scale", where),
                number(o, "skewness", where), number(o, "excessKurtosis", where), number(o, "outlierShare", where)));
        }
        List<DroppedColumn> drop = new ArrayList<>();
        JsonNode darr = array(doc, "dropped");
        for (int i = 0; i < darr.size(); i++) {
            String where = "dropped[" + i + "]";
            drop.add(new DroppedColumn(text(darr.get(i), "name", where), text(darr.get(i), "reason", where)));
        }
        return new FittedScaler(rule, rows, cols, drop);
    }

    private static String text(JsonNode o, String field) {
        return text(o, field, null);
    }

    private static String text(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing or non-text field '" + qualified(where, field) + "'");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field) {
        return number(o, field, null);
    }

    private static double number(JsonNode o, String field, String where) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("missing or non-numeric field '" + qualified(where, field) + "'");
        }
        return v.asDouble();
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw new IllegalArgumentException("missing object field '" + field + "'");
        }
        return v;
    }

    private static JsonNode array(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("missing array field '" + field + "'");
        }
        return v;
    }

    private static String qualified(String where, String field) {
        return where == null ? field : where + "." + field;
    }
}
