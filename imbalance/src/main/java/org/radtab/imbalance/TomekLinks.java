package org.radtab.imbalance;

import java.util.Set;
import org.radtab.ml.Dataset;
import org.radtab.ml.pipeline.Resampler;

/**
 * Tomek links (Tomek 1976) with imbalanced-learn's semantics: a pair of samples of different
 * classes that are each other's single nearest neighbour (Euclidean; standardised columns by
 * default; ties to the lower row index). {@link Removal#AUTO} removes the member of each link
 * that does not belong to the minority class (counted on this input — after ADASYN the former
 * minority may be the larger class); {@link Removal#ALL} removes both members.
 */
public final class TomekLinks implements Resampler {

    /** Which members of a link to remove. */
    public enum Removal { AUTO, ALL }

    private final Removal removal;
    private final boolean standardise;
    private final Set<String> categoricalColumns;

    public TomekLinks(Removal removal, boolean standardise, Set<String> categoricalColumns) {
        this.removal = removal;
        this.standardise = standardise;
        this.categoricalColumns = Set.copyOf(categoricalColumns);
    }

    public static TomekLinks defaults() {
        return new TomekLinks(Removal.AUTO, true, Set.of());
    }

    public TomekLinks withCategorical(Set<String> columns) {
        return new TomekLinks(removal, standardise, columns);
    }

    @Override
    public String name() {
        return "tomek";
    }

    /** For each row, the row it forms a Tomek link with, or -1. */
    public int[] links(Dataset data) {
        if (!data.hasLabels()) {
            throw new ResamplingException("tomek: the data has no labels");
        }
        if (data.rows() < 2) {
            throw new ResamplingException("tomek: need at least 2 rows");
        }
        boolean[] cat = new boolean[data.cols()];
        for (String c : categoricalColumns) {
            if (!data.hasColumn(c)) {
                throw new ResamplingException("tomek: categorical column '" + c + "' is not in the data");
            }
            cat[data.columnIndex(c)] = true;
        }
        double[][] x = data.toMatrix();
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[r].length; c++) {
                if (!Double.isFinite(x[r][c])) {
                    throw new ResamplingException("tomek: row " + data.id(r) + ", column '" + data.columnName(c)
                        + "' is not finite");
                }
            }
        }
        Neighbours nn = new Neighbours(x, standardise, cat);
        int[] nearest = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            nearest[i] = nn.nearest(x[i], 1, i)[0];
        }
        int[] labels = data.labels();
        int[] link = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int j = nearest[i];
            link[i] = nearest[j] == i && labels[i] != labels[j] ? j : -1;
        }
        return link;
    }

    @Override
    public Dataset resample(Dataset data, long seed) {
        int[] link = links(data);
        int[] counts = data.classCounts();
        int minority = -1;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && (minority < 0 || counts[c] < counts[minority])) {
                minority = c;
            }
        }
        int[] labels = data.labels();
        int keep = 0;
        boolean[] remove = new boolean[link.length];
        for (int i = 0; i < link.length; i++) {
            if (link[i] >= 0) {
                remove[i] = removal == Removal.ALL || labels[i] != minority;
            }
            if (!remove[i]) {
                keep++;
            }
        }
        int[] rows = new int[keep];
        int n = 0;
        for (int i = 0; i < link.length; i++) {
            if (!remove[i]) {
                rows[n++] = i;
            }
        }
        return data.rows(rows);
    }
}
