package org.radtab.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radtab.ml.Dataset;

/**
 * Minimum-redundancy maximum-relevance (mRMR) feature selection (Ding and Peng 2005, J Bioinform
 * Comput Biol 3:185-205; Peng, Long and Ding 2005, IEEE TPAMI 27:1226-1238), greedy, with the
 * conventions of the {@code mrmr-selection} Python package for the default scheme.
 *
 * <h2>Schemes</h2>
 * With relevance {@code r_j} of feature j to the class label and redundancy {@code red(j, S)} =
 * the mean over the already selected set S of the pairwise redundancy:
 * <ul>
 *   <li><b>FCQ</b> (default; the package's {@code mrmr_classif}): r = ANOVA F-statistic, pairwise
 *       redundancy = {@code max(|Pearson r|, 1e-5)}; score = r / red. A mean redundancy that
 *       rounds to 1 at 5 decimals ({@code >= 0.999995}) is treated as infinite (score 0), as the
 *       package does with {@code .round(5).replace(1.0, inf)}: an exact copy of a selected feature
 *       is never picked while it is the only one selected. RadTab does not otherwise round.</li>
 *   <li><b>FCD</b>: F-statistic minus mean {@code max(|r|, 1e-5)}.</li>
 *   <li><b>MIQ</b>: r = I(feature; label), pairwise redundancy = {@code max(I(feature; selected), 1e-5)};
 *       score = r / red.</li>
 *   <li><b>MID</b>: mutual information difference, r - red (pairwise floor as MIQ).</li>
 * </ul>
 * <b>ANOVA F</b> of a feature with class groups g (as scikit-learn's {@code f_classif}):
 * {@code F = [sum_g n_g (mean_g - mean)^2 / (G - 1)] / [sum_g sum_(i in g) (x_i - mean_g)^2 / (n - G)]};
 * a constant feature has F undefined (0/0), a feature constant within each class but not overall
 * has F = +infinity.
 *
 * <p><b>Mutual information</b> (see {@link MutualInformation}, in nats): the relevance uses the
 * estimator chosen in {@link Options} — {@link MiEstimator#BINNED} (default: equal-frequency bins,
 * {@code bins} = 10) or {@link MiEstimator#KNN} (Ross 2014, k = 3, scikit-learn's
 * {@code mutual_info_classif} estimator). The feature-feature redundancy of MIQ/MID always uses the
 * binned estimator on the same bins (a continuous-continuous kNN estimator would cost O(n^2) per
 * pair); with {@code KNN} relevance the quotient therefore mixes two estimators of the same quantity.
 *
 * <h2>Procedure</h2>
 * <ol>
 *   <li>Compute every feature's relevance; only features with a relevance that is defined and
 *       {@code > 0} are candidates (the package's {@code rel.fillna(0) > 0}); k is reduced to the
 *       number of candidates.</li>
 *   <li>First pick: the candidate with the largest relevance.</li>
 *   <li>Each next pick: the remaining candidate with the largest score; the redundancy sums are
 *       updated incrementally (after each pick only the pairs with the new pick are computed: for
 *       the correlation schemes one dot product of standardised columns per remaining feature).</li>
 *   <li>Ties (equal scores) go to the lowest column index; an undefined score (NaN) ranks last.</li>
 * </ol>
 * Known behaviour, kept on purpose: the quotient can make the second score very large when the
 * second feature is almost uncorrelated with the first (the 1e-5 floor bounds it at 1e5 r), and
 * because redundancy is a mean, a near-copy of the first pick can be picked once other,
 * unrelated features have been selected.
 */
public final class Mrmr {
    /** Floor of the pairwise redundancy (the package's {@code FLOOR}). */
    public static final double FLOOR = 1e-5;
    /** Mean redundancies at or above this value round to 1.0 at 5 decimals: infinite redundancy (FCQ). */
    static final double ONE_AT_FIVE_DECIMALS = 1 - 5e-6;

    /** Relevance/redundancy scheme. */
    public enum Scheme {
        /** F-statistic / mean |correlation| (default). */
        FCQ,
        /** F-statistic - mean |correlation|. */
        FCD,
        /** Mutual information quotient. */
        MIQ,
        /** Mutual information difference. */
        MID;

        boolean usesMutualInformation() {
            return this == MIQ || this == MID;
        }

        boolean isQuotient() {
            return this == FCQ || this == MIQ;
        }

