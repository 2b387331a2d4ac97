package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.cli.RadtabCommandTest.Run;
import org.radtab.radiomics.batch.BatchProgress;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.VoxelType;

/** {@code radtab extract} through picocli on small synthetic cases (and brain1 once with paper-rbp). */
class ExtractCommandTest {
    @TempDir
    Path tmp;

    static Run run(String... args) {
        return RadtabCommandTest.run(args);
    }

    /** A random int16 cube of n voxels per side at 1 mm and a box mask [1, n-2]^3 with label 1. */
    static Path[] write(Path dir, String name, int n, long seed) throws IOException {
        Geometry g = Geometry.of(n, n, n, 1, 1, 1);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[g.voxelCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextInt(-100, 200);
        }
        Mask m = Mask.empty(g);
        for (int k = 1; k < n - 1; k++) {
            for (int j = 1; j < n - 1; j++) {
                for (int i = 1; i < n - 1; i++) {
                    m.set(i, j, k, 1);
                }
            }
        }
        Path img = dir.resolve(name + "_image.nii.gz");
        Path msk = dir.resolve(name + "_mask.nii.gz");
        ImageIO.writeVolume(Volume.wrap(g, v), img, VoxelType.INT16);
        ImageIO.writeMask(m, msk);
        return new Path[] {img, msk};
    }

    private Path batchWithTwoBadCases() throws IOException {
        Path[] a = write(tmp, "a", 9, 1);
        Path[] b = write(tmp, "b", 11, 2);
        Path[] c = write(tmp, "c", 8, 3);
        Mask empty = Mask.empty(Geometry.of(9, 9, 9, 1, 1, 1));
        ImageIO.writeMask(empty, tmp.resolve("empty.nii.gz"));
        Path csv = tmp.resolve("cases.csv");
        Files.writeString(csv, "Id,Image,Mask\n"
            + "A,a_image.nii.gz,a_mask.nii.gz\n"
            + "B,b_image.nii.gz,b_mask.nii.gz\n"
            + "E,a_image.nii.gz,empty.nii.gz\n"
            + "M,missing.nii.gz,a_mask.nii.gz\n"
            + "C,c_image.nii.gz,c_mask.nii.gz\n", StandardCharsets.UTF_8);
        assertTrue(Files.exists(a[0]) && Files.exists(b[0]) && Files.exists(c[0]));
        return csv;
    }

    static List<String> lines(Path f) throws IOException {
        return Files.readAllLines(f, StandardCharsets.UTF_8);
    }

