package org.radtab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.RadiomicsSettingsException;
import org.radtab.radiomics.batch.BatchExtractor;
import org.radtab.radiomics.batch.BatchSummary;
import org.radtab.radiomics.batch.CaseList;
import org.radtab.radiomics.batch.CaseResult;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.preprocess.InvalidRoiException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code radtab extract}: PyRadiomics-compatible feature extraction for one case or a batch.
 *
 * <ul>
 *   <li>{@code radtab extract --params params.yaml --csv cases.csv --out features.csv [--threads N] [--resume]}:
 *       a PyRadiomics batch CSV ({@code Image,Mask}, optional {@code Label}, other columns copied through) to one
 *       feature table in PyRadiomics' batch layout, rows in input order (see
 *       {@link org.radtab.radiomics.batch}); failed cases become rows with the reason in {@code diagnostics_Error}.</li>
 *   <li>{@code radtab extract IMAGE MASK [--params ...] [--out file.csv]}: one case; prints {@code name,value}
 *       lines, or writes a one-row CSV in the batch layout.</li>
 * </ul>
 * {@code --params} takes a PyRadiomics parameter file or a built-in configuration name
 * ({@code paper-rbp}, {@code pyradiomics-defaults}; default {@code pyradiomics-defaults}).
 * Progress: a bar with ETA on a terminal, one line per case otherwise (both on stderr).
 * Exit codes: 0 all cases succeeded, 1 some failed (their number is printed), 2 usage,
 * 3 input error (missing case list or image, bad parameter file with the key named).
 */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Extract radiomics features (PyRadiomics semantics and names) for one case or a batch.",
        "  radtab extract --params params.yaml --csv cases.csv --out features.csv",
        "                 [--threads N] [--resume]",
        "  radtab extract IMAGE MASK [--params params.yaml] [--out features.csv]",
        "cases.csv: PyRadiomics batch file with columns Image,Mask (paths relative to the CSV's folder), optional "
            + "Label (overrides the label setting for that row); other columns are copied to the output.",
        "Output: input columns, diagnostics_Error (empty unless the case failed), diagnostics_*, then the features in "
            + "extraction order; one row per case in input order.",
        "Exits with 1 when some cases failed (their rows hold the reason), 3 for an unusable input."})
public final class ExtractCommand implements Callable<Integer> {

