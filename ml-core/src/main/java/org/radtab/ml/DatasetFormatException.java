package org.radtab.ml;

import java.io.IOException;

/**
 * A table file that cannot be read as a {@link Dataset}: the message names the file and, where
 * it applies, the line (1-based, header = line 1), the row id and the column.
 */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public DatasetFormatException(String message) {
        super(message);
    }

    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
