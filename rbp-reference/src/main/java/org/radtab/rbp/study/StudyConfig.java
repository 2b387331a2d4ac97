package org.radtab.rbp.study;

import java.util.List;

/**
 * Settings of one run of the reference study.
 *
 * @param seed             master seed (cohort, split, resampling, searches)
 * @param patients         cohort size (paper: 856)
 * @param events           patients with RBP (paper: 102)
 * @param reader2Cases     cases segmented by the second reader, for the CCC filter (a seeded random subset)
 * @param clinicalAlpha    clinical predictors kept at P below this (paper: 0.1)
 * @param cccThreshold     radiomics features kept at CCC at or above this (paper: 0.85)
 * @param wilcoxonAlpha    radiomics features kept at rank-sum P below this (paper: 0.1)
 * @param mrmrFeatures     radiomics features selected by mRMR (paper: 20)
 * @param testFraction     held-out share (paper: 0.3 -> 600 / 256)
 * @param searchIterations randomized-search iterations per model (paper: 100)
 * @param folds            cross-validation folds (paper: 5)
 * @param models           model registry names, in report order
 * @param threads          worker threads for extraction and searches
 */
public record StudyConfig(long seed, int patients, int events, int reader2Cases, double clinicalAlpha,
                          double cccThreshold, double wilcoxonAlpha, int mrmrFeatures, double testFraction,
                          int searchIterations, int folds, List<String> models, int threads) {

    public static final List<String> PAPER_MODELS = List.of("lr", "rf", "svm", "xgboost", "tabnet");

    public StudyConfig {
        if (patients < 20 || events < 5 || events >= patients) {
            throw new IllegalArgumentException("need at least 20 patients and 5 events, fewer events than patients");
        }
        if (reader2Cases < 10 || reader2Cases > patients) {
            throw new IllegalArgumentException("reader2Cases must be in 10.." + patients + ", was " + reader2Cases);
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1)");
        }
        if (searchIterations < 1 || folds < 2 || mrmrFeatures < 1 || threads < 1) {
            throw new IllegalArgumentException("searchIterations >= 1, folds >= 2, mrmrFeatures >= 1, threads >= 1");
        }
        models = List.copyOf(models);
    }

    /** The paper's protocol on the full synthetic cohort. */
    public static StudyConfig paper(long seed, int threads) {
        return new StudyConfig(seed, 856, 102, 120, 0.1, 0.85, 0.1, 20, 0.3, 100, 5, PAPER_MODELS, threads);
    }

    /** A first look in about a minute: 240 patients, 10 search iterations, 3 folds. */
    public static StudyConfig quick(long seed, int threads) {
        return new StudyConfig(seed, 240, 29, 40, 0.1, 0.85, 0.1, 20, 0.3, 10, 3, PAPER_MODELS, threads);
    }

    public StudyConfig withModels(List<String> m) {
        return new StudyConfig(seed, patients, events, reader2Cases, clinicalAlpha, cccThreshold, wilcoxonAlpha,
            mrmrFeatures, testFraction, searchIterations, folds, m, threads);
    }

    /** The same settings for real data of {@code n} patients with {@code e} events. */
    public StudyConfig forData(int n, int e) {
        return new StudyConfig(seed, n, e, Math.min(Math.max(10, reader2Cases), n), clinicalAlpha, cccThreshold,
            wilcoxonAlpha, mrmrFeatures, testFraction, searchIterations, folds, models, threads);
    }

    public StudyConfig withSearch(int iterations, int k) {
        return new StudyConfig(seed, patients, events, reader2Cases, clinicalAlpha, cccThreshold, wilcoxonAlpha,
            mrmrFeatures, testFraction, iterations, k, models, threads);
    }
}
