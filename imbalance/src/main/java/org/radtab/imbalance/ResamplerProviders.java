package org.radtab.imbalance;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtab.ml.pipeline.Resampler;
import org.radtab.ml.pipeline.ResamplerProvider;

/**
 * Registers this module's resamplers by name for {@link org.radtab.ml.pipeline.Resamplers}
 * (and so for {@code radtab train --resample adasyn,tomek}): {@code smote}, {@code adasyn},
 * {@code tomek}. Parameters, with imbalanced-learn's names and defaults:
 * <ul>
 *   <li>smote: {@code k_neighbors} (5), {@code sampling_strategy} ("auto" or a float ratio),
 *       {@code categorical} (list of column names), {@code standardize} (true);</li>
 *   <li>adasyn: {@code n_neighbors} (5), {@code sampling_strategy}, {@code categorical}, {@code standardize};</li>
 *   <li>tomek: {@code sampling_strategy} ("auto" = remove the non-minority member, "all" = both),
 *       {@code categorical}, {@code standardize}.</li>
 * </ul>
 */
public final class ResamplerProviders {
    private ResamplerProviders() {
    }

    /** {@code smote}. */
    public static final class SmoteProvider implements ResamplerProvider {
        @Override
        public String name() {
            return "smote";
        }

        @Override
        public Resampler create(Map<String, Object> params) {
            check(params, Set.of("k_neighbors", "sampling_strategy", "categorical", "standardize"), name());
            return new Smote(intParam(params, "k_neighbors", 5), strategy(params), categorical(params),
                boolParam(params, "standardize", true));
        }
    }

    /** {@code adasyn}. */
    public static final class AdasynProvider implements ResamplerProvider {
        @Override
        public String name() {
            return "adasyn";
        }

        @Override
        public Resampler create(Map<String, Object> params) {
            check(params, Set.of("n_neighbors", "sampling_strategy", "categorical", "standardize"), name());
            return new Adasyn(intParam(params, "n_neighbors", 5), strategy(params), categorical(params),
                boolParam(params, "standardize", true));
        }
    }

    /** {@code tomek}. */
    public static final class TomekProvider implements ResamplerProvider {
        @Override
        public String name() {
            return "tomek";
        }

        @Override
        public Resampler create(Map<String, Object> params) {
            check(params, Set.of("sampling_strategy", "categorical", "standardize"), name());
            Object s = params.getOrDefault("sampling_strategy", "auto");
            TomekLinks.Removal removal;
            switch (String.valueOf(s).toLowerCase(Locale.ROOT)) {
                case "auto": case "not minority": case "majority": removal = TomekLinks.Removal.AUTO; break;
                case "all": removal = TomekLinks.Removal.ALL; break;
                default: throw new IllegalArgumentException("tomek: sampling_strategy must be auto or all, was " + s);
            }
            return new TomekLinks(removal, boolParam(params, "standardize", true), categorical(params));
        }
    }

    private static void check(Map<String, Object> params, Set<String> known, String name) {
        for (String k : params.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException(name + ": unknown parameter '" + k + "' (known: " + known + ")");
            }
        }
    }

    private static SamplingStrategy strategy(Map<String, Object> params) {
        Object s = params.getOrDefault("sampling_strategy", "auto");
        if (s instanceof Number) {
            return SamplingStrategy.ratio(((Number) s).doubleValue());
        }
        String t = String.valueOf(s).trim();
        if (t.equalsIgnoreCase("auto")) {
            return SamplingStrategy.auto();
        }
        try {
            return SamplingStrategy.ratio(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sampling_strategy must be 'auto' or a ratio in (0, 1], was " + s);
        }
    }

    private static Set<String> categorical(Map<String, Object> params) {
        Object c = params.get("categorical");
        if (c == null) {
            return Set.of();
        }
        if (c instanceof List) {
            Set<String> out = new HashSet<>();
            for (Object o : (List<?>) c) {
                out.add(String.valueOf(o));
            }
            return out;
        }
        return Set.of(String.valueOf(c).split(","));
    }

    private static int intParam(Map<String, Object> params, String key, int dflt) {
        Object v = params.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        return Integer.parseInt(String.valueOf(v).trim());
    }

    private static boolean boolParam(Map<String, Object> params, String key, boolean dflt) {
        Object v = params.get(key);
        return v == null ? dflt : v instanceof Boolean ? (Boolean) v : Boolean.parseBoolean(String.valueOf(v));
    }
}