    @Test
    void batchWithFailedCasesExitsWithOneAndSaysHowMany() throws IOException {
        Path csv = batchWithTwoBadCases();
        Path out = tmp.resolve("features.csv");
        Run r = run("extract", "--csv", csv.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.err());
        assertTrue(r.err().contains("radtab extract: 2 of 5 cases failed"), r.err());
        assertTrue(r.err().contains("invalid ROI: label 1 is not present in the mask"), r.err());
        assertTrue(r.err().contains("file not found: Image "), r.err());
        assertTrue(r.out().contains("3 extracted, 2 failed, of 5 cases in "), r.out());
        assertTrue(r.out().contains("107 features"), r.out());
        // not a terminal: one plain line per case, in input order
        assertTrue(r.err().contains("radtab extract: 1/5 ok line 2 (a_image.nii.gz)"), r.err());
        assertTrue(r.err().contains("radtab extract: 4/5 FAILED line 5 (missing.nii.gz)"), r.err());
        List<String> rows = lines(out);
        assertEquals(6, rows.size());
        assertTrue(rows.get(0).startsWith("Id,Image,Mask,diagnostics_Error,diagnostics_"), rows.get(0));
        assertTrue(rows.get(0).endsWith(",original_ngtdm_Strength"), "features last, in extraction order");
        for (int i = 1; i <= 5; i++) {
            assertTrue(rows.get(i).startsWith("ABEMC".charAt(i - 1) + ","), "input order");
        }
        assertTrue(rows.get(3).startsWith("E,a_image.nii.gz,empty.nii.gz,invalid ROI: label 1 is not present"));
        assertTrue(rows.get(3).endsWith(",,,"), "empty feature cells");

        // resume: nothing is extracted again except the two failed cases (which fail again)
        Run again = run("extract", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertEquals(ExitCodes.CHECK_FAILED, again.code());
        assertTrue(again.out().contains("0 extracted, 2 failed, 3 already done (resume), of 5 cases"), again.out());
        assertTrue(again.err().contains("5 cases, 2 to extract, 3 already done"), again.err());
        assertEquals(rows, lines(out), "same file after resume");

        // the missing image appears: resume extracts it, only the empty mask still fails
        Files.copy(tmp.resolve("a_image.nii.gz"), tmp.resolve("missing.nii.gz"));
        Run third = run("extract", "--csv", csv.toString(), "--out", out.toString(), "--resume", "--threads", "1");
        assertEquals(ExitCodes.CHECK_FAILED, third.code());
        assertTrue(third.out().contains("1 extracted, 1 failed, 3 already done (resume)"), third.out());
        List<String> resumed = lines(out);
        assertEquals(rows.get(1), resumed.get(1), "done rows are kept as they were");
        assertEquals(rows.get(1).substring(2), resumed.get(4).substring(2).replace("missing.nii.gz", "a_image.nii.gz"),
            "M is the image of A with A's mask: the same row apart from Id and Image");
    }

    @Test
    void oneAndFourThreadsWriteTheSameBytes() throws IOException {
        Path csv = batchWithTwoBadCases();
        Path o1 = tmp.resolve("o1.csv");
        Path o4 = tmp.resolve("o4.csv");
        assertEquals(1, run("extract", "--csv", csv.toString(), "--out", o1.toString(), "-j", "1").code());
        assertEquals(1, run("extract", "--csv", csv.toString(), "--out", o4.toString(), "-j", "4").code());
        assertArrayEquals(Files.readAllBytes(o1), Files.readAllBytes(o4));
    }

    @Test
    void allCasesSucceedingExitsWithZero() throws IOException {
        Path[] a = write(tmp, "a", 8, 4);
        Path csv = tmp.resolve("ok.csv");
        Files.writeString(csv, "Image,Mask\n" + a[0] + "," + a[1] + "\n");
        Run r = run("extract", "--params", "pyradiomics-defaults", "--csv", csv.toString(), "--out",
            tmp.resolve("f.csv").toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(2, lines(tmp.resolve("f.csv")).size());
    }

    @Test
    void oneCasePrintsNameValueLinesOrWritesAOneRowCsv() throws IOException {
        Path[] a = write(tmp, "a", 10, 5);
        Run r = run("extract", a[0].toString(), a[1].toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> printed = r.out().lines().toList();
        assertEquals(107, printed.size());
        assertEquals("original_shape_VoxelVolume,512.0", printed.stream()
            .filter(l -> l.startsWith("original_shape_VoxelVolume,")).findFirst().orElseThrow(), "8^3 voxels of 1 mm^3");
        Run d = run("extract", a[0].toString(), a[1].toString(), "--diagnostics");
        assertTrue(d.out().startsWith("diagnostics_Versions_RadTab,"), d.out());

        Path one = tmp.resolve("one.csv");
        Run w = run("extract", a[0].toString(), a[1].toString(), "--out", one.toString());
        assertEquals(ExitCodes.OK, w.code(), w.err());
        List<String> csv = lines(one);
        assertEquals(2, csv.size());
        List<String> header = List.of(csv.get(0).split(","));
        assertEquals(List.of("Image", "Mask", "diagnostics_Error"), header.subList(0, 3));
        // the CSV row holds the printed values, in the same order
        List<String> tail = new ArrayList<>();
        String[] cells = csv.get(1).split(",");
        for (int i = header.size() - 107; i < header.size(); i++) {
            tail.add(header.get(i) + "," + cells[cells.length - header.size() + i]);
        }
        assertEquals(printed, tail);
    }

    @Test
    void oneCaseWithASingleVoxelMaskFailsWithTheReason() throws IOException {
        Path[] a = write(tmp, "a", 8, 6);
        Mask m = Mask.empty(Geometry.of(8, 8, 8, 1, 1, 1));
        m.set(3, 3, 3, 1);
        Path one = tmp.resolve("one.nii.gz");
        ImageIO.writeMask(m, one);
        Run r = run("extract", a[0].toString(), one.toString());
        assertEquals(ExitCodes.CHECK_FAILED, r.code());
        assertTrue(r.err().contains("invalid ROI: label 1: the ROI is a single voxel"), r.err());
        Run w = run("extract", a[0].toString(), one.toString(), "-o", tmp.resolve("x.csv").toString());
        assertEquals(ExitCodes.CHECK_FAILED, w.code());
        assertTrue(lines(tmp.resolve("x.csv")).get(1).contains(",invalid ROI: label 1: the ROI is a single voxel"));
        // --label selects another label of the mask
        Run l = run("extract", a[0].toString(), a[1].toString(), "--label", "2");
        assertEquals(ExitCodes.CHECK_FAILED, l.code());
        assertTrue(l.err().contains("label 2 is not present in the mask"), l.err());
    }

    @Test
    void inputAndUsageErrors() throws IOException {
        Path[] a = write(tmp, "a", 8, 7);
        Run missingCsv = run("extract", "--csv", tmp.resolve("nope.csv").toString(), "--out", "x.csv");
        assertEquals(ExitCodes.INPUT_ERROR, missingCsv.code());
        assertTrue(missingCsv.err().contains("nope.csv: file not found"), missingCsv.err());

        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "setting:\n  binWidht: 25\n");
        Run badParams = run("extract", a[0].toString(), a[1].toString(), "--params", bad.toString());
        assertEquals(ExitCodes.INPUT_ERROR, badParams.code());
        assertTrue(badParams.err().contains("unknown setting 'setting.binWidht'"), badParams.err());

        Run unknown = run("extract", a[0].toString(), a[1].toString(), "--params", "paper-rbq");
        assertEquals(ExitCodes.INPUT_ERROR, unknown.code());
        assertTrue(unknown.err().contains("paper-rbq not found (built-in configurations: paper-rbp, "
            + "pyradiomics-defaults)"), unknown.err());

        Run missingImage = run("extract", tmp.resolve("no.nii.gz").toString(), a[1].toString());
        assertEquals(ExitCodes.INPUT_ERROR, missingImage.code());

        Path noMask = tmp.resolve("nomask.csv");
        Files.writeString(noMask, "Image,Segmentation\na,b\n");
        Run col = run("extract", "--csv", noMask.toString(), "--out", tmp.resolve("o.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, col.code());
        assertTrue(col.err().contains("column Mask: required column missing"), col.err());

        assertEquals(ExitCodes.USAGE, run("extract").code());
        assertEquals(ExitCodes.USAGE, run("extract", a[0].toString()).code());
        assertEquals(ExitCodes.USAGE, run("extract", "--csv", noMask.toString()).code(), "--out is required");
        assertEquals(ExitCodes.USAGE, run("extract", "--csv", noMask.toString(), "-o", "x.csv", a[0].toString(),
            a[1].toString()).code());
        assertEquals(ExitCodes.USAGE, run("extract", a[0].toString(), a[1].toString(), "--threads", "0").code());
        assertEquals(ExitCodes.USAGE, run("extract", a[0].toString(), a[1].toString(), "--resume").code());
        Run help = run("extract", "--help");
        assertEquals(ExitCodes.OK, help.code());
        assertTrue(help.out().contains("--resume") && help.out().contains("paper-rbp"), help.out());
        assertTrue(run("--help").out().contains("extract"));
    }

    @Test
    void progressBarShowsCasesFailuresElapsedAndEta() {
        BatchProgress p = new BatchProgress(20, 5, 1, Duration.ofSeconds(42));
        // 5 of 20 in 42 s: 15 left at 8.4 s each = 126 s
        assertEquals("[########----------------------]  5/20 cases  1 failed  elapsed 0:42  ETA 2:06",
            ExtractProgress.bar(p));
        assertEquals("[------------------------------]  0/3 cases  elapsed 0:00  ETA ?",
            ExtractProgress.bar(new BatchProgress(3, 0, 0, Duration.ZERO)));
        assertEquals("1:01:05", ExtractProgress.time(Duration.ofSeconds(3665)));
    }

    @Test
    void paperRbpOnBrain1Gives1223FeaturesWithoutNaN() {
        Path d = RadtabCommandTest.data().resolve("pyradiomics");
        Run r = run("extract", d.resolve("brain1_image.nrrd").toString(), d.resolve("brain1_label.nrrd").toString(),
            "--params", "paper-rbp");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(1223, lines.size());
        for (String l : lines) {
            String v = l.substring(l.indexOf(',') + 1);
            assertFalse(Double.isNaN(Double.parseDouble(v)), l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("wavelet-LLH_glszm_ZonePercentage,")));
        assertEquals(14, lines.stream().filter(l -> l.startsWith("original_shape_")).count());
    }
}
