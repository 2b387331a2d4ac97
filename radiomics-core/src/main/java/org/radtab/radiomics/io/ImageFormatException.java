package org.radtab.radiomics.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A medical image file could not be read or written: the message names the file and the field
 * (header key, datatype, size, ...) that is wrong.
 */
public class ImageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public ImageFormatException(Path file, String field, String problem) {
        super(file + ": " + (field == null ? "" : field + ": ") + problem);
        this.file = file;
        this.field = field;
    }

    public ImageFormatException(Path file, String field, String problem, Throwable cause) {
        this(file, field, problem);
        initCause(cause);
    }

    /** The offending file (may be null for in-memory data). */
    public Path file() {
        return file;
    }

    /** The offending header field or aspect ("datatype", "dim", "data", ...), or null. */
    public String field() {
        return field;
    }
}
