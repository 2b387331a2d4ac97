package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.ml.Dataset;

class AdaptiveScalerTest {

    /**
     * Columns: "sym" = 1..9 (symmetric, no outliers: z-score), "tail" = 1..8 and 100 (skewed with an
     * outlier: robust), "flat" = constant (dropped), "spike" = seven 0s, one 1 and one 50 (robust,
     * IQR = 0: dropped).
     */
    private static Dataset training() {
        double[] sym = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] tail = {1, 2, 3, 4, 5, 6, 7, 8, 100};
        double[] spike = {0, 0, 0, 0, 0, 0, 0, 1, 50};
        Dataset.Builder b = Dataset.builder(List.of("sym", "tail", "flat", "spike")).labelName("y").idName("id");
        for (int i = 0; i < 9; i++) {
            b.addRow(new double[] {sym[i], tail[i], 3.5, spike[i]}, i % 2, "p" + i);
        }
        return b.build();
    }

    @Test
    void choosesMethodPerColumnAndScalesByHand() {
        FittedScaler f = AdaptiveScaler.defaults().fit(training());
        assertEquals(List.of("sym", "tail"), f.keptNames());
        assertEquals(ScalingMethod.Z_SCORE, f.method("sym"));
        assertEquals(ScalingMethod.ROBUST, f.method("tail"));
        // sym: mean 5, population variance (16+9+4+1+0+1+4+9+16)/9 = 60/9
        FittedScaler.ColumnScaling sym = f.columns().get(0);
        assertEquals(5, sym.center(), 1e-12);
        assertEquals(Math.sqrt(60.0 / 9), sym.scale(), 1e-12);
        // tail: median 5, Q1 3, Q3 7 (type 7) -> IQR 4
        FittedScaler.ColumnScaling tail = f.columns().get(1);
        assertEquals(5, tail.center(), 0);
        assertEquals(4, tail.scale(), 0);
        assertEquals(1.0 / 9, tail.outlierShare(), 1e-15);
        assertEquals(2, f.dropped().size());
        assertEquals("flat", f.dropped().get(0).name());
        assertTrue(f.dropped().get(0).reason().contains("constant"));
        assertEquals("spike", f.dropped().get(1).name());
        assertTrue(f.dropped().get(1).reason().contains("IQR = 0"));

        Dataset out = f.apply(training());
        assertEquals(List.of("sym", "tail"), out.columnNames());
        assertEquals((9 - 5) / Math.sqrt(60.0 / 9), out.get(8, 0), 1e-12);
        assertEquals((100 - 5) / 4.0, out.get(8, 1), 0);
        assertEquals("p8", out.id(8));
        assertEquals(0, out.label(8));
        assertEquals("y", out.labelName());
    }

    @Test
    void fittedOnTrainingRowsOnlyAndAppliedToOthers() {
        Dataset all = training();
        Dataset train = all.rows(new int[] {0, 1, 2, 3, 4});    // sym = 1..5
        FittedScaler f = AdaptiveScaler.defaults().fit(train);
        assertEquals(3, f.columns().get(0).center(), 1e-12);
        Dataset test = all.rows(new int[] {8});
        // test row sym = 9 scaled with the training mean 3 and population sd sqrt(2)
        assertEquals((9 - 3) / Math.sqrt(2), f.apply(test).get(0, 0), 1e-12);
        assertEquals(5, f.trainingRows());
    }

    @Test
    void thresholdsAreParameters() {
        // with a very permissive rule "tail" gets a z-score instead
        AdaptiveScaler lenient = new AdaptiveScaler(new AdaptiveScaler.Rule(100, 100, 1, 1.5));
        assertEquals(ScalingMethod.Z_SCORE, lenient.fit(training()).method("tail"));
        // with a strict outlier share even "sym" is robust? no outliers there: it stays z-score
        AdaptiveScaler strict = new AdaptiveScaler(new AdaptiveScaler.Rule(2, 7, 0, 1.5));
        FittedScaler f = strict.fit(training());
        assertEquals(ScalingMethod.Z_SCORE, f.method("sym"));
        assertEquals(ScalingMethod.ROBUST, f.method("tail"));
        // skewness of 1..9 is 0 (passes |g1| < 0.001) but its excess kurtosis, -1.23, is not below -1.3: robust
        AdaptiveScaler tight = new AdaptiveScaler(new AdaptiveScaler.Rule(0.001, -1.3, 0.1, 1.5));
        assertEquals(ScalingMethod.ROBUST, tight.fit(training()).method("sym"));
    }

    @Test
    void jsonRoundTripIsBitIdentical(@TempDir Path dir) throws IOException {
        FittedScaler f = AdaptiveScaler.defaults().fit(training());
        Path file = dir.resolve("scaler.json");
        f.save(file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"radtab-adaptive-scaler\""));
        assertTrue(text.contains("\"formatVersion\" : 1"));
        FittedScaler g = FittedScaler.load(file);
        assertEquals(f.columns(), g.columns());
        assertEquals(f.dropped(), g.dropped());
        assertEquals(f.rule(), g.rule());
        Dataset a = f.apply(training());
        Dataset b = g.apply(training());
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                assertEquals(Double.doubleToLongBits(a.get(r, c)), Double.doubleToLongBits(b.get(r, c)));
            }
        }
    }

    @Test
    void loadRejectsWrongDocumentsNamingTheField(@TempDir Path dir) throws IOException {
        Path wrongFormat = dir.resolve("a.json");
        Files.writeString(wrongFormat, "{\"format\":\"something\",\"formatVersion\":1}");
        IOException e = assertThrows(IOException.class, () -> FittedScaler.load(wrongFormat));
        assertTrue(e.getMessage().contains("a.json") && e.getMessage().contains("format"), e.getMessage());

        Path future = dir.resolve("b.json");
        Files.writeString(future, "{\"format\":\"radtab-adaptive-scaler\",\"formatVersion\":2}");
        e = assertThrows(IOException.class, () -> FittedScaler.load(future));
        assertTrue(e.getMessage().contains("formatVersion"), e.getMessage());

        String good = AdaptiveScaler.defaults().fit(training()).toJsonString();
        Path noScale = dir.resolve("c.json");
        Files.writeString(noScale, good.replaceFirst("\"scale\"", "\"scal\""));
        e = assertThrows(IOException.class, () -> FittedScaler.load(noScale));
        assertTrue(e.getMessage().contains("columns[0].scale"), e.getMessage());
    }

    @Test
    void applyNamesMissingColumns() {
        FittedScaler f = AdaptiveScaler.defaults().fit(training());
        Dataset other = training().columns(List.of("sym"));
        SelectionException e = assertThrows(SelectionException.class, () -> f.apply(other));
        assertTrue(e.getMessage().contains("tail"), e.getMessage());
    }

    @Test
    void rejectsNonFiniteTrainingValuesNamingThem() {
        Dataset bad = Dataset.builder(List.of("a", "b")).allowNonFinite(true).idName("id")
            .addRow(new double[] {1, 2}, 0, "x1").addRow(new double[] {2, Double.NaN}, 1, "x2").build();
        SelectionException e = assertThrows(SelectionException.class, () -> AdaptiveScaler.defaults().fit(bad));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("x2"), e.getMessage());
    }
}
