package org.radtab.ml.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.radtab.ml.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stratified train/test split and stratified K-fold partitions, reproducible for a seed.
 *
 * <h2>Train/test</h2>
 * For each class {@code c} with {@code n_c} rows, {@code round(n_c * testFraction)} rows (at least
 * one and at most {@code n_c - 1} when {@code n_c >= 2}) chosen at random go to the test set, so
 * the class ratio of both parts matches the whole set up to rounding.
 *
 * <h2>K-fold</h2>
 * The rows of each class are shuffled (class {@code c} with its own stream {@code derive(seed, c)}),
 * the shuffled class lists are concatenated in class order and dealt to folds
 * {@code 0, 1, ..., K-1, 0, 1, ...} continuing across classes. So every fold holds
 * {@code floor} or {@code ceil} of {@code n_c / K} rows of each class and {@code floor} or
 * {@code ceil} of {@code n / K} rows in all; the folds partition the rows.
 */
public final class StratifiedSplits {
    private static final Logger LOG = LoggerFactory.getLogger(StratifiedSplits.class);

    private StratifiedSplits() {
    }

    /** Stratified train/test split of a labelled dataset. */
    public static Split trainTest(Dataset data, double testFraction, long seed) {
        return trainTest(data.labels(), testFraction, seed);
    }

    /** Stratified train/test split of rows with labels {@code y}. */
    public static Split trainTest(int[] y, double testFraction, long seed) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in (0, 1), was " + testFraction);
        }
        List<int[]> classes = byClass(y);
        boolean[] test = new boolean[y.length];
        for (int c = 0; c < classes.size(); c++) {
            int[] rows = classes.get(c);
            shuffle(rows, Seeds.derive(seed, c));
            int m = (int) Math.round(rows.length * testFraction);
            if (rows.length >= 2) {
                m = Math.max(1, Math.min(rows.length - 1, m));
            }
            for (int k = 0; k < m; k++) {
                test[rows[k]] = true;
            }
        }
        return toSplit(test);
    }

    /**
     * Stratified train/test split with exactly {@code testCount} test rows, allocated to the
     * classes in proportion to their sizes by largest remainder (ties to the lower class code);
     * within each class the rows are shuffled with the same seeds as {@link #trainTest(int[], double, long)}.
     * E.g. 856 rows with 102 positives and 256 test rows: 225.495 + 30.505 -> 225 + 31.
     */
    public static Split trainTestCount(int[] y, int testCount, long seed) {
        if (testCount < 1 || testCount >= y.length) {
            throw new IllegalArgumentException("test count must be in 1.." + (y.length - 1) + ", was " + testCount);
        }
        List<int[]> classes = byClass(y);
        int[] m = new int[classes.size()];
        double[] rest = new double[classes.size()];
        int given = 0;
        for (int c = 0; c < m.length; c++) {
            double exact = classes.get(c).length * (double) testCount / y.length;
            m[c] = (int) Math.floor(exact);
            rest[c] = exact - m[c];
            given += m[c];
        }
        while (given < testCount) {
            int best = -1;
            for (int c = 0; c < m.length; c++) {
                if (m[c] < classes.get(c).length && (best < 0 || rest[c] > rest[best])) {
                    best = c;
                }
            }
            m[best]++;
            rest[best] = -1;
            given++;
        }
        boolean[] test = new boolean[y.length];
        for (int c = 0; c < classes.size(); c++) {
            int[] rows = classes.get(c);
            shuffle(rows, Seeds.derive(seed, c));
            for (int k = 0; k < m[c]; k++) {
                test[rows[k]] = true;
            }
        }
        return toSplit(test);
    }

    /** Stratified K-fold partition of a labelled dataset: fold {@code f} is {@code get(f).test()}. */
    public static List<Split> kFold(Dataset data, int k, long seed) {
        return kFold(data.labels(), k, seed);
    }

    /** Stratified K-fold partition of rows with labels {@code y}. */
    public static List<Split> kFold(int[] y, int k, long seed) {
        if (k < 2 || k > y.length) {
            throw new IllegalArgumentException("number of folds must be in [2, " + y.length + "], was " + k);
        }
        List<int[]> classes = byClass(y);
        int[] fold = new int[y.length];
        int pos = 0;
        for (int c = 0; c < classes.size(); c++) {
            int[] rows = classes.get(c);
            if (rows.length > 0 && rows.length < k) {
                LOG.warn("class {} has {} rows, fewer than the {} folds: some folds lack it", c, rows.length, k);
            }
            shuffle(rows, Seeds.derive(seed, c));
            for (int r : rows) {
                fold[r] = pos++ % k;
            }
        }
        List<Split> out = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            boolean[] test = new boolean[y.length];
            for (int r = 0; r < y.length; r++) {
                test[r] = fold[r] == f;
            }
            out.add(toSplit(test));
        }
        return out;
    }

    private static List<int[]> byClass(int[] y) {
        int max = -1;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0) {
                throw new IllegalArgumentException("row " + i + ": negative label " + y[i]);
            }
            max = Math.max(max, y[i]);
        }
        int[] counts = new int[max + 1];
        for (int v : y) {
            counts[v]++;
        }
        List<int[]> out = new ArrayList<>();
        int[] fill = new int[max + 1];
        for (int c = 0; c <= max; c++) {
            out.add(new int[counts[c]]);
        }
        for (int i = 0; i < y.length; i++) {
            out.get(y[i])[fill[y[i]]++] = i;
        }
        return out;
    }

    private static void shuffle(int[] a, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static Split toSplit(boolean[] test) {
        int nt = 0;
        for (boolean b : test) {
            if (b) {
                nt++;
            }
        }
        int[] tr = new int[test.length - nt];
        int[] te = new int[nt];
        for (int r = 0, a = 0, b = 0; r < test.length; r++) {
            if (test[r]) {
                te[b++] = r;
            } else {
                tr[a++] = r;
            }
        }
        return new Split(tr, te);
    }
}
