package org.radtab.rbp.study;

import java.util.Map;
import org.radtab.ml.metrics.ConfidenceInterval;
import org.radtab.ml.metrics.ConfusionMatrix;

/**
 * One model's outcome on the held-out test set.
 *
 * @param model       registry name
 * @param params      chosen hyper-parameters
 * @param cvAuroc     mean cross-validated AUROC of the chosen configuration on the training set
 * @param probability P(RBP) per test row, in test-row order
 * @param auroc       test AUROC with its DeLong 95% CI
 * @param brier       Brier score
 * @param confusion   confusion matrix at threshold 0.5
 */
public record ModelResult(String model, Map<String, Object> params, double cvAuroc, double[] probability,
                          ConfidenceInterval auroc, double brier, ConfusionMatrix confusion) {
}
