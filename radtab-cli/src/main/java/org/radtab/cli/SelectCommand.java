package org.radtab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtab.ml.Dataset;
import org.radtab.selection.AdaptiveScaler;
import org.radtab.selection.CccFilter;
import org.radtab.selection.FittedScaler;
import org.radtab.selection.Mrmr;
import org.radtab.selection.RankSumFilter;
import org.radtab.selection.ScalingMethod;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab select}: feature selection on a feature table (e.g. PyRadiomics batch output).
 *
 * <pre>
 * radtab select --data features.csv --label COLUMN [--id COLUMN] --steps scale,wrs:0.1,mrmr:20
 *               [--method fcq|fcd|miq|mid] [--reader2 features_reader2.csv --ccc 0.85] --out selected.csv
 * </pre>
 * Steps run in the order given:
 * <ul>
 *   <li>{@code scale}: adaptive z-score / robust scaling ({@link AdaptiveScaler}); constant
 *       columns are dropped; the output holds the scaled values;</li>
 *   <li>{@code ccc[:T]}: keep features whose Lin's CCC between this table and {@code --reader2}
 *       (cases matched by {@code --id}) is {@code >= T} (default {@code --ccc}, 0.85). With
 *       {@code --reader2} and no {@code ccc} step, the CCC filter runs first. The CCC is computed
 *       on the raw values of both tables (it is unchanged by the scaler, which maps both readers
 *       alike);</li>
 *   <li>{@code wrs:ALPHA}: keep features with a Wilcoxon rank-sum P &lt; ALPHA between the two
 *       label classes;</li>
 *   <li>{@code mrmr:K}: mRMR selection of K features ({@code --method}, default FCQ); the output
 *       columns follow the pick order.</li>
 * </ul>
 * The tables are read with ml-core's {@link org.radtab.ml.DatasetCsv} ({@link FeatureTableCsv}):
 * every column other than the label and the id must be numeric, without missing values. The
 * output keeps the id and the label columns (label texts as in the input) followed by the
 * selected features.
 */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Feature selection on a feature table: adaptive scaling, reader concordance (CCC), "
        + "Wilcoxon rank-sum screening and mRMR, in the order given by --steps."})
