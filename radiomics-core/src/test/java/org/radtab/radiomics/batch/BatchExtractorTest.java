package org.radtab.radiomics.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** Batch extraction on small synthetic cases (PyRadiomics default settings unless stated). */
class BatchExtractorTest {
    @TempDir
    Path tmp;

    /** A parsed output: header and rows. */
    record Table(List<String> header, List<List<String>> rows) {
        int col(String name) {
            int i = header.indexOf(name);
            assertTrue(i >= 0, "no column " + name + " in " + header);
            return i;
        }

        String cell(int row, String name) {
            return rows.get(row).get(col(name));
        }

        List<String> column(String name) {
            List<String> out = new ArrayList<>();
            for (List<String> r : rows) {
                out.add(r.get(col(name)));
            }
            return out;
        }

        /** Indices of the feature columns (after the last diagnostics_ column). */
        int firstFeature() {
            int last = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("diagnostics_")) {
                    last = i;
                }
            }
            return last + 1;
        }
    }

    static Table read(Path csv) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            Csv.Reader r = new Csv.Reader(in, 0);
            List<String> header = r.next().fields;
            List<List<String>> rows = new ArrayList<>();
            for (Csv.Record rec = r.next(); rec != null; rec = r.next()) {
                assertTrue(rec.terminated, "every line ends with LF");
                assertEquals(header.size(), rec.fields.size(), "row at line " + rec.line + " has the header's width");
                rows.add(rec.fields);
            }
            return new Table(header, rows);
        }
    }

    static void writeCsv(Path file, String... lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Counts what the listener sees. */
    static final class Counting implements BatchListener {
        int total = -1;
        int toExtract = -1;
        int skipped = -1;
        final List<Integer> finished = new ArrayList<>();
        final List<Boolean> failed = new ArrayList<>();
        BatchProgress last;
        BatchSummary summary;

        @Override
        public void batchStarted(int total, int toExtract, int skipped, int threads) {
            this.total = total;
            this.toExtract = toExtract;
            this.skipped = skipped;
        }

        @Override
        public void caseFinished(CaseResult result, BatchProgress progress) {
            finished.add(result.batchCase().index());
            failed.add(result.failed());
            last = progress;
        }

        @Override
        public void batchFinished(BatchSummary s) {
            summary = s;
        }
    }

    private static final RadiomicsSettings DEFAULTS = RadiomicsSettings.pyradiomicsDefaults();

    /** Cube sizes chosen so that later rows finish before earlier big ones. */
    private static final int[] SIZES = {22, 6, 18, 7, 5, 16, 8, 6};

    private Path casesWithExtras(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("PatientID,Image,Mask,Note");
        for (int c = 0; c < SIZES.length; c++) {
            SyntheticCase.write(dir, "c" + c, SIZES[c], SIZES[c], 1.0, 100 + c);
            String note = c == 2 ? "\"Smith, \"\"J\"\"\"" : "n" + c;
            lines.add("P" + c + ",c" + c + "_image.nii.gz,c" + c + "_mask.nii.gz," + note);
        }
        Path csv = dir.resolve("cases.csv");
        writeCsv(csv, lines.toArray(new String[0]));
        return csv;
    }

    @Test
    void rowsFollowTheInputOrderAndTheFileIsTheSameForOneAndFourThreads() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path csv = casesWithExtras(data);
        Path out1 = tmp.resolve("out1.csv");
        Path out4 = tmp.resolve("out4.csv");
        Counting seen = new Counting();
        BatchSummary s1 = new BatchExtractor(DEFAULTS).withThreads(1).run(csv, out1);
        BatchSummary s4 = new BatchExtractor(DEFAULTS).withThreads(4).withListener(seen).run(csv, out4);
        assertEquals(SIZES.length, s1.extracted());
        assertEquals(0, s4.failed());
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out4), "byte-identical for 1 and 4 threads");
        // listener reports in input order
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), seen.finished);
        assertEquals(SIZES.length, seen.last.done());
        assertEquals(0, seen.last.failed());
        assertEquals(0, seen.last.eta().orElseThrow().toNanos());

        Table t = read(out4);
        // layout: input columns, diagnostics_Error, other diagnostics, then the 107 default features
        assertEquals(List.of("PatientID", "Image", "Mask", "Note", BatchExtractor.ERROR_COLUMN), t.header().subList(0, 5));
        int ff = t.firstFeature();
        assertTrue(ff > 5);
        assertEquals(107, t.header().size() - ff, "PyRadiomics defaults: 107 features");
        assertEquals("original_shape_Elongation", t.header().get(ff));
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4", "P5", "P6", "P7"), t.column("PatientID"));
        assertEquals("c3_image.nii.gz", t.cell(3, "Image"), "paths are copied as written");
        assertEquals("Smith, \"J\"", t.cell(2, "Note"));
        assertTrue(Files.readString(out4).contains(",\"Smith, \"\"J\"\"\","), "quoted like Python's csv module");
        for (int c = 0; c < SIZES.length; c++) {
            assertEquals("", t.cell(c, BatchExtractor.ERROR_COLUMN));
            // the box mask [1, n-2]^3 holds (n-2)^3 voxels of 1 mm^3
            double edge = SIZES[c] - 2;
            assertEquals(edge * edge * edge, Double.parseDouble(t.cell(c, "original_shape_VoxelVolume")), 1e-9);
            assertEquals(Integer.toString((int) (edge * edge * edge)), t.cell(c, "diagnostics_Mask-original_VoxelNum"));
        }
    }

    @Test
    void failingCasesBecomeErrorRowsAndTheBatchGoesOn() throws IOException {
        Path d = tmp;
        Path[] good = SyntheticCase.write(d, "good", 10, 10, 1.0, 1);
        Volume v = SyntheticCase.image(10, 10, 1.0, 2);
        Path img = d.resolve("img.nii.gz");
        org.radtab.radiomics.io.ImageIO.writeVolume(v, img, org.radtab.radiomics.io.VoxelType.INT16);
        Path empty = d.resolve("empty.nii.gz");
        org.radtab.radiomics.io.ImageIO.writeMask(Mask.empty(v.geometry()), empty);
        Path one = d.resolve("one.nii.gz");
        Mask m1 = Mask.empty(v.geometry());
        m1.set(4, 4, 4, 1);
        org.radtab.radiomics.io.ImageIO.writeMask(m1, one);
        Path other = d.resolve("othergrid.nii.gz");
        Geometry g2 = Geometry.of(10, 10, 10, 1.5, 1.5, 1.5);
        org.radtab.radiomics.io.ImageIO.writeMask(SyntheticCase.box(g2, 2, 6, 1), other);
        Path csv = d.resolve("cases.csv");
        writeCsv(csv, "Image,Mask,Label",
            good[0] + "," + good[1] + ",",
            "missing.nii.gz," + good[1] + ",",
            img + "," + empty + ",",
            img + "," + one + ",",
            img + "," + other + ",",
            good[0] + "," + good[1] + ",abc",
            good[0] + ",,",
            good[0] + "," + good[1] + ",1");
        Counting seen = new Counting();
        Path out = d.resolve("features.csv");
        BatchSummary s = new BatchExtractor(DEFAULTS).withThreads(2).withListener(seen).run(csv, out);
        assertEquals(8, s.total());
        assertEquals(2, s.extracted());
        assertEquals(6, s.failed());
        assertEquals(List.of(false, true, true, true, true, true, true, false), seen.failed);
        Table t = read(out);
        assertEquals(8, t.rows().size());
        List<String> err = t.column(BatchExtractor.ERROR_COLUMN);
        assertEquals("", err.get(0));
        assertEquals("file not found: Image " + d.resolve("missing.nii.gz").toAbsolutePath().normalize(), err.get(1));
        assertTrue(err.get(2).startsWith("invalid ROI: label 1 is not present in the mask"), err.get(2));
        assertTrue(err.get(3).startsWith("invalid ROI: ") && err.get(3).contains("single voxel"), err.get(3));
        assertTrue(err.get(4).startsWith("image/mask grid mismatch: spacing differs"), err.get(4));
        assertEquals("invalid row: column Label: 'abc' is not an integer label", err.get(5));
        assertEquals("invalid row: the Mask cell is empty", err.get(6));
        assertEquals("", err.get(7));
        int ff = t.firstFeature();
        for (int r = 0; r < 8; r++) {
            boolean failed = !err.get(r).isEmpty();
            for (int c = ff; c < t.header().size(); c++) {
                assertEquals(failed, t.rows().get(r).get(c).isEmpty(), "row " + r + " " + t.header().get(c));
            }
            for (int c = 5; c < ff; c++) {
                if (failed) {
                    assertEquals("", t.rows().get(r).get(c), "no diagnostics on an error row");
                }
            }
        }
        assertEquals(t.rows().get(0).subList(ff, t.header().size()), t.rows().get(7).subList(ff, t.header().size()),
            "Label 1 equals the default label");
    }

    @Test
    void theLabelColumnOverridesTheLabelSetting() throws IOException {
        Volume v = SyntheticCase.image(14, 14, 1.0, 5);
        Mask m = SyntheticCase.box(v.geometry(), 1, 4, 1);                 // 4^3 = 64 voxels of label 1
        Mask big = SyntheticCase.box(v.geometry(), 6, 12, 2);              // 7^3 = 343 voxels of label 2
        int[] l = m.labels();
        for (int n = 0; n < l.length; n++) {
            l[n] = Math.max(l[n], big.labels()[n]);
        }
        Path[] f = SyntheticCase.write(tmp, "two", v, m);
        Path csv = tmp.resolve("cases.csv");
        writeCsv(csv, "Image,Label,Mask", f[0] + ",2," + f[1], f[0] + ",," + f[1], f[0] + ",1," + f[1]);
        Path out = tmp.resolve("out.csv");
        BatchSummary s = new BatchExtractor(DEFAULTS).withThreads(2).run(csv, out);
        assertEquals(0, s.failed());
        Table t = read(out);
        assertEquals(List.of("Image", "Label", "Mask", BatchExtractor.ERROR_COLUMN), t.header().subList(0, 4));
        assertEquals(List.of(343.0, 64.0, 64.0), t.column("original_shape_VoxelVolume").stream()
            .map(Double::parseDouble).toList());
        // with label: 2 in the settings, the empty cell takes 2 as well
        Path out2 = tmp.resolve("out2.csv");
        new BatchExtractor(DEFAULTS.with(Map.of("label", 2))).withThreads(1).run(csv, out2);
        assertEquals(List.of(343.0, 343.0, 64.0), read(out2).column("original_shape_VoxelVolume").stream()
            .map(Double::parseDouble).toList());
    }

    @Test
    void resumeSkipsDoneCasesRetriesFailedOnesAndEqualsAFreshRun() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Image,Mask,Id");
        for (int c = 0; c < 5; c++) {
            if (c != 2) {
                SyntheticCase.write(tmp, "r" + c, 8 + c, 8, 1.0, 10 + c);
            }
            lines.add("r" + c + "_image.nii.gz,r" + c + "_mask.nii.gz,id" + c);
        }
        Path csv = tmp.resolve("cases.csv");
        writeCsv(csv, lines.toArray(new String[0]));
        Path out = tmp.resolve("features.csv");
        BatchSummary first = new BatchExtractor(DEFAULTS).withThreads(2).run(csv, out);
        assertEquals(1, first.failed(), "r2 has no files yet");
        assertTrue(read(out).cell(2, BatchExtractor.ERROR_COLUMN).startsWith("file not found"));

        // the missing case appears, a sixth case is added, and the batch is resumed
        SyntheticCase.write(tmp, "r2", 10, 8, 1.0, 12);
        SyntheticCase.write(tmp, "r5", 9, 8, 1.0, 15);
        lines.add("r5_image.nii.gz,r5_mask.nii.gz,id5");
        writeCsv(csv, lines.toArray(new String[0]));
        Counting seen = new Counting();
        BatchSummary resumed = new BatchExtractor(DEFAULTS).withThreads(2).withResume(true).withListener(seen)
            .run(csv, out);
        assertEquals(6, seen.total);
        assertEquals(4, seen.skipped);
        assertEquals(2, seen.toExtract);
        assertEquals(List.of(2, 5), seen.finished, "only the failed and the new case are extracted");
        assertEquals(4, resumed.skipped());
        assertEquals(2, resumed.extracted());
        assertEquals(0, resumed.failed());

        Path fresh = tmp.resolve("fresh.csv");
        new BatchExtractor(DEFAULTS).withThreads(3).run(csv, fresh);
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out), "resumed output equals a fresh run");

        // resuming a complete output extracts nothing and leaves it as it is
        Counting again = new Counting();
        new BatchExtractor(DEFAULTS).withResume(true).withListener(again).run(csv, out);
        assertEquals(0, again.toExtract);
        assertTrue(again.finished.isEmpty());
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(out));
    }

    @Test
    void resumeAfterAnInterruptedRunCutsTheHalfWrittenLine() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path csv = casesWithExtras(data);
        Path out = tmp.resolve("features.csv");
        new BatchExtractor(DEFAULTS).withThreads(2).run(csv, out);
        byte[] complete = Files.readAllBytes(out);
        // keep the header, three rows and half of the fourth: what a killed JVM leaves behind
        String text = new String(complete, StandardCharsets.UTF_8);
        int cut = 0;
        for (int line = 0; line < 4; line++) {
            cut = text.indexOf('\n', cut) + 1;
        }
        int half = cut + (text.indexOf('\n', cut) - cut) / 2;
        try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
            ch.truncate(text.substring(0, half).getBytes(StandardCharsets.UTF_8).length);
        }
        Counting seen = new Counting();
        new BatchExtractor(DEFAULTS).withThreads(2).withResume(true).withListener(seen).run(csv, out);
        assertEquals(3, seen.skipped);
        assertEquals(List.of(3, 4, 5, 6, 7), seen.finished);
        assertArrayEquals(complete, Files.readAllBytes(out));
    }

    @Test
    void aDiagnosticFirstSeenInALaterCaseIsAddedToTheHeader() throws IOException {
        RadiomicsSettings s = RadiomicsSettings.fromYaml("imageType: {Original: {}}\nfeatureClass: {firstorder: }\n"
            + "setting: {resampledPixelSpacing: [1, 1, 1], binWidth: 25}\n", "test");
        Path[] a = SyntheticCase.write(tmp, "a", 10, 10, 1.0, 3);   // already at 1 mm: not interpolated
        Path[] b = SyntheticCase.write(tmp, "b", 10, 10, 2.0, 4);   // 2 mm: interpolated
        Path csv = tmp.resolve("cases.csv");
        writeCsv(csv, "Image,Mask", a[0] + "," + a[1], b[0] + "," + b[1], a[0] + "," + a[1]);
        Path out1 = tmp.resolve("o1.csv");
        Path out2 = tmp.resolve("o2.csv");
        new BatchExtractor(s).withThreads(1).run(csv, out1);
        new BatchExtractor(s).withThreads(2).run(csv, out2);
        assertArrayEquals(Files.readAllBytes(out1), Files.readAllBytes(out2));
        Table t = read(out1);
        int ff = t.firstFeature();
        assertEquals(18, t.header().size() - ff, "firstorder: 18 features");
        int interp = t.col("diagnostics_Image-interpolated_Spacing");
        assertTrue(interp > t.col("diagnostics_Mask-original_CenterOfMass") && interp < ff,
            "appended after the first case's diagnostics, before the features");
        assertEquals("", t.rows().get(0).get(interp));
        assertEquals("(1.0, 1.0, 1.0)", t.rows().get(1).get(interp));
        assertEquals("", t.rows().get(2).get(interp));
    }

    @Test
    void aCaseWithAnotherFeatureSetIsAnErrorRowNotAMisalignedRow() throws IOException {
        RadiomicsSettings s = RadiomicsSettings.fromYaml("imageType: {Original: {}, LoG: {sigma: [1.0, 4.0]}}\n"
            + "featureClass: {firstorder: }\n", "test");
        Path[] big = SyntheticCase.write(tmp, "big", 12, 12, 1.0, 7);
        Path[] small = SyntheticCase.write(tmp, "small", 4, 4, 1.0, 8);   // too small for sigma 4 mm: skipped
        Path csv = tmp.resolve("cases.csv");
        writeCsv(csv, "Image,Mask", big[0] + "," + big[1], small[0] + "," + small[1]);
        Path out = tmp.resolve("out.csv");
        BatchSummary r = new BatchExtractor(s).withThreads(2).run(csv, out);
        assertEquals(1, r.failed());
        Table t = read(out);
        assertEquals(3 * 18, t.header().size() - t.firstFeature());
        assertTrue(t.header().contains("log-sigma-4-0-mm-3D_firstorder_Mean"));
        String e = t.cell(1, BatchExtractor.ERROR_COLUMN);
        assertTrue(e.startsWith("feature set differs from the output's feature columns (36 features here, 54 in the "
            + "output"), e);
        // the other order: the small case defines the columns
        writeCsv(csv, "Image,Mask", small[0] + "," + small[1], big[0] + "," + big[1]);
        new BatchExtractor(s).withThreads(2).run(csv, out);
        t = read(out);
        assertEquals(2 * 18, t.header().size() - t.firstFeature());
        assertEquals("", t.cell(0, BatchExtractor.ERROR_COLUMN));
        assertFalse(t.cell(1, BatchExtractor.ERROR_COLUMN).isEmpty());
    }

    @Test
    void batchLevelInputErrorsAreTypedAndNamed() throws IOException {
        BatchExtractor x = new BatchExtractor(DEFAULTS);
        BatchInputException missing = assertThrows(BatchInputException.class,
            () -> x.run(tmp.resolve("nope.csv"), tmp.resolve("o.csv")));
        assertTrue(missing.getMessage().contains("nope.csv") && missing.getMessage().contains("file not found"));
        Path noMask = tmp.resolve("nomask.csv");
        writeCsv(noMask, "Image,Segmentation", "a.nii.gz,b.nii.gz");
        BatchInputException col = assertThrows(BatchInputException.class, () -> x.run(noMask, tmp.resolve("o.csv")));
        assertEquals("Mask", col.column());
        assertEquals(1, col.line());
        Path reserved = tmp.resolve("reserved.csv");
        writeCsv(reserved, "Image,Mask,diagnostics_Note", "a,b,c");
        assertEquals("diagnostics_Note", assertThrows(BatchInputException.class,
            () -> x.run(reserved, tmp.resolve("o.csv"))).column());
        Path unclosed = tmp.resolve("unclosed.csv");
        writeCsv(unclosed, "Image,Mask", "a,\"b");
        assertEquals(2, assertThrows(BatchInputException.class, () -> x.run(unclosed, tmp.resolve("o.csv"))).line());
        Path notOutput = tmp.resolve("other.csv");
        writeCsv(notOutput, "x,y", "1,2");
        Path cases = tmp.resolve("cases.csv");
        writeCsv(cases, "Image,Mask", "a,b");
        assertThrows(BatchInputException.class, () -> x.withResume(true).run(cases, notOutput));
        assertThrows(BatchInputException.class, () -> x.run(cases, cases), "never overwrite the case list");
    }

    @Test
    void csvReaderHandlesBomCrLfQuotesAndBlankLines() throws IOException {
        Path f = tmp.resolve("x.csv");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Image,Mask,Note\r\na.nii,b.nii,\"x\r\ny, \"\"z\"\"\"\r\n\r\nc.nii,d.nii\r\n"
            .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        CaseList l = CaseList.read(f);
        assertEquals(List.of("Image", "Mask", "Note"), l.columns());
        assertEquals(2, l.size());
        assertEquals("x\r\ny, \"z\"", l.cases().get(0).values().get(2));
        assertEquals(List.of("c.nii", "d.nii", ""), l.cases().get(1).values(), "short row padded");
        assertEquals(5, l.cases().get(1).line());
        assertEquals(tmp.resolve("c.nii").toAbsolutePath().normalize(), l.cases().get(1).image());
    }
}
