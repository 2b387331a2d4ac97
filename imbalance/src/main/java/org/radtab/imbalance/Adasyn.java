package org.radtab.imbalance;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.radtab.ml.Dataset;

/**
 * ADASYN (He et al. 2008) with imbalanced-learn's semantics.
 *
 * <p>For each class to grow by G samples:
 * <ol>
 *   <li>for each sample i of the class, find its {@code k} nearest neighbours among ALL samples
 *       and let {@code r_i} = (number of them not of this class) / k;</li>
 *   <li>if every {@code r_i} is 0 fail (no sample lies near the border: use SMOTE);</li>
 *   <li>normalise {@code r_i} to sum 1 and let {@code g_i = round-half-even(r_i G)} (the total may
 *       differ slightly from G; a total of 0 is an error);</li>
 *   <li>for each of the {@code g_i} new samples pick one of i's {@code k} nearest neighbours
 *       within the class uniformly at random and add {@code x_i + u (z - x_i)}, {@code u ~ U(0,1)}.</li>
 * </ol>
 * Categorical columns take the neighbours' most frequent value (SMOTE-NC style). Distances are
 * Euclidean on standardised columns by default (interpolation in the original units).
 */
public final class Adasyn extends Oversampler {

    public Adasyn(int kNeighbours, SamplingStrategy strategy, Set<String> categoricalColumns, boolean standardise) {
        super(kNeighbours, strategy, categoricalColumns, standardise);
    }

    /** k = 5, strategy auto, no categorical columns, standardised distances. */
    public static Adasyn defaults() {
        return new Adasyn(5, SamplingStrategy.auto(), Set.of(), true);
    }

    /** The same resampler with categorical columns declared. */
    public Adasyn withCategorical(Set<String> columns) {
        return new Adasyn(k, strategy, columns, standardise);
    }

    @Override
    public String name() {
        return "adasyn";
    }

    /** g_i = round-half-even(r_i / sum(r) x G) (Math.rint rounds half to even). */
    static int[] perSampleCounts(double[] ratio, int generate) {
        double sum = 0;
        for (double r : ratio) {
            sum += r;
        }
        int[] g = new int[ratio.length];
        for (int i = 0; i < ratio.length; i++) {
            g[i] = (int) Math.rint(ratio[i] / sum * generate);
        }
        return g;
    }

    @Override
    public Dataset resample(Dataset data, long seed) {
        boolean[] cat = check(data);
        int[] toGenerate = strategy.samplesToGenerate(data.classCounts());
        int[] labelsAll = data.labels();
        double[][] all = data.toMatrix();
        Neighbours nnAll = new Neighbours(all, standardise, cat);
        SplittableRandom rng = rng(seed);
        List<double[]> synth = new ArrayList<>();
        List<Integer> synthLabels = new ArrayList<>();
        for (int c = 0; c < toGenerate.length; c++) {
            int G = toGenerate[c];
            if (G == 0) {
                continue;
            }
            int[] rows = rowsOf(data, c);
            requireEnough(c, rows.length);
            double[] ratio = new double[rows.length];
            double sum = 0;
            for (int i = 0; i < rows.length; i++) {
                int[] nb = nnAll.nearest(all[rows[i]], k, rows[i]);
                int other = 0;
                for (int j : nb) {
                    if (labelsAll[j] != c) {
                        other++;
                    }
                }
                ratio[i] = (double) other / k;
                sum += ratio[i];
            }
            if (sum == 0) {
                throw new ResamplingException("adasyn: no sample of class " + c + " has a neighbour of another class; "
                    + "ADASYN has nothing to weight (use SMOTE)");
            }
            int[] g = perSampleCounts(ratio, G);
            int total = 0;
            for (int gi : g) {
                total += gi;
            }
            if (total == 0) {
                throw new ResamplingException("adasyn: no sample would be generated for class " + c
                    + " with these weights");
            }
            double[][] x = matrix(data, rows);
            Neighbours nnClass = new Neighbours(x, standardise, cat);
            for (int i = 0; i < rows.length; i++) {
                if (g[i] == 0) {
                    continue;
                }
                int[] nb = nnClass.nearest(x[i], k, i);
                for (int s = 0; s < g[i]; s++) {
                    int j = nb[rng.nextInt(k)];
                    synth.add(interpolate(x[i], x[j], rng.nextDouble(), cat, x, nb));
                    synthLabels.add(c);
                }
            }
        }
        return assemble(data, synth, synthLabels);
    }
}
