package org.radtab.ml.pipeline;

import org.radtab.ml.Dataset;

/**
 * Changes the rows of a training set (over-sampling such as ADASYN or SMOTE, cleaning such as
 * Tomek links). Resamplers are applied to training rows only, never to validation or test rows.
 *
 * <p>Implementations are stateless between calls and must be deterministic for a seed; the same
 * instance may be called from several threads at once.
 */
public interface Resampler {

    /** Short name for reports, e.g. {@code "adasyn"}. */
    String name();

    /**
     * The resampled training set: same columns, label name and class names as {@code train}; new
     * rows may have no ids.
     *
     * @param seed fixes every random choice
     */
    Dataset resample(Dataset train, long seed);
}
