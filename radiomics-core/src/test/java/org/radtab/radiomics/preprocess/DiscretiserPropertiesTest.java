package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;

class DiscretiserPropertiesTest {

    private static RoiImage roi(List<Integer> values) {
        double[] d = new double[values.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = values.get(i);
        }
        return DiscretiserTest.roi(d);
    }

    private static void levelsInRangeAndMonotone(RoiImage roi, GreyLevelImage g) {
        double[] x = roi.image().data();
        int[] l = g.levels();
        for (int i = 0; i < l.length - 1; i++) {
            assertTrue(l[i] >= 1 && l[i] <= g.numLevels(), "level " + l[i] + " outside 1.." + g.numLevels());
            for (int j = 0; j < l.length - 1; j++) {
                if (x[i] <= x[j]) {
                    assertTrue(l[i] <= l[j], "monotone: " + x[i] + "->" + l[i] + ", " + x[j] + "->" + l[j]);
                }
            }
        }
    }

    @Property(tries = 200)
    void everyRuleGivesMonotoneLevelsIn1ToNg(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = -3000, max = 3000) Integer> v,
                                           @ForAll @IntRange(min = 1, max = 64) int n,
                                           @ForAll @DoubleRange(min = 0.5, max = 300) double w) {
        RoiImage roi = roi(v);
        levelsInRangeAndMonotone(roi, Discretiser.pyradiomicsBinWidth(roi, w));
        levelsInRangeAndMonotone(roi, Discretiser.pyradiomicsBinCount(roi, n));
        levelsInRangeAndMonotone(roi, Discretiser.ibsiBinSize(roi, w, Double.NaN));
        levelsInRangeAndMonotone(roi, Discretiser.ibsiBinNumber(roi, n));
        GreyLevelImage fbn = Discretiser.pyradiomicsBinCount(roi, n);
        assertTrue(fbn.maxLevelPresent() <= n);
    }

    @Property(tries = 200)
    void minimumGetsLevelOneAndMaximumGetsTopBin(@ForAll @Size(min = 2, max = 30) List<@IntRange(min = -2000, max = 2000) Integer> v,
                                                @ForAll @IntRange(min = 1, max = 64) int n) {
        RoiImage roi = roi(v);
        int min = v.stream().mapToInt(Integer::intValue).min().getAsInt();
        int max = v.stream().mapToInt(Integer::intValue).max().getAsInt();
        for (GreyLevelImage g : new GreyLevelImage[] {Discretiser.pyradiomicsBinWidth(roi, 25),
            Discretiser.ibsiBinSize(roi, 25, Double.NaN), Discretiser.ibsiBinNumber(roi, n)}) {
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) == min) {
                    assertTrue(g.levels()[i] == 1);
                }
            }
        }
        if (min < max) {
            GreyLevelImage b = Discretiser.ibsiBinNumber(roi, n);
            GreyLevelImage p = Discretiser.pyradiomicsBinCount(roi, n);
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) == max) {
                    assertTrue(b.levels()[i] == n && p.levels()[i] == n);
                }
            }
        }
    }

    /** Shifting all intensities by a multiple of the bin width keeps every voxel in its bin. */
    @Property(tries = 200)
    void shiftByWholeBinsPreservesLevels(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = -2000, max = 2000) Integer> v,
                                         @ForAll @IntRange(min = -40, max = 40) int bins,
                                         @ForAll @IntRange(min = 1, max = 50) int w) {
        RoiImage a = roi(v);
        RoiImage b = roi(v.stream().map(x -> x + bins * w).collect(java.util.stream.Collectors.toList()));
        assertArrayEquals(Discretiser.pyradiomicsBinWidth(a, w).levels(), Discretiser.pyradiomicsBinWidth(b, w).levels());
        assertArrayEquals(Discretiser.ibsiBinSize(a, w, Double.NaN).levels(), Discretiser.ibsiBinSize(b, w, Double.NaN).levels());
    }

    /** x -> a x + b (a > 0) maps the fixed-bin-number bins onto each other. */
    @Property(tries = 200)
    void positiveAffineMapPreservesFixedBinNumberLevels(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = -2000, max = 2000) Integer> v,
                                                       @ForAll @IntRange(min = 1, max = 9) int a,
                                                       @ForAll @IntRange(min = -500, max = 500) int b,
                                                       @ForAll @IntRange(min = 1, max = 64) int n) {
        RoiImage r1 = roi(v);
        RoiImage r2 = roi(v.stream().map(x -> a * x + b).collect(java.util.stream.Collectors.toList()));
        assertArrayEquals(Discretiser.ibsiBinNumber(r1, n).levels(), Discretiser.ibsiBinNumber(r2, n).levels());
    }
}
