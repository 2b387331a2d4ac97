package org.radtab.radiomics.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.radtab.radiomics.image.Volume;

/** Ready-made engines and their combination. */
public final class ConformanceEngines {
    private ConformanceEngines() {
    }

    /** An engine that computes nothing: every reference value is "missing". */
    public static ConformanceEngine none() {
        return new ConformanceEngine() {
            @Override
            public String name() {
                return "none";
            }
        };
    }

    /**
     * Every engine registered with {@link ServiceLoader} on the class path of this class
     * (RadTab's {@link ImageDiagnosticsEngine} among them), combined by {@link #compose}.
     */
    public static ConformanceEngine discover() {
        List<ConformanceEngine> found = new ArrayList<>();
        for (ConformanceEngine e : ServiceLoader.load(ConformanceEngine.class, ConformanceEngines.class.getClassLoader())) {
            found.add(e);
        }
        return found.isEmpty() ? none() : compose(found);
    }

    /**
     * One engine asking each of {@code engines}, highest {@link ConformanceEngine#priority()} first
     * (ties by name): for every feature the first engine that returns a value supplies it. An
     * exception from any engine propagates.
     */
    public static ConformanceEngine compose(List<ConformanceEngine> engines) {
        List<ConformanceEngine> sorted = new ArrayList<>(engines);
        sorted.sort(Comparator.comparingInt(ConformanceEngine::priority).reversed()
            .thenComparing(ConformanceEngine::name));
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        return new Composite(sorted);
    }

    private static final class Composite implements ConformanceEngine {
        private final List<ConformanceEngine> engines;

        Composite(List<ConformanceEngine> engines) {
            this.engines = List.copyOf(engines);
        }

        @Override
        public String name() {
            return engines.stream().map(ConformanceEngine::name).collect(Collectors.joining(" + "));
        }

        @Override
        public int priority() {
            return engines.get(0).priority();
        }

        private interface Call {
            Map<String, Double> apply(ConformanceEngine e) throws Exception;
        }

        private Map<String, Double> merge(Call call) throws Exception {
            Map<String, Double> out = new LinkedHashMap<>();
            for (ConformanceEngine e : engines) {
                Map<String, Double> m = call.apply(e);
                if (m != null) {
                    for (Map.Entry<String, Double> v : m.entrySet()) {
                        if (v.getValue() != null) {
                            out.putIfAbsent(v.getKey(), v.getValue());
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public Map<String, Double> ibsi1(Ibsi1Request r) throws Exception {
            return merge(e -> e.ibsi1(r));
        }

        @Override
        public Map<String, Double> pyradiomics(PyRadiomicsRequest r) throws Exception {
            return merge(e -> e.pyradiomics(r));
        }

        @Override
        public Map<String, Double> ibsi2Phase2(Ibsi2Phase2Request r) throws Exception {
            return merge(e -> e.ibsi2Phase2(r));
        }

        @Override
        public Optional<Volume> ibsi2ResponseMap(Ibsi2Phase1Request r) throws Exception {
            for (ConformanceEngine e : engines) {
                Optional<Volume> v = e.ibsi2ResponseMap(r);
                if (v != null && v.isPresent()) {
                    return v;
                }
            }
            return Optional.empty();
        }
    }
}
