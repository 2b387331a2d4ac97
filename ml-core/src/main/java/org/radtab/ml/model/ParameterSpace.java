package org.radtab.ml.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A declared hyper-parameter search space: integer and real ranges (uniform or log-uniform)
 * and categorical choices. {@link #sample(Random)} draws one configuration.
 */
public final class ParameterSpace {

    /** One searchable parameter. */
    public sealed interface Parameter permits IntRange, RealRange, Choice {
        String name();

        Object sample(Random rng);
    }

    /** Integers in [lo, hi], uniform or log-uniform (then lo must be > 0). */
    public record IntRange(String name, int lo, int hi, boolean log) implements Parameter {
        public IntRange {
            if (hi < lo || (log && lo <= 0)) {
                throw new IllegalArgumentException("bad integer range for " + name + ": [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public Object sample(Random rng) {
            if (!log) {
                return lo + rng.nextInt(hi - lo + 1);
            }
            double v = Math.exp(Math.log(lo) + rng.nextDouble() * (Math.log(hi + 1.0) - Math.log(lo)));
            return Math.min(hi, (int) Math.floor(v));
        }
    }

    /** Reals in [lo, hi], uniform or log-uniform (then lo must be > 0). */
    public record RealRange(String name, double lo, double hi, boolean log) implements Parameter {
        public RealRange {
            if (!(hi >= lo) || (log && lo <= 0)) {
                throw new IllegalArgumentException("bad real range for " + name + ": [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public Object sample(Random rng) {
            double u = rng.nextDouble();
            return log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
        }
    }

    /** One of a list of values (strings, numbers or booleans), uniform. */
    public record Choice(String name, List<Object> values) implements Parameter {
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("empty choice for " + name);
            }
            values = List.copyOf(values);
        }

        @Override
        public Object sample(Random rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }

    private final List<Parameter> parameters;

    private ParameterSpace(List<Parameter> parameters) {
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public static ParameterSpace of(Parameter... parameters) {
        return new ParameterSpace(List.of(parameters));
    }

    public static ParameterSpace empty() {
        return new ParameterSpace(List.of());
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Draws one value per parameter, in declaration order (so a seed fixes the sequence). */
    public Map<String, Object> sample(Random rng) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), p.sample(rng));
        }
        return out;
    }
}
