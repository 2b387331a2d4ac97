package org.radtab.radiomics.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * One row of a case list.
 *
 * @param index   0-based position in the case list (the output row order)
 * @param line    1-based line of the row in the case-list file (0 for cases built in code)
 * @param values  the row's cells, one per {@link CaseList#columns()} entry, copied to the output as they are
 * @param image   the image file, resolved against the case list's folder (null when {@link #problem()} is set)
 * @param mask    the mask file, resolved likewise (null when {@link #problem()} is set)
 * @param label   the row's {@code Label} cell as an integer, or null when the column is absent or the cell empty
 *                (the {@code label} setting then applies)
 * @param problem why the row cannot be extracted (e.g. an empty {@code Image} cell), or null; such a row becomes an
 *                error row
 */
public record BatchCase(int index, int line, List<String> values, Path image, Path mask, Integer label,
                        String problem) {
    public BatchCase {
        values = List.copyOf(values);
    }

    /** A short name for logs and error messages: {@code line 12 (brain1_image.nrrd)}. */
    public String describe() {
        String where = line > 0 ? "line " + line : "case " + (index + 1);
        return image == null ? where : where + " (" + image.getFileName() + ")";
    }
}
