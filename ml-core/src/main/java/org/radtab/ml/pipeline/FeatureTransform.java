package org.radtab.ml.pipeline;

import org.radtab.ml.Dataset;

/**
 * An unfitted feature transform (e.g. a scaler): {@link #fit} learns its parameters from the
 * training rows only and returns a {@link FittedTransform} that is then applied, unchanged, to the
 * training rows and to validation or test rows. Inside cross-validation the fit sees only the
 * training fold: this is what keeps validation rows from leaking into the transform.
 *
 * <p>Implementations must not keep state between calls to {@link #fit} (one instance is used for
 * every fold, possibly from several threads at once).
 */
public interface FeatureTransform {

    /** Short name for reports, e.g. {@code "zscore"}. */
    String name();

    /** Learns the transform from {@code train} (labels may be used, e.g. by a supervised selector). */
    FittedTransform fit(Dataset train);
}
