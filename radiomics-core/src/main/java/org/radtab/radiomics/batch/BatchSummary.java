package org.radtab.radiomics.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The result of a batch run.
 *
 * @param output       the output CSV
 * @param total        cases in the case list (= data rows in the output)
 * @param skipped      cases taken over from an existing output (resume)
 * @param extracted    cases extracted successfully in this run
 * @param failures     the cases that failed in this run, in input order, with their error text
 * @param featureCount feature columns in the output (0 when no case has succeeded)
 * @param elapsed      wall time of the run
 * @param threads      worker threads used
 */
public record BatchSummary(Path output, int total, int skipped, int extracted, List<CaseResult> failures,
                           int featureCount, Duration elapsed, int threads) {
    public BatchSummary {
        failures = List.copyOf(failures);
    }

    /** The number of failed cases (error rows written in this run). */
    public int failed() {
        return failures.size();
    }
}
