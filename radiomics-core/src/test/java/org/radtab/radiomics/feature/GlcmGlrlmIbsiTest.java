package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.testing.TestData;

/**
 * GLCM and GLRLM (IBSI profile) against the IBSI 1 consensus values: the digital phantom (every
 * {@code cm_*} / {@code rlm_*} tag with a value) and CT phantom configuration A (2D and 2.5D
 * aggregations). Rule: the value rounded to 3 significant digits lies within the tolerance.
 */
class GlcmGlrlmIbsiTest {

    private static GreyLevelImage digitalPhantom;
    private static GreyLevelImage ctConfigA;

    static synchronized GreyLevelImage digitalPhantom() throws IOException {
        if (digitalPhantom == null) {
            Volume img = ImageIO.readVolume(TestData.file("ibsi1/digital_phantom/image.nii.gz"));
            Mask mask = ImageIO.readMask(TestData.file("ibsi1/digital_phantom/mask.nii.gz"));
            BoundingBox box = mask.boundingBox(1);
            Mask m = mask.crop(box);
            boolean[] roi = new boolean[m.labels().length];
            for (int n = 0; n < roi.length; n++) {
                roi[n] = m.labels()[n] == 1;
            }
            digitalPhantom = Discretiser.asIs(new RoiImage(img.crop(box), roi));
        }
        return digitalPhantom;
    }

    /** CT phantom, configuration A: no interpolation, range [-500, 400] HU, bin size 25 HU from -500. */
    static synchronized GreyLevelImage ctConfigA() throws IOException {
        if (ctConfigA == null) {
            Volume img = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
            Mask mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
            BoundingBox box = mask.boundingBox(1);
            Volume ci = img.crop(box);
            Mask cm = mask.crop(box);
            boolean[] morph = new boolean[cm.labels().length];
            boolean[] intensity = new boolean[morph.length];
            for (int n = 0; n < morph.length; n++) {
                morph[n] = cm.labels()[n] == 1;
                double v = ci.data()[n];
                intensity[n] = morph[n] && v >= -500 && v <= 400;
            }
            ctConfigA = Discretiser.ibsiBinSize(new RoiImage(ci, morph, intensity), 25, -500);
        }
        return ctConfigA;
    }

    /** One reference row: value;tolerance;tag. */
    record Reference(double value, double tolerance, String tag) {
    }

    static List<Reference> references(String file, String... prefixes) throws IOException {
        List<Reference> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.file("ibsi1/reference/" + file))) {
            String[] c = line.split(";", -1);
            if (c.length < 3 || c[0].isBlank()) {
                continue; // no consensus value
            }
            for (String p : prefixes) {
                if (c[2].startsWith(p)) {
                    out.add(new Reference(Double.parseDouble(c[0]), Double.parseDouble(c[1]), c[2].trim()));
                }
            }
        }
        return out;
    }

    /** {@code v} rounded to 3 significant digits. */
    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }

    /** Checks every reference against {@code values}; returns the failures, fills pass/fail counts by suffix. */
    static List<String> check(List<Reference> refs, Map<String, Double> values, Map<String, int[]> counts) {
        List<String> failures = new ArrayList<>();
        for (Reference r : refs) {
            Double v = values.get(r.tag());
            String agg = r.tag().replaceAll("^[a-z]+_[a-z0-9_]*?_(2D|2_5D|3D)_", "$1_");
            int[] c = counts.computeIfAbsent((r.tag().startsWith("cm_") ? "cm " : "rlm ") + agg, k -> new int[2]);
            boolean ok = v != null && Math.abs(round3(v) - r.value()) <= r.tolerance() + 1e-12 * Math.abs(r.value());
            c[ok ? 0 : 1]++;
            if (!ok) {
                failures.add(r.tag() + ": " + v + " (rounded " + (v == null ? null : round3(v)) + ") vs " + r.value()
                    + " +- " + r.tolerance());
            }
        }
        return failures;
    }

    static String summary(Map<String, int[]> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, c) -> sb.append(k).append(": ").append(c[0]).append('/')
            .append(c[0] + c[1]).append('\n'));
        return sb.toString();
    }

    @Test
    void digitalPhantomGlcmAndGlrlmEveryAggregation() throws IOException {
        GreyLevelImage g = digitalPhantom();
        assertEquals(74, g.roiVoxelCount());
        Map<String, Double> values = new LinkedHashMap<>();
        values.putAll(new GlcmFamily().ibsi(g, TextureOptions.defaults()));
        values.putAll(new GlrlmFamily().ibsi(g, TextureOptions.defaults()));
        List<Reference> refs = references("dig_phantom.csv", "cm_", "rlm_");
        assertEquals(6 * 25 + 6 * 16, refs.size(), "every cm/rlm tag of the digital phantom has a value");
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> failures = check(refs, values, counts);
        System.out.println("IBSI digital phantom, GLCM/GLRLM:\n" + summary(counts));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }

    @Test
    void ctPhantomConfigurationA() throws IOException {
        GreyLevelImage g = ctConfigA();
        TextureOptions o = TextureOptions.defaults().withAggregations(java.util.EnumSet.of(Aggregation.AVG_2D,
            Aggregation.MERGED_2D, Aggregation.AVG_2_5D, Aggregation.MERGED_2_5D));
        Map<String, Double> values = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        values.putAll(new GlcmFamily().ibsi(g, o));
        long t1 = System.nanoTime();
        values.putAll(new GlrlmFamily().ibsi(g, o));
        long t2 = System.nanoTime();
        List<Reference> refs = references("chest_config_a.csv", "cm_", "rlm_");
        assertEquals(4 * 25 + 4 * 16, refs.size());
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> failures = check(refs, values, counts);
        System.out.printf("IBSI CT phantom config A, GLCM/GLRLM (first call, cold JIT: GLCM %.1f ms, GLRLM %.1f ms):%n%s",
            (t1 - t0) / 1e6, (t2 - t1) / 1e6, summary(counts));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    }
}
