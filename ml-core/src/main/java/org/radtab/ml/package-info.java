/**
 * Tabular data for RadTab's models: {@link org.radtab.ml.Dataset} (immutable dense matrix with
 * column names, class labels with optional class names, optional case ids; zero-copy row and
 * column views) and {@link org.radtab.ml.DatasetCsv} (CSV read/write with label coding and clear
 * errors). Sub-packages: {@code model} (classifier API and persistence), {@code metrics},
 * {@code validation} (stratified splits, randomized search), {@code pipeline} (per-fold
 * transforms and resamplers).
 */
package org.radtab.ml;
