package org.radtab.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * Writes every feature of the benchmark cases, one {@code case<TAB>name<TAB>value<TAB>bits} line
 * each ({@code bits} = {@link Double#doubleToLongBits} in hex), so that two builds can be
 * compared bit for bit ({@code diff}) or within a tolerance ({@code FeatureDump compare}) after a
 * refactoring or an optimisation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.FeatureDump dump out.tsv
 * java -cp benchmarks/target/benchmarks.jar org.radtab.benchmarks.FeatureDump compare a.tsv b.tsv
 * </pre>
 */
public final class FeatureDump {
    private FeatureDump() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("dump")) {
            dump(Paths.get(args[1]));
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.exit(compare(Paths.get(args[1]), Paths.get(args[2])));
        } else {
            System.err.println("usage: FeatureDump dump OUT.tsv | FeatureDump compare A.tsv B.tsv");
            System.exit(2);
        }
    }

    private static void dump(Path out) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (int p = 0; p < 3; p++) {
                VertebraPhantom.Rendered v = BenchmarkInputs.vertebra(p);
                FeatureVector f = new FeatureExtractor(RadiomicsSettings.paperRbp()).extract(v.ct(), v.reader1(),
                    OutputCast.INT16);
                write(w, "vertebra" + p, f.asMap());
                writeDiagnostics(w, "vertebra" + p, f);
            }
            BenchmarkInputs.Case brain = BenchmarkInputs.brain1();
            FeatureVector b = new FeatureExtractor(RadiomicsSettings.pyradiomicsDefaults())
                .extract(brain.image(), brain.mask(), brain.cast());
            write(w, "brain1-defaults", b.asMap());
            writeDiagnostics(w, "brain1-defaults", b);
            write(w, "brain1-paper", new FeatureExtractor(RadiomicsSettings.paperRbp())
                .extract(brain.image(), brain.mask(), brain.cast()).asMap());
            BenchmarkInputs.Case ct = BenchmarkInputs.ctPhantom();
            for (char c = 'A'; c <= 'E'; c++) {
                write(w, "ct-" + c, new IbsiExtractor(IbsiExtractor.Config.ctPhantom(c)).extract(ct.image(), ct.mask()));
            }
            write(w, "ct-paper", new FeatureExtractor(RadiomicsSettings.paperRbp())
                .extract(ct.image(), ct.mask(), ct.cast()).asMap());
        }
    }

    private static void write(PrintWriter w, String name, Map<String, Double> values) {
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double d = e.getValue();
            w.println(name + "\t" + e.getKey() + "\t" + d + "\t" + Long.toHexString(Double.doubleToLongBits(d)));
        }
    }

    /** Diagnostics (strings) as {@code case<TAB>name<TAB>diag<TAB>value}, compared as text. */
    private static void writeDiagnostics(PrintWriter w, String name, FeatureVector f) {
        for (Map.Entry<String, String> e : f.diagnostics().entrySet()) {
            if (!e.getKey().startsWith("diagnostics_Versions") && !e.getKey().startsWith("diagnostics_Configuration")) {
                w.println(name + "\t" + e.getKey() + "\tdiag\t" + e.getValue());
            }
        }
    }

    /** Number of differing lines; prints each difference with its relative size. */
    private static int compare(Path a, Path b) throws IOException {
        java.util.List<String> la = Files.readAllLines(a);
        java.util.List<String> lb = Files.readAllLines(b);
        if (la.size() != lb.size()) {
            System.out.println("line counts differ: " + la.size() + " vs " + lb.size());
        }
        int diff = 0;
        double worst = 0;
        for (int n = 0; n < Math.min(la.size(), lb.size()); n++) {
            String[] x = la.get(n).split("\t");
            String[] y = lb.get(n).split("\t");
            if (!x[0].equals(y[0]) || !x[1].equals(y[1])) {
                System.out.println("names differ at line " + (n + 1) + ": " + x[1] + " vs " + y[1]);
                diff++;
                continue;
            }
            if (!x[3].equals(y[3]) && x[2].equals("diag")) {
                System.out.println(x[0] + " " + x[1] + ": " + x[3] + " vs " + y[3]);
                diff++;
            } else if (!x[3].equals(y[3])) {
                double u = Double.parseDouble(x[2]);
                double v = Double.parseDouble(y[2]);
                double rel = Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v));
                worst = Double.isNaN(rel) ? worst : Math.max(worst, rel);
                System.out.println(x[0] + " " + x[1] + ": " + u + " vs " + v + " (rel " + rel + ")");
                diff++;
            }
        }
        System.out.println(diff + " of " + la.size() + " values differ; largest relative difference " + worst);
        return diff == 0 && la.size() == lb.size() ? 0 : 1;
    }
}
