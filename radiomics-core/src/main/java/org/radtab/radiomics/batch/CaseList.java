package org.radtab.radiomics.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The cases of a batch: a PyRadiomics batch CSV read into memory (paths and cells only, no images).
 *
 * <p>Format: a header row, then one row per case. Required columns {@code Image} and
 * {@code Mask} (file paths; a relative path is resolved against the folder of the CSV file, as
 * PyRadiomics does); optional {@code Label} (an integer that overrides the {@code label}
 * setting for that row; an empty cell keeps the setting); any other column is copied to the
 * output unchanged (e.g. a patient id or an outcome). Column names are case-sensitive, as in
 * PyRadiomics. Blank lines are skipped; a row with fewer cells than the header is padded with
 * empty cells.
 *
 * <p>A row that cannot be extracted (empty {@code Image} or {@code Mask} cell, a {@code Label}
 * that is not an integer, more cells than the header) does not stop the batch: it becomes an
 * error row (see {@link BatchCase#problem()}).
 *
 * @param source  the CSV file, or null for a list built in code
 * @param baseDir the folder relative paths were resolved against
 * @param columns the header, in file order
 * @param cases   the rows, in file order
 */
public record CaseList(Path source, Path baseDir, List<String> columns, List<BatchCase> cases) {
    /** Required column: the image file. */
    public static final String IMAGE = "Image";
    /** Required column: the mask file. */
    public static final String MASK = "Mask";
    /** Optional column: the label value inside the mask. */
    public static final String LABEL = "Label";

    public CaseList {
        columns = List.copyOf(columns);
        cases = List.copyOf(cases);
    }

    /** The number of cases. */
    public int size() {
        return cases.size();
    }

    /**
     * Reads a batch CSV.
     *
     * @throws BatchInputException when the file is missing, not valid CSV, empty, has duplicate column names, or lacks
     *                             the {@code Image} or {@code Mask} column
     */
    public static CaseList read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new BatchInputException(csv, 0, null, Files.exists(csv) ? "not a regular file" : "file not found");
        }
        Path base = csv.toAbsolutePath().normalize().getParent();
        List<String> header;
        List<BatchCase> cases = new ArrayList<>();
        try (InputStream in = Files.newInputStream(csv)) {
            Csv.Reader reader = new Csv.Reader(in, 0);
            Csv.Record h = reader.next();
            while (h != null && h.blank()) {
                h = reader.next();
            }
            if (h == null) {
                throw new BatchInputException(csv, 0, null, "empty file (expected a header with Image and Mask columns)");
            }
            header = h.fields;
            Set<String> seen = new HashSet<>();
            for (String c : header) {
                if (!seen.add(c)) {
                    throw new BatchInputException(csv, h.line, c, "the column name appears twice in the header");
                }
            }
            for (String required : List.of(IMAGE, MASK)) {
                if (!header.contains(required)) {
                    throw new BatchInputException(csv, h.line, required, "required column missing (header: " + header
                        + "; PyRadiomics batch files need the columns Image and Mask)");
                }
            }
            int ii = header.indexOf(IMAGE);
            int mi = header.indexOf(MASK);
            int li = header.indexOf(LABEL);
            for (Csv.Record r = reader.next(); r != null; r = reader.next()) {
                if (r.blank()) {
                    continue;
                }
                cases.add(toCase(cases.size(), r.line, r.fields, header.size(), ii, mi, li, base));
            }
        } catch (Csv.MalformedCsvException e) {
            throw new BatchInputException(csv, e.line, null, "not valid CSV: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new BatchInputException(csv, 0, null, "file not found", e);
        }
        return new CaseList(csv, base, header, cases);
    }

    private static BatchCase toCase(int index, int line, List<String> cells, int width, int ii, int mi, int li,
                                    Path base) {
        List<String> values = new ArrayList<>(cells);
        String problem = null;
        if (values.size() > width) {
            problem = "the row has " + values.size() + " cells but the header has " + width + " columns";
            values = values.subList(0, width);
        }
        while (values.size() < width) {
            values.add("");
        }
        String image = values.get(ii).strip();
        String mask = values.get(mi).strip();
        Integer label = null;
        if (problem == null && image.isEmpty()) {
            problem = "the Image cell is empty";
        }
        if (problem == null && mask.isEmpty()) {
            problem = "the Mask cell is empty";
        }
        if (problem == null && li >= 0 && !values.get(li).isBlank()) {
            label = parseLabel(values.get(li).strip());
            if (label == null) {
                problem = "column Label: '" + values.get(li) + "' is not an integer label";
            }
        }
        if (problem != null) {
            return new BatchCase(index, line, values, null, null, null, problem);
        }
        return new BatchCase(index, line, values, resolve(base, image), resolve(base, mask), label, null);
    }

    /** An integer label: "2", or a whole number written as "2.0". Null when it is neither. */
    static Integer parseLabel(String s) {
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } catch (NumberFormatException e2) {
                // fall through
            }
            return null;
        }
    }

    /** A path cell resolved against the base folder, absolute and normalised. */
    static Path resolve(Path base, String cell) {
        return base.resolve(cell).toAbsolutePath().normalize();
    }

    /**
     * A one-case list (columns {@code Image}, {@code Mask}, and {@code Label} when {@code label} is not null); relative
     * paths are resolved against the working directory.
     */
    public static CaseList single(Path image, Path mask, Integer label) {
        Path base = Path.of("").toAbsolutePath();
        List<String> columns = label == null ? List.of(IMAGE, MASK) : List.of(IMAGE, MASK, LABEL);
        List<String> values = label == null ? List.of(image.toString(), mask.toString())
            : List.of(image.toString(), mask.toString(), label.toString());
        BatchCase c = new BatchCase(0, 0, values, resolve(base, image.toString()), resolve(base, mask.toString()),
            label, null);
        return new CaseList(null, base, columns, List.of(c));
    }

    /**
     * A case list built in code: each row gives one cell per column; the columns must include {@code Image} and
     * {@code Mask}. Relative paths are resolved against {@code baseDir}.
     *
     * @throws IllegalArgumentException when a required column is missing or a row has the wrong width
     */
    public static CaseList of(Path baseDir, List<String> columns, List<List<String>> rows) {
        if (!columns.contains(IMAGE) || !columns.contains(MASK)) {
            throw new IllegalArgumentException("columns must include Image and Mask, were " + columns);
        }
        Path base = baseDir.toAbsolutePath().normalize();
        List<BatchCase> cases = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + (cases.size() + 1) + " has " + row.size() + " cells for "
                    + columns.size() + " columns");
            }
            cases.add(toCase(cases.size(), 0, row, columns.size(), columns.indexOf(IMAGE), columns.indexOf(MASK),
                columns.indexOf(LABEL), base));
        }
        return new CaseList(null, base, columns, cases);
    }
}
