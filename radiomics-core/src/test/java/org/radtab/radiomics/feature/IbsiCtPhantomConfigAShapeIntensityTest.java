package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 1 CT phantom, configuration A: no interpolation; the intensity mask is the GTV
 * re-segmented to [-500, 400] HU, the morphological mask is the GTV; intensity histogram with a
 * fixed bin size of 25 HU from -500; intensity-volume histogram on the HU values as they are
 * (w_d = 1) over G = [-500, 400]. The RoiImage is the GTV bounding box grown by the local-intensity
 * margin, so the peaks see the image around the ROI.
 */
class IbsiCtPhantomConfigAShapeIntensityTest {
    private static RoiImage roi;
    private static IbsiReferenceTable reference;

    @BeforeAll
    static void load() throws Exception {
        Volume img = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
        Mask mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
        BoundingBox box = mask.boundingBox(1).padded(LocalIntensityFamily.margin(img.geometry().spacing()),
            img.geometry());
        Volume crop = img.crop(box);
        Mask m = mask.crop(box);
        boolean[] morph = new boolean[m.labels().length];
        boolean[] intensity = new boolean[morph.length];
        double[] d = crop.data();
        for (int n = 0; n < morph.length; n++) {
            morph[n] = m.labels()[n] == 1;
            intensity[n] = morph[n] && d[n] >= -500 && d[n] <= 400;
        }
        roi = new RoiImage(crop, morph, intensity);
        reference = IbsiReferenceTable.load("chest_config_a");
    }

    private static void check(String prefix, LinkedHashMap<String, Double> computed, int expectedCount) {
        // morph_mask_* rows are ROI diagnostics (bounding box sizes, voxel counts), not features
        List<IbsiReferenceTable.Entry> expected = reference.withPrefix(List.of(prefix), List.of("morph_mask_"));
        IbsiReferenceTable.Outcome o = reference.check(expected, computed);
        assertTrue(o.failed().isEmpty() && o.missing().isEmpty(), prefix + ": " + o.report());
        assertEquals(expectedCount, o.passed().size(), prefix + " consensus tags");
        System.out.println(prefix + " " + o.report().lines().findFirst().orElse(""));
    }

    @Test
    void morphology() {
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
        check("ih_", IntensityHistogramFamily.ibsi(Discretiser.ibsiBinSize(roi, 25, -500)), 23);
    }

    @Test
    void intensityVolumeHistogram() {
        // ivh_auc has no consensus value in configuration A
        check("ivh_", IntensityVolumeHistogramFamily.ibsi(roi,
            IntensityVolumeHistogramFamily.Discretisation.asIs(-500, 400)), 6);
    }
}
