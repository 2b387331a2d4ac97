package org.radtab.radiomics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one extraction: feature name to value, in extraction order, plus diagnostics
 * (name to text, e.g. {@code diagnostics_Mask-original_VoxelNum}). A feature that is undefined
 * for the input is {@link Double#NaN} and a diagnostic explains why.
 */
public final class FeatureVector {
    private final List<String> names;
    private final double[] values;
    private final Map<String, String> diagnostics;
    private volatile Map<String, Integer> index;

    private FeatureVector(List<String> names, double[] values, Map<String, String> diagnostics) {
        this.names = names;
        this.values = values;
        this.diagnostics = diagnostics;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Feature names in order. */
    public List<String> names() {
        return names;
    }

    /** Values in the order of {@link #names()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return names.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    public double value(int i) {
        return values[i];
    }

    public boolean contains(String name) {
        return lookup().containsKey(name);
    }

    /**
     * Value of a feature.
     *
     * @throws IllegalArgumentException naming the feature when it was not extracted
     */
    public double get(String name) {
        Integer i = lookup().get(name);
        if (i == null) {
            throw new IllegalArgumentException("no feature named '" + name + "'");
        }
        return values[i];
    }

    /** Features as an ordered map (a copy). */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    /** Diagnostics (ordered, unmodifiable). */
    public Map<String, String> diagnostics() {
        return diagnostics;
    }

    private Map<String, Integer> lookup() {
        Map<String, Integer> m = index;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                m.put(names.get(i), i);
            }
            index = m;
        }
        return m;
    }

    @Override
    public String toString() {
        return "FeatureVector[" + names.size() + " features, " + diagnostics.size() + " diagnostics]";
    }

    /** Collects features in order; a repeated name is an error. */
    public static final class Builder {
        private final LinkedHashMap<String, Double> features = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> diagnostics = new LinkedHashMap<>();

        public Builder put(String name, double value) {
            if (features.put(name, value) != null) {
                throw new IllegalStateException("feature " + name + " computed twice");
            }
            return this;
        }

        public Builder putAll(String prefix, Map<String, Double> values) {
            for (Map.Entry<String, Double> e : values.entrySet()) {
                put(prefix + e.getKey(), e.getValue());
            }
            return this;
        }

        public Builder diagnostic(String name, String value) {
            diagnostics.put(name, value);
            return this;
        }

        public int size() {
            return features.size();
        }

        public FeatureVector build() {
            List<String> n = new ArrayList<>(features.keySet());
            double[] v = new double[n.size()];
            int i = 0;
            for (double d : features.values()) {
                v[i++] = d;
            }
            return new FeatureVector(Collections.unmodifiableList(n), v,
                Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics)));
        }
    }
}
