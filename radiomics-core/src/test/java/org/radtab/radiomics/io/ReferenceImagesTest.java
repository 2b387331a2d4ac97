package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.testing.TestData;

/** Sizes, spacings and counts stated in the IBSI manual and the PyRadiomics test-case headers. */
class ReferenceImagesTest {

    @Test
    void ibsiCtPhantom() throws Exception {
        Volume img = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
        Mask mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
        assertArrayEquals(new int[] {204, 201, 60}, img.geometry().size());
        assertArrayEquals(new double[] {0.977, 0.977, 3.0}, img.geometry().spacing(), 5e-4);
        mask.requireSameGrid(img, 1e-4);
        assertEquals(Map.of(1, 125256), mask.labelCounts());
        // IBSI diagnostics (config A): mean / min / max intensity in the initial ROI -46.9 / -1000 / 723
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int n = 0; n < mask.labels().length; n++) {
            if (mask.labels()[n] == 1) {
                double v = img.data()[n];
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(-46.9, sum / 125256, 0.05);
        assertEquals(-1000, min);
        assertEquals(723, max);
    }

    @Test
    void ibsiDigitalPhantom() throws Exception {
        Volume img = ImageIO.readVolume(TestData.file("ibsi1/digital_phantom/image.nii.gz"));
        Mask mask = ImageIO.readMask(TestData.file("ibsi1/digital_phantom/mask.nii.gz"));
        assertArrayEquals(new int[] {5, 4, 4}, img.geometry().size());
        assertArrayEquals(new double[] {2, 2, 2}, img.geometry().spacing(), 1e-9);
        // IBSI 1: the digital phantom's ROI has 74 voxels
        assertEquals(74, mask.count(1));
    }

    @Test
    void pyradiomicsBrain1() throws Exception {
        Path dir = TestData.dir().resolve("pyradiomics");
        Volume img = ImageIO.readVolume(dir.resolve("brain1_image.nrrd"));
        Mask mask = ImageIO.readMask(dir.resolve("brain1_label.nrrd"));
        mask.requireSameGrid(img, 1e-4);
        // baseline diagnostics: BoundingBox (162, 84, 11, 47, 70, 7)
        var bb = mask.boundingBox(1);
        assertArrayEquals(new int[] {162, 84, 11}, bb.lo());
        assertArrayEquals(new int[] {47, 70, 7}, bb.size());
    }
}
