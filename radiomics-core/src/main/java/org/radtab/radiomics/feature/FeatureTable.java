package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The ordered, named features of one matrix type {@code M} and their averaging: a family lists
 * each feature once ({@link #add}, name to method), evaluates the list on one matrix
 * ({@link #values}, {@link #evaluate}) and averages it over several matrices (directions,
 * slices: IBSI aggregation, PyRadiomics' mean over angles) with {@link #average} or, when the
 * matrices come one at a time, a running {@link Mean}.
 *
 * <p>Averages ignore NaN values (NumPy {@code nanmean}): a feature's average is NaN only when no
 * matrix defines it (or there is none); {@link Mean#plainMean(int)} keeps NaN values.
 */
final class FeatureTable<M> {
    private final List<String> names = new ArrayList<>();
    private final List<ToDoubleFunction<M>> functions = new ArrayList<>();

    FeatureTable<M> add(String name, ToDoubleFunction<M> f) {
        names.add(name);
        functions.add(f);
        return this;
    }

    /** Feature names in order (unmodifiable). */
    List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** Number of features. */
    int size() {
        return names.size();
    }

    /** The features of {@code m}, in order. */
    double[] values(M m) {
        double[] v = new double[functions.size()];
        for (int n = 0; n < v.length; n++) {
            v[n] = functions.get(n).applyAsDouble(m);
        }
        return v;
    }

    /** Puts {@code prefix + name + suffix -> f(m)} for every feature, in order. */
    void evaluate(M m, String prefix, String suffix, Map<String, Double> out) {
        put(values(m), prefix, suffix, out);
    }

    /**
     * Puts, for every feature, the mean of its values over {@code units} ignoring NaN values
     * (NaN when {@code units} is empty or every value is NaN).
     */
    void average(List<M> units, String prefix, String suffix, Map<String, Double> out) {
        Mean mean = new Mean(size());
        for (M m : units) {
            mean.add(values(m));
        }
        put(mean.nanMean(), prefix, suffix, out);
    }

    /** Puts {@code prefix + name + suffix -> values[n]} for every feature, in order. */
    void put(double[] values, String prefix, String suffix, Map<String, Double> out) {
        for (int n = 0; n < names.size(); n++) {
            out.put(prefix + names.get(n) + suffix, values[n]);
        }
    }

    /**
     * Running per-feature sums of feature vectors (one per matrix), for averaging over matrices
     * that are built one at a time: {@link #nanMean()} ignores NaN values (NumPy
     * {@code nanmean}), {@link #plainMean(int)} does not.
     */
    static final class Mean {
        private final double[] nanSum;
        private final int[] nanCount;
        private final double[] plainSum;
        private int count;

        Mean(int n) {
            nanSum = new double[n];
            nanCount = new int[n];
            plainSum = new double[n];
        }

        void add(double[] v) {
            count++;
            for (int f = 0; f < v.length; f++) {
                plainSum[f] += v[f];
                if (!Double.isNaN(v[f])) {
                    nanSum[f] += v[f];
                    nanCount[f]++;
                }
            }
        }

        /** Adds {@code v} unless it comes from an empty matrix (all NaN). */
        void addUnlessEmpty(double[] v) {
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    add(v);
                    return;
                }
            }
        }

        /** Mean over the values that are not NaN (NaN if there are none). */
        double[] nanMean() {
            double[] out = new double[nanSum.length];
            for (int f = 0; f < out.length; f++) {
                out[f] = nanCount[f] == 0 ? Double.NaN : nanSum[f] / nanCount[f];
            }
            return out;
        }

        /** Mean including NaN values (NaN if any was NaN or none was added). */
        double plainMean(int f) {
            return count == 0 ? Double.NaN : plainSum[f] / count;
        }
    }
}
