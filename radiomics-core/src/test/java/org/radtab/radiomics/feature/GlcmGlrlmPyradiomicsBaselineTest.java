package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.conformance.PyRadiomicsBaseline;
import org.radtab.radiomics.conformance.ReferenceValue;
import org.radtab.radiomics.testing.BaselineCases;

/**
 * GLCM and GLRLM (PyRadiomics profile) against PyRadiomics' baseline values: every column whose
 * image is in the conformance data, except {@code _resampling}; relative difference <= 1e-6, or
 * absolute <= 1e-9 near zero.
 */
class GlcmGlrlmPyradiomicsBaselineTest {
    static final double REL = 1e-6;
    static final double ABS = 1e-9;

    /** Prepared cases by column and settings, shared by the GLCM and GLRLM comparisons. */
    private static final Map<String, Case> CASES = new HashMap<>();

    private record Case(GreyLevelImage levels, TextureOptions options) {
    }

    private static synchronized Case prepared(String cls, String column) throws java.io.IOException {
        String key = column + "|" + BaselineCases.baseline().cell(cls, "diagnostics_Configuration_Settings", column);
        Case c = CASES.get(key);
        if (c == null) {
            BaselineCases.Prepared p = BaselineCases.prepare(cls, column);
            c = new Case(p.greyLevels(), p.textureOptions());
            CASES.put(key, c);
        }
        return c;
    }

    @Test
    void glcmMatchesBaseline() throws Exception {
        compare("glcm", new GlcmFamily(), GlcmFamily.PYRADIOMICS_FEATURES);
    }

    @Test
    void glrlmMatchesBaseline() throws Exception {
        compare("glrlm", new GlrlmFamily(), GlrlmFamily.PYRADIOMICS_FEATURES);
    }

    private static void compare(String cls, TextureFamily family, List<String> names) throws Exception {
        PyRadiomicsBaseline baseline = BaselineCases.baseline();
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder("PyRadiomics baseline " + cls + ", worst feature per column:\n");
        int columns = 0;
        for (String col : BaselineCases.availableColumns(cls)) {
            if (col.endsWith("_resampling")) {
                continue;
            }
            columns++;
            Case p = prepared(cls, col);
            LinkedHashMap<String, Double> values = family.pyradiomics(p.levels(), p.options());
            assertEquals(names, new ArrayList<>(values.keySet()), "feature names and order");
            Map<String, Double> references = new HashMap<>();
            for (ReferenceValue r : baseline.features(cls, col)) {
                references.put(r.feature(), r.hasConsensus() ? r.reference().doubleValue() : Double.NaN);
            }
            String worst = null;
            double worstRel = -1;
            for (Map.Entry<String, Double> e : values.entrySet()) {
                String row = "original_" + cls + "_" + e.getKey();
                assertTrue(references.containsKey(row), col + ": no baseline row " + row);
                double ref = references.get(row);
                double v = e.getValue();
                double diff = Math.abs(v - ref);
                double rel = diff / Math.max(Math.abs(ref), 1e-300);
                boolean ok = (Double.isNaN(ref) && Double.isNaN(v)) || diff <= ABS || rel <= REL;
                if (!ok) {
                    failures.add(col + " " + e.getKey() + ": " + v + " vs " + ref + " (rel " + rel + ")");
                }
                double score = Double.isNaN(rel) ? 0 : rel;
                if (score > worstRel) {
                    worstRel = score;
                    worst = e.getKey() + " rel " + String.format("%.2e", rel) + " abs " + String.format("%.2e", diff);
                }
            }
            report.append("  ").append(col).append(": ").append(worst).append('\n');
        }
        System.out.println(report);
        assertTrue(columns >= 21, "expected the 21 non-resampling columns of brain1, brain2, breast1, got " + columns);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
