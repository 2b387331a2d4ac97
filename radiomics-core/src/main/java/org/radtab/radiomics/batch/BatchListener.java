package org.radtab.radiomics.batch;

/**
 * Receives the progress of a {@link BatchExtractor} run. Calls are serialised (never two at once),
 * so an implementation needs no locking, but they come from worker threads: keep them short.
 * {@link #caseFinished} is called when a case's row is written, which happens in input order;
 * a slow case therefore holds back the reports of later cases that finished before it.
 */
public interface BatchListener {
    /** A listener that ignores everything. */
    BatchListener NONE = new BatchListener() {
    };

    /**
     * The run starts.
     *
     * @param total     cases in the case list
     * @param toExtract cases this run extracts
     * @param skipped   cases already present as successful rows of the existing output (resume)
     * @param threads   worker threads
     */
    default void batchStarted(int total, int toExtract, int skipped, int threads) {
    }

    /** A case's row was written. */
    default void caseFinished(CaseResult result, BatchProgress progress) {
    }

    /** The output file is complete. */
    default void batchFinished(BatchSummary summary) {
    }
}
