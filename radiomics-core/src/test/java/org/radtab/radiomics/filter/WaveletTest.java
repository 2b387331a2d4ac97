package org.radtab.radiomics.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter banks: orthonormality and vanishing moments from the definitions, and the derived
 * Daubechies filters against published coefficient values (IBSI 2 facts sheet section 7, the
 * closed form of db2, and the PyWavelets / MATLAB decomposition tables).
 */
class WaveletTest {

    static List<String> names() {
        return Wavelet.names();
    }

    @Test
    void catalogue() {
        assertEquals(1 + 10 + 9 + 5, Wavelet.names().size());
        assertEquals("coif3", Wavelet.of("COIF3").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wavelet.of("db11"));
        assertTrue(e.getMessage().contains("db11"));
        for (String n : Wavelet.names()) {
            Wavelet w = Wavelet.of(n);
            int expected = n.equals("haar") ? 2 : n.startsWith("coif") ? 6 * Integer.parseInt(n.substring(4))
                : 2 * Integer.parseInt(n.replaceAll("[a-z]", ""));
            assertEquals(expected, w.length(), n);
        }
    }

    /** Tables carry ~17 digits but are only orthonormal to ~1e-12; derived filters to ~1e-15. */
    @ParameterizedTest
    @MethodSource("names")
    void orthonormalFilterBank(String name) {
        Wavelet w = Wavelet.of(name);
        double[] lo = w.lowPass();
        double[] hi = w.highPass();
        int n = lo.length;
        // derived filters are exact to rounding; the published coif4/coif5 tables only to ~2e-9
        double tol = derived(name) ? 1e-13 : 5e-9;
        double sum = 0;
        double sq = 0;
        double hsum = 0;
        for (int k = 0; k < n; k++) {
            sum += lo[k];
            sq += lo[k] * lo[k];
            hsum += hi[k];
            assertEquals((k % 2 == 0 ? -1 : 1) * lo[n - 1 - k], hi[k], 0.0, "H[k] = (-1)^(k+1) L[N-1-k]");
        }
        assertEquals(Math.sqrt(2), sum, tol, "sum L = sqrt 2");
        assertEquals(1.0, sq, tol, "sum L^2 = 1");
        assertEquals(0.0, hsum, tol, "sum H = 0");
        for (int m = 1; 2 * m < n; m++) {
            double dot = 0;
            for (int k = 0; k + 2 * m < n; k++) {
                dot += lo[k] * lo[k + 2 * m];
            }
            assertEquals(0.0, dot, tol, name + ": double-shift orthogonality, shift " + 2 * m);
        }
        for (int m = -n / 2; m < n / 2; m++) {
            double cross = 0;
            for (int k = 0; k < n; k++) {
                int q = k + 2 * m;
                if (q >= 0 && q < n) {
                    cross += lo[k] * hi[q];
                }
            }
            assertEquals(0.0, cross, tol, name + ": L and H orthogonal at shift " + 2 * m);
        }
    }

    /** sum_k (k - c)^p H[k] = 0 for p below the number of vanishing moments (relative to the term sizes). */
    @ParameterizedTest
    @MethodSource("names")
    void vanishingMomentsOfHighPass(String name) {
        Wavelet w = Wavelet.of(name);
        double[] hi = w.highPass();
        double c = (hi.length - 1) / 2.0;
        for (int p = 0; p < w.vanishingMoments(); p++) {
            double moment = 0;
            double scale = 0;
            for (int k = 0; k < hi.length; k++) {
                double t = Math.pow(k - c, p) * hi[k];
                moment += t;
                scale += Math.abs(t);
            }
            assertTrue(Math.abs(moment) <= (derived(name) ? 1e-12 : 1e-7) * scale, name + ": moment " + p + " = " + moment + " (scale " + scale + ")");
        }
        // the next moment does not vanish
        int p = w.vanishingMoments();
        double moment = 0;
        double scale = 0;
        for (int k = 0; k < hi.length; k++) {
            double t = Math.pow(k - c, p) * hi[k];
            moment += t;
            scale += Math.abs(t);
        }
        assertTrue(Math.abs(moment) > 1e-6 * scale, name + ": moment " + p + " should not vanish");
    }

