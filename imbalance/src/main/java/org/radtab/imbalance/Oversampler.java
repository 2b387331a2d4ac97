package org.radtab.imbalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.radtab.ml.Dataset;
import org.radtab.ml.pipeline.Resampler;

/**
 * What SMOTE and ADASYN share: input checks, neighbour search, the interpolation of a new
 * sample and the output layout (original rows first, then the synthetic rows class by class).
 *
 * <p>A synthetic sample between a base sample {@code x} and one of its class neighbours
 * {@code z} is {@code x + u (z - x)} with {@code u ~ U(0, 1)} for continuous columns; a
 * categorical column takes the most frequent value among the base sample's k class neighbours
 * (ties to the lowest value), never an interpolated value.
 */
abstract class Oversampler implements Resampler {
    protected final int k;
    protected final SamplingStrategy strategy;
    protected final Set<String> categoricalColumns;
    protected final boolean standardise;

    Oversampler(int k, SamplingStrategy strategy, Set<String> categoricalColumns, boolean standardise) {
        if (k < 1) {
            throw new IllegalArgumentException("the number of neighbours must be >= 1, was " + k);
        }
        this.k = k;
        this.strategy = strategy;
        this.categoricalColumns = Set.copyOf(categoricalColumns);
        this.standardise = standardise;
    }

    /** Checks the input and returns the categorical flag per column. */
    protected boolean[] check(Dataset data) {
        if (!data.hasLabels()) {
            throw new ResamplingException(name() + ": the data has no labels");
        }
        int present = 0;
        for (int c : data.classCounts()) {
            if (c > 0) {
                present++;
            }
        }
        if (present < 2) {
            throw new ResamplingException(name() + ": only one class is present; nothing to balance");
        }
        boolean[] cat = new boolean[data.cols()];
        for (String name : categoricalColumns) {
            if (!data.hasColumn(name)) {
                throw new ResamplingException(name() + ": categorical column '" + name + "' is not in the data");
            }
            cat[data.columnIndex(name)] = true;
        }
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < data.cols(); c++) {
                if (!Double.isFinite(data.get(r, c))) {
                    throw new ResamplingException(name() + ": row " + data.id(r) + ", column '" + data.columnName(c)
                        + "' is not finite");
                }
            }
        }
        return cat;
    }

    /** Rows of class {@code c}, as indices into {@code data}. */
    protected static int[] rowsOf(Dataset data, int c) {
        int[] labels = data.labels();
        return Arrays.stream(java.util.stream.IntStream.range(0, labels.length).toArray())
            .filter(r -> labels[r] == c).toArray();
    }

    protected void requireEnough(int c, int available) {
        if (available < k + 1) {
            throw new ResamplingException(name() + ": class " + c + " has " + available + " samples; at least k + 1 = "
                + (k + 1) + " are needed");
        }
    }

    /** One synthetic row from base sample x and neighbour z; categorical values by majority vote of nbrs. */
    protected static double[] interpolate(double[] x, double[] z, double u, boolean[] cat, double[][] classRows,
                                          int[] nbrs) {
        double[] out = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            if (cat[c]) {
                out[c] = mode(classRows, nbrs, c);
            } else {
                out[c] = x[c] + u * (z[c] - x[c]);
            }
        }
        return out;
    }

    private static double mode(double[][] rows, int[] nbrs, int col) {
        double[] v = new double[nbrs.length];
        for (int i = 0; i < nbrs.length; i++) {
            v[i] = rows[nbrs[i]][col];
        }
        Arrays.sort(v);
        double best = v[0];
        int bestCount = 0;
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j < v.length && v[j] == v[i]) {
                j++;
            }
            if (j - i > bestCount) {
                bestCount = j - i;
                best = v[i];
            }
            i = j;
        }
        return best;
    }

    /** Original rows followed by the synthetic ones (label per synthetic row). */
    protected Dataset assemble(Dataset data, List<double[]> synth, List<Integer> synthLabels) {
        Dataset.Builder b = Dataset.builder(data.columnNames()).labelName(data.labelName()).idName(data.idName());
        if (data.hasClassNames()) {
            b.classNames(data.classNames());
        }
        for (int r = 0; r < data.rows(); r++) {
            b.addRow(data.row(r), data.label(r), data.hasIds() ? data.id(r) : null);
        }
        for (int s = 0; s < synth.size(); s++) {
            b.addRow(synth.get(s), synthLabels.get(s), data.hasIds() ? name() + "-" + (s + 1) : null);
        }
        return b.build();
    }

    protected static double[][] matrix(Dataset data, int[] rows) {
        double[][] m = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            m[i] = data.row(rows[i]);
        }
        return m;
    }

    protected static List<double[]> newList() {
        return new ArrayList<>();
    }

    protected static SplittableRandom rng(long seed) {
        return new SplittableRandom(seed);
    }
}
