package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** The IBSI wavelet filter's structure: rotation set, band sharing, low-pass gain, parameter checks. */
class IbsiWaveletFilterTest {

    /** 24 distinct signed permutation matrices with determinant +1 in 3D, 4 in 2D. */
    @Test
    void rotationSets() {
        List<RightAngleRotations.Orientation> r3 = RightAngleRotations.of(FilterDimension.THREE_D);
        assertEquals(24, r3.size());
        Set<String> seen = new HashSet<>();
        for (RightAngleRotations.Orientation o : r3) {
            int[][] m = new int[3][3];
            for (int a = 0; a < 3; a++) {
                m[a][o.axis(a)] = o.reversed(a) ? -1 : 1;
            }
            int det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
            assertEquals(1, det);
            seen.add(java.util.Arrays.deepToString(m));
        }
        assertEquals(24, seen.size());
        assertEquals(4, RightAngleRotations.of(FilterDimension.TWO_D).size());
        assertEquals(1, RightAngleRotations.forPooling(FilterDimension.THREE_D, Pooling.NONE).size());
    }

    @Test
    void allBandsEqualSingleBandFilters() {
        Geometry g = Geometry.of(9, 8, 7, 1, 1, 1);
        Random r = new Random(4);
        double[] d = new double[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = r.nextGaussian();
        }
        Volume in = Volume.wrap(g, d);
        Wavelet w = Wavelet.of("db3");
        for (int level = 1; level <= 2; level++) {
            var all = IbsiWaveletFilter.allBands(in, w, level, FilterDimension.THREE_D, BoundaryCondition.MIRROR_EDGE_REPEATED);
            assertEquals(List.of("LLL", "LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH"), List.copyOf(all.keySet()));
            for (var e : all.entrySet()) {
                Volume single = new IbsiWaveletFilter(w, e.getKey(), level, FilterDimension.THREE_D,
                    BoundaryCondition.MIRROR_EDGE_REPEATED, Pooling.NONE).apply(in);
                assertArrayEquals(single.data(), e.getValue().data(), 1e-12, e.getKey() + " level " + level);
            }
        }
    }

    /** LLL of a constant multiplies it by (sum L)^3 = 2 sqrt 2 per level (periodic: no border effect); HHH gives 0. */
    @Test
    void lowPassGain() {
        Geometry g = Geometry.of(8, 8, 8, 1, 1, 1);
        double[] d = new double[g.voxelCount()];
        java.util.Arrays.fill(d, 3.0);
        Volume c = Volume.wrap(g, d);
        for (String name : List.of("haar", "db4", "coif2", "sym5")) {
            Wavelet w = Wavelet.of(name);
            Volume lll = new IbsiWaveletFilter(w, "LLL", 2, FilterDimension.THREE_D, BoundaryCondition.PERIODIC,
                Pooling.MEAN).apply(c);
            assertEquals(3 * 8, lll.get(3, 4, 5), 1e-9, name);
            Volume hhh = new IbsiWaveletFilter(w, "HHH", 1, FilterDimension.THREE_D, BoundaryCondition.PERIODIC,
                Pooling.NONE).apply(c);
            assertEquals(0, hhh.get(3, 4, 5), 1e-9, name);
        }
    }

    @Test
    void parameterChecks() {
        Wavelet w = Wavelet.of("haar");
        assertThrows(IllegalArgumentException.class,
            () -> new IbsiWaveletFilter(w, "LH", 1, FilterDimension.THREE_D, BoundaryCondition.ZERO, Pooling.NONE));
        assertThrows(IllegalArgumentException.class,
            () -> new IbsiWaveletFilter(w, "LXL", 1, FilterDimension.THREE_D, BoundaryCondition.ZERO, Pooling.NONE));
        assertThrows(IllegalArgumentException.class,
            () -> new IbsiWaveletFilter(w, "LLL", 0, FilterDimension.THREE_D, BoundaryCondition.ZERO, Pooling.NONE));
        assertEquals("LH", new IbsiWaveletFilter(w, "lh", 1, FilterDimension.TWO_D, BoundaryCondition.ZERO, Pooling.MEAN)
            .parameters().band());
    }

    @Test
    void phase1TableIsConsistent() {
        for (Ibsi2Phase1 t : Ibsi2Phase1.values()) {
            assertEquals(t, Ibsi2Phase1.byId(t.id()));
            assertEquals("ibsi2/response_maps/" + t.id().replace('.', '_') + "-ValidCRM.nii.gz", t.referenceMapPath());
        }
        assertEquals(33, Ibsi2Phase1.values().length);
        assertThrows(IllegalArgumentException.class, () -> Ibsi2Phase1.byId("9.b.2")); // no consensus map
    }
}
