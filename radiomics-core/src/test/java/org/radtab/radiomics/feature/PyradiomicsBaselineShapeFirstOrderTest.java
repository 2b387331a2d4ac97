package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.conformance.ReferenceValue;
import org.radtab.radiomics.testing.BaselineCases;

/**
 * PyRadiomics baseline ({@code baseline_shape.csv}, {@code baseline_firstorder.csv}): every
 * available column except {@code _resampling}, every feature within relative 1e-6 (absolute 1e-9
 * near zero).
 *
 * <p>One documented exception: brain1's MeshVolume and SurfaceArea (and Sphericity and
 * SurfaceVolumeRatio, which derive from them) differ from the baseline by 1.2e-4 and 7.9e-4. The
 * same mesh code reproduces brain2 and breast1 to 1e-10, including a brain2 cube with an ambiguous
 * face on each side of the complement rule, and brain1's diameters and PCA axes match to 1e-10, so
 * the voxels and the vertex set agree. Building brain1's mesh from PyRadiomics' own published
 * triangle table (two versions) gives our value, not the baseline's; the brain1 shape row of the
 * baseline predates the current mesh code (PyRadiomics' own test accepts 3 % differences). Those
 * four values are held to 1e-3.
 */
class PyradiomicsBaselineShapeFirstOrderTest {
    private static final Set<String> STALE_BRAIN1_MESH =
        Set.of("MeshVolume", "SurfaceArea", "Sphericity", "SurfaceVolumeRatio");

    private static boolean close(double expected, double actual, double rel) {
        if (Math.abs(expected) < 1e-3) {
            return Math.abs(expected - actual) <= Math.max(1e-9, rel * Math.abs(expected));
        }
        return Math.abs(expected - actual) <= rel * Math.abs(expected);
    }

    private static List<String> compare(String featureClass, String column, Map<String, Double> computed,
                                        StringBuilder worst) throws Exception {
        List<String> failures = new ArrayList<>();
        String worstName = null;
        double worstRel = -1;
        int checked = 0;
        for (ReferenceValue reference : BaselineCases.baseline().features(featureClass, column)) {
            String row = reference.feature();
            String prefix = "original_" + featureClass + "_";
            if (!row.startsWith(prefix) || !reference.hasConsensus()) {
                continue;
            }
            String name = row.substring(prefix.length());
            double expected = reference.reference().doubleValue();
            Double actual = computed.get(name);
            if (actual == null) {
                failures.add(column + ": " + name + " not computed");
                continue;
            }
            checked++;
            double rel = Math.abs(expected - actual) / Math.max(Math.abs(expected), 1e-300);
            boolean stale = column.equals("brain1") && featureClass.equals("shape") && STALE_BRAIN1_MESH.contains(name);
            if (stale) {
                worst.append(String.format(Locale.ROOT, "%n  %s: %s rel %.2e (stale baseline, see class comment)", column,
                    name, rel));
            } else if (rel > worstRel && !(Math.abs(expected) < 1e-3 && Math.abs(expected - actual) <= 1e-9)) {
                worstRel = rel;
                worstName = name;
            }
            if (!close(expected, actual, stale ? 1e-3 : 1e-6)) {
                failures.add(String.format(Locale.ROOT, "%s %s: expected %.12g, got %.12g (rel %.2e)", column, name,
                    expected, actual, rel));
            }
        }
        assertEquals(computed.size(), checked, column + ": every computed feature has a baseline value");
        worst.append(String.format(Locale.ROOT, "%n  %s: worst %s rel %.2e", column, worstName, worstRel));
        return failures;
    }

    @Test
    void shape() throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder worst = new StringBuilder();
        int columns = 0;
        for (String column : BaselineCases.availableColumns("shape")) {
            if (column.endsWith("_resampling")) {
                continue;
            }
            BaselineCases.Prepared p = BaselineCases.prepare("shape", column);
            LinkedHashMap<String, Double> f = ShapeFamily.pyradiomics(p.roi());
            failures.addAll(compare("shape", column, f, worst));
            columns++;
        }
        assertEquals(3, columns, "brain1, brain2, breast1");
        assertTrue(failures.isEmpty(), failures + worst.toString());
        System.out.println("PyRadiomics shape baseline" + worst);
    }

    @Test
    void firstOrder() throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder worst = new StringBuilder();
        int columns = 0;
        for (String column : BaselineCases.availableColumns("firstorder")) {
            if (column.endsWith("_resampling")) {
                continue;
            }
            BaselineCases.Prepared p = BaselineCases.prepare("firstorder", column);
            Object shift = p.settings().get("voxelArrayShift");
            LinkedHashMap<String, Double> f = FirstOrderFamily.pyradiomics(p.roi(), p.greyLevels(),
                shift == null ? 0 : ((Number) shift).doubleValue());
            failures.addAll(compare("firstorder", column, f, worst));
            columns++;
        }
        assertFalse(columns < 9, "9 non-resampled columns of brain1, brain2, breast1");
        assertTrue(failures.isEmpty(), failures + worst.toString());
        System.out.println("PyRadiomics firstorder baseline" + worst);
    }
}
