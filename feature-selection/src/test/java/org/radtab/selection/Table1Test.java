package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class Table1Test {

    private static Table1 small() {
        int[] group = {0, 0, 0, 0, 1, 1, 1, 1, 1};
        double[] age = {50, 60, 70, 80, 55, 65, 75, 85, 95};
        String[] smoker = {"yes", "no", "no", "no", "yes", "yes", "yes", "no", null};
        return Table1.builder(List.of("No RBP", "RBP"), group)
            .continuous("age", age)
            .categorical("smoker", smoker)
            .build();
    }

    @Test
    void continuousRowHasMedianQuartilesAndMannWhitneyP() {
        Table1 t = small();
        Table1.ContinuousSummary age = t.continuous().get(0);
        // group 0: 50 60 70 80 -> median 65, Q1 = 50 + 0.75 * 10 = 57.5, Q3 = 70 + 0.25 * 10 = 72.5
        // group 1: 55 65 75 85 95 -> median 75, Q1 65, Q3 85
        assertEquals(65, age.median()[0], 0);
        assertEquals(57.5, age.q1()[0], 0);
        assertEquals(72.5, age.q3()[0], 0);
        assertEquals(75, age.median()[1], 0);
        assertEquals(65, age.q1()[1], 0);
        assertEquals(85, age.q3()[1], 0);
        // pooled ranks of group 0: 1 + 3 + 5 + 7 = 16 -> U = 16 - 10 = 6
        assertEquals(6, age.test().u1(), 0);
        assertEquals(MannWhitney.test(new double[] {50, 60, 70, 80}, new double[] {55, 65, 75, 85, 95}).p(),
            age.test().p(), 0);
        Table1.Row row = t.rows().get(0);
        assertEquals(List.of("65.0 (57.5, 72.5)", "75.0 (65.0, 85.0)"), row.cells());
        assertEquals("Mann-Whitney U", row.test());
    }

    @Test
    void categoricalRowsUseFisherWhenExpectedCountsAreSmall() {
        Table1 t = small();
        Table1.CategoricalSummary s = t.categorical().get(0);
        assertEquals(List.of("no", "yes"), s.levels());
        assertEquals(3, s.counts()[0][0]);   // "no" in group 0
        assertEquals(1, s.counts()[0][1]);
        assertEquals(1, s.missing()[1]);
        assertEquals("Fisher exact", s.test());
        // group x level table [[3, 1], [1, 3]]: the tea-tasting table, p = 34/70
        assertEquals(34.0 / 70, s.p().getAsDouble(), 1e-12);
        List<Table1.Row> rows = t.rows();
        assertEquals(Table1.Kind.CATEGORICAL, rows.get(1).kind());
        assertEquals(List.of("3 (75.0%)", "1 (25.0%)"), rows.get(2).cells());   // percent of non-missing
        assertEquals(List.of("1 (25.0%)", "3 (75.0%)"), rows.get(3).cells());
        assertEquals(Table1.Kind.MISSING, rows.get(4).kind());
        assertEquals(List.of("0", "1"), rows.get(4).cells());
    }

    @Test
    void categoricalRowsUseChiSquareWithYatesForLargeTwoByTwo() {
        int n = 200;
        int[] group = new int[n];
        String[] site = new String[n];
        for (int i = 0; i < n; i++) {
            group[i] = i < 100 ? 0 : 1;
            // group 0: 60 A, 40 B; group 1: 40 A, 60 B
            site[i] = (i < 60 || (i >= 100 && i < 140)) ? "A" : "B";
        }
        Table1 t = Table1.builder(List.of("g0", "g1"), group).categorical("site", site).build();
        Table1.CategoricalSummary s = t.categorical().get(0);
        assertEquals("chi-square (Yates)", s.test());
        // all expected counts 50, |O - E| = 10: X^2 = 4 * 9.5^2 / 50 = 7.22, p = erfc(sqrt(7.22 / 2))
        assertEquals(Erf.erfc(Math.sqrt(7.22 / 2)), s.p().getAsDouble(), 1e-12);
    }

    @Test
    void csvAndTextRenderings() {
        Table1 t = small();
        String csv = t.toCsv();
        String[] lines = csv.split("\n");
        assertEquals("Variable,Level,No RBP (n=4),RBP (n=5),Test,P", lines[0]);
        assertTrue(lines[1].startsWith("age,,\"65.0 (57.5, 72.5)\",\"75.0 (65.0, 85.0)\",Mann-Whitney U,"), lines[1]);
        assertEquals("smoker,,,,Fisher exact,0.486", lines[2]);
        assertEquals("smoker,no,3 (75.0%),1 (25.0%),,", lines[3]);
        String text = t.toText();
        assertTrue(text.contains("Characteristic"), text);
        assertTrue(text.contains("  no"), text);
        assertTrue(text.contains("0.486"), text);
        assertEquals("<0.001", Table1.formatP(0.0004));
    }

    @Test
    void rejectsMoreThanTwoGroupsAndMismatchedLengths() {
        assertThrows(SelectionException.class, () -> Table1.builder(List.of("a", "b"), new int[] {0, 1, 2}));
        Table1.Builder b = Table1.builder(List.of("a", "b"), new int[] {0, 1});
        SelectionException e = assertThrows(SelectionException.class, () -> b.continuous("x", new double[] {1}));
        assertTrue(e.getMessage().contains("'x'"));
    }
}
