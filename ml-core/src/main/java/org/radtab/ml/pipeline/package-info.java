/**
 * Per-fold preprocessing: {@link org.radtab.ml.pipeline.FeatureTransform} (fitted on training
 * rows, applied to every row), {@link org.radtab.ml.pipeline.Resampler} (training rows only) and
 * the {@link org.radtab.ml.pipeline.Pipeline} that chains them inside cross-validation so that
 * no validation row ever reaches a fit. Resamplers are registered by name through
 * {@link org.radtab.ml.pipeline.ResamplerProvider} services.
 */
package org.radtab.ml.pipeline;
