package org.radtab.imbalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.radtab.ml.Dataset;

/**
 * SMOTE (Chawla et al. 2002) with imbalanced-learn's semantics; SMOTE-NC when categorical
 * columns are declared.
 *
 * <p>For each class to grow by G samples (see {@link SamplingStrategy}): find each class
 * sample's {@code k} nearest neighbours within the class (default 5); G times, pick a
 * (sample, neighbour) pair uniformly at random and add {@code x + u (z - x)}, {@code u ~ U(0,1)}.
 * Categorical columns take the neighbours' most frequent value. Distances are Euclidean on
 * standardised columns by default (interpolation is always in the original units).
 */
public final class Smote extends Oversampler {

    public Smote(int kNeighbours, SamplingStrategy strategy, Set<String> categoricalColumns, boolean standardise) {
        super(kNeighbours, strategy, categoricalColumns, standardise);
    }

    /** k = 5, strategy auto, no categorical columns, standardised distances. */
    public static Smote defaults() {
        return new Smote(5, SamplingStrategy.auto(), Set.of(), true);
    }

    @Override
    public String name() {
        return categoricalColumns.isEmpty() ? "smote" : "smote-nc";
    }

    @Override
    public Dataset resample(Dataset data, long seed) {
        boolean[] cat = check(data);
        int[] toGenerate = strategy.samplesToGenerate(data.classCounts());
        SplittableRandom rng = rng(seed);
        List<double[]> synth = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < toGenerate.length; c++) {
            if (toGenerate[c] == 0) {
                continue;
            }
            int[] rows = rowsOf(data, c);
            requireEnough(c, rows.length);
            double[][] x = matrix(data, rows);
            Neighbours nn = new Neighbours(x, standardise, cat);
            int[][] nbrs = new int[x.length][];
            for (int i = 0; i < x.length; i++) {
                nbrs[i] = nn.nearest(x[i], k, i);
            }
            for (int g = 0; g < toGenerate[c]; g++) {
                int pair = rng.nextInt(x.length * k);
                int i = pair / k;
                int j = nbrs[i][pair % k];
                synth.add(interpolate(x[i], x[j], rng.nextDouble(), cat, x, nbrs[i]));
                labels.add(c);
            }
        }
        return assemble(data, synth, labels);
    }
}
