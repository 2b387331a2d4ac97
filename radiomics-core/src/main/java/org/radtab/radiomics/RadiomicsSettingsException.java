package org.radtab.radiomics;

/** A parameter file or settings map is invalid; the message names the key and what is wrong. */
public class RadiomicsSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RadiomicsSettingsException(String message) {
        super(message);
    }

    public RadiomicsSettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
