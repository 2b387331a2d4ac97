package org.radtab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.radtab.radiomics.conformance.ConformanceData;
import org.radtab.radiomics.conformance.ConformanceEngine;
import org.radtab.radiomics.conformance.ConformanceEngines;
import org.radtab.radiomics.conformance.ConformanceHarness;
import org.radtab.radiomics.conformance.ConformanceReport;
import org.radtab.radiomics.conformance.SuiteResult;
import org.radtab.radiomics.io.ImageFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code radtab conformance}: runs the IBSI 1, IBSI 2 and PyRadiomics conformance suites with
 * every engine found on the class path (see
 * {@link org.radtab.radiomics.conformance.ConformanceEngine}), prints pass / fail / missing /
 * skipped per suite and optionally writes the JSON report.
 */
@Command(name = "conformance", mixinStandardHelpOptions = true,
    description = {"Check RadTab against the IBSI 1, IBSI 2 and PyRadiomics reference values.",
        "pass/fail: compared within tolerance; missing: a reference value exists but RadTab computed none; "
            + "skipped: no consensus reference value.",
        "Exits with 1 when any value fails."})
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "conformance data folder (default: -D"
        + ConformanceData.PROPERTY + ", $RADTAB_CONFORMANCE_DIR, or ../shared/data)")
    Path data;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the report as JSON: "
        + "{\"suites\":[{\"suite\",\"pass\",\"fail\",\"missing\",\"skipped\",\"failures\":[{\"feature\",\"value\","
        + "\"reference\",\"tolerance\"}]}]}")
    Path json;

    @Option(names = "--suite", paramLabel = "GLOB", description = "run only suites matching GLOB (* and ?; repeatable "
        + "or comma-separated), e.g. 'ibsi1-*' or 'pyradiomics-brain1*'")
    List<String> suites = new ArrayList<>();

    @Option(names = "--families", description = "also print the counts per feature family within each suite")
    boolean families;

    @Option(names = "--list", description = "list the suites and exit")
    boolean list;

    /** The engine; tests replace it. */
    ConformanceEngine engine;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = data;
        if (dir == null) {
            Optional<Path> found = ConformanceData.locate();
            if (found.isEmpty()) {
                err.println("radtab conformance: conformance data not found; pass --data DIR or set -D"
                    + ConformanceData.PROPERTY + " / RADTAB_CONFORMANCE_DIR");
                return ExitCodes.INPUT_ERROR;
            }
            dir = found.get();
        } else if (!Files.isDirectory(dir.resolve("ibsi1")) && !Files.isDirectory(dir.resolve("ibsi2"))
            && !Files.isDirectory(dir.resolve("pyradiomics"))) {
            throw new ImageFormatException(dir, null, "not a conformance data folder (no ibsi1/, ibsi2/ or pyradiomics/)");
        }
        ConformanceEngine e = engine != null ? engine : ConformanceEngines.discover();
        ConformanceHarness harness = new ConformanceHarness(dir, e);
        Predicate<String> select = ConformanceHarness.glob(suites);
        if (list) {
            for (String s : harness.suiteNames()) {
                if (select.test(s)) {
                    out.println(s);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
        ConformanceReport report = harness.run(select);
        if (report.suites().isEmpty()) {
            err.println("radtab conformance: no suite matches " + suites);
            return ExitCodes.USAGE;
        }
        out.println("data:   " + dir);
        out.println("engine: " + e.name());
        out.println();
        String row = "%-36s %6s %6s %8s %8s%n";
        out.printf(row, "suite", "pass", "fail", "missing", "skipped");
        for (SuiteResult s : report.suites()) {
            out.printf(row, s.suite(), s.pass(), s.fail(), s.missing(), s.skipped());
            if (families) {
                for (Map.Entry<String, int[]> f : s.byFamily().entrySet()) {
                    int[] c = f.getValue();
                    out.printf(row, "  " + f.getKey(), c[0], c[1], c[2], c[3]);
                }
            }
        }
        out.printf(row, "TOTAL (" + report.suites().size() + " suites)", report.pass(), report.fail(), report.missing(),
            report.skipped());
        for (SuiteResult s : report.suites()) {
            if (s.error() != null) {
                out.println("error in " + s.suite() + ": " + s.error());
            }
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, report.toJson() + "\n", StandardCharsets.UTF_8);
            out.println("JSON report written to " + json);
        }
        out.flush();
        return report.fail() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }
}
