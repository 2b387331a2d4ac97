package org.radtab.rbp.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;

/** Reading the clinical table and feature tables of real data, and aligning them by case id. */
final class TableJoin {
    /** Columns of a PyRadiomics batch output that are not features. */
    private static final Set<String> NON_FEATURES = Set.of("Image", "Mask", "Label", "image", "mask", "label",
        "mask_reader2");

    private TableJoin() {
    }

    /** The clinical table: {@code idColumn}, every Table-1 column, and the {@code RBP} outcome (0/1). */
    static Dataset clinical(Path file, String idColumn) {
        requireFile(file, "clinical table");
        try {
            List<String> header = DatasetCsv.header(file);
            List<String> missing = new ArrayList<>();
            for (String c : ClinicalTable.columns()) {
                if (!header.contains(c)) {
                    missing.add(c);
                }
            }
            if (!header.contains(idColumn)) {
                missing.add(idColumn + " (case id)");
            }
            if (!header.contains("RBP")) {
                missing.add("RBP (outcome, 0/1)");
            }
            if (!missing.isEmpty()) {
                throw new StudyInputException(file + ": missing column(s) " + missing + "; the clinical columns are "
                    + ClinicalTable.columns() + " (codes in the README)");
            }
            Dataset d = DatasetCsv.read(file, DatasetCsv.options().label("RBP").id(idColumn)
                .features(ClinicalTable.columns()).classes(outcomeCoding(file)));
            Dataset.Builder b = Dataset.builder(ClinicalTable.columns()).labelName("RBP").idName(idColumn)
                .classNames(List.of("no RBP", "RBP"));
            for (int r = 0; r < d.rows(); r++) {
                if (d.label(r) > 1) {
                    throw new StudyInputException(file + ": case " + d.id(r) + ": RBP must be 0 or 1");
                }
                b.addRow(d.row(r), d.label(r), d.id(r));
            }
            return b.build();
        } catch (IOException e) {
            throw new StudyInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outcome coding of the clinical table: {@code 0}/{@code 1} (as written by hand), or
     * {@code no RBP}/{@code RBP} (as RadTab writes {@code clinical.csv}); anything else is an error.
     */
    static List<String> outcomeCoding(Path file) throws IOException {
        java.util.Set<String> values = new java.util.TreeSet<>();
        try (java.io.Reader in = Files.newBufferedReader(file);
             org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(in,
                 org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get())) {
            for (org.apache.commons.csv.CSVRecord r : p) {
                values.add(r.get("RBP").trim());
            }
        }
        if (Set.of("0", "1", "0.0", "1.0").containsAll(values)) {
            return List.of("0", "1");
        }
        if (Set.of("no RBP", "RBP").containsAll(values)) {
            return List.of("no RBP", "RBP");
        }
        throw new StudyInputException(file + ": column RBP must hold 0/1 (or 'no RBP'/'RBP'), found " + values);
    }

    /** A feature table: numeric columns except the id, label, path and {@code diagnostics_} columns. */
    static Dataset features(Path file, String idColumn) {
        requireFile(file, "feature table");
        try {
            List<String> header = DatasetCsv.header(file);
            if (!header.contains(idColumn)) {
                throw new StudyInputException(file + ": no case-id column '" + idColumn + "' (use --id)");
            }
            List<String> features = new ArrayList<>();
            for (String c : header) {
                if (!c.equals(idColumn) && !c.equals("RBP") && !NON_FEATURES.contains(c) && !c.startsWith("diagnostics_")) {
                    features.add(c);
                }
            }
            if (features.isEmpty()) {
                throw new StudyInputException(file + ": no feature columns");
            }
            return DatasetCsv.read(file, DatasetCsv.options().id(idColumn).features(features));
        } catch (IOException e) {
            throw new StudyInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** The rows of {@code table} in the order of {@code ids}; every id must be present. */
    static Dataset align(Dataset table, List<String> ids, String what) {
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < table.rows(); r++) {
            if (row.put(table.id(r), r) != null) {
                throw new StudyInputException(what + ": case id '" + table.id(r) + "' appears twice");
            }
        }
        int[] rows = new int[ids.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Integer r = row.get(ids.get(i));
            if (r == null) {
                missing.add(ids.get(i));
            } else {
                rows[i] = r;
            }
        }
        if (!missing.isEmpty()) {
            throw new StudyInputException(what + ": no row for case id(s) " + (missing.size() > 10
                ? missing.subList(0, 10) + " ... (" + missing.size() + " in all)" : missing));
        }
        return table.rows(rows);
    }

    static List<String> ids(Dataset d) {
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < d.rows(); r++) {
            ids.add(d.id(r));
        }
        return ids;
    }

    static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new StudyInputException(what + " not found: " + file);
        }
    }
}
