package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SelectCommandTest {

    /** Exit code, stdout and stderr of one run. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = RadtabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * 60 cases, rows alternate no/yes. "strong" = class shift of 3 plus small noise; "medium" =
     * shift 1; "noise" = floor(i / 2), the same value for each no/yes pair, so both classes have
     * identical distributions (Wilcoxon P = 1); "flat" is constant; "unstable" is informative but
     * replaced by unrelated values in the second reader.
     */
    static void writeTables(Path dir, boolean shuffleReader2) throws IOException {
        Random r = new Random(5);
        StringBuilder a = new StringBuilder("case,rbp,strong,medium,noise,flat,unstable\n");
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int y = i % 2;
            double strong = 3 * y + 0.3 * r.nextGaussian();
            double medium = y + r.nextGaussian();
            double noise = Math.floor(i / 2.0);
            double unstable = 2 * y + 0.5 * r.nextGaussian();
            a.append(String.format(Locale.ROOT, "c%02d,%s,%s,%s,%s,%s,%s%n", i, y == 1 ? "yes" : "no", strong, medium,
                noise, 7.0, unstable));
            b.add(String.format(Locale.ROOT, "c%02d,%s,%s,%s,%s,%s%n", i, strong + 0.01 * r.nextGaussian(),
                medium + 0.01 * r.nextGaussian(), noise, 7.0, 10 * r.nextGaussian()));
        }
        Files.writeString(dir.resolve("features.csv"), a.toString());
        if (shuffleReader2) {
            java.util.Collections.shuffle(b, new Random(9));
        }
        Files.writeString(dir.resolve("reader2.csv"), "case,strong,medium,noise,flat,unstable\n" + String.join("", b));
    }

    @Test
    void scaleWrsMrmrWritesTheSelectionWithIdAndLabel(@TempDir Path dir) throws IOException {
        writeTables(dir, false);
        Path out = dir.resolve("selected.csv");
        Run r = run("select", "--data", dir.resolve("features.csv").toString(), "--label", "rbp", "--id", "case",
            "--steps", "scale,wrs:0.1,mrmr:2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("classes {no (0): 30, yes (1): 30}"), r.out());
        assertTrue(r.out().contains("scale: kept 4, dropped 1"), r.out());
        assertTrue(r.out().contains("dropped flat: constant"), r.out());
        assertTrue(r.out().contains("wrs P < 0.1: kept 3, dropped 1"), r.out());   // noise has P = 1
        assertTrue(r.out().contains("mrmr fcq k=2: kept 2, dropped 1"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(61, lines.size());
        String[] head = lines.get(0).split(",");
        assertEquals(List.of("case", "rbp"), Arrays.asList(head).subList(0, 2));
        assertEquals("strong", head[2]);   // by far the largest F: first pick
        assertTrue(lines.get(1).startsWith("c00,no,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("c01,yes,"), lines.get(2));
        // the printed pick table lists strong first
        int rank1 = r.out().indexOf("   1  strong");
        assertTrue(rank1 > 0, r.out());
    }

    @Test
    void cccStepWithSecondReaderDropsUnstableFeatures(@TempDir Path dir) throws IOException {
        writeTables(dir, true);
        Path out = dir.resolve("selected.csv");
        Run r = run("select", "--data", dir.resolve("features.csv").toString(), "--label", "rbp", "--id", "case",
            "--steps", "scale,wrs:0.1", "--reader2", dir.resolve("reader2.csv").toString(), "--ccc", "0.85",
            "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        // ccc runs first: "flat" (undefined) and "unstable" are dropped; strong, medium, noise agree
        assertTrue(r.out().contains("ccc >= 0.85: kept 3, dropped 2 (60 cases matched by case)"), r.out());
        assertTrue(r.out().indexOf("ccc >=") < r.out().indexOf("scale:"), r.out());
        String head = Files.readAllLines(out).get(0);
        assertEquals("case,rbp,strong,medium", head);
    }

    @Test
    void nonNumericColumnsAreRejectedByName(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("f.csv");
        Files.writeString(f, "id,y,a,diagnostics_Versions\nx1,0,1.5,v3.0\nx2,1,2.5,v3.0\n");
        Run r = run("select", "--data", f.toString(), "--label", "y", "--steps", "wrs:0.1", "--out",
            dir.resolve("o.csv").toString());
        // the first non-numeric cell is named (file, line, column, value), with what a feature table must hold
        assertEquals(ExitCodes.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("line 2, column 'id': not a number: 'x1'") && r.err().contains("--label/--id"),
            r.err());
        r = run("select", "--data", f.toString(), "--label", "y", "--id", "id", "--steps", "wrs:0.1", "--out",
            dir.resolve("o.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("column 'diagnostics_Versions': not a number: 'v3.0'"), r.err());
    }

    @Test
    void readerMismatchNamesTheIds(@TempDir Path dir) throws IOException {
        writeTables(dir, false);
        Path r2 = dir.resolve("reader2.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(r2));
        lines.set(5, lines.get(5).replace("c04,", "zz9,"));
        Files.write(r2, lines);
        Run r = run("select", "--data", dir.resolve("features.csv").toString(), "--label", "rbp", "--id", "case",
            "--steps", "ccc", "--reader2", r2.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(ExitCodes.INPUT_ERROR, r.code());
        assertTrue(r.err().contains("missing from reader 2: c04") && r.err().contains("zz9"), r.err());
    }

    @Test
    void badStepsAreExplained(@TempDir Path dir) throws IOException {
        writeTables(dir, false);
        String data = dir.resolve("features.csv").toString();
        String o = dir.resolve("o.csv").toString();
        Run r = run("select", "--data", data, "--label", "rbp", "--steps", "ccc", "--out", o);
        assertTrue(r.code() == ExitCodes.USAGE && r.err().contains("needs --reader2"), r.err());
        r = run("select", "--data", data, "--label", "rbp", "--steps", "mrmr", "--out", o);
        assertTrue(r.code() == ExitCodes.USAGE && r.err().contains("mrmr:20"), r.err());
        r = run("select", "--data", data, "--label", "rbp", "--steps", "lasso:3", "--out", o);
        assertTrue(r.code() == ExitCodes.USAGE && r.err().contains("unknown step 'lasso:3'"), r.err());
        r = run("select", "--data", data, "--label", "outcome", "--steps", "wrs:0.1", "--out", o);
        assertTrue(r.code() == ExitCodes.INPUT_ERROR && r.err().contains("no label column 'outcome'"), r.err());
    }

    @Test
    void otherMrmrSchemes(@TempDir Path dir) throws IOException {
        writeTables(dir, false);
        for (String m : new String[] {"fcd", "miq", "mid"}) {
            Path out = dir.resolve(m + ".csv");
            Run r = run("select", "--data", dir.resolve("features.csv").toString(), "--label", "rbp", "--id", "case",
                "--steps", "mrmr:1", "--method", m, "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("mrmr " + m + " k=1"), r.out());
            assertEquals("case,rbp,strong", Files.readAllLines(out).get(0));
        }
    }
}
