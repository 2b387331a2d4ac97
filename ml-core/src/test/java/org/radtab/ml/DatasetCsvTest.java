package org.radtab.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {

    private static Dataset read(String csv, DatasetCsv.Options o) throws IOException {
        return DatasetCsv.read(new StringReader(csv), "test.csv", o);
    }

    @Test
    void readsNumericLabelsAndIds() throws IOException {
        Dataset d = read("id,age,y,bmi\nA,50,1,22.5\nB,61,0,30\nC,70.5,1.0,27\n",
            DatasetCsv.options().label("y").id("id"));
        assertEquals(List.of("age", "bmi"), d.columnNames());
        assertArrayEquals(new int[] {1, 0, 1}, d.labels());
        assertEquals("B", d.id(1));
        assertEquals(70.5, d.get(2, 0));
        assertEquals(List.of("0", "1"), d.classNames());
    }

    @Test
    void mapsStringLabelsKeepingTheMapping() throws IOException {
        Dataset d = read("x,outcome\n1,no\n2,yes\n3,no\n", DatasetCsv.options().label("outcome"));
        assertArrayEquals(new int[] {0, 1, 0}, d.labels());
        assertEquals(List.of("no", "yes"), d.classNames());
        Dataset e = read("x,outcome\n1,RBP\n2,none\n3,RBP\n", DatasetCsv.options().label("outcome").positive("RBP"));
        assertEquals(List.of("none", "RBP"), e.classNames());
        assertArrayEquals(new int[] {1, 0, 1}, e.labels());
        // numeric labels that are not 0..k-1 codes are mapped in numeric order
        Dataset f = read("x,grade\n1,2\n2,10\n3,2\n", DatasetCsv.options().label("grade"));
        assertEquals(List.of("2", "10"), f.classNames());
        assertArrayEquals(new int[] {0, 1, 0}, f.labels());
    }

    @Test
    void clearErrors() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
            () -> read("a,b\n1,2\n", DatasetCsv.options().label("y")));
        assertTrue(e.getMessage().contains("test.csv") && e.getMessage().contains("label column 'y'"), e.getMessage());
        e = assertThrows(DatasetFormatException.class,
            () -> read("id,a,y\np1,1,0\np2,abc,1\n", DatasetCsv.options().label("y").id("id")));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'p2'")
            && e.getMessage().contains("column 'a'") && e.getMessage().contains("abc"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> read("a,y\n1,0\nNA,1\n", DatasetCsv.options().label("y")));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("missing value"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> read("a,y\n1,0\n,1\n", DatasetCsv.options().label("y")));
        assertTrue(e.getMessage().contains("column 'a'"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> read("a,y\n1,0\n2,\n", DatasetCsv.options().label("y")));
        assertTrue(e.getMessage().contains("missing label"), e.getMessage());
        e = assertThrows(DatasetFormatException.class, () -> read("a,y\n1,0\n2,0\n", DatasetCsv.options().label("y")));
        assertTrue(e.getMessage().contains("single class"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> DatasetCsv.read(Path.of("/nonexistent/x.csv"), "y"));
    }

    @Test
    void skipsALeadingByteOrderMark(@TempDir Path dir) throws IOException {
        Dataset d = read("\uFEFFid,a,y\np1,1.5,0\np2,2.5,1\n", DatasetCsv.options().label("y").id("id"));
        assertEquals(List.of("a"), d.columnNames());
        assertEquals("p2", d.id(1));
        Path f = dir.resolve("bom.csv");
        Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', ',', 'y', '\n', 'a', ',', '1', '\n'});
        assertEquals(List.of("id", "y"), DatasetCsv.header(f));
    }

    @Test
    void nanAllowedOnRequest() throws IOException {
        Dataset d = read("a,y\n1,0\nNaN,1\n", DatasetCsv.options().label("y").nanPolicy(DatasetCsv.NanPolicy.ALLOW));
        assertTrue(Double.isNaN(d.get(1, 0)));
    }

    @Test
    void roundTrip(@TempDir Path dir) throws IOException {
        Dataset d = Dataset.builder(List.of("f1", "f 2")).labelName("class").idName("case").classNames(List.of("neg", "pos"))
            .addRow(new double[] {0.1, 1e-300}, 1, "a,1").addRow(new double[] {-3.25, 7}, 0, "b").build();
        Path f = dir.resolve("d.csv");
        DatasetCsv.write(d, f);
        Dataset back = DatasetCsv.read(f, DatasetCsv.options().label("class").id("case").positive("pos"));
        assertEquals(d.columnNames(), back.columnNames());
        assertArrayEquals(d.toMatrix()[0], back.toMatrix()[0], 0);
        assertArrayEquals(d.labels(), back.labels());
        assertEquals("a,1", back.id(0));
        assertEquals(List.of("neg", "pos"), back.classNames());
        StringWriter w = new StringWriter();
        DatasetCsv.write(d.rows(new int[] {1}), w);
        assertEquals("case,f1,f 2,class\nb,-3.25,7.0,neg\n", w.toString());
        assertTrue(Files.size(f) > 0);
    }

    @Test
    void viewsKeepClassNamesAndHelpersWork() {
        Dataset d = Dataset.builder(List.of("a")).classNames(List.of("x", "y")).addRow(new double[] {1}, 0, null)
            .addRow(new double[] {2}, 1, null).addRow(new double[] {3}, 0, null).build();
        Dataset v = d.rows(new int[] {0, 2});
        assertEquals(2, v.numClasses());
        assertEquals(List.of("x", "y"), v.classNames());
        assertArrayEquals(new int[] {0, 2}, d.rowsOfClass(0));
        Dataset w = d.withFeatures(new double[][] {{1, 2}, {3, 4}, {5, 6}}, List.of("p", "q"));
        assertEquals(List.of("p", "q"), w.columnNames());
        assertArrayEquals(d.labels(), w.labels());
        assertEquals(List.of("x", "y"), w.classNames());
        assertEquals(6, d.concat(d).rows());
    }
}
