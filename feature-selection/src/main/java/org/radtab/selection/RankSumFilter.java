package org.radtab.selection;

import java.util.ArrayList;
import java.util.List;
import org.radtab.ml.Dataset;

/**
 * Univariate screening by the Wilcoxon rank-sum (Mann-Whitney U) test: keeps the features whose
 * two-sided P value between the two label classes is {@code < alpha} (the RBP paper: P &lt; 0.1).
 * The test is {@link MannWhitney#test(double[], double[])} (SciPy's defaults: exact for small
 * tie-free samples, otherwise the tie-corrected normal approximation with continuity
 * correction). Optionally the Benjamini-Hochberg adjusted P values are compared with alpha
 * instead. Labels must be binary (class codes 0 and 1, both present); sample 1 is class 0.
 */
public final class RankSumFilter {
    private final double alpha;
    private final boolean adjust;

    /** Per-feature test. {@code adjustedP} equals {@code result.p()} when no adjustment is made. */
    public record FeatureTest(String feature, MannWhitney.Result result, double adjustedP, boolean kept) {
    }

    /** Outcome of {@link #apply}. */
    public record Result(double alpha, boolean adjusted, List<FeatureTest> features, List<String> kept,
                         List<String> dropped) {
    }

    /**
     * @param alpha  keep features with P &lt; alpha
     * @param adjust compare Benjamini-Hochberg adjusted P values instead of raw ones
     */
    public RankSumFilter(double alpha, boolean adjust) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
        this.alpha = alpha;
        this.adjust = adjust;
    }

    public RankSumFilter(double alpha) {
        this(alpha, false);
    }

    /**
     * Tests every column of {@code data} between class 0 and class 1.
     *
     * @throws SelectionException when the data is unlabelled or not binary with both classes present
     */
    public Result apply(Dataset data) {
        int[][] groups = binaryGroups(data, "rank-sum filter");
        List<MannWhitney.Result> tests = new ArrayList<>(data.cols());
        double[] p = new double[data.cols()];
        for (int c = 0; c < data.cols(); c++) {
            double[] col = data.column(c);
            MannWhitney.Result r;
            try {
                r = MannWhitney.test(pick(col, groups[0]), pick(col, groups[1]));
            } catch (SelectionException e) {
                throw new SelectionException("feature '" + data.columnName(c) + "': " + e.getMessage());
            }
            tests.add(r);
            p[c] = r.p();
        }
        double[] q = adjust ? MultipleTesting.benjaminiHochberg(p) : p;
        List<FeatureTest> out = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int c = 0; c < data.cols(); c++) {
            boolean keep = q[c] < alpha;
            out.add(new FeatureTest(data.columnName(c), tests.get(c), q[c], keep));
            (keep ? kept : dropped).add(data.columnName(c));
        }
        return new Result(alpha, adjust, List.copyOf(out), List.copyOf(kept), List.copyOf(dropped));
    }

    /** Row indices of class 0 and class 1; fails unless the labels are exactly {0, 1}. */
    static int[][] binaryGroups(Dataset data, String what) {
        if (!data.hasLabels()) {
            throw new SelectionException(what + ": the data has no labels");
        }
        int[] counts = data.classCounts();
        if (counts.length != 2 || counts[0] == 0 || counts[1] == 0) {
            throw new SelectionException(what + " needs a binary label with both classes present; class counts are "
                + java.util.Arrays.toString(counts));
        }
        int[][] g = {new int[counts[0]], new int[counts[1]]};
        int[] fill = new int[2];
        for (int r = 0; r < data.rows(); r++) {
            int y = data.label(r);
            g[y][fill[y]++] = r;
        }
        return g;
    }

    static double[] pick(double[] col, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = col[rows[i]];
        }
        return out;
    }
}
