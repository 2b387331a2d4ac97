/**
 * Validation: stratified train/test split and K-fold ({@link org.radtab.ml.validation.StratifiedSplits}),
 * seed derivation ({@link org.radtab.ml.validation.Seeds}) and randomized hyper-parameter search
 * with a leakage-free per-fold pipeline ({@link org.radtab.ml.validation.RandomizedSearch}).
 */
package org.radtab.ml.validation;