public final class SelectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Feature table (CSV with a header row).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Binary outcome column.")
    String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Case id column (required with --reader2).")
    String id;

    @Option(names = "--steps", required = true, paramLabel = "STEPS",
        description = "Comma-separated steps, run in order: scale, ccc[:T], wrs:ALPHA, mrmr:K "
            + "(e.g. scale,wrs:0.1,mrmr:20).")
    String steps;

    @Option(names = "--method", defaultValue = "fcq", paramLabel = "SCHEME",
        description = "mRMR scheme: fcq (default), fcd, miq, mid.")
    String method;

    @Option(names = "--reader2", paramLabel = "FILE",
        description = "The same features measured by a second reader/segmentation (CSV, same id column).")
    Path reader2;

    @Option(names = "--ccc", defaultValue = "0.85", paramLabel = "T",
        description = "CCC threshold of the ccc step (default ${DEFAULT-VALUE}).")
    double cccThreshold;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV (id, label, selected features).")
    Path out;

    /** One parsed step. */
    record Step(String name, double argument) {
    }

    /**
     * Exit codes ({@link ExitCodes}): 0 success; 2 invalid options (steps, method, --reader2
     * without --id); 3 an input that cannot be read or used (missing file or column, non-numeric
     * column, reader tables with different cases, a label that is not binary for wrs, ...).
     */
    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Step> plan;
        Mrmr.Scheme scheme;
        try {
            plan = parseSteps(steps, reader2 != null, cccThreshold);
            scheme = Mrmr.Scheme.parse(method);
            if (reader2 != null && id == null) {
                throw new IllegalArgumentException("--reader2 needs --id to match the cases of the two tables");
            }
        } catch (IllegalArgumentException e) {
            err.println("radtab select: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            return run(o, plan, scheme);
        } catch (IOException | IllegalArgumentException e) {
            err.println("radtab select: " + e.getMessage());
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
    }

    private int run(PrintWriter o, List<Step> plan, Mrmr.Scheme scheme) throws IOException {
        Dataset raw = FeatureTableCsv.read(data, label, id);
        o.printf(Locale.ROOT, "%s: %d cases, %d features, classes %s%n", data.getFileName(), raw.rows(), raw.cols(),
            FeatureTableCsv.describeClasses(raw.classNames(), raw.classCounts()));
        Dataset current = raw;
        Dataset second = null;
        for (Step step : plan) {
            int before = current.cols();
            switch (step.name()) {
                case "scale": {
                    FittedScaler f = AdaptiveScaler.defaults().fit(current);
                    current = f.apply(current);
                    o.printf(Locale.ROOT, "scale: kept %d, dropped %d (z-score %d, robust %d)%n", current.cols(),
                        before - current.cols(), f.methodCounts().get(ScalingMethod.Z_SCORE),
                        f.methodCounts().get(ScalingMethod.ROBUST));
                    for (FittedScaler.DroppedColumn d : f.dropped()) {
                        o.printf("  dropped %s: %s%n", d.name(), d.reason());
                    }
                    break;
                }
                case "ccc": {
                    if (second == null) {
                        second = FeatureTableCsv.readUnlabelled(reader2, label, id);   // its label column, if any, is ignored
                    }
                    Dataset r1 = raw.columns(current.columnNames());
                    CccFilter.Result res = new CccFilter(step.argument(), 0.95).apply(r1, second);
                    current = current.columns(res.kept());
                    o.printf(Locale.ROOT, "ccc >= %s: kept %d, dropped %d (%d cases matched by %s)%n",
                        fmt(step.argument()), res.kept().size(), res.dropped().size(), res.cases(), id);
                    break;
                }
                case "wrs": {
                    RankSumFilter.Result res = new RankSumFilter(step.argument()).apply(current);
                    current = current.columns(res.kept());
                    o.printf(Locale.ROOT, "wrs P < %s: kept %d, dropped %d%n", fmt(step.argument()), res.kept().size(),
                        res.dropped().size());
                    break;
                }
                case "mrmr": {
                    int k = (int) step.argument();
                    Mrmr.Result res = new Mrmr(Mrmr.Options.of(scheme)).select(current, k);
                    current = current.columns(res.selected());
                    o.printf(Locale.ROOT, "mrmr %s k=%d: kept %d, dropped %d%n", scheme.name().toLowerCase(Locale.ROOT),
                        k, current.cols(), before - current.cols());
                    if (res.picks().size() < k) {
                        o.printf(Locale.ROOT, "  only %d features have a positive relevance%n", res.picks().size());
                    }
                    o.printf("  %4s  %-40s %14s %12s %14s%n", "rank", "feature", "relevance", "redundancy", "score");
                    for (Mrmr.Pick p : res.picks()) {
                        o.printf(Locale.ROOT, "  %4d  %-40s %14.6g %12s %14.6g%n", p.rank(), p.feature(), p.relevance(),
                            Double.isNaN(p.redundancy()) ? "-" : String.format(Locale.ROOT, "%.6f", p.redundancy()),
                            p.score());
                    }
                    break;
                }
                default:
                    throw new IllegalStateException("unhandled step " + step.name());
            }
            if (current.cols() == 0) {
                o.printf("no features left after step '%s'%n", step.name());
            }
        }
        FeatureTableCsv.write(out, raw, current);
        o.printf("wrote %s: %d cases, %d features%n", out, current.rows(), current.cols());
        o.flush();
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Parses {@code scale,ccc[:T],wrs:ALPHA,mrmr:K}; with a second reader and no ccc step, a ccc
     * step is put first.
     */
    static List<Step> parseSteps(String text, boolean haveReader2, double defaultCcc) {
        List<Step> plan = new ArrayList<>();
        boolean ccc = false;
        for (String raw : text.split(",")) {
            String s = raw.trim();
            if (s.isEmpty()) {
                continue;
            }
            String name = s;
            String arg = null;
            int colon = s.indexOf(':');
            if (colon >= 0) {
                name = s.substring(0, colon).trim();
                arg = s.substring(colon + 1).trim();
            }
            name = name.toLowerCase(Locale.ROOT);
            switch (name) {
                case "scale":
                    if (arg != null) {
                        throw new IllegalArgumentException("step 'scale' takes no argument (got '" + s + "')");
                    }
                    plan.add(new Step("scale", 0));
                    break;
                case "ccc": {
                    if (!haveReader2) {
                        throw new IllegalArgumentException("step 'ccc' needs --reader2 (the second reader's feature table)");
                    }
                    double t = arg == null ? defaultCcc : number(s, arg);
                    if (!(t >= -1 && t <= 1)) {
                        throw new IllegalArgumentException("step '" + s + "': the CCC threshold must be in [-1, 1]");
                    }
                    plan.add(new Step("ccc", t));
                    ccc = true;
                    break;
                }
                case "wrs": {
                    if (arg == null) {
                        throw new IllegalArgumentException("step 'wrs' needs a P threshold, e.g. wrs:0.1");
                    }
                    double a = number(s, arg);
                    if (!(a > 0 && a <= 1)) {
                        throw new IllegalArgumentException("step '" + s + "': the P threshold must be in (0, 1]");
                    }
                    plan.add(new Step("wrs", a));
                    break;
                }
                case "mrmr": {
                    if (arg == null) {
                        throw new IllegalArgumentException("step 'mrmr' needs the number of features, e.g. mrmr:20");
                    }
                    int k;
                    try {
                        k = Integer.parseInt(arg);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("step '" + s + "': '" + arg + "' is not a whole number");
                    }
                    if (k < 1) {
                        throw new IllegalArgumentException("step '" + s + "': K must be >= 1");
                    }
                    plan.add(new Step("mrmr", k));
                    break;
                }
                default:
                    throw new IllegalArgumentException("unknown step '" + s + "' (steps: scale, ccc[:T], wrs:ALPHA, mrmr:K)");
            }
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("--steps names no step");
        }
        if (haveReader2 && !ccc) {
            plan.add(0, new Step("ccc", defaultCcc));
        }
        return plan;
    }

    private static double number(String step, String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("step '" + step + "': '" + arg + "' is not a number");
        }
    }
}
