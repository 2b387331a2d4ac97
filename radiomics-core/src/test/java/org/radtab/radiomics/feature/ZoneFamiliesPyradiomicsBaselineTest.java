package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.radtab.radiomics.conformance.PyRadiomicsBaseline;
import org.radtab.radiomics.conformance.ReferenceValue;
import org.radtab.radiomics.testing.BaselineCases;

/**
 * PyRadiomics baseline (PYRADIOMICS profile) for glszm, gldm and ngtdm: every feature of every
 * available configuration that does not resample, within relative 1e-6 (absolute 1e-9 near 0);
 * names exact and in PyRadiomics' default (ASCII) order.
 */
class ZoneFamiliesPyradiomicsBaselineTest {
    private static final Map<String, BaselineCases.Prepared> PREPARED = new HashMap<>();

    static Stream<Arguments> classes() {
        return Stream.of(Arguments.of("glszm", new GlszmFamily(), 16), Arguments.of("gldm", new NgldmFamily(), 14),
            Arguments.of("ngtdm", new NgtdmFamily(), 5));
    }

    private static synchronized BaselineCases.Prepared prepared(String featureClass, String column) throws Exception {
        BaselineCases.Prepared p = PREPARED.get(column);
        if (p == null || !p.settings().equals(BaselineCases.baseline().settings(featureClass, column))) {
            p = BaselineCases.prepare(featureClass, column);
            PREPARED.put(column, p);
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("classes")
    void everyFeatureMatchesTheBaseline(String featureClass, TextureFamily family, int featureCount) throws Exception {
        assertEquals(featureClass, family.pyradiomicsName());
        PyRadiomicsBaseline baseline = BaselineCases.baseline();
        List<String> columns = new ArrayList<>();
        for (String c : BaselineCases.availableColumns(featureClass)) {
            if (!c.endsWith("_resampling")) {
                columns.add(c);
            }
        }
        assertEquals(18, columns.size(), "brain1, brain2, breast1 x 6 configurations");
        String rowPrefix = "original_" + featureClass + "_";
        List<String> failures = new ArrayList<>();
        StringBuilder summary = new StringBuilder(featureClass + " worst relative deviation per column:");
        for (String column : columns) {
            BaselineCases.Prepared p = prepared(featureClass, column);
            LinkedHashMap<String, Double> values = family.pyradiomics(p.greyLevels(), p.textureOptions());
            List<String> names = new ArrayList<>(values.keySet());
            assertEquals(featureCount, names.size(), column);
            List<String> ascii = new ArrayList<>(names);
            ascii.sort(String::compareTo);
            assertEquals(ascii, names, "PyRadiomics default order is the ASCII order of the names");
            double worst = 0;
            String worstName = "";
            List<ReferenceValue> references = baseline.features(featureClass, column);
            assertFalse(references.isEmpty());
            for (ReferenceValue reference : references) {
                String row = reference.feature();
                if (!row.startsWith(rowPrefix)) {
                    continue;
                }
                String name = row.substring(rowPrefix.length());
                assertTrue(values.containsKey(name), column + ": no value for " + row);
                double expected = reference.hasConsensus() ? reference.reference().doubleValue() : Double.NaN;
                double actual = values.get(name);
                double err = Math.abs(actual - expected);
                double rel = err / Math.max(Math.abs(expected), 1e-300);
                if (!(err <= 1e-9 || rel <= 1e-6)) {
                    failures.add(column + " " + name + ": " + actual + " vs " + expected + " (rel " + rel + ")");
                }
                // relative deviation, or the absolute one for reference values near zero
                double shown = Math.abs(expected) > 1e-9 ? rel : err;
                if (shown > worst || worstName.isEmpty()) {
                    worst = shown;
                    worstName = name;
                }
            }
            summary.append(String.format("%n  %-24s %-40s %.2e", column, worstName, worst));
        }
        System.out.println(summary);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
