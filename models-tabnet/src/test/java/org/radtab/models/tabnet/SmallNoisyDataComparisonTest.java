package org.radtab.models.tabnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

/**
 * TabNet against logistic regression (written in the test: plain gradient descent on the
 * log-loss) on the small problem: 600 rows x 30 features, about 12% positives, labels
 * drawn from a logistic model on six weak features ({@link SyntheticData#noisyLogistic}),
 * stratified 70/30 train/test split.
 *
 * <p>TabNet settings for small data (the maintainers advise 1-2 steps and small batches):
 * n_steps 2, n_d = n_a = 2, n_shared = n_independent = 1, batch 64, virtual batch 32, 100 epochs
 * without early stopping (a validation split of this data holds about 10 positives), balanced
 * class weights, other parameters at their defaults.
 *
 * <p>Measured (see the report): TabNet does not come within 0.03 of logistic regression on this
 * problem. Besides the 180-row test split (about 22 positives, so an AUROC standard error near
 * 0.06), both models are scored on 5000 fresh rows of the same generator, which measures the
 * real gap (AUROC standard error about 0.01). Measured with these settings: seed 1, split
 * LR 0.721 / TabNet 0.617, fresh rows LR 0.765 / TabNet 0.594. The guard only asserts that TabNet
 * learns the signal (AUROC on fresh rows >= 0.55, chance being 0.5); the 0.03 criterion
 * is kept as a disabled test until TabNet meets it.
 */
class SmallNoisyDataComparisonTest {
    static final Map<String, Object> SMALL_DATA = Map.of("n_steps", 2, "n_d", 2, "n_shared", 1, "n_independent", 1,
        "batch_size", 64, "virtual_batch_size", 32, "max_epochs", 100, "patience", 0, "class_weight", "balanced");

    record Result(double lrSplit, double tabnetSplit, double lrFresh, double tabnetFresh) {
    }

    static Result run(long seed) {
        Dataset all = SyntheticData.noisyLogistic(600, seed);
        int[][] split = SyntheticData.stratifiedSplit(all.labels(), 0.3, seed);
        Dataset train = all.rows(split[0]);
        Dataset test = all.rows(split[1]);
        Dataset fresh = SyntheticData.noisyLogistic(5000, seed + 1000);
        LogisticRegressionByGradientDescent lr = new LogisticRegressionByGradientDescent(train.toMatrix(),
            train.labels());
        TabNetClassifier tabnet = new TabNetClassifier(SMALL_DATA, seed);
        tabnet.fit(train);
        Result r = new Result(Auroc.of(lr.probs(test.toMatrix()), test.labels()),
            Auroc.of(tabnet.predictPositive(test.toMatrix()), test.labels()),
            Auroc.of(lr.probs(fresh.toMatrix()), fresh.labels()),
            Auroc.of(tabnet.predictPositive(fresh.toMatrix()), fresh.labels()));
        System.out.println("seed " + seed + ": " + r);
        return r;
    }

    @Test
    void tabnetLearnsTheSignalOfTheSmallNoisyProblem() {
        for (long seed = 1; seed <= 2; seed++) {
            Result r = run(seed);
            assertTrue(r.tabnetFresh() >= 0.55, "TabNet AUROC on fresh rows " + r);
            assertTrue(r.lrFresh() >= 0.70, "logistic regression AUROC on fresh rows " + r);
        }
    }

    @Test
    @Disabled("issue 7 criterion not met: on this problem TabNet trails logistic regression by 0.1-0.17 AUROC "
        + "(see the class comment and the report)")
    void tabnetWithinPointZeroThreeOfLogisticRegression() {
        Result r = run(1);
        assertTrue(r.lrSplit() - r.tabnetSplit() <= 0.03, r.toString());
    }
}
