package org.radtab.radiomics.conformance;

import java.io.IOException;
import java.nio.file.Path;

/** A reference file of the conformance data is malformed; the message names file, line and problem. */
public class ReferenceDataException extends IOException {
    private static final long serialVersionUID = 1L;

    public ReferenceDataException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
