package org.radtab.radiomics.feature;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.testing.TestData;

/**
 * Test support for the zone / neighbourhood families: the IBSI 1 inputs (digital phantom, CT
 * phantom configuration A), cached, and the IBSI reference values with the IBSI pass rule.
 */
final class ZoneFamilyConformance {
    private ZoneFamilyConformance() {
    }

    /** An IBSI reference value: {@code |round3(value) - reference| <= tolerance} passes. */
    record Reference(String tag, double value, double tolerance) {
        boolean passes(double v) {
            return Double.isFinite(v) && Math.abs(round3(v) - value) <= tolerance + 1e-12 * Math.abs(value);
        }
    }

    /** A discretised ROI with its morphological mask. */
    record Case(RoiImage roi, GreyLevelImage levels) {
    }

    private static Case digitalPhantom;
    private static Case ctConfigA;

    /** The IBSI 1 digital phantom, cropped to its mask's bounding box, levels as they are. */
    static synchronized Case digitalPhantom() throws IOException {
        if (digitalPhantom == null) {
            Volume img = ImageIO.readVolume(TestData.file("ibsi1/digital_phantom/image.nii.gz"));
            Mask mask = ImageIO.readMask(TestData.file("ibsi1/digital_phantom/mask.nii.gz"));
            RoiImage roi = crop(img, mask, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            digitalPhantom = new Case(roi, Discretiser.asIs(roi));
        }
        return digitalPhantom;
    }

    /**
     * IBSI 1 CT phantom, configuration A: no interpolation, intensity mask re-segmented to
     * [-500, 400] HU (the morphological mask stays the GTV), fixed bin size 25 HU from -500.
     */
    static synchronized Case ctConfigA() throws IOException {
        if (ctConfigA == null) {
            Volume img = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
            Mask mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
            RoiImage roi = crop(img, mask, -500, 400);
            ctConfigA = new Case(roi, Discretiser.ibsiBinSize(roi, 25, -500));
        }
        return ctConfigA;
    }

    private static RoiImage crop(Volume img, Mask mask, double low, double high) {
        BoundingBox box = mask.boundingBox(1);
        Volume v = img.crop(box);
        Mask m = mask.crop(box);
        boolean[] morph = new boolean[m.labels().length];
        boolean[] intensity = new boolean[morph.length];
        for (int n = 0; n < morph.length; n++) {
            morph[n] = m.labels()[n] == 1;
            intensity[n] = morph[n] && v.data()[n] >= low && v.data()[n] <= high;
        }
        return new RoiImage(v, morph, intensity);
    }

    /** Reference rows of {@code ibsi1/reference/<file>} whose tag starts with one of the prefixes and has a value. */
    static Map<String, Reference> references(String file, String... prefixes) throws IOException {
        Map<String, Reference> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(TestData.file("ibsi1/reference/" + file));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            if (f.length < 3 || f[0].isBlank()) {
                continue;
            }
            for (String p : prefixes) {
                if (f[2].startsWith(p)) {
                    out.put(f[2], new Reference(f[2], Double.parseDouble(f[0]),
                        f[1].isBlank() ? 0 : Double.parseDouble(f[1])));
                }
            }
        }
        return out;
    }

    /** Compares computed values with the references; returns the failures as readable lines. */
    static List<String> failures(Map<String, Reference> refs, Map<String, Double> values) {
        List<String> fails = new ArrayList<>();
        for (Reference r : refs.values()) {
            Double v = values.get(r.tag());
            if (v == null) {
                fails.add(r.tag() + ": not computed");
            } else if (!r.passes(v)) {
                fails.add(r.tag() + ": " + v + " (rounded " + round3(v) + ") vs " + r.value() + " +- " + r.tolerance());
            }
        }
        return fails;
    }

    /** {@code v} rounded to 3 significant digits (half up). */
    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }
}
