package org.radtab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radtab.rbp.study.ModelResult;
import org.radtab.rbp.study.RbpStudy;
import org.radtab.rbp.study.StudyConfig;
import org.radtab.rbp.study.StudyListener;
import org.radtab.rbp.study.CohortCsvData;
import org.radtab.rbp.study.FeatureTableData;
import org.radtab.rbp.study.StudyData;
import org.radtab.rbp.study.StudyInputException;
import org.radtab.rbp.study.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radtab study}: the reference study end to end on the built-in synthetic cohort. */
@Command(name = "study", mixinStandardHelpOptions = true,
    description = {"Runs the residual-back-pain reference study (Ge et al. 2025) end to end, on the built-in synthetic "
        + "cohort or on real data (--cohort, or --features with --clinical): Table 1, 1223-feature extraction of two readers, scaling, CCC, Wilcoxon, mRMR, ADASYN+Tomek, "
        + "LR/RF/SVM/XGBoost/TabNet with randomized search, test-set evaluation, TabNet importance and ablation, "
        + "and an HTML report.", "Outputs go to --out (default radtab-output/study)."})
public final class StudyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})",
        defaultValue = "radtab-output/study")
    Path out;

    @Option(names = "--quick", description = "a first look in about a minute: 240 patients, 10 search iterations, 3 folds")
    boolean quick;

    @Option(names = "--seed", paramLabel = "N", description = "master seed (default: ${DEFAULT-VALUE})", defaultValue = "2025")
    long seed;

    @Option(names = {"--threads", "-j"}, paramLabel = "N", description = "worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--search", paramLabel = "N", description = "randomized-search iterations per model (default: 100, quick: 10)")
    Integer iterations;

    @Option(names = "--cv", paramLabel = "K", description = "cross-validation folds (default: 5, quick: 3)")
    Integer folds;

    @Option(names = "--cohort", paramLabel = "CSV", description = {"real patients: one row per patient with id, image, mask "
        + "[, mask_reader2], the Table-1 clinical columns and RBP (0/1); features are extracted with paper-rbp.yaml"})
    Path cohort;

    @Option(names = "--features", paramLabel = "CSV", description = "real data, extraction skipped: a feature table "
        + "(e.g. PyRadiomics batch output) joined to --clinical by --id")
    Path features;

    @Option(names = "--features-reader2", paramLabel = "CSV", description = "the second reader's feature table (for the CCC step)")
    Path features2;

    @Option(names = "--clinical", paramLabel = "CSV", description = "with --features: id, the Table-1 clinical columns and RBP")
    Path clinical;

    @Option(names = "--id", paramLabel = "COLUMN", defaultValue = "id", description = "case-id column of the CSV inputs "
        + "(default: ${DEFAULT-VALUE})")
    String idColumn;

    @Option(names = "--models", paramLabel = "LIST", split = ",",
        description = "models to train, in report order (default: lr,rf,svm,xgboost,tabnet)")
    List<String> models;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            spec.commandLine().getErr().println("radtab study: --threads must be >= 1");
            return ExitCodes.USAGE;
        }
        StudyConfig config = quick ? StudyConfig.quick(seed, t) : StudyConfig.paper(seed, t);
        if (iterations != null || folds != null) {
            config = config.withSearch(iterations != null ? iterations : config.searchIterations(),
                folds != null ? folds : config.folds());
        }
        if (models != null) {
            config = config.withModels(models);
        }
        StudyData data;
        try {
            if (cohort != null && features != null) {
                throw new StudyInputException("give --cohort or --features, not both");
            }
            if (features != null || clinical != null || features2 != null) {
                if (features == null || clinical == null) {
                    throw new StudyInputException("--features needs --clinical (and --clinical needs --features)");
                }
                data = new FeatureTableData(features, clinical, features2, idColumn);
            } else if (cohort != null) {
                data = new CohortCsvData(cohort, idColumn, t);
            } else {
                data = new SyntheticData(config);
            }
            if (!(data instanceof SyntheticData)) {
                config = config.forData(data.clinical().rows(), data.clinical().classCounts()[1]);
            }
        } catch (StudyInputException e) {
            spec.commandLine().getErr().println("radtab study: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        long start = System.nanoTime();
        o.printf(Locale.ROOT, "RadTab reference study on the %s; %d x %d-fold search, %d threads, seed %d%n",
            data.description(), config.searchIterations(), config.folds(), t, seed);
        o.flush();
        RbpStudy.Result r;
        try {
            r = run(config, data, o, start);
        } catch (StudyInputException e) {
            spec.commandLine().getErr().println("radtab study: " + e.getMessage());
            return ExitCodes.INPUT_ERROR;
        }
        o.println();
        o.println("Test set (" + r.test().rows() + " patients):");
        o.printf(Locale.ROOT, "  %-8s %7s %15s %7s %7s %7s %7s %7s%n", "model", "AUROC", "95% CI", "Brier", "acc",
            "recall", "F1", "kappa");
        for (ModelResult m : r.models().values()) {
            o.printf(Locale.ROOT, "  %-8s %7.3f %7.3f-%.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", m.model(),
                m.auroc().estimate(), m.auroc().lower(), m.auroc().upper(), m.brier(), m.confusion().accuracy(),
                m.confusion().recall(), m.confusion().f1(), m.confusion().kappa());
        }
        o.printf(Locale.ROOT, "%nDone in %.1f s. Report: %s%n", elapsed(start), out.resolve("report.html"));
        return ExitCodes.OK;
    }

    private RbpStudy.Result run(StudyConfig config, StudyData data, PrintWriter o, long start) throws Exception {
        boolean terminal = System.console() != null;
        return new RbpStudy(config, data, new StudyListener() {
            private int lastPercent = -1;

            @Override
            public synchronized void stage(String name) {
                o.printf(Locale.ROOT, "%s[%6.1f s] %s%n", terminal && lastPercent >= 0 ? "\n" : "", elapsed(start), name);
                lastPercent = -1;
                o.flush();
            }

            @Override
            public synchronized void progress(String stage, int done, int total) {
                int percent = 100 * done / total;
                if (terminal) {
                    if (percent != lastPercent) {
                        o.printf(Locale.ROOT, "\r    %s %d/%d (%d%%)", stage, done, total, percent);
                        o.flush();
                    }
                } else if (percent / 25 != lastPercent / 25 || done == total) {
                    o.printf(Locale.ROOT, "    %s %d/%d%n", stage, done, total);
                    o.flush();
                }
                lastPercent = percent;
            }

            @Override
            public synchronized void message(String text) {
                o.println((terminal && lastPercent >= 0 ? "\n" : "") + "    " + text);
                lastPercent = -1;
                o.flush();
            }
        }).run(out);
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
