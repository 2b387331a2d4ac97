package org.radtab.ml.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.radtab.ml.Dataset;

/** The resampler registry (via {@link ResamplerProvider} services) and chaining. */
public final class Resamplers {
    private Resamplers() {
    }

    /** Names of the registered resamplers. */
    public static List<String> available() {
        List<String> out = new ArrayList<>();
        for (ResamplerProvider p : ServiceLoader.load(ResamplerProvider.class)) {
            out.add(p.name());
        }
        return out;
    }

    /** The registered resampler {@code name} with default parameters. */
    public static Resampler byName(String name) {
        return byName(name, Map.of());
    }

    /**
     * The registered resampler {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException "unknown resampler 'x'; available: [...]"
     */
    public static Resampler byName(String name, Map<String, Object> params) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        for (ResamplerProvider p : ServiceLoader.load(ResamplerProvider.class)) {
            if (p.name().toLowerCase(Locale.ROOT).equals(key)) {
                return p.create(params);
            }
        }
        throw new IllegalArgumentException("unknown resampler '" + name + "'; available: " + available()
            + (available().isEmpty() ? " (is the radtab imbalance module on the class path?)" : ""));
    }

    /** A comma-separated list, e.g. {@code "adasyn,tomek"}, as one resampler applying them in order. */
    public static Resampler parse(String commaSeparated) {
        List<Resampler> steps = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                steps.add(byName(part));
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("no resampler named in '" + commaSeparated + "'");
        }
        return steps.size() == 1 ? steps.get(0) : chain(steps);
    }

    /**
     * Applies {@code steps} one after the other; step {@code k} gets the seed
     * {@code Seeds.derive(seed, k)}.
     */
    public static Resampler chain(List<Resampler> steps) {
        List<Resampler> copy = List.copyOf(steps);
        StringBuilder name = new StringBuilder();
        for (Resampler r : copy) {
            name.append(name.length() == 0 ? "" : "+").append(r.name());
        }
        String n = name.toString();
        return new Resampler() {
            @Override
            public String name() {
                return n;
            }

            @Override
            public Dataset resample(Dataset train, long seed) {
                Dataset d = train;
                for (int k = 0; k < copy.size(); k++) {
                    d = copy.get(k).resample(d, org.radtab.ml.validation.Seeds.derive(seed, k));
                }
                return d;
            }
        };
    }
}
