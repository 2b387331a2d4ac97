package org.radtab.models.tabnet;

import java.util.Arrays;

/**
 * Area under the ROC curve as the normalised Mann-Whitney U statistic, with tied scores
 * counted one half: {@code AUC = (R_1 - n_1 (n_1 + 1) / 2) / (n_1 n_0)} where R_1 is the sum of
 * the (average) ranks of the positive scores. Equals scikit-learn's trapezoidal
 * {@code roc_auc_score}.
 *
 * <p>Kept private to models-tabnet for early stopping; ml-core's metrics package offers the
 * public AUROC.
 */
final class Auroc {
    private Auroc() {
    }

    /**
     * @param labels 1 = positive, anything else = negative
     * @throws IllegalArgumentException when a class is missing
     */
    static double of(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0.0;
        long nPos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(scores[idx[j + 1]], scores[idx[i]]) == 0) {
                j++;
            }
            double avgRank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]] == 1) {
                    rankSumPos += avgRank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new IllegalArgumentException("AUROC needs both classes (got " + nPos + " positives, " + nNeg
                + " negatives)");
        }
        return (rankSumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
