package org.radtab.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.radtab.ml.Dataset;

/**
 * The clinical characteristics table of a two-group study ("Table 1"), as in the RBP paper.
 *
 * <ul>
 *   <li><b>Continuous variable</b>: one row with the median (Q1, Q3) per group (type-7
 *       quartiles, see {@link Descriptive}) and the two-sided Mann-Whitney U P value
 *       ({@link MannWhitney#test(double[], double[])}: SciPy's defaults).</li>
 *   <li><b>Categorical variable</b>: a header row with the P value, then one row per level with
 *       n (%) per group, the percentage of the group's non-missing values. The test is the
 *       chi-square test of independence on the 2 x L table (Yates-corrected when 2 x 2,
 *       {@link ChiSquareTest}); when any expected count is below 5 (Cochran's rule) Fisher's exact
 *       test is used instead ({@link FisherExactTest}); when that table is too large to enumerate
 *       the chi-square test is kept and the test is named "chi-square (Fisher infeasible)". A
 *       variable with a single level has no test.</li>
 *   <li><b>Missing values</b> (NaN for continuous, null for categorical) are left out of the
 *       summaries and tests; when a variable has any, a "missing" row gives the count per group.</li>
 * </ul>
 * Levels are listed in numeric order when they all parse as numbers, otherwise alphabetically.
 * P values are printed as {@code <0.001} or with three decimals.
 *
 * <p>The result is available as structured rows ({@link #rows()}, {@link #continuous()},
 * {@link #categorical()}), as CSV ({@link #toCsv()}) and as aligned plain text ({@link #toText()}).
 */
public final class Table1 {

    /** What a display row shows. */
    public enum Kind { CONTINUOUS, CATEGORICAL, LEVEL, MISSING }

    /**
     * One display row: variable name, level (empty for variable rows), one formatted cell per
     * group, the test name and the P value (empty on level rows and for untestable variables).
     */
    public record Row(String variable, String level, Kind kind, List<String> cells, String test, OptionalDouble p) {
    }

    /** Per-group median and quartiles of a continuous variable, with its test. */
    public record ContinuousSummary(String variable, int[] n, double[] median, double[] q1, double[] q3, int[] missing,
                                    MannWhitney.Result test) {
    }

    /** Level counts ({@code counts[level][group]}) of a categorical variable, with its test. */
    public record CategoricalSummary(String variable, List<String> levels, long[][] counts, int[] missing, String test,
                                     OptionalDouble p) {
    }

    private final List<String> groupNames;
    private final int[] groupSizes;
    private final List<Row> rows;
    private final List<ContinuousSummary> continuous;
    private final List<CategoricalSummary> categorical;

    private Table1(List<String> groupNames, int[] groupSizes, List<Row> rows, List<ContinuousSummary> continuous,
                   List<CategoricalSummary> categorical) {
        this.groupNames = groupNames;
        this.groupSizes = groupSizes;
        this.rows = rows;
        this.continuous = continuous;
        this.categorical = categorical;
    }

    /**
     * Starts a table.
     *
     * @param groupNames display names of group 0 and group 1
     * @param group      group code (0 or 1) per patient
     */
    public static Builder builder(List<String> groupNames, int[] group) {
        return new Builder(groupNames, group);
    }

    /**
     * A table from a labelled dataset: the label (0/1) defines the groups; the named columns are
     * summarised as continuous or categorical (categorical codes are shown as numbers, integral
     * values without decimals).
     */
    public static Table1 of(Dataset data, List<String> continuousColumns, List<String> categoricalColumns,
                            List<String> groupNames) {
        RankSumFilter.binaryGroups(data, "Table 1");
        Builder b = builder(groupNames, data.labels());
        for (String c : continuousColumns) {
            b.continuous(c, data.column(c));
        }
        for (String c : categoricalColumns) {
            double[] v = data.column(c);
            String[] s = new String[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = Double.isNaN(v[i]) ? null : formatCode(v[i]);
            }
            b.categorical(c, s);
        }
        return b.build();
    }

