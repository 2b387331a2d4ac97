package org.radtab.radiomics.conformance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Readers for the IBSI reference tables. */
public final class ReferenceFiles {
    private ReferenceFiles() {
    }

    /**
     * An IBSI 1 reference file: header {@code reference value;tolerance;tag}, then one row per
     * tag. An empty value (and tolerance) means no consensus.
     */
    public static List<ReferenceValue> readIbsi1(Path csv) throws IOException {
        List<String> lines = lines(csv);
        requireHeader(csv, lines, "reference value;tolerance;tag");
        List<ReferenceValue> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 3) {
                throw new ReferenceDataException(csv, i + 1, "expected 3 fields separated by ';', found " + f.length);
            }
            String tag = f[2].trim();
            if (tag.isEmpty() || !seen.add(tag)) {
                throw new ReferenceDataException(csv, i + 1, tag.isEmpty() ? "empty tag" : "tag " + tag + " appears twice");
            }
            out.add(row(csv, i + 1, tag, f[0], f[1]));
        }
        return out;
    }

    /**
     * The IBSI 2 phase-2 file {@code reference_values.csv}: header
     * {@code filter_id;feature;feature_tag;consensus_value;tolerance}; rows grouped by filter id
     * (in file order).
     */
    public static Map<String, List<ReferenceValue>> readIbsi2Phase2(Path csv) throws IOException {
        List<String> lines = lines(csv);
        requireHeader(csv, lines, "filter_id;feature;feature_tag;consensus_value;tolerance");
        Map<String, List<ReferenceValue>> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != 5) {
                throw new ReferenceDataException(csv, i + 1, "expected 5 fields separated by ';', found " + f.length);
            }
            String id = f[0].trim();
            if (!id.matches("\\d+\\.[A-Z]")) {
                throw new ReferenceDataException(csv, i + 1, "filter id \"" + id + "\" is not like 3.A");
            }
            out.computeIfAbsent(id, k -> new ArrayList<>()).add(row(csv, i + 1, f[2].trim(), f[3], f[4]));
        }
        return out;
    }

    private static ReferenceValue row(Path csv, int line, String tag, String value, String tolerance)
        throws ReferenceDataException {
        String v = value.trim();
        String t = tolerance.trim();
        if (v.isEmpty()) {
            return new ReferenceValue(tag, null, null);
        }
        try {
            BigDecimal ref = new BigDecimal(v);
            BigDecimal tol = t.isEmpty() ? BigDecimal.ZERO : new BigDecimal(t);
            if (tol.signum() < 0) {
                throw new ReferenceDataException(csv, line, "negative tolerance " + t);
            }
            return new ReferenceValue(tag, ref, tol);
        } catch (NumberFormatException e) {
            throw new ReferenceDataException(csv, line, "not a number: \"" + v + "\" / \"" + t + "\"");
        }
    }

    static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ReferenceDataException(file, 0, "reference file not found");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return List.of(text.split("\r?\n", -1));
    }

    private static void requireHeader(Path csv, List<String> lines, String header) throws ReferenceDataException {
        if (lines.isEmpty() || !lines.get(0).trim().equalsIgnoreCase(header)) {
            throw new ReferenceDataException(csv, 1, "expected the header \"" + header + "\"");
        }
    }
}