    /**
     * The published 17-digit tables (and the IBSI sheet, which copies them) deviate from the exact
     * factorisation by up to ~4e-12 (db3: 0.0352262918821 vs 0.0352262918857, confirmed with a
     * 40-digit computation), hence the 1e-11 tolerance.
     */
    @Test
    void derivedDaubechiesMatchPublishedValues() {
        double s3 = Math.sqrt(3);
        double d = 4 * Math.sqrt(2);
        // closed form of db2 (IBSI 2 facts sheet): (1 - sqrt3, 3 - sqrt3, 3 + sqrt3, 1 + sqrt3) / (4 sqrt2)
        assertArrayEquals(new double[] {(1 - s3) / d, (3 - s3) / d, (3 + s3) / d, (1 + s3) / d},
            Wavelet.of("db2").lowPass(), 1e-15);
        assertArrayEquals(new double[] {0.7071067811865476, 0.7071067811865476}, Wavelet.of("haar").lowPass(), 1e-16);
        assertArrayEquals(Wavelet.of("haar").lowPass(), Wavelet.of("db1").lowPass(), 0.0);
        // IBSI 2 facts sheet, section 7
        assertArrayEquals(new double[] {0.035226291882100656, -0.08544127388224149, -0.13501102001039084,
            0.4598775021193313, 0.8068915093133388, 0.3326705529509569}, Wavelet.of("db3").lowPass(), 1e-11);
        assertArrayEquals(new double[] {-0.3326705529509569, 0.8068915093133388, -0.4598775021193313,
            -0.13501102001039084, 0.08544127388224149, 0.035226291882100656}, Wavelet.of("db3").highPass(), 1e-11);
        // published decomposition tables (PyWavelets dec_lo)
        assertArrayEquals(new double[] {-0.010597401784997278, 0.032883011666982945, 0.030841381835986965,
            -0.18703481171888114, -0.027983769416983849, 0.63088076792959036, 0.71484657055254153,
            0.23037781330885523}, Wavelet.of("db4").lowPass(), 1e-11);
        assertArrayEquals(new double[] {-1.3264203002354869e-005, 9.3588670001089845e-005, -0.0001164668549943862,
            -0.00068585669500468248, 0.0019924052949908499, 0.0013953517469940798, -0.010733175482979604,
            0.0036065535669883944, 0.033212674058933238, -0.029457536821945671, -0.071394147165860775,
            0.093057364603806592, 0.12736934033574265, -0.19594627437659665, -0.24984642432648865,
            0.28117234366042648, 0.68845903945259213, 0.52720118893091983, 0.18817680007762133,
            0.026670057900950818}, Wavelet.of("db10").lowPass(), 1e-11);
    }

    @Test
    void coiflet1AndSymletsAsPublished() {
        // IBSI 2 facts sheet, section 7
        assertArrayEquals(new double[] {-0.01565572813546454, -0.0727326195128539, 0.38486484686420286,
            0.8525720202122554, 0.3378976624578092, -0.0727326195128539}, Wavelet.of("coif1").lowPass(), 1e-15);
        assertArrayEquals(new double[] {0.0727326195128539, 0.3378976624578092, -0.8525720202122554,
            0.38486484686420286, 0.0727326195128539, -0.01565572813546454}, Wavelet.of("coif1").highPass(), 1e-15);
        assertArrayEquals(Wavelet.of("db2").lowPass(), Wavelet.of("sym2").lowPass(), 0.0);
        assertArrayEquals(Wavelet.of("db3").lowPass(), Wavelet.of("sym3").lowPass(), 0.0);
    }

    /** Symlets are Daubechies factorisations too: same |L(w)|^2 as dbN (a different choice of roots). */
    @ParameterizedTest
    @MethodSource("symlets")
    void symletHasDaubechiesMagnitudeResponse(String name) {
        int n = Integer.parseInt(name.substring(3));
        double[] sym = Wavelet.of(name).lowPass();
        double[] db = Wavelet.of("db" + n).lowPass();
        for (int m = 0; m < sym.length; m++) {
            double a = 0;
            double b = 0;
            for (int k = 0; k + m < sym.length; k++) {
                a += sym[k] * sym[k + m];
                b += db[k] * db[k + m];
            }
            assertEquals(b, a, 1e-11, name + " autocorrelation at lag " + m);
        }
    }

    /** Daubechies filters are computed in double; the others come from published tables. */
    static boolean derived(String name) {
        return name.equals("haar") || name.startsWith("db");
    }

    static List<String> symlets() {
        return List.of("sym4", "sym5", "sym6", "sym7", "sym8", "sym9", "sym10");
    }
}
