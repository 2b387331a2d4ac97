package org.radtab.radiomics.batch;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A batch file (the case list, or an existing output given to resume) cannot be used as a
 * whole: missing, not CSV, without an {@code Image} or {@code Mask} column, or an output
 * whose columns do not fit. The message names the file, and the line and column when there is
 * one. Problems of a single case never throw this: they become that case's error row.
 */
public class BatchInputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String column;

    public BatchInputException(Path file, int line, String column, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + (column != null ? ", column " + column : "") + ": "
            + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public BatchInputException(Path file, int line, String column, String problem, Throwable cause) {
        this(file, line, column, problem);
        initCause(cause);
    }

    /** The offending file. */
    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }

    /** The offending column name, or null. */
    public String column() {
        return column;
    }
}
