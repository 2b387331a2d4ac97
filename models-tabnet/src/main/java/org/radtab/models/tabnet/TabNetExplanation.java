package org.radtab.models.tabnet;

/**
 * Per-sample TabNet explanations (PyTorch-TabNet's {@code explain}), in input-column space
 * (embedding columns summed back to their categorical column).
 *
 * @param aggregate n x p matrix {@code sum_t eta_t[b] M_t[b, j]} with the step importance
 *                  {@code eta_t[b] = sum_c ReLU(d_t[b, c])}; row-normalised to sum 1 when asked
 *                  (a row whose sum is 0 then stays 0)
 * @param stepMasks {@code stepMasks[t]} is the n x p attention mask M_t of step t (rows sum to 1
 *                  before reduction, so they still do)
 */
public record TabNetExplanation(double[][] aggregate, double[][][] stepMasks) {
}
