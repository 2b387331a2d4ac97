package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResampleCommandTest {

    /** 80 majority ("neg") and 16 minority ("pos") cases, two continuous features and a binary one. */
    private static Path train(Path dir) throws IOException {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("pid,label,x1,x2,smoker\n");
        for (int i = 0; i < 96; i++) {
            boolean pos = i >= 80;
            sb.append(String.format(Locale.ROOT, "p%d,%s,%s,%s,%d%n", i, pos ? "pos" : "neg",
                r.nextGaussian() + (pos ? 1.2 : 0), r.nextGaussian(), r.nextInt(2)));
        }
        Path f = dir.resolve("train.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void adasynThenTomekPrintsCountsPerStepAndWritesTheResult(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("balanced.csv");
        SelectCommandTest.Run r = SelectCommandTest.run("resample", "--data", train(dir).toString(), "--label", "label",
            "--id", "pid", "--method", "adasyn,tomek", "--seed", "7", "--categorical", "smoker", "--out",
            out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("classes {neg (0): 80, pos (1): 16}"), r.out());
        Matcher adasyn = Pattern.compile("adasyn: \\{neg \\(0\\): 80, pos \\(1\\): 16\\} -> \\{neg \\(0\\): 80, "
            + "pos \\(1\\): (\\d+)\\}").matcher(r.out());
        assertTrue(adasyn.find(), r.out());
        int minorityAfter = Integer.parseInt(adasyn.group(1));
        // ADASYN generates about 80 - 16 = 64 (per-sample rounding can shift the total a little)
        assertTrue(Math.abs(minorityAfter - 80) <= 5, r.out());
        Matcher tomek = Pattern.compile("tomek: \\{neg \\(0\\): 80, pos \\(1\\): " + minorityAfter
            + "\\} -> \\{neg \\(0\\): (\\d+), pos \\(1\\): (\\d+)\\}").matcher(r.out());
        assertTrue(tomek.find(), r.out());
        int total = Integer.parseInt(tomek.group(1)) + Integer.parseInt(tomek.group(2));

        List<String> lines = Files.readAllLines(out);
        assertEquals("pid,label,x1,x2,smoker", lines.get(0));
        assertEquals(total + 1, lines.size());
        int synthetic = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertTrue(c[1].equals("neg") || c[1].equals("pos"), line);
            assertTrue(c[4].equals("0.0") || c[4].equals("1.0"), "categorical value voted, not interpolated: " + line);
            if (c[0].startsWith("adasyn-")) {
                synthetic++;
                assertEquals("pos", c[1]);
            }
        }
        assertTrue(synthetic > 0);

        // same seed, same output
        Path again = dir.resolve("again.csv");
        SelectCommandTest.run("resample", "--data", dir.resolve("train.csv").toString(), "--label", "label", "--id",
            "pid", "--method", "adasyn,tomek", "--seed", "7", "--categorical", "smoker", "--out", again.toString());
        assertEquals(lines, Files.readAllLines(again));
    }

    @Test
    void unknownMethodAndCategoricalColumnAreExplained(@TempDir Path dir) throws IOException {
        Path f = train(dir);
        SelectCommandTest.Run r = SelectCommandTest.run("resample", "--data", f.toString(), "--label", "label",
            "--id", "pid", "--method", "adasyn,nearmiss", "--out", dir.resolve("o.csv").toString());
        assertTrue(r.code() == ExitCodes.USAGE && r.err().contains("unknown resampling method 'nearmiss'"), r.err());
        r = SelectCommandTest.run("resample", "--data", f.toString(), "--label", "label", "--id", "pid", "--method",
            "smote", "--categorical", "sex", "--out", dir.resolve("o.csv").toString());
        assertTrue(r.code() == ExitCodes.INPUT_ERROR && r.err().contains("'sex'"), r.err());
    }
}
