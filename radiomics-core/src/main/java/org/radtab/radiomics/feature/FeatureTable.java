package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * An ordered list of named features of one matrix type {@code M}, evaluated on one matrix or
 * averaged over several (IBSI 2D aggregation: features per slice, then the mean over slices).
 */
final class FeatureTable<M> {
    private final List<String> names = new ArrayList<>();
    private final List<ToDoubleFunction<M>> functions = new ArrayList<>();

    FeatureTable<M> add(String name, ToDoubleFunction<M> f) {
        names.add(name);
        functions.add(f);
        return this;
    }

    /** Puts {@code prefix + name + suffix -> f(m)} for every feature, in order. */
    void evaluate(M m, String prefix, String suffix, Map<String, Double> out) {
        for (int n = 0; n < names.size(); n++) {
            out.put(prefix + names.get(n) + suffix, functions.get(n).applyAsDouble(m));
        }
    }

    /**
     * Puts, for every feature, the mean of its values over {@code units} ignoring NaN values
     * (NaN when {@code units} is empty or every value is NaN).
     */
    void average(List<M> units, String prefix, String suffix, Map<String, Double> out) {
        for (int n = 0; n < names.size(); n++) {
            ToDoubleFunction<M> f = functions.get(n);
            double sum = 0;
            int count = 0;
            for (M m : units) {
                double v = f.applyAsDouble(m);
                if (!Double.isNaN(v)) {
                    sum += v;
                    count++;
                }
            }
            out.put(prefix + names.get(n) + suffix, count == 0 ? Double.NaN : sum / count);
        }
    }
}
