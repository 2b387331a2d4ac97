package org.radtab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.radtab.imbalance.Adasyn;
import org.radtab.ml.pipeline.Resampler;
import org.radtab.imbalance.ResamplingPipeline;
import org.radtab.imbalance.SamplingStrategy;
import org.radtab.imbalance.Smote;
import org.radtab.imbalance.TomekLinks;
import org.radtab.ml.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab resample}: class-imbalance resampling of a training table.
 *
 * <pre>
 * radtab resample --data train.csv --label COLUMN --method adasyn,tomek [--seed N] [--id COLUMN]
 *                 [--categorical col1,col2] --out balanced.csv
 * </pre>
 * Methods ({@code smote}, {@code adasyn}, {@code tomek}) run in the order given, each on the
 * previous output, with imbalanced-learn's defaults (k = 5, sampling strategy 'auto'; Tomek
 * removes the majority member of each link); step s gets the seed {@code N + s}. Declared
 * categorical columns are never interpolated (SMOTE-NC style majority vote). The class counts
 * before and after each step are printed. The output keeps the id (synthetic rows get ids such
 * as {@code adasyn-1}) and the label column. Resample training data only, never a test set.
 */
@Command(name = "resample", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Class-imbalance resampling of a training table (SMOTE, ADASYN, Tomek links), "
        + "in the order given by --method."})
public final class ResampleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training table (CSV with a header row).")
    Path data;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "Class column.")
    String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "Case id column (kept; synthetic rows get new ids).")
    String id;

    @Option(names = "--method", required = true, paramLabel = "METHODS",
        description = "Comma-separated resamplers, run in order: smote, adasyn, tomek (e.g. adasyn,tomek).")
    String methods;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMN",
        description = "Categorical (e.g. binary clinical) columns: voted, never interpolated.")
    List<String> categorical = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output CSV.")
    Path out;

    /**
     * Exit codes ({@link ExitCodes}): 0 success; 2 invalid options (unknown method); 3 an input
     * that cannot be read or resampled (missing file or column, non-numeric column, a class with
     * fewer than k + 1 samples, a single class, ...).
     */
    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> cat = new LinkedHashSet<>();
        for (String c : categorical) {
            if (!c.isBlank()) {
                cat.add(c.trim());
            }
        }
        List<Resampler> steps;
        try {
            steps = parseMethods(methods, cat);
        } catch (IllegalArgumentException e) {
            err.println("radtab resample: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        try {
            return run(o, steps, cat);
        } catch (IOException | IllegalArgumentException e) {
            err.println("radtab resample: " + e.getMessage());
            err.flush();
            return ExitCodes.INPUT_ERROR;
        }
    }

    private int run(PrintWriter o, List<Resampler> steps, Set<String> cat) throws IOException {
        Dataset d = FeatureTableCsv.read(data, label, id);
        for (String c : cat) {
            if (!d.hasColumn(c)) {
                throw new IllegalArgumentException("--categorical column '" + c + "' is not a feature column of " + data);
            }
        }
        List<String> classes = d.classNames();
        o.printf(Locale.ROOT, "%s: %d cases, %d features, classes %s%n", data.getFileName(), d.rows(), d.cols(),
            FeatureTableCsv.describeClasses(classes, d.classCounts()));
        List<ResamplingPipeline.StepReport> report = new ArrayList<>();
        Dataset result = new ResamplingPipeline(steps).run(d, seed, report);
        for (ResamplingPipeline.StepReport r : report) {
            o.printf("%s: %s -> %s%n", r.step(), FeatureTableCsv.describeClasses(classes, r.before()),
                FeatureTableCsv.describeClasses(classes, r.after()));
        }
        FeatureTableCsv.write(out, d, result);
        o.printf("wrote %s: %d cases%n", out, result.rows());
        o.flush();
        return ExitCodes.OK;
    }

    static List<Resampler> parseMethods(String text, Set<String> categorical) {
        List<Resampler> steps = new ArrayList<>();
        for (String raw : text.split(",")) {
            String m = raw.trim().toLowerCase(Locale.ROOT);
            if (m.isEmpty()) {
                continue;
            }
            switch (m) {
                case "smote":
                    steps.add(new Smote(5, SamplingStrategy.auto(), categorical, true));
                    break;
                case "adasyn":
                    steps.add(new Adasyn(5, SamplingStrategy.auto(), categorical, true));
                    break;
                case "tomek":
                    steps.add(new TomekLinks(TomekLinks.Removal.AUTO, true, categorical));
                    break;
                default:
                    throw new IllegalArgumentException("unknown resampling method '" + raw.trim()
                        + "' (methods: smote, adasyn, tomek)");
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("--method names no resampler");
        }
        return steps;
    }
}
