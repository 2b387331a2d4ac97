package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.conformance.ConformanceData;
import org.radtab.radiomics.conformance.ConformanceEngine;
import org.radtab.radiomics.conformance.Ibsi1Request;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import picocli.CommandLine;

/** The radtab command through picocli, with captured output. */
class RadtabCommandTest {
    @TempDir
    Path tmp;

    /** Output, error text and exit code of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(RadtabCommand.commandLine(), args);
    }

    static Path data() {
        Optional<Path> p = ConformanceData.locate();
        if (p.isEmpty()) {
            if (ConformanceData.required()) {
                fail("conformance data not found");
            }
            assumeTrue(false, "conformance data not found");
        }
        return p.get();
    }

    @Test
    void helpAndVersion() {
        Run help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("info") && help.out().contains("conformance"), help.out());
        assertTrue(help.out().contains("Exit codes") && help.out().contains("3  an input could not be read"));
        Run version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("radtab 0.1.0"), version.out());
        assertEquals(0, run().code());
        assertEquals(2, run("--no-such-option").code());
        assertEquals(2, run("info").code(), "IMAGE is required");
    }

    @Test
    void infoOnTheCtPhantom() {
        Path d = data();
        Run r = run("info", d.resolve("ibsi1/ct_phantom/image.nii.gz").toString(),
            d.resolve("ibsi1/ct_phantom/mask.nii.gz").toString());
        assertEquals(0, r.code(), r.err());
        String o = r.out();
        // IBSI 1 facts: 204 x 201 x 60 voxels of 0.977 x 0.977 x 3.0 mm; 125256 ROI voxels; ROI -1000..723 HU
        assertTrue(o.contains("size        204 x 201 x 60 voxels"), o);
        assertTrue(o.contains("spacing     0.977 x 0.977 x 3.0 mm"), o);
        assertTrue(o.contains("mask voxels 125256 in 1 label"), o);
        assertTrue(o.contains("label 1: 125256 voxels"), o);
        assertTrue(o.contains("(100 x 99 x 26 voxels)"), o);
        assertTrue(o.contains("intensity min -1000.0, mean -46.88"), o); // IBSI: -46.9
        assertTrue(o.contains("max 723.0"), o);
        assertTrue(o.contains("grid check  OK"), o);
        assertTrue(o.contains("NIfTI-1, float32, gzip"), o);
    }

    @Test
    void infoReportsAGridMismatch() throws Exception {
        Path img = tmp.resolve("img.nrrd");
        Path msk = tmp.resolve("seg.seg.nrrd");
        ImageIO.writeVolume(Volume.wrap(Geometry.of(3, 2, 2, 1, 1, 1), new double[12]), img);
        int[] labels = new int[12];
        labels[5] = 2;
        ImageIO.writeMask(Mask.wrap(Geometry.of(3, 2, 2, 1, 1, 1.5), labels, Map.of(2, "lesion")), msk);
        Run r = run("info", img.toString(), msk.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code());
        assertTrue(r.out().contains("MISMATCH") && r.out().contains("spacing differs"), r.out());
        assertTrue(r.out().contains("label 2 \"lesion\": 1 voxels"), r.out());
        assertTrue(r.err().contains("does not match"), r.err());
    }

    @Test
    void infoOnBadInput() throws Exception {
        Path bad = tmp.resolve("broken.nii.gz");
        Files.write(bad, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        Run r = run("info", bad.toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("broken.nii.gz"), r.err());
        Run missing = run("info", tmp.resolve("nothere.nii").toString());
        assertEquals(ExitCodes.INPUT_ERROR, missing.code());
        assertTrue(missing.err().contains("nothere.nii"), missing.err());
    }

    @Test
    void conformanceTableAndJson() throws Exception {
        Path json = tmp.resolve("out/conf.json");
        Run r = run("conformance", "--data", data().toString(), "--suite", "ibsi1-ct-*", "--suite",
            "ibsi2-phase2-8.B", "--json", json.toString(), "--families");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("ibsi1-ct-a"), r.out());
        // every IBSI 1 consensus value of configuration A passes (406 rows, 5 without consensus)
        assertTrue(r.out().matches("(?s).*ibsi1-ct-a\\s+406\\s+0\\s+0\\s+5\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*ibsi2-phase2-8\\.B\\s+17\\s+0\\s+0\\s+1\\n.*"), r.out());
        assertTrue(r.out().contains("  diag"), r.out());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(6, root.get("suites").size());
        JsonNode a = root.get("suites").get(0);
        assertEquals("ibsi1-ct-a", a.get("suite").asText());
        assertEquals(406, a.get("pass").asInt());
        assertEquals(0, a.get("fail").asInt());
        assertEquals(0, a.get("missing").asInt());
        assertEquals(5, a.get("skipped").asInt());
        assertTrue(a.get("failures").isArray());
        assertEquals(1, root.size(), "only the suites key");
    }

    @Test
    void conformanceFailuresExitWithOne() throws Exception {
        CommandLine cl = RadtabCommand.commandLine();
        ConformanceCommand cmd = cl.getSubcommands().get("conformance").getCommand();
        cmd.engine = new ConformanceEngine() {
            @Override
            public Map<String, Double> ibsi1(Ibsi1Request r) {
                return Map.of("morph_volume", 600.0, "morph_vol_approx", 592.0);
            }
        };
        Path json = tmp.resolve("f.json");
        Run r = run(cl, "conformance", "--data", data().toString(), "--suite", "ibsi1-digital-phantom", "--json",
            json.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code());
        JsonNode s = new ObjectMapper().readTree(json.toFile()).get("suites").get(0);
        assertEquals(1, s.get("pass").asInt());
        assertEquals(1, s.get("fail").asInt());
        JsonNode f = s.get("failures").get(0);
        assertEquals("morph_volume", f.get("feature").asText());
        assertEquals(600.0, f.get("value").asDouble());
        assertEquals(556.0, f.get("reference").asDouble());
        assertEquals(4.0, f.get("tolerance").asDouble());
    }

    @Test
    void conformanceListAndBadData() {
        Run list = run("conformance", "--data", data().toString(), "--list", "--suite", "pyradiomics-brain1*");
        assertEquals(0, list.code());
        assertEquals(8, list.out().trim().split("\n").length, list.out());
        Run none = run("conformance", "--data", data().toString(), "--suite", "nothing-*");
        assertEquals(ExitCodes.USAGE, none.code());
        Run bad = run("conformance", "--data", tmp.toString());
        assertEquals(ExitCodes.INPUT_ERROR, bad.code());
        assertTrue(bad.err().contains("not a conformance data folder"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
    }
}
