package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.preprocess.Discretiser;

/** Intensity histogram tie rules and intensity-volume histograms worked out by hand. */
class IntensityHistogramAndVolumeHistogramTest {

    static RoiImage row(double... v) {
        Geometry g = Geometry.of(v.length, 1, 1, 1, 1, 1);
        boolean[] m = new boolean[v.length];
        java.util.Arrays.fill(m, true);
        return new RoiImage(Volume.wrap(g, v), m);
    }

    @Test
    void modeTiesGoToTheLevelClosestToTheMeanThenTheLowerOne() {
        // levels 1 1 3 3: mean 2, both modes equidistant -> the lower
        assertEquals(1, IntensityHistogramFamily.of(Discretiser.asIs(row(1, 1, 3, 3))).mode());
        // levels 1 1 4 4 5: mean 3, 4 is closer than 1
        assertEquals(4, IntensityHistogramFamily.of(Discretiser.asIs(row(1, 1, 4, 4, 5))).mode());
    }

    @Test
    void histogramGradient() {
        // counts n1..n4 = 2, 0, 1, 3: H' = n2 - n1, (n3 - n1)/2, (n4 - n2)/2, n4 - n3
        IntensityHistogramFamily h = IntensityHistogramFamily.of(Discretiser.asIs(row(1, 1, 3, 4, 4, 4)));
        assertEquals(-2, h.gradient()[1]);
        assertEquals(-0.5, h.gradient()[2]);
        assertEquals(1.5, h.gradient()[3]);
        assertEquals(2, h.gradient()[4]);
        assertEquals(2, h.maximumGradient());
        assertEquals(4, h.maximumGradientLevel());
        assertEquals(-2, h.minimumGradient());
        assertEquals(1, h.minimumGradientLevel());
    }

    @Test
    void ivhWithFixedBinSize() {
        // X = -10, 0, 5, 12 with range [-10, 15] and w = 5: bins 1, 3, 4, 5, centres -7.5, 2.5, 7.5, 12.5;
        // G = [-7.5, 12.5], w_d = 5: nu = 1, .75, .75, .5, .25 at gamma = 0, .25, .5, .75, 1
        Map<String, Double> f = IntensityVolumeHistogramFamily.ibsi(row(-10, 0, 5, 12),
            IntensityVolumeHistogramFamily.Discretisation.fixedBinSize(5, -10, 15));
        assertEquals(0.75, f.get("ivh_v10"), 1e-12);
        assertEquals(0.25, f.get("ivh_v90"), 1e-12);
        assertEquals(17.5, f.get("ivh_i10"), 1e-12, "nu reaches 0 one step above G");
        assertEquals(-2.5, f.get("ivh_i90"), 1e-12);
        assertEquals(0.5, f.get("ivh_diff_v10_v90"), 1e-12);
        assertEquals(20, f.get("ivh_diff_i10_i90"), 1e-12);
        assertEquals(0.25 * (1.75 + 1.5 + 1.25 + 0.75) / 2, f.get("ivh_auc"), 1e-12);
    }

    @Test
    void ivhWithFixedBinNumber() {
        // X = 0..4, 4 bins: X_d = 1, 2, 3, 4, 4; G = [1, 4]: nu = 1, .8, .6, .4 at gamma = 0, 1/3, 2/3, 1
        Map<String, Double> f = IntensityVolumeHistogramFamily.ibsi(row(0, 1, 2, 3, 4),
            IntensityVolumeHistogramFamily.Discretisation.fixedBinNumber(4));
        assertEquals(0.8, f.get("ivh_v10"), 1e-12);
        assertEquals(0.4, f.get("ivh_v90"), 1e-12);
        assertEquals(5, f.get("ivh_i10"), 1e-12);
        assertEquals(2, f.get("ivh_i90"), 1e-12);
        assertEquals((1.8 + 1.4 + 1.0) / 3 / 2, f.get("ivh_auc"), 1e-12);
    }

    @Test
    void ivhOfASingleIntensity() {
        Map<String, Double> f = IntensityVolumeHistogramFamily.ibsi(row(3, 3, 3),
            IntensityVolumeHistogramFamily.Discretisation.asIs(Double.NaN, Double.NaN));
        assertEquals(0, f.get("ivh_auc"));
        assertEquals(true, Double.isNaN(f.get("ivh_v10")));
        assertEquals(4, f.get("ivh_i10"), 1e-12);
        assertEquals(4, f.get("ivh_i90"), 1e-12);
    }
}
