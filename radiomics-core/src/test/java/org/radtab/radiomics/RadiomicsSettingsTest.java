package org.radtab.radiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadiomicsSettingsTest {

    @Test
    void pyradiomicsDefaults() {
        RadiomicsSettings s = RadiomicsSettings.pyradiomicsDefaults();
        assertEquals(List.of("Original"), List.copyOf(s.imageTypes().keySet()));
        assertEquals(List.of("shape", "firstorder", "glcm", "gldm", "glrlm", "glszm", "ngtdm"),
            List.copyOf(s.featureClasses().keySet()));
        assertEquals(25.0, s.getDouble("binWidth"));
        assertEquals(5, s.getInt("padDistance"));
        assertNull(s.get("resampledPixelSpacing"));
        assertEquals("sitkBSpline", s.get("interpolator"));
    }

    @Test
    void paperConfiguration() {
        RadiomicsSettings s = RadiomicsSettings.paperRbp();
        assertEquals(List.of("Original", "LoG", "Wavelet", "Gradient"), List.copyOf(s.imageTypes().keySet()));
        assertEquals(List.of(1.0, 3.0, 5.0), s.get("LoG", "sigma"));
        assertEquals(List.of(1, 1, 1), s.get("resampledPixelSpacing"));
        assertTrue(s.getBoolean("normalize"));
        assertEquals(100.0, s.getDouble("normalizeScale"));
        assertEquals(3.0, s.getDouble("removeOutliers"));
        assertEquals(7, s.featureClasses().size());
    }

    @Test
    void perImageTypeOverride() {
        RadiomicsSettings s = RadiomicsSettings.fromYaml(
            "imageType:\n  Original: {}\n  LoG: {sigma: [2.0], binWidth: 5}\nsetting:\n  binWidth: 10\n", "t");
        assertEquals(5.0, s.get("LoG", "binWidth"));
        assertEquals(10.0, s.get("Original", "binWidth"));
    }

    @Test
    void rejectsUnknownKeysByName() {
        RadiomicsSettingsException e = assertThrows(RadiomicsSettingsException.class,
            () -> RadiomicsSettings.fromYaml("setting:\n  binWidht: 25\n", "p.yaml"));
        assertTrue(e.getMessage().contains("binWidht") && e.getMessage().contains("p.yaml"), e.getMessage());
        e = assertThrows(RadiomicsSettingsException.class,
            () -> RadiomicsSettings.fromYaml("imageType:\n  Wavelett: {}\n", "p.yaml"));
        assertTrue(e.getMessage().contains("Wavelett"), e.getMessage());
        e = assertThrows(RadiomicsSettingsException.class,
            () -> RadiomicsSettings.fromYaml("featureClass:\n  glcmm:\n", "p.yaml"));
        assertTrue(e.getMessage().contains("glcmm"), e.getMessage());
        e = assertThrows(RadiomicsSettingsException.class, () -> RadiomicsSettings.fromYaml("settings: {}\n", "p.yaml"));
        assertTrue(e.getMessage().contains("settings"), e.getMessage());
        e = assertThrows(RadiomicsSettingsException.class,
            () -> RadiomicsSettings.fromYaml("setting:\n  binWidth: -1\n", "p.yaml"));
        assertTrue(e.getMessage().contains("binWidth"), e.getMessage());
        e = assertThrows(RadiomicsSettingsException.class,
            () -> RadiomicsSettings.fromYaml("setting:\n  gldm_a: 0.5\n", "p.yaml"));
        assertTrue(e.getMessage().contains("gldm_a"), e.getMessage());
    }

    @Test
    void voxelSettingIsIgnored() {
        RadiomicsSettings s = RadiomicsSettings.fromYaml("voxelSetting:\n  kernelRadius: 2\n", "p.yaml");
        assertEquals(List.of("Original"), List.copyOf(s.imageTypes().keySet()));
    }
}
