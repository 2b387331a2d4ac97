package org.radtab.radiomics.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.testing.TestData;

/**
 * The reference study's configuration ({@code paper-rbp.yaml}) in a batch: the PyRadiomics brain1
 * case and three broken masks on its image. Expected counts are PyRadiomics facts: shape 14,
 * firstorder 18, glcm 24, gldm 14, glrlm 16, glszm 16, ngtdm 5 features (93 without shape), for
 * the original image, LoG sigma 1, 3, 5 mm, the 8 coif1 sub-bands and the gradient image:
 * 14 + 13 * 93 = 1223. The batch runs once for the class (brain1 takes a few seconds).
 */
class PaperRbpBatchTest {
    @TempDir
    static Path tmp;

    static BatchExtractorTest.Table table;
    static BatchSummary summary;

    @BeforeAll
    static void runBatch() throws IOException {
        Path image = TestData.file("pyradiomics/brain1_image.nrrd");
        Path label = TestData.file("pyradiomics/brain1_label.nrrd");
        Mask brain = ImageIO.readMask(label);
        Geometry g = brain.geometry();
        // a single voxel at the centre of brain1's ROI
        Mask one = Mask.empty(g);
        int[] l = brain.labels();
        int first = 0;
        while (l[first] != 1) {
            first++;
        }
        one.labels()[first] = 1;
        Path oneFile = tmp.resolve("one_voxel.nrrd");
        ImageIO.writeMask(one, oneFile);
        Path emptyFile = tmp.resolve("empty.nrrd");
        ImageIO.writeMask(Mask.empty(g), emptyFile);
        // brain1's ROI on a grid moved by 80 % of the image width: the ROI leaves the image
        double[] o = g.origin();
        double[] sp = g.spacing();
        o[0] += 0.8 * g.nx() * sp[0];
        Mask moved = Mask.wrap(new Geometry(g.size(), sp, o, g.direction()), l.clone());
        Path movedFile = tmp.resolve("moved_grid.nrrd");
        ImageIO.writeMask(moved, movedFile);
        Path csv = tmp.resolve("cases.csv");
        Files.writeString(csv, "Case,Image,Mask\n"
            + "brain1," + image + "," + label + "\n"
            + "one," + image + ",one_voxel.nrrd\n"
            + "empty," + image + ",empty.nrrd\n"
            + "moved," + image + ",moved_grid.nrrd\n");
        summary = new BatchExtractor(RadiomicsSettings.paperRbp()).withThreads(2).run(csv, tmp.resolve("out.csv"));
        table = BatchExtractorTest.read(tmp.resolve("out.csv"));
    }

    private static List<String> features() {
        return table.header().subList(table.firstFeature(), table.header().size());
    }

    @Test
    void brain1GivesExactly1223NamedFeaturesWithoutNaN() {
        List<String> f = features();
        assertEquals(1223, f.size());
        assertEquals(1223, new HashSet<>(f).size(), "names are unique");
        assertEquals(1223, summary.featureCount());
        for (String name : List.of("original_shape_Maximum3DDiameter", "log-sigma-3-0-mm-3D_glszm_ZonePercentage",
            "wavelet-LLH_glszm_ZonePercentage", "gradient_glszm_GrayLevelNonUniformityNormalized",
            "original_firstorder_Kurtosis", "wavelet-HHH_ngtdm_Strength", "log-sigma-1-0-mm-3D_gldm_LargeDependenceEmphasis")) {
            assertTrue(f.contains(name), name);
        }
        assertEquals("", table.cell(0, BatchExtractor.ERROR_COLUMN));
        int ff = table.firstFeature();
        for (int c = ff; c < table.header().size(); c++) {
            String v = table.rows().get(0).get(c);
            double d = Double.parseDouble(v);
            assertFalse(Double.isNaN(d) || Double.isInfinite(d), table.header().get(c) + " = " + v);
        }
    }

    @Test
    void derivedImagesOnTwoThreadsGiveTheSameVector() throws IOException {
        Path image = TestData.file("pyradiomics/brain1_image.nrrd");
        Path label = TestData.file("pyradiomics/brain1_label.nrrd");
        FeatureExtractor one = new FeatureExtractor(RadiomicsSettings.paperRbp());
        FeatureVector a = one.extract(image, label);
        FeatureVector b = one.withThreads(2).extract(image, label);
        assertEquals(a.names(), b.names(), "same features in the same order");
        for (int i = 0; i < a.names().size(); i++) {
            assertEquals(0, Double.compare(a.value(i), b.value(i)), a.names().get(i));
        }
        assertEquals(a.diagnostics(), b.diagnostics());
        assertEquals(2, one.withThreads(2).threads());
        assertThrows(IllegalArgumentException.class, () -> one.withThreads(0));
    }

    @Test
    void featureCountsByImageTypeAndClassFollowPyRadiomics() {
        Map<String, Integer> byImage = new LinkedHashMap<>();
        Map<String, Integer> byClass = new LinkedHashMap<>();
        for (String f : features()) {
            String[] p = f.split("_", 3);
            assertEquals(3, p.length, f);
            byImage.merge(p[0], 1, Integer::sum);
            byClass.merge(p[1], 1, Integer::sum);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("original", 107);
        for (String s : List.of("1-0", "3-0", "5-0")) {
            expected.put("log-sigma-" + s + "-mm-3D", 93);
        }
        for (String band : List.of("LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH", "LLL")) {
            expected.put("wavelet-" + band, 93);
        }
        expected.put("gradient", 93);
        assertEquals(expected, byImage, "image types in PyRadiomics' order with their counts");
        Map<String, Integer> classes = Map.of("shape", 14, "firstorder", 18 * 13, "glcm", 24 * 13, "gldm", 14 * 13,
            "glrlm", 16 * 13, "glszm", 16 * 13, "ngtdm", 5 * 13);
        assertEquals(classes, byClass);
        assertEquals(14, features().stream().filter(f -> f.startsWith("original_shape_")).count());
    }

    @Test
    void brokenMasksGiveClearErrorRowsAndTheGoodCaseIsExtracted() {
        assertEquals(4, summary.total());
        assertEquals(1, summary.extracted());
        assertEquals(3, summary.failed());
        assertEquals(List.of("brain1", "one", "empty", "moved"), table.column("Case"));
        List<String> err = table.column(BatchExtractor.ERROR_COLUMN);
        assertTrue(err.get(1).startsWith("invalid ROI: "), err.get(1));
        assertTrue(err.get(2).startsWith("invalid ROI: label 1 is not present in the mask"), err.get(2));
        assertTrue(err.get(3).startsWith("invalid ROI: label 1: the ROI bounding box extends outside the image"),
            err.get(3));
        assertTrue(err.get(3).contains("the mask is not on the image's grid (origin differs"), err.get(3));
        for (int r = 1; r < 4; r++) {
            assertTrue(table.rows().get(r).subList(table.firstFeature(), table.header().size()).stream()
                .allMatch(String::isEmpty));
        }
    }
}