    /** Built-in configurations accepted by {@code --params}. */
    static final List<String> BUILT_IN = List.of("paper-rbp", "pyradiomics-defaults");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "IMAGE MASK", description = "one case: image and mask files "
        + "(.nii, .nii.gz, .nrrd, .seg.nrrd; IMAGE may be a DICOM folder)")
    List<Path> files = List.of();

    @Option(names = {"-p", "--params"}, paramLabel = "FILE|NAME", description = "PyRadiomics parameter file (.yaml, "
        + ".json) or a built-in configuration: paper-rbp (the RBP study, 1223 features), pyradiomics-defaults "
        + "(default)")
    String params;

    @Option(names = "--csv", paramLabel = "CASES", description = "batch mode: PyRadiomics batch CSV")
    Path csv;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "output CSV (required with --csv; "
        + "overwritten unless --resume)")
    Path out;

    @Option(names = {"-j", "--threads"}, paramLabel = "N", description = "cases extracted in parallel, one per "
        + "thread; for a single case, its derived images in parallel (default: all cores)")
    Integer threads;

    @Option(names = "--resume", description = "skip cases that already have a successful row in --out (same Image, "
        + "Mask and Label), retry failed ones, and rewrite --out in input order")
    boolean resume;

    @Option(names = {"-l", "--label"}, paramLabel = "N", description = "label value of the ROI (overrides the "
        + "parameter file's label setting; a Label column in the CSV wins for its row)")
    Integer label;

    @Option(names = "--diagnostics", description = "one case without --out: also print the diagnostics")
    boolean diagnostics;

    @Override
    public Integer call() throws Exception {
        validate();
        RadiomicsSettings settings;
        try {
            settings = loadParams(params);
            if (label != null) {
                settings = settings.with(Map.of("label", label));
            }
            new FeatureExtractor(settings);
        } catch (RadiomicsSettingsException e) {
            return inputError(e.getMessage());
        } catch (NoSuchFileException e) {
            return inputError(e.getMessage());
        }
        if (csv != null) {
            return batch(settings, CaseList.read(csv));
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                return inputError(f + ": file not found");
            }
        }
        if (out != null) {
            return batch(settings, CaseList.single(files.get(0), files.get(1), null));
        }
        return single(settings);
    }

    private void validate() {
        CommandLine cl = spec.commandLine();
        if (csv != null && !files.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "give either --csv CASES or IMAGE MASK, not both");
        }
        if (csv == null && files.size() != 2) {
            throw new CommandLine.ParameterException(cl, files.isEmpty()
                ? "give IMAGE MASK for one case or --csv CASES --out FILE for a batch" : "MASK is missing");
        }
        if (csv != null && out == null) {
            throw new CommandLine.ParameterException(cl, "--out FILE is required with --csv");
        }
        if (resume && out == null) {
            throw new CommandLine.ParameterException(cl, "--resume needs --out FILE");
        }
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads must be >= 1, was " + threads);
        }
        if (diagnostics && out != null) {
            throw new CommandLine.ParameterException(cl, "--diagnostics only applies to printed output (the CSV "
                + "always has the diagnostics columns)");
        }
    }

    /** A parameter file, or a built-in configuration by name. */
    static RadiomicsSettings loadParams(String p) throws IOException {
        if (p == null) {
            return RadiomicsSettings.pyradiomicsDefaults();
        }
        Path f = Path.of(p);
        if (Files.isRegularFile(f)) {
            return RadiomicsSettings.fromYaml(f);
        }
        String name = p.endsWith(".yaml") ? p.substring(0, p.length() - 5) : p;
        if (name.equals("paper-rbp")) {
            return RadiomicsSettings.paperRbp();
        }
        if (name.equals("pyradiomics-defaults")) {
            return RadiomicsSettings.pyradiomicsDefaults();
        }
        throw new NoSuchFileException("parameter file " + p + " not found (built-in configurations: "
            + String.join(", ", BUILT_IN) + ")");
    }

    private int batch(RadiomicsSettings settings, CaseList cases) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        ExtractProgress progress = new ExtractProgress(err, terminal);
        BatchExtractor x = new BatchExtractor(settings).withResume(resume).withListener(progress);
        if (threads != null) {
            x = x.withThreads(threads);
        }
        BatchSummary s = x.run(cases, out);
        stdout.println("radtab extract: " + s.extracted() + " extracted, " + s.failed() + " failed, "
            + (resume ? s.skipped() + " already done (resume), " : "") + "of " + s.total()
            + (s.total() == 1 ? " case" : " cases") + " in " + String.format(Locale.ROOT, "%.2f s",
            s.elapsed().toNanos() / 1e9) + " (" + String.format(Locale.ROOT, "%.2f s",
            s.elapsed().toNanos() / 1e9 / Math.max(1, s.extracted() + s.failed())) + " per case) with " + s.threads()
            + (s.threads() == 1 ? " thread" : " threads") + "; " + s.featureCount() + " features -> " + out);
        stdout.flush();
        if (s.failed() > 0) {
            err.println("radtab extract: " + s.failed() + " of " + s.total() + (s.total() == 1 ? " case" : " cases")
                + " failed (the reason is in column " + BatchExtractor.ERROR_COLUMN + " of " + out + "):");
            int shown = 0;
            for (CaseResult r : s.failures()) {
                if (shown++ == 20) {
                    err.println("  ... and " + (s.failed() - 20) + " more");
                    break;
                }
                err.println("  " + r.batchCase().describe() + ": " + r.error());
            }
            err.flush();
            return ExitCodes.CHECK_FAILED;
        }
        return ExitCodes.OK;
    }

    private int single(RadiomicsSettings settings) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        FeatureVector v;
        try {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            v = new FeatureExtractor(settings).withThreads(n).extract(files.get(0), files.get(1));
        } catch (InvalidRoiException | GeometryMismatchException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("radtab extract: " + files.get(0) + " / " + files.get(1) + ": "
                + (e instanceof InvalidRoiException ? "invalid ROI: " : "image/mask grid mismatch: ") + e.getMessage());
            err.flush();
            return ExitCodes.CHECK_FAILED;
        }
        if (diagnostics) {
            for (Map.Entry<String, String> d : v.diagnostics().entrySet()) {
                stdout.println(d.getKey() + "," + csvField(d.getValue()));
            }
        }
        for (int i = 0; i < v.size(); i++) {
            stdout.println(v.name(i) + "," + BatchExtractor.formatValue(v.value(i)));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private int inputError(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("radtab extract: " + message);
        err.flush();
        return ExitCodes.INPUT_ERROR;
    }
}
