package org.radtab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.ml.DatasetFormatException;

/**
 * The feature tables of {@code radtab select} and {@code radtab resample}. They are read with
 * ml-core's {@link DatasetCsv} (header row, then one row per case; the label and id columns by
 * name, every other column a finite number, no missing values; label coding as described there)
 * and written back as {@code [id,] label, features}, with the label texts of the input.
 */
final class FeatureTableCsv {
    /** Appended to DatasetCsv's non-numeric-cell error: what to do about such a column. */
    private static final String NUMERIC_RULE = " (every column besides the label and the id must hold numbers;"
        + " remove other columns or name them with --label/--id)";

    private FeatureTableCsv() {
    }

    /**
     * Reads a labelled feature table.
     *
     * @param id the case-id column, or null
     * @throws IOException naming the file and the column, line or value that is wrong
     */
    static Dataset read(Path file, String label, String id) throws IOException {
        requireColumns(file, label, id);
        return read(file, DatasetCsv.options().label(label).id(id));
    }

    /**
     * Reads a second reader's feature table: the id column and the features; a column named
     * {@code label}, if the table has one, is ignored.
     */
    static Dataset readUnlabelled(Path file, String label, String id) throws IOException {
        requireColumns(file, null, id);
        return read(file, DatasetCsv.options().id(id).ignore(label == null ? Set.of() : Set.of(label)));
    }

    private static Dataset read(Path file, DatasetCsv.Options options) throws IOException {
        try {
            return DatasetCsv.read(file, options);
        } catch (DatasetFormatException e) {
            if (e.getMessage() != null && e.getMessage().contains(": not a number: ")) {
                throw new DatasetFormatException(e.getMessage() + NUMERIC_RULE, e);
            }
            throw e;
        }
    }

    /** Fails with the (abbreviated) column list when the label or id column is not in the header. */
    private static void requireColumns(Path file, String label, String id) throws IOException {
        List<String> header = DatasetCsv.header(file);
        if (header.isEmpty()) {
            throw new DatasetFormatException(file + ": the file is empty (a header row is needed)");
        }
        if (label != null && !header.contains(label)) {
            throw new DatasetFormatException(file + ": no label column '" + label + "' (columns: "
                + abbreviate(header) + ")");
        }
        if (id != null && !header.contains(id)) {
            throw new DatasetFormatException(file + ": no id column '" + id + "' (columns: " + abbreviate(header) + ")");
        }
    }

    private static String abbreviate(List<String> names) {
        int shown = Math.min(names.size(), 15);
        String s = String.join(", ", names.subList(0, shown));
        return shown < names.size() ? s + ", ... (" + names.size() + " in all)" : s;
    }

    /**
     * Class counts as {@code {0: 754, 1: 102}}, or {@code {no (0): 754, yes (1): 102}} when the
     * label texts are not the codes.
     */
    static String describeClasses(List<String> classNames, int[] counts) {
        StringBuilder sb = new StringBuilder("{");
        for (int c = 0; c < counts.length; c++) {
            if (c > 0) {
                sb.append(", ");
            }
            String t = c < classNames.size() ? classNames.get(c) : Integer.toString(c);
            sb.append(t.equals(Integer.toString(c)) ? t : t + " (" + c + ")").append(": ").append(counts[c]);
        }
        return sb.append('}').toString();
    }

    /**
     * Writes the rows and features of {@code d} as {@code [id,] label, features}, with the id and
     * label column names and the label texts ({@link Dataset#classNames()}) of {@code input}, the
     * table as read; the id column only when {@code input} has one.
     */
    static void write(Path target, Dataset input, Dataset d) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<String> classNames = input.classNames();
        boolean ids = input.hasIds();
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            List<String> head = new ArrayList<>();
            if (ids) {
                head.add(input.idName());
            }
            head.add(input.labelName());
            head.addAll(d.columnNames());
            p.printRecord(head);
            List<String> cells = new ArrayList<>(head.size());
            for (int r = 0; r < d.rows(); r++) {
                cells.clear();
                if (ids) {
                    cells.add(d.id(r));
                }
                cells.add(classNames.get(d.label(r)));
                for (int c = 0; c < d.cols(); c++) {
                    cells.add(Double.toString(d.get(r, c)));
                }
                p.printRecord(cells);
            }
        }
    }
}
