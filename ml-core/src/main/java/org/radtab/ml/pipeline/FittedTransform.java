package org.radtab.ml.pipeline;

import java.util.List;
import org.radtab.ml.Dataset;

/**
 * A transform whose parameters were learned by {@link FeatureTransform#fit}. {@link #apply} maps a
 * dataset with the training columns to a new dataset (same rows, labels and ids; possibly other
 * columns). It must be thread-safe and must not change with use.
 */
public interface FittedTransform {

    /** The transformed rows. Columns of {@code data} are matched by name to {@link #inputColumns()}. */
    Dataset apply(Dataset data);

    /** Columns the transform was fitted on (the ones {@link #apply} reads). */
    List<String> inputColumns();

    /** Columns of the output, in order. */
    List<String> outputColumns();
}
