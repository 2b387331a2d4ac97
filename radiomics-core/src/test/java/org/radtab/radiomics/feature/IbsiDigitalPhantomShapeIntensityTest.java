package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 1 digital phantom (5 x 4 x 4 voxels of 2 mm, grey levels 1..6 used as they are): every
 * morph_*, loc_*, stat_*, ih_* and ivh_* tag with a consensus value must pass the IBSI rule.
 */
class IbsiDigitalPhantomShapeIntensityTest {
    private static RoiImage roi;
    private static IbsiReferenceTable reference;

    @BeforeAll
    static void load() throws Exception {
        Volume img = ImageIO.readVolume(TestData.file("ibsi1/digital_phantom/image.nii.gz"));
        Mask mask = ImageIO.readMask(TestData.file("ibsi1/digital_phantom/mask.nii.gz"));
        boolean[] m = new boolean[mask.labels().length];
        for (int n = 0; n < m.length; n++) {
            m[n] = mask.labels()[n] == 1;
        }
        roi = new RoiImage(img, m);
        reference = IbsiReferenceTable.load("dig_phantom");
    }

    private static void check(String prefix, LinkedHashMap<String, Double> computed, int expectedCount) {
        List<IbsiReferenceTable.Entry> expected = reference.withPrefix(List.of(prefix), List.of());
        IbsiReferenceTable.Outcome o = reference.check(expected, computed);
        assertTrue(o.failed().isEmpty() && o.missing().isEmpty(), prefix + ": " + o.report());
        assertEquals(expectedCount, o.passed().size(), prefix + " consensus tags");
        System.out.println(prefix + " " + o.report().lines().findFirst().orElse(""));
    }

    @Test
    void morphology() {
        // 27 consensus morph_* tags minus OMBB / MVEE (no consensus value in the reference data)
        check("morph_", ShapeFamily.ibsi(roi), 25);
    }

    @Test
    void localIntensity() {
        check("loc_", LocalIntensityFamily.ibsi(roi), 2);
    }

    @Test
    void intensityStatistics() {
        check("stat_", FirstOrderFamily.ibsi(roi), 18);
    }

    @Test
    void intensityHistogram() {
        check("ih_", IntensityHistogramFamily.ibsi(Discretiser.asIs(roi)), 23);
    }

    @Test
    void intensityVolumeHistogram() {
        // ivh_auc has no consensus value for the digital phantom in the reference table
        check("ivh_", IntensityVolumeHistogramFamily.ibsi(roi,
            IntensityVolumeHistogramFamily.Discretisation.asIs(Double.NaN, Double.NaN)), 6);
    }

    @Test
    void intensityVolumeHistogramAreaMatchesTheManualsWorkedTable() {
        // IBSI manual, IVH example table for the digital phantom: gamma 0, .2, .., 1 and
        // nu = 1, .324, .324, .311, .095, .095; trapezoidal area 0.32
        IntensityVolumeHistogramFamily h = IntensityVolumeHistogramFamily.of(roi,
            IntensityVolumeHistogramFamily.Discretisation.asIs(Double.NaN, Double.NaN));
        double[] nu = {1, 24.0 / 74, 24.0 / 74, 23.0 / 74, 7.0 / 74, 7.0 / 74};
        for (int k = 0; k < nu.length; k++) {
            assertEquals(nu[k], h.volumeFraction(k), 1e-12, "nu at level " + (k + 1));
        }
        assertEquals(0.32, IbsiReferenceTable.round3(h.areaUnderCurve()), 1e-12);
    }
}
