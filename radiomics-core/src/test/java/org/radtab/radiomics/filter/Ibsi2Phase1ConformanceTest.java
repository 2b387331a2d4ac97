package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.testing.TestData;

/**
 * IBSI 2 phase 1: every implemented response map against the consensus map
 * ({@code ibsi2/response_maps/<id>-ValidCRM.nii.gz}); pass = every voxel within 1 % of the
 * reference map's range. The worst error per test (fraction of range) is written to the test
 * output.
 */
class Ibsi2Phase1ConformanceTest {
    private static final Map<String, Volume> PHANTOMS = new ConcurrentHashMap<>();
    private static final Map<String, Double> WORST = new TreeMap<>();

    static Volume phantom(String relative) {
        return PHANTOMS.computeIfAbsent(relative, r -> {
            try {
                return ImageIO.readVolume(TestData.file(r));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** max |a - ref| / (max ref - min ref). */
    static double worstFractionOfRange(Volume a, Volume ref) {
        double[] x = a.data();
        double[] r = ref.data();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int n = 0; n < r.length; n++) {
            lo = Math.min(lo, r[n]);
            hi = Math.max(hi, r[n]);
            worst = Math.max(worst, Math.abs(x[n] - r[n]));
        }
        return worst / (hi - lo);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Ibsi2Phase1.class)
    void responseMapMatchesConsensus(Ibsi2Phase1 test) throws IOException {
        Volume image = phantom(test.phantomPath());
        Volume reference = ImageIO.readVolume(TestData.file(test.referenceMapPath()));
        assertArrayEquals(image.geometry().size(), reference.geometry().size(), "grid of " + test.id());
        Volume response = test.filter().apply(image);
        assertArrayEquals(image.geometry().size(), response.geometry().size());
        double worst = worstFractionOfRange(response, reference);
        synchronized (WORST) {
            WORST.put(test.id(), worst);
        }
        assertTrue(worst <= Ibsi2Phase1.TOLERANCE_FRACTION_OF_RANGE,
            test.id() + " (" + test.description() + "): worst voxel error " + worst + " of the reference range");
    }

    @AfterAll
    static void report() {
        StringBuilder sb = new StringBuilder("IBSI 2 phase 1, worst voxel error as a fraction of the reference range:\n");
        synchronized (WORST) {
            WORST.forEach((id, w) -> sb.append(String.format("  %-6s %.2e%n", id, w)));
        }
        System.out.print(sb);
    }
}
