package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 1 CT phantom, configurations A-E: the 60 diagnostic rows of each reference sheet
 * ({@code *_init_img}, {@code *_interp_img}, {@code *_init_roi}, {@code *_interp_roi},
 * {@code *_reseg_roi}) with the IBSI 1 pass rule (value rounded to 3 significant digits,
 * |value - reference| <= tolerance). References given with more digits (image maximum 3065, voxel
 * count 125256, tolerance 0) are compared at their own precision.
 */
class IbsiCtPhantomDiagnosticsTest {
    private static Volume image;
    private static Mask mask;

    @BeforeAll
    static void load() throws Exception {
        image = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
        mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
    }

    @ParameterizedTest
    @ValueSource(chars = {'A', 'B', 'C', 'D', 'E'})
    void diagnosticRowsPass(char config) throws Exception {
        IbsiPreprocessing.Result r = IbsiPreprocessing.run(image, mask,
            IbsiPreprocessing.Settings.ctPhantomConfiguration(config));
        Map<String, Double> v = new LinkedHashMap<>();
        image(v, "init_img", image);
        image(v, "interp_img", r.image());
        boolean[] init = new boolean[mask.labels().length];
        for (int n = 0; n < init.length; n++) {
            init[n] = mask.labels()[n] == 1;
        }
        roi(v, "init_roi", new RoiImage(image, init));
        RoiImage roi = r.roi();
        roi(v, "interp_roi", new RoiImage(roi.image(), roi.morphologicalMask()));
        roi(v, "reseg_roi", roi);

        Path sheet = TestData.file("ibsi1/reference/chest_config_" + Character.toLowerCase(config) + ".csv");
        int pass = 0;
        List<String> failures = new ArrayList<>();
        for (String line : Files.readAllLines(sheet)) {
            String[] f = line.split(";");
            if (f.length < 3 || !f[2].matches(".*_(init|interp|reseg)_(img|roi)") || f[0].isBlank()) {
                continue;
            }
            Double mine = v.get(f[2]);
            assertTrue(mine != null, "no value computed for " + f[2]);
            BigDecimal ref = new BigDecimal(f[0]);
            // 3 significant digits, or as many as the reference has (exact counts such as 125256)
            int digits = Math.max(3, ref.stripTrailingZeros().precision());
            BigDecimal rounded = new BigDecimal(mine).round(new MathContext(digits, RoundingMode.HALF_UP));
            BigDecimal diff = rounded.subtract(ref).abs();
            if (diff.compareTo(new BigDecimal(f[1])) <= 0) {
                pass++;
            } else {
                failures.add(f[2] + ": " + mine + " vs " + f[0] + " +- " + f[1]);
            }
        }
        System.out.println("IBSI CT config " + config + " diagnostics: " + pass + "/" + (pass + failures.size())
            + " pass " + failures);
        assertEquals(60, pass + failures.size(), "diagnostic rows in the sheet");
        assertEquals(List.of(), failures, "config " + config);
    }

    private static void image(Map<String, Double> v, String suffix, Volume img) {
        Geometry g = img.geometry();
        String[] ax = {"x", "y", "z"};
        double[] mmm = img.minMeanMax();
        for (int a = 0; a < 3; a++) {
            v.put("img_dim_" + ax[a] + "_" + suffix, (double) g.size(a));
            v.put("vox_dim_" + ax[a] + "_" + suffix, g.spacing(a));
        }
        v.put("mean_int_" + suffix, mmm[1]);
        v.put("min_int_" + suffix, mmm[0]);
        v.put("max_int_" + suffix, mmm[2]);
    }

    private static void roi(Map<String, Double> v, String suffix, RoiImage roi) {
        Geometry g = roi.geometry();
        String[] ax = {"x", "y", "z"};
        int[] ib = boxSize(roi.intensityMask(), g);
        int[] mb = boxSize(roi.morphologicalMask(), g);
        for (int a = 0; a < 3; a++) {
            v.put("int_mask_dim_" + ax[a] + "_" + suffix, (double) g.size(a));
            v.put("int_mask_bb_dim_" + ax[a] + "_" + suffix, (double) ib[a]);
            v.put("morph_mask_bb_dim_" + ax[a] + "_" + suffix, (double) mb[a]);
        }
        double[] x = roi.intensityValues();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double d : x) {
            sum += d;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        v.put("int_mask_vox_count_" + suffix, (double) x.length);
        v.put("morph_mask_vox_count_" + suffix, (double) roi.morphologicalVoxelCount());
        v.put("int_mask_mean_int_" + suffix, sum / x.length);
        v.put("int_mask_min_int_" + suffix, min);
        v.put("int_mask_max_int_" + suffix, max);
    }

    static int[] boxSize(boolean[] m, Geometry g) {
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {-1, -1, -1};
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++, n++) {
                    if (m[n]) {
                        int[] p = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            lo[a] = Math.min(lo[a], p[a]);
                            hi[a] = Math.max(hi[a], p[a]);
                        }
                    }
                }
            }
        }
        return new int[] {hi[0] - lo[0] + 1, hi[1] - lo[1] + 1, hi[2] - lo[2] + 1};
    }
}
