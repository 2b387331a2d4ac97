package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.testing.BaselineCases;
import org.radtab.radiomics.testing.TestData;

/**
 * Reads every image file of the conformance data and checks what the IBSI manuals, the IBSI 2
 * facts sheet and the PyRadiomics baseline diagnostics state about it; then writes each through
 * the NIfTI and NRRD writers and reads it back unchanged.
 */
class ConformanceImagesTest {
    @TempDir
    Path tmp;

    private static boolean isMask(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("mask") || n.contains("_label");
    }

    @Test
    void everyImageFileIsReadAndRoundTrips() throws Exception {
        Path data = TestData.dir();
        List<Path> files;
        try (Stream<Path> s = Files.walk(data)) {
            files = s.filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".nii.gz") || n.endsWith(".nii") || n.endsWith(".nrrd") || n.endsWith(".nhdr");
            }).sorted().collect(Collectors.toList());
        }
        // 2 + 2 (IBSI 1) + 17 phantom images/masks + 33 response maps + 6 PyRadiomics files
        assertEquals(60, files.size(), "image files found: " + files);
        List<String> checked = new ArrayList<>();
        for (Path f : files) {
            if (isMask(f)) {
                Mask m = ImageIO.readMask(f);
                for (String ext : new String[] {".nii.gz", ".seg.nrrd"}) {
                    Path out = tmp.resolve("m" + ext);
                    ImageIO.writeMask(m, out);
                    Mask back = ImageIO.readMask(out);
                    assertSameGeometry(f, ext, m.geometry(), back.geometry());
                    assertArrayEquals(m.labels(), back.labels(), f + " via " + ext);
                }
            } else {
                Volume v = ImageIO.readVolume(f);
                VoxelType type = VoxelType.smallestExact(v.data());
                for (String ext : new String[] {".nii", ".nrrd"}) {
                    Path out = tmp.resolve("v" + ext);
                    ImageIO.writeVolume(v, out, type);
                    Volume back = ImageIO.readVolume(out);
                    assertSameGeometry(f, ext, v.geometry(), back.geometry());
                    assertTrue(Arrays.equals(v.data(), back.data()), f + " via " + ext);
                }
            }
            checked.add(data.relativize(f).toString());
        }
        assertEquals(files.size(), checked.size());
    }

    /**
     * Bit-identical, except a NRRD geometry written to NIfTI, whose header fields are float32:
     * the same grid to float precision then.
     */
    private static void assertSameGeometry(Path source, String ext, Geometry expected, Geometry actual) {
        boolean floatFields = ext.startsWith(".nii") && !source.toString().contains(".nii");
        if (floatFields) {
            assertTrue(expected.sameGrid(actual, 1e-5 * 1000), source + " via " + ext + ": " + actual);
            assertArrayEquals(expected.spacing(), actual.spacing(), 1e-6, source + " via " + ext);
        } else {
            assertEquals(expected, actual, source + " via " + ext);
        }
    }

    @Test
    void ibsi1CtPhantom() throws Exception {
        ImageIO.ImageAndMask im = ImageIO.readImageAndMask(TestData.file("ibsi1/ct_phantom/image.nii.gz"),
            TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
        Volume img = im.image();
        Mask mask = im.mask();
        // IBSI 1 reference, configuration A diagnostics: img_dim 204 x 201 x 60, vox_dim 0.977 x 0.977 x 3
        assertArrayEquals(new int[] {204, 201, 60}, img.geometry().size());
        assertArrayEquals(new double[] {0.977, 0.977, 3.0}, img.geometry().spacing(), 5e-7);
        // mean_int_init_img -266, min -1000, max 3065 (3 significant digits)
        double[] mmm = img.minMeanMax();
        assertEquals(-1000, mmm[0]);
        assertEquals(-266, mmm[1], 0.5);
        assertEquals(3065, mmm[2]);
        // int_mask_vox_count_init_roi 125256; bounding box 100 x 99 x 26; ROI mean -46.9, min -1000, max 723
        assertEquals(Map.of(1, 125256), mask.labelCounts());
        BoundingBox bb = mask.boundingBox(1);
        assertArrayEquals(new int[] {100, 99, 26}, bb.size());
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
    void ibsi1DigitalPhantom() throws Exception {
        ImageIO.ImageAndMask im = ImageIO.readImageAndMask(TestData.file("ibsi1/digital_phantom/image.nii.gz"),
            TestData.file("ibsi1/digital_phantom/mask.nii.gz"));
        assertArrayEquals(new int[] {5, 4, 4}, im.image().geometry().size());
        assertArrayEquals(new double[] {2, 2, 2}, im.image().geometry().spacing(), 0);
        // morph_vol_approx = 592 mm^3 = 74 voxels of 8 mm^3; stat_min 1, stat_max 6, stat_mean 2.15 in the ROI
        assertEquals(74, im.mask().count(1));
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        double sum = 0;
        for (int n = 0; n < 80; n++) {
            if (im.mask().labels()[n] == 1) {
                double v = im.image().data()[n];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
        }
        assertEquals(1, min);
        assertEquals(6, max);
        assertEquals(2.15, sum / 74, 0.005);
    }

    private static final Geometry PHANTOM_GRID = Geometry.of(64, 64, 64, 2, 2, 2);

    @Test
    void ibsi2Phantoms() throws Exception {
        for (String name : new String[] {"checkerboard", "empty", "impulse", "noise", "pattern_1", "pattern_2",
            "pattern_3", "sphere"}) {
            Volume v = ImageIO.readVolume(TestData.file("ibsi2/phantoms/" + name + "/image.nii.gz"));
            Mask m = ImageIO.readMask(TestData.file("ibsi2/phantoms/" + name + "/mask.nii.gz"));
            assertEquals(PHANTOM_GRID, v.geometry(), name);
            assertEquals(PHANTOM_GRID, m.geometry(), name);
            assertEquals(Map.of(1, 64 * 64 * 64), m.labelCounts(), name + ": the mask covers the whole volume");
            double[] mmm = v.minMeanMax();
            assertTrue(mmm[0] >= 0 && mmm[2] <= 255, name + " values in 0..255");
        }
        Volume impulse = ImageIO.readVolume(TestData.file("ibsi2/phantoms/impulse/image.nii.gz"));
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 64; j++) {
                for (int i = 0; i < 64; i++) {
                    assertEquals(i == 31 && j == 31 && k == 31 ? 255 : 0, impulse.get(i, j, k), 0);
                }
            }
        }
        Volume cb = ImageIO.readVolume(TestData.file("ibsi2/phantoms/checkerboard/image.nii.gz"));
        for (int k = 0; k < 64; k++) {
            for (int j = 0; j < 64; j++) {
                for (int i = 0; i < 64; i++) {
                    assertEquals(((i / 8 + j / 8 + k / 8) % 2) * 255, cb.get(i, j, k), 0, "checkerboard " + i + "," + j
                        + "," + k);
                }
            }
        }
        assertEquals(0, ImageIO.readVolume(TestData.file("ibsi2/phantoms/empty/image.nii.gz")).minMeanMax()[2]);
        Volume orientation = ImageIO.readVolume(TestData.file("ibsi2/phantoms/orientation/image.nii.gz"));
        assertEquals(Geometry.of(32, 48, 64, 2, 2, 2), orientation.geometry());
        assertEquals(141, orientation.minMeanMax()[2]);
    }

    @Test
    void ibsi2ResponseMapsLieOnThePhantomGrid() throws Exception {
        List<Path> maps;
        try (Stream<Path> s = Files.list(TestData.file("ibsi2/response_maps"))) {
            maps = s.filter(p -> p.toString().endsWith("-ValidCRM.nii.gz")).sorted().collect(Collectors.toList());
        }
        assertEquals(33, maps.size());
        for (Path p : maps) {
            Volume v = ImageIO.readVolume(p);
            assertEquals(PHANTOM_GRID, v.geometry(), p.toString());
            assertTrue(v.minMeanMax()[2] > v.minMeanMax()[0], p + " is not constant");
        }
        // 1.a.1 (mean 15^3 on the checkerboard, zero padding): max 127.5, min 0 (IBSI 2 facts sheet)
        Volume a11 = ImageIO.readVolume(TestData.file("ibsi2/response_maps/1_a_1-ValidCRM.nii.gz"));
        assertEquals(0, a11.minMeanMax()[0], 1e-4);
        assertEquals(127.5, a11.minMeanMax()[2], 0.1); // the consensus map is not exact
    }

    @Test
    void pyradiomicsCasesMatchTheBaselineDiagnostics() throws Exception {
        for (String testCase : new String[] {"brain1", "brain2", "breast1"}) {
            String column = testCase + "_normalization"; // a column with every image diagnostic filled in
            Path dir = TestData.dir().resolve("pyradiomics");
            ImageIO.ImageAndMask im = ImageIO.readImageAndMask(dir.resolve(testCase + "_image.nrrd"),
                dir.resolve(testCase + "_label.nrrd"));
            Geometry g = im.image().geometry();
            assertArrayEquals(tuple(diagnostic("Image-original_Size", column)),
                Arrays.stream(g.size()).asDoubleStream().toArray(), 0, testCase);
            assertArrayEquals(tuple(diagnostic("Image-original_Spacing", column)), g.spacing(), 1e-12, testCase);
            double[] mmm = im.image().minMeanMax();
            assertEquals(Double.parseDouble(diagnostic("Image-original_Minimum", column)), mmm[0], 0, testCase);
            assertEquals(Double.parseDouble(diagnostic("Image-original_Mean", column)), mmm[1], 1e-9, testCase);
            assertEquals(Double.parseDouble(diagnostic("Image-original_Maximum", column)), mmm[2], 0, testCase);
            assertEquals(Double.parseDouble(diagnostic("Mask-original_VoxelNum", column)), im.mask().count(1), testCase);
            double[] bb = tuple(diagnostic("Mask-original_BoundingBox", column));
            BoundingBox box = im.mask().boundingBox(1);
            assertArrayEquals(bb, new double[] {box.lo(0), box.lo(1), box.lo(2), box.size(0), box.size(1), box.size(2)},
                0, testCase);
        }
    }

    /** A {@code diagnostics_} cell of the PyRadiomics firstorder baseline table. */
    private static String diagnostic(String name, String column) throws IOException {
        return BaselineCases.baseline().cell("firstorder", "diagnostics_" + name, column);
    }

    private static double[] tuple(String text) {
        String t = text.trim();
        return Arrays.stream(t.substring(1, t.length() - 1).split(",")).mapToDouble(s -> Double.parseDouble(s.trim()))
            .toArray();
    }
}
