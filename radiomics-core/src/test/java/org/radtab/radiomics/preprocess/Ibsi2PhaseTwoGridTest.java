package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 2 phase 2, configuration B without a filter (test 1.B): the CT phantom interpolated to
 * 1 mm with the IBSI cubic spline, rounded to HU, mask linear >= 0.5, re-segmented to
 * [-1000, 400]; the intensity statistics of the ROI against the reference values (IBSI 2 rule:
 * |value - reference| <= tolerance, unrounded). Checks the whole IBSI spline path on a 200 x 197 x 180
 * grid (only the statistics with one-line definitions are recomputed here).
 */
class Ibsi2PhaseTwoGridTest {

    @Test
    void unfilteredConfigurationBStatistics() throws Exception {
        Volume image = ImageIO.readVolume(TestData.file("ibsi1/ct_phantom/image.nii.gz"));
        Mask mask = ImageIO.readMask(TestData.file("ibsi1/ct_phantom/mask.nii.gz"));
        IbsiPreprocessing.Result r = IbsiPreprocessing.run(image, mask, IbsiPreprocessing.Settings.none()
            .withInterpolation(new double[] {1, 1, 1}, Interpolator.BSPLINE_IBSI, true).withRange(-1000, 400));
        assertArrayEquals(new int[] {200, 197, 180}, r.image().geometry().size());

        double[] x = r.roi().intensityValues();
        Arrays.sort(x);
        int n = x.length;
        double mean = 0;
        double energy = 0;
        for (double v : x) {
            mean += v;
            energy += v * v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        double m4 = 0;
        for (double v : x) {
            double e = v - mean;
            m2 += e * e;
            m3 += e * e * e;
            m4 += e * e * e * e;
        }
        m2 /= n;
        m3 /= n;
        m4 /= n;
        Map<String, Double> mine = new HashMap<>();
        mine.put("stat_mean", mean);
        mine.put("stat_var", m2);
        mine.put("stat_skew", m3 / Math.pow(m2, 1.5));
        mine.put("stat_kurt", m4 / (m2 * m2) - 3);
        mine.put("stat_median", PyRadiomicsBaselinePreprocessingTest.percentile(x, 50));
        mine.put("stat_min", x[0]);
        mine.put("stat_p10", PyRadiomicsBaselinePreprocessingTest.percentile(x, 10));
        mine.put("stat_p90", PyRadiomicsBaselinePreprocessingTest.percentile(x, 90));
        mine.put("stat_max", x[n - 1]);
        mine.put("stat_range", x[n - 1] - x[0]);
        mine.put("stat_energy", energy);
        mine.put("stat_rms", Math.sqrt(energy / n));

        int pass = 0;
        List<String> fail = new ArrayList<>();
        for (String line : Files.readAllLines(TestData.file("ibsi2/reference_values.csv"))) {
            String[] f = line.split(";");
            if (!f[0].equals("1.B") || !mine.containsKey(f[2])) {
                continue;
            }
            double v = mine.get(f[2]);
            if (Math.abs(v - Double.parseDouble(f[3])) <= Double.parseDouble(f[4])) {
                pass++;
            } else {
                fail.add(f[2] + ": " + v + " vs " + f[3] + " +- " + f[4]);
            }
        }
        System.out.println("IBSI 2 1.B statistics from the 1 mm spline grid: " + pass + "/" + (pass + fail.size())
            + " pass " + fail + " " + mine);
        assertEquals(List.of(), fail);
        assertEquals(12, pass);
    }
}
