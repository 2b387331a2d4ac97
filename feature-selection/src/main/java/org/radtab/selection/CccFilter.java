package org.radtab.selection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.radtab.ml.Dataset;

/**
 * Keeps the features that two readers (two segmentations of the same cases) measure
 * reproducibly: Lin's CCC {@code >= threshold} (default 0.85, the RBP paper's cut-off).
 *
 * <p>The two tables are matched by <b>case id</b> (both must have ids; rows may be in any
 * order) and by <b>column name</b> (every feature of reader 1 must exist in reader 2; extra
 * reader-2 columns are ignored and listed in the result). A case id present in one table only,
 * or repeated within a table, is an error that names the ids. For every feature the result
 * reports the CCC with its confidence interval (see {@link Concordance}) and ICC(2,1) and
 * ICC(3,1) of the same pairs, and whether it was kept. A feature whose CCC is undefined (both
 * readers constant) is dropped with that reason.
 *
 * <p>The CCC is invariant when the same affine map is applied to both readers, so it does not
 * matter whether this filter runs before or after a scaler fitted on reader 1.
 */
public final class CccFilter {
    private final double threshold;
    private final double confidence;

    /** Per-feature agreement. */
    public record FeatureAgreement(String feature, Concordance.CccResult ccc, double icc21, double icc31,
                                   boolean kept, String reason) {
    }

    /** Outcome of {@link #apply}. */
    public record Result(double threshold, List<FeatureAgreement> features, List<String> kept, List<String> dropped,
                         List<String> ignoredReader2Columns, int cases) {
    }

    public CccFilter(double threshold, double confidence) {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("CCC threshold must be in [-1, 1], was " + threshold);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
        this.threshold = threshold;
        this.confidence = confidence;
    }

    /** Threshold 0.85, 95% intervals. */
    public static CccFilter defaults() {
        return new CccFilter(0.85, 0.95);
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Computes the agreement of every feature (column) of {@code reader1} with the same-named
     * column of {@code reader2}, cases matched by id.
     *
     * @throws SelectionException when ids are missing, duplicated or unmatched, or a feature is absent from reader 2
     */
    public Result apply(Dataset reader1, Dataset reader2) {
        int[] match = matchRows(reader1, reader2);
        List<String> missingCols = new ArrayList<>();
        for (String name : reader1.columnNames()) {
            if (!reader2.hasColumn(name)) {
                missingCols.add(name);
            }
        }
        if (!missingCols.isEmpty()) {
            throw new SelectionException("reader 2 lacks " + missingCols.size() + " feature(s) of reader 1: "
                + FittedScaler.abbreviate(missingCols));
        }
        Set<String> own = new LinkedHashSet<>(reader1.columnNames());
        List<String> ignored = new ArrayList<>();
        for (String name : reader2.columnNames()) {
            if (!own.contains(name)) {
                ignored.add(name);
            }
        }
        int n = reader1.rows();
        List<FeatureAgreement> out = new ArrayList<>(reader1.cols());
        List<String> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        double[] a = new double[n];
        double[] b = new double[n];
        for (int c = 0; c < reader1.cols(); c++) {
            String name = reader1.columnName(c);
            int c2 = reader2.columnIndex(name);
            for (int r = 0; r < n; r++) {
                a[r] = reader1.get(r, c);
                b[r] = reader2.get(match[r], c2);
            }
            Concordance.CccResult ccc;
            try {
                ccc = Concordance.lin(a, b, confidence);
            } catch (SelectionException e) {
                throw new SelectionException("feature '" + name + "': " + e.getMessage());
            }
            Concordance.IccResult icc = Concordance.icc(a, b);
            boolean keep = ccc.ccc() >= threshold;
            String reason;
            if (Double.isNaN(ccc.ccc())) {
                reason = "CCC undefined (both readers constant)";
            } else {
                reason = keep ? "CCC >= " + threshold : "CCC < " + threshold;
            }
            out.add(new FeatureAgreement(name, ccc, icc.icc21(), icc.icc31(), keep, reason));
            (keep ? kept : dropped).add(name);
        }
        return new Result(threshold, List.copyOf(out), List.copyOf(kept), List.copyOf(dropped), List.copyOf(ignored), n);
    }

    /** For each reader-1 row, the reader-2 row with the same id. */
    static int[] matchRows(Dataset reader1, Dataset reader2) {
        if (!reader1.hasIds() || !reader2.hasIds()) {
            throw new SelectionException("both reader tables need case ids to be matched (reader "
                + (!reader1.hasIds() ? "1" : "2") + " has none)");
        }
        Map<String, Integer> index2 = index(reader2, "reader 2");
        Map<String, Integer> index1 = index(reader1, "reader 1");
        List<String> onlyIn1 = new ArrayList<>();
        int[] match = new int[reader1.rows()];
        for (int r = 0; r < reader1.rows(); r++) {
            Integer m = index2.get(reader1.id(r));
            if (m == null) {
                onlyIn1.add(reader1.id(r));
            } else {
                match[r] = m;
            }
        }
        List<String> onlyIn2 = new ArrayList<>();
        for (int r = 0; r < reader2.rows(); r++) {
            if (!index1.containsKey(reader2.id(r))) {
                onlyIn2.add(reader2.id(r));
            }
        }
        if (!onlyIn1.isEmpty() || !onlyIn2.isEmpty()) {
            StringBuilder sb = new StringBuilder("the reader tables do not have the same cases:");
            if (!onlyIn1.isEmpty()) {
                sb.append(" missing from reader 2: ").append(FittedScaler.abbreviate(onlyIn1)).append(';');
            }
            if (!onlyIn2.isEmpty()) {
                sb.append(" extra in reader 2 (not in reader 1): ").append(FittedScaler.abbreviate(onlyIn2)).append(';');
            }
            sb.setLength(sb.length() - 1);
            throw new SelectionException(sb.toString());
        }
        return match;
    }

    private static Map<String, Integer> index(Dataset d, String which) {
        Map<String, Integer> m = new HashMap<>();
        List<String> dup = new ArrayList<>();
        for (int r = 0; r < d.rows(); r++) {
            if (m.putIfAbsent(d.id(r), r) != null) {
                dup.add(d.id(r));
            }
        }
        if (!dup.isEmpty()) {
            throw new SelectionException(which + " repeats case id(s): " + FittedScaler.abbreviate(dup));
        }
        return m;
    }
}
