package org.radtab.rbp.study;

/**
 * Progress of a study run (the CLI prints it; tests may ignore it). {@link #progress} may be called
 * from extraction worker threads: implementations must be thread-safe.
 */
public interface StudyListener {

    /** A stage starts, e.g. "extraction (reader 1)". */
    default void stage(String name) {
    }

    /** Progress inside a stage. */
    default void progress(String stage, int done, int total) {
    }

    /** A line worth showing (counts, chosen parameters, scores). */
    default void message(String text) {
    }

    StudyListener SILENT = new StudyListener() {
    };
}
