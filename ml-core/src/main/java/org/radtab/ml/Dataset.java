package org.radtab.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dense table of doubles (rows = cases, columns = named features) with an optional integer
 * class label per row and optional case ids.
 *
 * <p>Instances are immutable. {@link #rows(int[])} and {@link #columns(int[])} return views that
 * share the underlying storage (no copy), so cross-validation folds cost only an index array.
 * Labels are class codes {@code 0..numClasses-1}; binary problems use 0 = negative,
 * 1 = positive.
 */
public final class Dataset {
    private final double[] store;      // row-major, storeCols wide
    private final int storeCols;
    private final int[] rowIndex;      // view rows -> store rows
    private final int[] colIndex;      // view cols -> store cols
    private final List<String> columnNames;
    private final int[] labels;        // per store row, or null
    private final String labelName;    // may be null
    private final String[] ids;        // per store row, or null
    private final String idName;       // may be null
    private final List<String> classNames; // class code -> original label text, or null
    private volatile Map<String, Integer> nameLookup;

    private Dataset(double[] store, int storeCols, int[] rowIndex, int[] colIndex, List<String> columnNames,
                    int[] labels, String labelName, String[] ids, String idName, List<String> classNames) {
        this.store = store;
        this.storeCols = storeCols;
        this.rowIndex = rowIndex;
        this.colIndex = colIndex;
        this.columnNames = columnNames;
        this.labels = labels;
        this.labelName = labelName;
        this.ids = ids;
        this.idName = idName;
        this.classNames = classNames;
    }

    /**
     * A dataset from a row-major matrix (copied).
     *
     * @param x           rows x columns, all rows the same length
     * @param columnNames one unique name per column
     * @param labels      class code per row, or null for an unlabelled table
     */
    public static Dataset of(double[][] x, List<String> columnNames, int[] labels) {
        return builder(columnNames).addRows(x).labels(labels).build();
    }

    /** A dataset with generated column names {@code x0, x1, ...}. */
    public static Dataset of(double[][] x, int[] labels) {
        int p = x.length == 0 ? 0 : x[0].length;
        List<String> names = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            names.add("x" + j);
        }
        return of(x, names, labels);
    }

    public static Builder builder(List<String> columnNames) {
        return new Builder(columnNames);
    }

    /** Number of rows (cases). */
    public int rows() { return rowIndex.length; }

    /** Number of feature columns. */
    public int cols() { return colIndex.length; }

    public double get(int row, int col) {
        return store[rowIndex[row] * storeCols + colIndex[col]];
    }

    /** Row {@code r} (a copy). */
    public double[] row(int r) {
        double[] out = new double[colIndex.length];
        int base = rowIndex[r] * storeCols;
        for (int c = 0; c < out.length; c++) {
            out[c] = store[base + colIndex[c]];
        }
        return out;
    }

    /** Column {@code c} (a copy). */
    public double[] column(int c) {
        double[] out = new double[rowIndex.length];
        int sc = colIndex[c];
        for (int r = 0; r < out.length; r++) {
            out[r] = store[rowIndex[r] * storeCols + sc];
        }
        return out;
    }

    /** Column by name (a copy). */
    public double[] column(String name) {
        return column(columnIndex(name));
    }

    /** All values as a fresh row-major matrix. */
    public double[][] toMatrix() {
        double[][] out = new double[rowIndex.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = row(r);
        }
        return out;
    }

    public List<String> columnNames() { return columnNames; }

    public String columnName(int c) { return columnNames.get(c); }

    /**
     * Index of the column called {@code name}.
     *
     * @throws IllegalArgumentException naming the missing column
     */
    public int columnIndex(String name) {
        Map<String, Integer> m = nameLookup;
        if (m == null) {
            m = new HashMap<>();
            for (int c = 0; c < columnNames.size(); c++) {
                m.put(columnNames.get(c), c);
            }
            nameLookup = m;
        }
        Integer c = m.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column named '" + name + "'");
        }
        return c;
    }

    public boolean hasColumn(String name) {
        return columnNames.contains(name);
    }

    public boolean hasLabels() { return labels != null; }

    /** Name of the label column (may be null). */
    public String labelName() { return labelName; }

    /** Label of row {@code r}. */
    public int label(int r) {
        requireLabels();
        return labels[rowIndex[r]];
    }

    /** Labels of all rows (a copy). */
    public int[] labels() {
        requireLabels();
        int[] out = new int[rowIndex.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = labels[rowIndex[r]];
        }
        return out;
    }

    /**
     * Number of classes = 1 + the largest label (at least 2 for a labelled set, and at least the
     * number of class names when names were given).
     */
    public int numClasses() {
        requireLabels();
        int max = classNames == null ? 1 : classNames.size() - 1;
        for (int r : rowIndex) {
            max = Math.max(max, labels[r]);
        }
        return max + 1;
    }

    /** Row count per class code. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int r : rowIndex) {
            counts[labels[r]]++;
        }
        return counts;
    }

    public boolean hasIds() { return ids != null; }

    /** Name of the id column (may be null). */
    public String idName() { return idName; }

    /** Case id of row {@code r}, or its row number as text when the set has no ids. */
    public String id(int r) {
        return ids == null ? Integer.toString(r) : ids[rowIndex[r]];
    }

    /** A view of the given rows, in the given order (no copy). */
    public Dataset rows(int[] rows) {
        int[] ri = new int[rows.length];
        for (int n = 0; n < rows.length; n++) {
            if (rows[n] < 0 || rows[n] >= rowIndex.length) {
                throw new IndexOutOfBoundsException("row " + rows[n] + " of " + rowIndex.length);
            }
            ri[n] = rowIndex[rows[n]];
        }
        return new Dataset(store, storeCols, ri, colIndex, columnNames, labels, labelName, ids, idName, classNames);
    }

    /** A view of the given columns, in the given order (no copy). */
    public Dataset columns(int[] cols) {
        int[] ci = new int[cols.length];
        List<String> names = new ArrayList<>(cols.length);
        for (int n = 0; n < cols.length; n++) {
            ci[n] = colIndex[cols[n]];
            names.add(columnNames.get(cols[n]));
        }
        checkUnique(names);
        return new Dataset(store, storeCols, rowIndex, ci, Collections.unmodifiableList(names), labels, labelName,
            ids, idName, classNames);
    }

    /** A view of the named columns, in the given order (no copy). */
    public Dataset columns(List<String> names) {
        int[] cols = new int[names.size()];
        for (int n = 0; n < cols.length; n++) {
            cols[n] = columnIndex(names.get(n));
        }
        return columns(cols);
    }

    /** The same rows and columns with other labels (one per row of this view); class names are dropped. */
    public Dataset withLabels(int[] newLabels, String newLabelName) {
        Builder b = builder(columnNames).labelName(newLabelName).idName(idName);
        for (int r = 0; r < rows(); r++) {
            b.addRow(row(r), newLabels[r], hasIds() ? id(r) : null);
        }
        return b.build();
    }

    /** Rows of this set followed by the rows of {@code other} (same column names required); a copy. */
    public Dataset concat(Dataset other) {
        if (!columnNames.equals(other.columnNames)) {
            throw new IllegalArgumentException("column names differ: cannot concatenate");
        }
        if (hasLabels() != other.hasLabels()) {
            throw new IllegalArgumentException("one dataset is labelled, the other is not");
        }
        if (hasLabels() && !Objects.equals(classNames, other.classNames)) {
            throw new IllegalArgumentException("class names differ: " + classNames + " vs " + other.classNames);
        }
        Builder b = emptyLike();
        for (Dataset d : new Dataset[] {this, other}) {
            for (int r = 0; r < d.rows(); r++) {
                b.addRow(d.row(r), d.hasLabels() ? d.label(r) : 0, d.hasIds() ? d.id(r) : null);
            }
        }
        if (!hasLabels()) {
            b.unlabelled();
        }
        return b.build();
    }

    /**
     * Names of the class codes: {@code classNames().get(code)} is the label text that was mapped
     * to {@code code} (e.g. read from a CSV with string labels). When the set was built without
     * names, the codes themselves as text ({@code "0", "1", ...}).
     */
    public List<String> classNames() {
        requireLabels();
        if (classNames != null) {
            return classNames;
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < numClasses(); c++) {
            out.add(Integer.toString(c));
        }
        return out;
    }

    /** True when class names were given explicitly (e.g. mapped from string labels). */
    public boolean hasClassNames() {
        return classNames != null;
    }

    /**
     * An empty builder with this set's column names, label name, id name and class names: the
     * natural start for a transform or resampler that produces new rows of the same kind.
     */
    public Builder emptyLike() {
        Builder b = builder(columnNames).labelName(labelName).idName(idName);
        if (classNames != null) {
            b.classNames(classNames);
        }
        if (!hasLabels()) {
            b.unlabelled();
        }
        return b;
    }

    /**
     * A new dataset with the same rows (labels, ids, class names) and new feature values, e.g. the
     * output of a scaler or a projection (a copy).
     *
     * @param x           one row per row of this view
     * @param newColumns  one unique name per column of {@code x}
     */
    public Dataset withFeatures(double[][] x, List<String> newColumns) {
        if (x.length != rows()) {
            throw new IllegalArgumentException(x.length + " rows of values for a dataset of " + rows() + " rows");
        }
        Builder b = builder(newColumns).labelName(labelName).idName(idName);
        if (classNames != null) {
            b.classNames(classNames);
        }
        for (int r = 0; r < x.length; r++) {
            b.addRow(x[r], hasLabels() ? label(r) : 0, hasIds() ? id(r) : null);
        }
        if (!hasLabels()) {
            b.unlabelled();
        }
        return b.build();
    }

    /** Row indices of this view whose label is {@code classCode}, in row order. */
    public int[] rowsOfClass(int classCode) {
        requireLabels();
        int n = 0;
        for (int r : rowIndex) {
            if (labels[r] == classCode) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int r = 0; r < rowIndex.length; r++) {
            if (labels[rowIndex[r]] == classCode) {
                out[k++] = r;
            }
        }
        return out;
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException("this dataset has no labels");
        }
    }

    private static void checkUnique(List<String> names) {
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("column names must be unique: " + names);
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + rows() + " rows x " + cols() + " columns" + (hasLabels()
            ? ", classes " + Arrays.toString(classCounts()) : "") + "]";
    }

    /** Builds a dataset row by row. Rejects NaN and infinite values with the row and column named. */
    public static final class Builder {
        private final List<String> names;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private boolean labelled = true;
        private boolean anyId;
        private int[] explicitLabels;
        private String labelName;
        private String idName;
        private boolean allowNonFinite;
        private List<String> classNames;

        private Builder(List<String> names) {
            this.names = List.copyOf(names);
            checkUnique(this.names);
        }

        /** Accept NaN/infinite cells (default: rejected). */
        public Builder allowNonFinite(boolean allow) {
            this.allowNonFinite = allow;
            return this;
        }

        public Builder labelName(String name) {
            this.labelName = name;
            return this;
        }

        /**
         * Names of the class codes (code {@code c} is called {@code names.get(c)}); every label must
         * then be below {@code names.size()}.
         */
        public Builder classNames(List<String> names) {
            this.classNames = names == null ? null : List.copyOf(names);
            return this;
        }

        public Builder idName(String name) {
            this.idName = name;
            return this;
        }

        /** Marks the set as unlabelled (labels passed to addRow are ignored). */
        public Builder unlabelled() {
            this.labelled = false;
            return this;
        }

        public Builder addRow(double[] values, int label, String id) {
            if (values.length != names.size()) {
                throw new IllegalArgumentException("row " + rows.size() + " has " + values.length
                    + " values, expected " + names.size());
            }
            if (!allowNonFinite) {
                for (int c = 0; c < values.length; c++) {
                    if (!Double.isFinite(values[c])) {
                        throw new IllegalArgumentException("row " + (id != null ? "'" + id + "'" : rows.size())
                            + ", column '" + names.get(c) + "': value " + values[c] + " is not finite");
                    }
                }
            }
            if (label < 0) {
                throw new IllegalArgumentException("row " + rows.size() + ": label must be >= 0, was " + label);
            }
            rows.add(values.clone());
            labels.add(label);
            ids.add(id);
            anyId |= id != null;
            return this;
        }

        public Builder addRows(double[][] x) {
            for (double[] row : x) {
                addRow(row, 0, null);
            }
            return this;
        }

        /** Sets all labels at once (one per row added so far); null = unlabelled. */
        public Builder labels(int[] y) {
            if (y == null) {
                labelled = false;
                return this;
            }
            explicitLabels = y.clone();
            return this;
        }

        public Dataset build() {
            int n = rows.size();
            int p = names.size();
            double[] store = new double[n * p];
            for (int r = 0; r < n; r++) {
                System.arraycopy(rows.get(r), 0, store, r * p, p);
            }
            int[] lab = null;
            if (labelled) {
                if (explicitLabels != null) {
                    if (explicitLabels.length != n) {
                        throw new IllegalArgumentException(explicitLabels.length + " labels for " + n + " rows");
                    }
                    for (int r = 0; r < n; r++) {
                        if (explicitLabels[r] < 0) {
                            throw new IllegalArgumentException("row " + r + ": label must be >= 0");
                        }
                    }
                    lab = explicitLabels;
                } else {
                    lab = new int[n];
                    for (int r = 0; r < n; r++) {
                        lab[r] = labels.get(r);
                    }
                }
            }
            String[] idArr = null;
            if (anyId) {
                idArr = new String[n];
                for (int r = 0; r < n; r++) {
                    idArr[r] = ids.get(r) == null ? Integer.toString(r) : ids.get(r);
                }
            }
            int[] ri = new int[n];
            for (int r = 0; r < n; r++) {
                ri[r] = r;
            }
            int[] ci = new int[p];
            for (int c = 0; c < p; c++) {
                ci[c] = c;
            }
            if (lab != null && classNames != null) {
                for (int r = 0; r < n; r++) {
                    if (lab[r] >= classNames.size()) {
                        throw new IllegalArgumentException("row " + r + ": label " + lab[r] + " has no class name (classes "
                            + classNames + ")");
                    }
                }
            }
            return new Dataset(store, p, ri, ci, names, lab, labelName, idArr, idName, lab == null ? null : classNames);
        }
    }
}
