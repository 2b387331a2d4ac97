/**
 * The classifier API.
 *
 * <p>A model family provides a {@link org.radtab.ml.model.ClassifierFactory} (registry name,
 * declared {@link org.radtab.ml.model.ParameterSpace}, defaults, {@code create(params, seed)},
 * {@code restore(params, featureNames, state)}) listed in
 * {@code META-INF/services/org.radtab.ml.model.ClassifierFactory}, and a
 * {@link org.radtab.ml.model.ProbabilisticClassifier}. Conventions every implementation follows:
 * <ul>
 *   <li>{@code create} merges the given parameters into the defaults with
 *       {@link org.radtab.ml.model.Params#resolve} (unknown names rejected) and reads them with
 *       {@code Params.getInt/getDouble/getString/getBoolean}, which accept the number types JSON
 *       and {@link org.radtab.ml.model.ParameterSpace#sample} produce.</li>
 *   <li>All randomness comes from the seed given to {@code create}; a fit uses no shared or
 *       global random state, so the same parameters, seed and data give the same model on any
 *       thread (randomized search runs many fits in parallel).</li>
 *   <li>{@code fit} checks its input (labels present, finite values) and fails with an
 *       {@link java.lang.IllegalArgumentException} naming the model and the problem.</li>
 *   <li>{@code saveState} returns everything needed to predict, as JSON (binary blobs as
 *       base64); {@code restore} validates it and rebuilds a model whose predictions are
 *       identical (bit for bit) to the fitted one.</li>
 * </ul>
 * {@link org.radtab.ml.model.ModelIO} writes and reads the self-describing document and finds
 * factories by name ({@code ModelIO.factory("xgboost")}).
 */
package org.radtab.ml.model;
