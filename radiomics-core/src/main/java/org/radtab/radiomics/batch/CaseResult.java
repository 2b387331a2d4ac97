package org.radtab.radiomics.batch;

import java.time.Duration;

/**
 * The outcome of one extracted case, as written to the output.
 *
 * @param batchCase the case
 * @param error     the text of the case's {@code diagnostics_Error} cell, or null when it succeeded
 * @param duration  the time spent on the case (reading, preprocessing, features)
 */
public record CaseResult(BatchCase batchCase, String error, Duration duration) {
    public boolean failed() {
        return error != null;
    }
}
