/**
 * Evaluation metrics for binary classifiers, following scikit-learn's conventions: ROC curve and
 * AUROC with DeLong and bootstrap intervals ({@link org.radtab.ml.metrics.RocCurve},
 * {@link org.radtab.ml.metrics.Auroc}), precision-recall and average precision, Brier score and
 * calibration ({@link org.radtab.ml.metrics.Calibration}), decision-curve net benefit, the
 * confusion matrix with accuracy, precision, recall, specificity, F1 and Cohen's kappa, and
 * threshold choice (Youden, fixed sensitivity). Labels are 0/1 {@code int[]}; scores are
 * {@code double[]} where higher means "more likely positive"; every method rejects mismatched
 * lengths, labels other than 0/1 and non-finite scores with a message naming the case.
 */
package org.radtab.ml.metrics;
