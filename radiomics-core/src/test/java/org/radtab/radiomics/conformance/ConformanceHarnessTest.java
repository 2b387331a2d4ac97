package org.radtab.radiomics.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.testing.TestData;

/** The harness on the real reference files, with fake engines whose answers are known. */
class ConformanceHarnessTest {

    /** An engine answering every request with f(reference value), read straight from the files. */
    static final class EchoEngine implements ConformanceEngine {
        private final Path data;
        private final DoubleUnaryOperator f;

        EchoEngine(Path data, DoubleUnaryOperator f) {
            this.data = data;
            this.f = f;
        }

        private Map<String, Double> answer(List<ReferenceValue> refs) {
            Map<String, Double> out = new HashMap<>();
            for (ReferenceValue r : refs) {
                if (r.hasConsensus()) {
                    out.put(r.feature(), f.applyAsDouble(r.reference().doubleValue()));
                }
            }
            return out;
        }

        @Override
        public Map<String, Double> ibsi1(Ibsi1Request r) throws IOException {
            return answer(ReferenceFiles.readIbsi1(data.resolve("ibsi1/reference").resolve(r.ibsiCase().referenceFile())));
        }

        @Override
        public Map<String, Double> ibsi2Phase2(Ibsi2Phase2Request r) throws IOException {
            return answer(ReferenceFiles.readIbsi2Phase2(data.resolve("ibsi2/reference_values.csv")).get(r.filterId()));
        }

        private PyRadiomicsBaseline baseline;

        @Override
        public Map<String, Double> pyradiomics(PyRadiomicsRequest r) throws IOException {
            if (baseline == null) {
                baseline = PyRadiomicsBaseline.read(data.resolve("pyradiomics/baseline"));
            }
            return answer(baseline.features(r.featureClass(), r.column()));
        }

