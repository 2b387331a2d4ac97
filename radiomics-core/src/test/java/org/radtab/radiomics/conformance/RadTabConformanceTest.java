package org.radtab.radiomics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.testing.TestData;

/**
 * The whole conformance run with RadTab's engine, as {@code radtab conformance} performs it:
 * every IBSI 1 consensus value, every PyRadiomics baseline value, and every IBSI 2 response map
 * and phase-2 value with a consensus must pass. Known deviations are listed here, each with its cause (README, "Conformance").
 */
class RadTabConformanceTest {

    /**
     * brain1's mesh volume, surface area and the two features derived from them differ from the
     * baseline by 1.2e-4 .. 9e-4 relative (brain2 and breast1 match to 1e-12 with the same code;
     * see ShapeFamilyPyradiomicsTest for the analysis).
     */
    private static final Set<String> KNOWN_PYRADIOMICS_FAILURES = Set.of(
        "pyradiomics-brain1/original_shape_MeshVolume", "pyradiomics-brain1/original_shape_SurfaceArea",
        "pyradiomics-brain1/original_shape_Sphericity", "pyradiomics-brain1/original_shape_SurfaceVolumeRatio");

    private static ConformanceReport report;

    @BeforeAll
    static void run() throws Exception {
        Path data = TestData.dir();
        ConformanceHarness h = new ConformanceHarness(data, ConformanceEngines.compose(
            List.of(new RadTabEngine(), new ImageDiagnosticsEngine())));
        report = h.run(s -> true);
    }

    private static List<SuiteResult> suites(String prefix) {
        List<SuiteResult> out = new ArrayList<>();
        for (SuiteResult s : report.suites()) {
            if (s.suite().startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }

    @Test
    void ibsi1EveryConsensusValuePasses() {
        List<SuiteResult> s = suites("ibsi1-");
        assertEquals(6, s.size());
        for (SuiteResult r : s) {
            assertNull(r.error(), r.suite());
            assertEquals(0, r.fail(), r.suite() + " failures: " + r.failures());
            assertEquals(0, r.missing(), r.suite() + " has missing values");
            assertTrue(r.pass() > 200, r.suite());
        }
    }

    @Test
    void pyradiomicsBaselinePassesExceptTheDocumentedShapeRows() {
        List<SuiteResult> s = suites("pyradiomics-");
        assertEquals(24, s.size(), "brain1, brain2, breast1 x 8 configurations");
        Set<String> failures = new TreeSet<>();
        for (SuiteResult r : s) {
            assertNull(r.error(), r.suite());
            assertEquals(0, r.missing(), r.suite() + " has missing values");
            for (SuiteResult.Failure f : r.failures()) {
                failures.add(r.suite() + "/" + f.feature());
            }
        }
        assertEquals(KNOWN_PYRADIOMICS_FAILURES, failures);
    }

    @Test
    void ibsi2EveryFilterPasses() {
        List<SuiteResult> s = suites("ibsi2-");
        for (SuiteResult r : s) {
            assertNull(r.error(), r.suite());
            assertEquals(0, r.fail(), r.suite() + " failures: " + r.failures());
            assertEquals(0, r.missing(), r.suite());
        }
        // phase 1: 5 mean + 3 LoG + 9 Laws + 4 Gabor + 6 wavelet + 3 Simoncelli + 3 Riesz; phase 2: filters
        // 1-9 in A and B
        assertEquals(33 + 18, s.size());
    }
}