    private static String formatCode(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public List<String> groupNames() {
        return groupNames;
    }

    /** Patients per group. */
    public int[] groupSizes() {
        return groupSizes.clone();
    }

    /** Display rows in variable order. */
    public List<Row> rows() {
        return rows;
    }

    public List<ContinuousSummary> continuous() {
        return continuous;
    }

    public List<CategoricalSummary> categorical() {
        return categorical;
    }

    /** Column headers: Variable, Level, one per group ({@code name (n=...)}), Test, P. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("Variable");
        h.add("Level");
        for (int g = 0; g < groupNames.size(); g++) {
            h.add(groupNames.get(g) + " (n=" + groupSizes[g] + ")");
        }
        h.add("Test");
        h.add("P");
        return h;
    }

    private List<List<String>> cellsTable() {
        List<List<String>> t = new ArrayList<>();
        t.add(header());
        for (Row r : rows) {
            List<String> line = new ArrayList<>();
            line.add(r.variable());
            line.add(r.level());
            line.addAll(r.cells());
            line.add(r.test());
            line.add(r.p().isPresent() ? formatP(r.p().getAsDouble()) : "");
            t.add(line);
        }
        return t;
    }

    /** RFC 4180 CSV (header plus one line per display row). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        for (List<String> line : cellsTable()) {
            for (int i = 0; i < line.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(csvField(line.get(i)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Plain text with aligned columns; level rows are indented under their variable. */
    public String toText() {
        List<List<String>> t = cellsTable();
        // merge variable and level into one first column
        List<List<String>> shown = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            List<String> line = t.get(i);
            List<String> s = new ArrayList<>();
            if (i == 0) {
                s.add("Characteristic");
            } else {
                s.add(line.get(1).isEmpty() ? line.get(0) : "  " + line.get(1));
            }
            s.addAll(line.subList(2, line.size()));
            shown.add(s);
        }
        int cols = shown.get(0).size();
        int[] width = new int[cols];
        for (List<String> line : shown) {
            for (int c = 0; c < cols; c++) {
                width[c] = Math.max(width[c], line.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            List<String> line = shown.get(i);
            for (int c = 0; c < cols; c++) {
                String v = line.get(c);
                if (c == 0) {
                    sb.append(v).append(" ".repeat(width[c] - v.length()));
                } else {
                    sb.append("  ").append(" ".repeat(width[c] - v.length())).append(v);
                }
            }
            sb.append('\n');
            if (i == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }

    /** {@code <0.001} below 0.001, otherwise three decimals. */
    public static String formatP(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Collects the variables; {@link #build()} computes the summaries and tests. */
    public static final class Builder {
        private final List<String> groupNames;
        private final int[] group;
        private final List<Object[]> variables = new ArrayList<>();   // {name, double[] or String[]}
        private int decimals = 1;

        private Builder(List<String> groupNames, int[] group) {
            if (groupNames.size() != 2) {
                throw new SelectionException("Table 1 compares exactly 2 groups; got names " + groupNames);
            }
            int[] n = new int[2];
            for (int i = 0; i < group.length; i++) {
                if (group[i] != 0 && group[i] != 1) {
                    throw new SelectionException("Table 1: group code of patient " + i + " is " + group[i]
                        + "; expected 0 or 1");
                }
                n[group[i]]++;
            }
            if (n[0] == 0 || n[1] == 0) {
                throw new SelectionException("Table 1: both groups need patients; sizes " + Arrays.toString(n));
            }
            this.groupNames = List.copyOf(groupNames);
            this.group = group.clone();
        }

        /** Decimals of medians and quartiles (default 1); percentages always have 1. */
        public Builder decimals(int decimals) {
            if (decimals < 0 || decimals > 10) {
                throw new IllegalArgumentException("decimals must be in 0..10, was " + decimals);
            }
            this.decimals = decimals;
            return this;
        }

        /** A continuous variable; NaN marks a missing value. */
        public Builder continuous(String name, double[] values) {
            checkLength(name, values.length);
            for (int i = 0; i < values.length; i++) {
                if (Double.isInfinite(values[i])) {
                    throw new SelectionException("Table 1 variable '" + name + "': value of patient " + i
                        + " is infinite");
                }
            }
            variables.add(new Object[] {name, values.clone()});
            return this;
        }

        /** A categorical variable; null marks a missing value. */
        public Builder categorical(String name, String[] values) {
            checkLength(name, values.length);
            variables.add(new Object[] {name, values.clone()});
            return this;
        }

        private void checkLength(String name, int n) {
            if (n != group.length) {
                throw new SelectionException("Table 1 variable '" + name + "' has " + n + " values for " + group.length
                    + " patients");
            }
        }

        public Table1 build() {
            int[] sizes = new int[2];
            for (int g : group) {
                sizes[g]++;
            }
            List<Row> rows = new ArrayList<>();
            List<ContinuousSummary> cont = new ArrayList<>();
            List<CategoricalSummary> cat = new ArrayList<>();
            for (Object[] v : variables) {
                String name = (String) v[0];
                if (v[1] instanceof double[] values) {
                    ContinuousSummary s = summarise(name, values);
                    cont.add(s);
                    List<String> cells = new ArrayList<>();
                    for (int g = 0; g < 2; g++) {
                        cells.add(num(s.median()[g]) + " (" + num(s.q1()[g]) + ", " + num(s.q3()[g]) + ")");
                    }
                    rows.add(new Row(name, "", Kind.CONTINUOUS, List.copyOf(cells), "Mann-Whitney U",
                        OptionalDouble.of(s.test().p())));
                    addMissingRow(rows, name, s.missing());
                } else {
                    CategoricalSummary s = summarise(name, (String[]) v[1]);
                    cat.add(s);
                    rows.add(new Row(name, "", Kind.CATEGORICAL, List.of("", ""), s.test(), s.p()));
                    int[] nonMissing = {sizes[0] - s.missing()[0], sizes[1] - s.missing()[1]};
                    for (int l = 0; l < s.levels().size(); l++) {
                        List<String> cells = new ArrayList<>();
                        for (int g = 0; g < 2; g++) {
                            long k = s.counts()[l][g];
                            double pct = nonMissing[g] == 0 ? 0 : 100.0 * k / nonMissing[g];
                            cells.add(k + " (" + String.format(Locale.ROOT, "%.1f", pct) + "%)");
                        }
                        rows.add(new Row(name, s.levels().get(l), Kind.LEVEL, List.copyOf(cells), "",
                            OptionalDouble.empty()));
                    }
                    addMissingRow(rows, name, s.missing());
                }
            }
            return new Table1(groupNames, sizes, List.copyOf(rows), List.copyOf(cont), List.copyOf(cat));
        }

        private static void addMissingRow(List<Row> rows, String name, int[] missing) {
            if (missing[0] + missing[1] > 0) {
                rows.add(new Row(name, "missing", Kind.MISSING, List.of(Integer.toString(missing[0]),
                    Integer.toString(missing[1])), "", OptionalDouble.empty()));
            }
        }

        private String num(double v) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }

        private ContinuousSummary summarise(String name, double[] values) {
            double[][] byGroup = new double[2][];
            int[] missing = new int[2];
            for (int g = 0; g < 2; g++) {
                List<Double> list = new ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    if (group[i] == g) {
                        if (Double.isNaN(values[i])) {
                            missing[g]++;
                        } else {
                            list.add(values[i]);
                        }
                    }
                }
                if (list.isEmpty()) {
                    throw new SelectionException("Table 1 variable '" + name + "': group '" + groupNames.get(g)
                        + "' has no non-missing values");
                }
                byGroup[g] = list.stream().mapToDouble(Double::doubleValue).toArray();
            }
            int[] n = new int[2];
            double[] med = new double[2];
            double[] q1 = new double[2];
            double[] q3 = new double[2];
            for (int g = 0; g < 2; g++) {
                double[] s = Descriptive.sorted(byGroup[g]);
                n[g] = s.length;
                med[g] = Descriptive.quantileOfSorted(s, 0.5);
                q1[g] = Descriptive.quantileOfSorted(s, 0.25);
                q3[g] = Descriptive.quantileOfSorted(s, 0.75);
            }
            return new ContinuousSummary(name, n, med, q1, q3, missing, MannWhitney.test(byGroup[0], byGroup[1]));
        }

        private CategoricalSummary summarise(String name, String[] values) {
            int[] missing = new int[2];
            TreeSet<String> levelSet = new TreeSet<>();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    missing[group[i]]++;
                } else {
                    levelSet.add(values[i]);
                }
            }
            if (levelSet.isEmpty()) {
                throw new SelectionException("Table 1 variable '" + name + "' has no non-missing values");
            }
            List<String> levels = new ArrayList<>(levelSet);
            if (levels.stream().allMatch(Builder::isNumber)) {
                levels.sort(Comparator.comparingDouble(Double::parseDouble));
            }
            long[][] counts = new long[levels.size()][2];
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    counts[levels.indexOf(values[i])][group[i]]++;
                }
            }
            String test;
            OptionalDouble p;
            long[] groupTotals = {0, 0};
            for (long[] c : counts) {
                groupTotals[0] += c[0];
                groupTotals[1] += c[1];
            }
            if (levels.size() < 2 || groupTotals[0] == 0 || groupTotals[1] == 0) {
                test = "";
                p = OptionalDouble.empty();
            } else {
                long[][] table = new long[2][levels.size()];
                for (int l = 0; l < levels.size(); l++) {
                    table[0][l] = counts[l][0];
                    table[1][l] = counts[l][1];
                }
                ChiSquareTest.Result chi = ChiSquareTest.test(table, true);
                if (chi.minExpected() < 5) {
                    double fisher;
                    try {
                        fisher = FisherExactTest.twoSided(table);
                        test = "Fisher exact";
                        p = OptionalDouble.of(fisher);
                    } catch (SelectionException tooLarge) {
                        test = "chi-square (Fisher infeasible)";
                        p = OptionalDouble.of(chi.p());
                    }
                } else {
                    test = chi.yates() ? "chi-square (Yates)" : "chi-square";
                    p = OptionalDouble.of(chi.p());
                }
            }
            return new CategoricalSummary(name, List.copyOf(levels), counts, missing, test, p);
        }

        private static boolean isNumber(String s) {
            try {
                Double.parseDouble(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
