package org.radtab.radiomics.batch;

import java.time.Duration;
import java.util.Optional;

/**
 * Progress of the cases to extract in this run (cases skipped by resume are not counted).
 *
 * @param toExtract the number of cases this run extracts
 * @param done      cases written so far (succeeded or failed)
 * @param failed    of those, the failed ones
 * @param elapsed   wall time since the run started
 */
public record BatchProgress(int toExtract, int done, int failed, Duration elapsed) {
    /**
     * Estimated time to completion: {@code elapsed / done * (toExtract - done)}; the rate already reflects the thread
     * count. Empty before the first case is done.
     */
    public Optional<Duration> eta() {
        if (done == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((double) elapsed.toNanos() / done * (toExtract - done))));
    }

    /** Fraction done, 0..1 (1 when there is nothing to do). */
    public double fraction() {
        return toExtract == 0 ? 1 : (double) done / toExtract;
    }
}