        /** Parses {@code fcq}, {@code fcd}, {@code miq}, {@code mid} (any case). */
        public static Scheme parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown mRMR scheme '" + s + "' (expected fcq, fcd, miq or mid)");
            }
        }
    }

    /** Mutual information estimator used for the relevance of MIQ/MID. */
    public enum MiEstimator { BINNED, KNN }

    /**
     * Settings.
     *
     * @param bins        equal-frequency bins of the binned MI estimator
     * @param kNeighbours neighbours of the kNN MI estimator
     */
    public record Options(Scheme scheme, MiEstimator miEstimator, int bins, int kNeighbours) {
        public Options {
            if (bins < 2) {
                throw new IllegalArgumentException("bins must be >= 2, was " + bins);
            }
            if (kNeighbours < 1) {
                throw new IllegalArgumentException("kNeighbours must be >= 1, was " + kNeighbours);
            }
        }

        /** FCQ (binned MI, 10 bins, k = 3 where MI is used). */
        public static Options defaults() {
            return of(Scheme.FCQ);
        }

        /** The scheme with default estimator settings. */
        public static Options of(Scheme scheme) {
            return new Options(scheme, MiEstimator.BINNED, 10, 3);
        }
    }

    /**
     * One selected feature.
     *
     * @param rank       1-based pick order
     * @param column     index in the input dataset
     * @param redundancy mean redundancy to the features picked before; NaN for the first pick,
     *                   which has none (its score is its relevance)
     */
    public record Pick(int rank, String feature, int column, double relevance, double redundancy, double score) {
    }

    /**
     * Outcome.
     *
     * @param requested  k asked for
     * @param picks      the selection in pick order (fewer than k when there are fewer candidates)
     * @param relevance  relevance of every input column (NaN where undefined)
     * @param excluded   columns that were not candidates (relevance undefined or &lt;= 0)
     */
    public record Result(Scheme scheme, int requested, List<Pick> picks, double[] relevance, List<String> excluded) {
        /** Selected feature names in pick order. */
        public List<String> selected() {
            List<String> s = new ArrayList<>(picks.size());
            for (Pick p : picks) {
                s.add(p.feature());
            }
            return s;
        }
    }

    private final Options options;

    public Mrmr(Options options) {
        this.options = options;
    }

    /** FCQ with defaults. */
    public static Mrmr defaults() {
        return new Mrmr(Options.defaults());
    }

    public Options options() {
        return options;
    }

    /**
     * Selects up to {@code k} features of {@code data} against its labels.
     *
     * @throws SelectionException when the data is unlabelled, has fewer than 2 classes present or
     *                            holds a non-finite value
     */
    public Result select(Dataset data, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (!data.hasLabels()) {
            throw new SelectionException("mRMR: the data has no labels");
        }
        int n = data.rows();
        int p = data.cols();
        int[] y = data.labels();
        int classes = data.numClasses();
        int present = 0;
        for (int c : data.classCounts()) {
            if (c > 0) {
                present++;
            }
        }
        if (present < 2) {
            throw new SelectionException("mRMR needs at least 2 classes in the labels; class counts are "
                + java.util.Arrays.toString(data.classCounts()));
        }
        double[][] cols = new double[p][];
        for (int j = 0; j < p; j++) {
            cols[j] = data.column(j);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(cols[j][i])) {
                    throw new SelectionException("mRMR: column '" + data.columnName(j) + "', row " + data.id(i)
                        + " is not finite (" + cols[j][i] + ")");
                }
            }
        }
        Scheme scheme = options.scheme();
        double[] relevance = new double[p];
        int[][] bins = null;
        int[] binCount = null;
        double[] binTerm = null;
        double[] xlogx = null;
        int[] scratch = null;
        if (scheme.usesMutualInformation()) {
            xlogx = MutualInformation.xLogXTable(n);
            bins = new int[p][];
            binCount = new int[p];
            binTerm = new double[p];
            for (int j = 0; j < p; j++) {
                bins[j] = MutualInformation.equalFrequencyBins(cols[j], options.bins());
                binCount[j] = MutualInformation.cardinality(bins[j]);
                binTerm[j] = MutualInformation.marginalTerm(bins[j], binCount[j], xlogx);
            }
            int width = Math.max(options.bins(), classes);
            scratch = new int[width * width];
        }
        double labelTerm = xlogx == null ? 0 : MutualInformation.marginalTerm(y, classes, xlogx);
        for (int j = 0; j < p; j++) {
            if (!scheme.usesMutualInformation()) {
                relevance[j] = anovaF(cols[j], y, classes);
            } else if (options.miEstimator() == MiEstimator.KNN) {
                relevance[j] = MutualInformation.knn(cols[j], y, options.kNeighbours());
            } else {
                relevance[j] = MutualInformation.discrete(bins[j], binCount[j], binTerm[j], y, classes, labelTerm,
                    xlogx, scratch);
            }
        }
        List<Integer> candidates = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            if (relevance[j] > 0) {
                candidates.add(j);
            } else {
                excluded.add(data.columnName(j));
            }
        }
        int kk = Math.min(k, candidates.size());
        double[][] z = null;
        if (!scheme.usesMutualInformation()) {
            z = new double[p][];
            for (int j : candidates) {
                z[j] = unitStandardised(cols[j]);
            }
        }
        boolean[] remaining = new boolean[p];
        for (int j : candidates) {
            remaining[j] = true;
        }
        double[] sumRed = new double[p];
        List<Pick> picks = new ArrayList<>(kk);
        int last = -1;
        for (int step = 0; step < kk; step++) {
            int best = -1;
            double bestKey = Double.NEGATIVE_INFINITY;
            double bestScore = Double.NaN;
            double bestRed = Double.NaN;
            for (int j : candidates) {
                if (!remaining[j]) {
                    continue;
                }
                double score;
                double red = Double.NaN;
                if (step == 0) {
                    score = relevance[j];
                } else {
                    double pair;
                    if (z != null) {
                        pair = Math.abs(dot(z[j], z[last]));
                    } else {
                        pair = MutualInformation.discrete(bins[j], binCount[j], binTerm[j], bins[last], binCount[last],
                            binTerm[last], xlogx, scratch);
                    }
                    sumRed[j] += Math.max(pair, FLOOR);
                    red = sumRed[j] / step;
                    score = score(scheme, relevance[j], red);
                }
                double key = Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
                if (best < 0 || key > bestKey) {
                    best = j;
                    bestKey = key;
                    bestScore = score;
                    bestRed = red;
                }
            }
            remaining[best] = false;
            picks.add(new Pick(step + 1, data.columnName(best), best, relevance[best], bestRed, bestScore));
            last = best;
        }
        return new Result(scheme, k, List.copyOf(picks), relevance, List.copyOf(excluded));
    }

    static double score(Scheme scheme, double relevance, double meanRedundancy) {
        switch (scheme) {
            case FCQ:
                return meanRedundancy >= ONE_AT_FIVE_DECIMALS ? 0 : relevance / meanRedundancy;
            case MIQ:
                return relevance / meanRedundancy;
            default:
                return relevance - meanRedundancy;
        }
    }

    /**
     * One-way ANOVA F-statistic of {@code x} against class codes {@code y} (0..classes-1; empty
     * classes are ignored): between-group mean square over within-group mean square. NaN when
     * both sums of squares are 0 (constant feature) or when there are not more rows than groups.
     */
    public static double anovaF(double[] x, int[] y, int classes) {
        int n = x.length;
        double[] sum = new double[classes];
        int[] cnt = new int[classes];
        double total = 0;
        for (int i = 0; i < n; i++) {
            sum[y[i]] += x[i];
            cnt[y[i]]++;
            total += x[i];
        }
        double mean = total / n;
        int groups = 0;
        double ssb = 0;
        for (int g = 0; g < classes; g++) {
            if (cnt[g] > 0) {
                groups++;
                sum[g] /= cnt[g];   // now the group mean
                ssb += cnt[g] * (sum[g] - mean) * (sum[g] - mean);
            }
        }
        double ssw = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - sum[y[i]];
            ssw += d * d;
        }
        if (groups < 2 || n <= groups) {
            return Double.NaN;
        }
        double msb = ssb / (groups - 1);
        double msw = ssw / (n - groups);
        if (msw == 0) {
            return msb == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return msb / msw;
    }

    /** (x - mean) / ||x - mean||; the dot product of two such columns is their Pearson correlation. */
    static double[] unitStandardised(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = x[i] - mean;
            ss += z[i] * z[i];
        }
        double norm = Math.sqrt(ss);
        if (norm > 0) {
            for (int i = 0; i < z.length; i++) {
                z[i] /= norm;
            }
        }
        return z;
    }

    static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
