package org.radtab.models.tabnet;

import java.util.OptionalDouble;

/**
 * One line of the training history.
 *
 * @param epoch        0-based epoch
 * @param loss         mean training loss over the epoch's rows (cross-entropy - lambda_sparse * L_sparse)
 * @param learningRate learning rate used in the epoch
 * @param evalMetric   the early-stopping metric on the evaluation set, if there is one
 */
public record EpochRecord(int epoch, double loss, double learningRate, OptionalDouble evalMetric) {
}
