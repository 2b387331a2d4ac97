package org.radtab.rbp.study;

/** A study input (cohort CSV, feature table, clinical table) is missing or malformed; the message names the file and what. */
public class StudyInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public StudyInputException(String message) {
        super(message);
    }

    public StudyInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
