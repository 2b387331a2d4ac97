package org.radtab.imbalance;

import org.radtab.ml.Dataset;

/** A class-imbalance resampler: returns a new training set; deterministic for a seed. */
public interface Resampler {

    /** Short name ({@code smote}, {@code adasyn}, {@code tomek}, ...). */
    String name();

    /**
     * Resamples {@code data} (labels required). The input is never modified.
     *
     * @throws ResamplingException when the input cannot be resampled (with the reason)
     */
    Dataset resample(Dataset data, long seed);
}
