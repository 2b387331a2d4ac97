package org.radtab.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private static Dataset sample() {
        return Dataset.of(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, 12}}, List.of("a", "b", "c"),
            new int[] {0, 1, 0, 1});
    }

    @Test
    void viewsShareStorageAndCompose() {
        Dataset d = sample();
        Dataset v = d.rows(new int[] {3, 1}).columns(List.of("c", "a"));
        assertEquals(2, v.rows());
        assertEquals(List.of("c", "a"), v.columnNames());
        assertArrayEquals(new double[] {12, 10}, v.row(0));
        assertArrayEquals(new double[] {6, 4}, v.row(1));
        assertArrayEquals(new int[] {1, 1}, v.labels());
        Dataset vv = v.rows(new int[] {1});
        assertEquals(4.0, vv.get(0, 1));
        assertArrayEquals(new int[] {2, 2}, d.classCounts());
    }

    @Test
    void rejectsNonFiniteNamingRowAndColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Dataset.builder(List.of("age", "bmi")).addRow(new double[] {1, Double.NaN}, 0, "case-7").build());
        assertTrue(e.getMessage().contains("case-7") && e.getMessage().contains("bmi"), e.getMessage());
    }

    @Test
    void rejectsDuplicateNamesAndMissingColumns() {
        assertThrows(IllegalArgumentException.class, () -> Dataset.builder(List.of("a", "a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sample().column("zz"));
        assertTrue(e.getMessage().contains("zz"));
    }
}
