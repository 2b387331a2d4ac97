package org.radtab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainPredictCommandTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = RadtabCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A CSV with id, two informative and one noise column, and a text label. */
    static Path csv(Path dir, String name, int n, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder b = new StringBuilder("case,age,score,noise,outcome\n");
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            double s = rng.nextGaussian();
            boolean pos = a + s + 0.5 * rng.nextGaussian() > 1;
            b.append("p").append(seed).append('-').append(i).append(',').append(a).append(',').append(s).append(',')
                .append(rng.nextGaussian()).append(',').append(pos ? "RBP" : "none").append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, b.toString());
        return f;
    }

    @Test
    void trainWithSearchThenPredict(@TempDir Path dir) throws IOException {
        Path train = csv(dir, "train.csv", 200, 1);
        Path test = csv(dir, "test.csv", 100, 2);
        Path model = dir.resolve("model");
        Path json = dir.resolve("metrics.json");
        Run r = run("train", "--data", train.toString(), "--test", test.toString(), "--label", "outcome", "--id", "case",
            "--positive", "RBP", "--model", "lr", "--search", "4", "--cv", "3", "--seed", "3", "--threads", "2",
            "--resample", "adasyn,tomek", "--out", model.toString(), "--json", json.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("AUROC") && r.out().contains("95% CI") && r.out().contains("kappa"), r.out());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("model", "auroc", "auroc_ci", "brier", "accuracy", "precision", "recall", "f1", "kappa",
            "params"), keys);
        assertEquals("lr", j.get("model").asText());
        assertTrue(j.get("auroc").asDouble() > 0.8, j.toString());
        assertTrue(j.get("auroc_ci").get(0).asDouble() < j.get("auroc").asDouble());
        assertTrue(j.get("params").has("C"));
        assertTrue(Files.isRegularFile(model.resolve("model.json")) && Files.isRegularFile(model.resolve("search.json")));
        assertEquals(4, new ObjectMapper().readTree(model.resolve("search.json").toFile()).get("trials").size());

        Path preds = dir.resolve("pred.csv");
        Run p = run("predict", "--model", model.toString(), "--data", test.toString(), "--out", preds.toString());
        assertEquals(0, p.exit(), p.err());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("case,p_none,p_RBP", lines.get(0));
        assertEquals(101, lines.size());
        assertTrue(lines.get(1).startsWith("p2-0,"));
        String[] cells = lines.get(1).split(",");
        assertEquals(1.0, Double.parseDouble(cells[1]) + Double.parseDouble(cells[2]), 1e-12);
        // to standard output, without the label and id columns
        Path noLabel = dir.resolve("new.csv");
        Files.writeString(noLabel, "score,age,noise\n0.5,1.5,0\n-2,-2,0\n");
        Run q = run("predict", "--model", model.toString(), "--data", noLabel.toString());
        assertEquals(0, q.exit(), q.err());
        String[] out = q.out().split("\n");
        assertEquals("row,p_none,p_RBP", out[0]);
        assertTrue(Double.parseDouble(out[1].split(",")[2]) > Double.parseDouble(out[2].split(",")[2]));
    }

    @Test
    void everyClassicModelTrainsWithASplit(@TempDir Path dir) throws IOException {
        Path data = csv(dir, "all.csv", 160, 5);
        for (String m : List.of("rf", "svm", "xgboost")) {
            Path json = dir.resolve(m + ".json");
            Run r = run("train", "--data", data.toString(), "--split", "0.3", "--label", "outcome", "--id", "case",
                "--model", m, "--param", paramFor(m), "--out",
                dir.resolve(m).toString(), "--json", json.toString());
            assertEquals(0, r.exit(), m + ": " + r.err());
            JsonNode j = new ObjectMapper().readTree(json.toFile());
            assertEquals(m, j.get("model").asText());
            assertTrue(j.get("auroc").asDouble() > 0.7, m + " " + j);
        }
    }

    private static String paramFor(String m) {
        return m.equals("svm") ? "C=1.0" : "n_estimators=30";
    }

    @Test
    void clearErrors(@TempDir Path dir) throws IOException {
        Path data = csv(dir, "all.csv", 60, 6);
        Run r = run("train", "--data", data.toString(), "--label", "outcome", "--model", "lr", "--resample", "adasyn,nosuch",
            "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown resampler 'nosuch'") && r.err().contains("adasyn"), r.err());
        r = run("train", "--data", data.toString(), "--label", "outcome", "--model", "nosuchmodel", "--out",
            dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown model 'nosuchmodel'") && r.err().contains("xgboost"), r.err());
        r = run("train", "--data", data.toString(), "--label", "missing", "--model", "lr", "--out", dir.resolve("o").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no label column 'missing'"), r.err());
        r = run("predict", "--model", dir.resolve("nothing").toString(), "--data", data.toString());
        assertEquals(1, r.exit());
        assertTrue(Set.of(r.err().split(" ")).stream().anyMatch(s -> s.contains("nothing")), r.err());
    }
}