        @Override
        public Optional<Volume> ibsi2ResponseMap(Ibsi2Phase1Request r) throws IOException {
            Volume v = ImageIO.readVolume(data.resolve("ibsi2/response_maps/" + r.testId().replace('.', '_')
                + "-ValidCRM.nii.gz"));
            double[] d = v.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = f.applyAsDouble(d[i]);
            }
            return Optional.of(v);
        }
    }

    @Test
    void suitesOfTheDataFolder() throws Exception {
        List<String> names = new ConformanceHarness(TestData.dir(), ConformanceEngines.none()).suiteNames();
        assertEquals(6 + 33 + 18 + 24, names.size(), names.toString());
        assertEquals(List.of("ibsi1-digital-phantom", "ibsi1-ct-a", "ibsi1-ct-b", "ibsi1-ct-c", "ibsi1-ct-d",
            "ibsi1-ct-e", "ibsi2-phase1-1.a.1"), names.subList(0, 7));
        assertTrue(names.containsAll(List.of("ibsi2-phase1-2.a", "ibsi2-phase1-10.b.1", "ibsi2-phase2-3.A",
            "ibsi2-phase2-9.B", "pyradiomics-brain1", "pyradiomics-brain1_resampling", "pyradiomics-breast1_2d",
            "pyradiomics-brain2_combined")));
        assertTrue(names.indexOf("ibsi2-phase1-9.b.1") < names.indexOf("ibsi2-phase1-10.b.1"));
        assertFalse(names.stream().anyMatch(n -> n.contains("lung")), "lung images are absent");
    }

    @Test
    void referenceValuesPassEverything() throws Exception {
        Path data = TestData.dir();
        ConformanceReport report = new ConformanceHarness(data, new EchoEngine(data, v -> v)).run(s -> true);
        assertEquals(81, report.suites().size());
        for (SuiteResult s : report.suites()) {
            assertEquals(0, s.fail(), s.suite() + " " + s.failures());
            assertEquals(0, s.missing(), s.suite());
            assertNull(s.error());
        }
        Map<String, SuiteResult> by = new HashMap<>();
        report.suites().forEach(s -> by.put(s.suite(), s));
        // row counts from the files: 487 digital-phantom tags (5 without consensus), 411 / 275 CT tags
        assertCounts(by.get("ibsi1-digital-phantom"), 482, 5);
        assertCounts(by.get("ibsi1-ct-a"), 406, 5);
        assertCounts(by.get("ibsi1-ct-e"), 270, 5);
        assertCounts(by.get("ibsi2-phase2-1.A"), 18, 0);
        assertCounts(by.get("ibsi2-phase2-8.B"), 17, 1); // stat_qcod has no consensus
        assertCounts(by.get("ibsi2-phase1-2.a"), 1, 0);
        // PyRadiomics: brain1 has all 7 classes (18+24+14+16+16+5+14), brain1_2d the 5 texture classes,
        // brain1_combined only glcm and glrlm
        assertCounts(by.get("pyradiomics-brain1"), 107, 0);
        assertCounts(by.get("pyradiomics-brain1_2d"), 75, 0);
        assertCounts(by.get("pyradiomics-breast1_combined"), 40, 0);
        assertCounts(by.get("pyradiomics-brain2_resampling"), 107, 0);
    }

    private static void assertCounts(SuiteResult s, int pass, int skipped) {
        assertEquals(pass, s.pass(), s.suite() + " pass");
        assertEquals(skipped, s.skipped(), s.suite() + " skipped");
    }

    @Test
    void offValuesFailAndAreListed() throws Exception {
        Path data = TestData.dir();
        ConformanceHarness h = new ConformanceHarness(data, new EchoEngine(data, v -> v * 1.1 + 1));
        SuiteResult s = h.run("ibsi1-digital-phantom");
        assertEquals(0, s.pass());
        assertEquals(482, s.fail());
        assertEquals(5, s.skipped());
        SuiteResult.Failure first = s.failures().get(0);
        // morph_volume: reference 556, tolerance 4 (first row of dig_phantom.csv)
        assertEquals("morph_volume", first.feature());
        assertEquals(556 * 1.1 + 1, first.value(), 1e-9);
        assertEquals(556, first.reference());
        assertEquals(4, first.tolerance());
        String json = new ConformanceReport(List.of(s)).toJson();
        assertTrue(json.startsWith("{\"suites\":[{\"suite\":\"ibsi1-digital-phantom\",\"pass\":0,\"fail\":482,"
            + "\"missing\":0,\"skipped\":5,\"failures\":[{\"feature\":\"morph_volume\",\"value\":612.6"), json);
        SuiteResult map = h.run("ibsi2-phase1-1.a.1");
        assertEquals(1, map.fail());
        SuiteResult py = h.run("pyradiomics-brain1");
        assertEquals(107, py.fail());
        // the PyRadiomics tolerance reported is 1e-6 x |reference|
        SuiteResult.Failure f = py.failures().get(0);
        assertEquals(Math.abs(f.reference()) * 1e-6, f.tolerance(), 1e-12 * Math.abs(f.reference()) + 1e-15);
    }

    @Test
    void responseMapWithinOnePercentOfTheRangePasses() throws Exception {
        Path data = TestData.dir();
        Volume ref = ImageIO.readVolume(data.resolve("ibsi2/response_maps/2_a-ValidCRM.nii.gz"));
        double[] mmm = ref.minMeanMax();
        double range = mmm[2] - mmm[0];
        SuiteResult ok = new ConformanceHarness(data, new EchoEngine(data, v -> v + 0.009 * range)).run("ibsi2-phase1-2.a");
        assertEquals(1, ok.pass());
        SuiteResult bad = new ConformanceHarness(data, new EchoEngine(data, v -> v - 0.011 * range)).run("ibsi2-phase1-2.a");
        assertEquals(1, bad.fail());
        assertEquals(0.011 * range, bad.failures().get(0).value(), 1e-6 * range);
        assertEquals(0.01 * range, bad.failures().get(0).tolerance(), 1e-9 * range);
    }

    @Test
    void nothingComputedIsMissing() throws Exception {
        ConformanceHarness h = new ConformanceHarness(TestData.dir(), ConformanceEngines.none());
        SuiteResult s = h.run("ibsi2-phase2-8.B");
        assertEquals(0, s.pass() + s.fail());
        assertEquals(17, s.missing());
        assertEquals(1, s.skipped());
        assertEquals(1, h.run("ibsi2-phase1-7.a.2").missing());
        assertEquals(75, h.run("pyradiomics-brain2_FBN").missing());
    }

    @Test
    void imageDiagnosticsPassOnTheCtPhantom() throws Exception {
        ConformanceEngine discovered = ConformanceEngines.discover();
        assertTrue(discovered.name().contains("image-diagnostics"), discovered.name());
        // the discovered composite also computes the features (RadTabEngine): check the diagnostics engine alone
        ConformanceHarness h = new ConformanceHarness(TestData.dir(), new ImageDiagnosticsEngine());
        for (String suite : List.of("ibsi1-ct-a", "ibsi1-ct-b", "ibsi1-ct-c", "ibsi1-ct-d", "ibsi1-ct-e")) {
            SuiteResult s = h.run(suite);
            // the 23 _init_ diagnostics of each configuration: dims, spacing, intensities, ROI counts and box
            assertEquals(23, s.pass(), suite + " " + s.failures());
            assertEquals(0, s.fail(), suite + " " + s.failures());
            assertEquals(5, s.skipped());
        }
        Map<String, int[]> families = h.run("ibsi1-ct-a").byFamily();
        assertEquals(23, families.get("diag")[0]);
        assertTrue(families.containsKey("cm") && families.containsKey("morph"));
    }

    @Test
    void anEngineExceptionFailsTheSuiteRows() throws Exception {
        ConformanceEngine broken = new ConformanceEngine() {
            @Override
            public Map<String, Double> ibsi2Phase2(Ibsi2Phase2Request r) {
                throw new IllegalStateException("filter " + r.filter() + " exploded");
            }
        };
        SuiteResult s = new ConformanceHarness(TestData.dir(), broken).run("ibsi2-phase2-4.B");
        assertEquals(18, s.fail());
        assertTrue(s.error().contains("filter 4 exploded"));
        assertNull(s.failures().get(0).value());
        assertTrue(new ConformanceReport(List.of(s)).toJson().contains("\"value\":null"));
    }

    @Test
    void jsonShape() {
        SuiteResult s = new SuiteResult("ibsi2-phase2-3.A", List.of(
            new SuiteResult.Row("stat_mean", SuiteResult.Status.PASS, -47.0, new BigDecimal("-47"), new BigDecimal("4.6")),
            new SuiteResult.Row("stat_var", SuiteResult.Status.FAIL, 1.5, new BigDecimal("53300"), new BigDecimal("2000")),
            new SuiteResult.Row("stat_skew", SuiteResult.Status.MISSING, null, new BigDecimal("1"), new BigDecimal("1")),
            new SuiteResult.Row("stat_qcod", SuiteResult.Status.SKIPPED, null, null, null)), null);
        SuiteResult empty = new SuiteResult("x \"quoted\"", List.of(), null);
        assertEquals("{\"suites\":[{\"suite\":\"ibsi2-phase2-3.A\",\"pass\":1,\"fail\":1,\"missing\":1,\"skipped\":1,"
            + "\"failures\":[{\"feature\":\"stat_var\",\"value\":1.5,\"reference\":53300.0,\"tolerance\":2000.0}]},"
            + "{\"suite\":\"x \\\"quoted\\\"\",\"pass\":0,\"fail\":0,\"missing\":0,\"skipped\":0,\"failures\":[]}]}",
            new ConformanceReport(List.of(s, empty)).toJson());
    }

    @Test
    void globsAndUnknownSuites() throws Exception {
        var p = ConformanceHarness.glob(List.of("ibsi1-ct-*", "pyradiomics-brain1"));
        assertTrue(p.test("ibsi1-ct-a"));
        assertFalse(p.test("ibsi1-digital-phantom"));
        assertTrue(p.test("pyradiomics-brain1"));
        assertFalse(p.test("pyradiomics-brain1_2d"));
        assertTrue(ConformanceHarness.glob(List.of("ibsi2-phase1-1.?.1")).test("ibsi2-phase1-1.a.1"));
        assertFalse(ConformanceHarness.glob(List.of("ibsi2-phase1-1.?.1")).test("ibsi2-phase1-1x1.1"));
        ConformanceHarness h = new ConformanceHarness(TestData.dir(), ConformanceEngines.none());
        assertThrows(IllegalArgumentException.class, () -> h.run("ibsi9-nothing"));
        assertThrows(IllegalArgumentException.class, () -> h.run("pyradiomics-lung9"));
    }

    @TempDir
    Path tmp;

    @Test
    void malformedReferenceFilesNameTheLine() throws Exception {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, "reference value;tolerance;tag\n1;0;a\nx;0;b\n");
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> ReferenceFiles.readIbsi1(f));
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
        Files.writeString(f, "value;tag\n");
        assertThrows(ReferenceDataException.class, () -> ReferenceFiles.readIbsi1(f));
        Files.writeString(f, "reference value;tolerance;tag\n1;0;a\n2;0;a\n");
        assertTrue(assertThrows(ReferenceDataException.class, () -> ReferenceFiles.readIbsi1(f)).getMessage()
            .contains("twice"));
    }

    @Test
    void settingsAreParsedFromTheBaseline() throws Exception {
        PyRadiomicsBaseline b = PyRadiomicsBaseline.read(TestData.dir().resolve("pyradiomics/baseline"));
        Map<String, Object> s = b.settings("glcm", "brain1_2d");
        assertEquals(Boolean.TRUE, s.get("force2D"));
        assertEquals(List.of(1L), s.get("distances"));
        assertEquals("sitkBSpline", s.get("interpolator"));
        assertEquals(Map.of("Original", Map.of()), b.imageTypes("glcm", "brain1_2d"));
        assertEquals(64L, b.settings("glcm", "brain1_FBN").get("binCount"));
        assertEquals("brain2", b.testCase("brain2_resegmentation"));
    }
}
