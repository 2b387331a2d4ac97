package org.radtab.rbp.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.ml.metrics.ConfusionMatrix;
import org.radtab.radiomics.Version;
import org.radtab.selection.CccFilter;
import org.radtab.selection.Mrmr;
import org.radtab.selection.RankSumFilter;

/**
 * Writes a study's files: {@code table1.csv}, {@code table2.csv} (test-set metrics per model),
 * {@code table3.csv} (ablation), {@code clinical.csv}, {@code features.csv} (reader 1, all
 * patients, all extracted features), {@code features_reader2.csv}, {@code selection.csv} (every
 * feature's CCC, rank-sum P and the mRMR picks), {@code predictions.csv} (test rows, P(RBP) per
 * model), {@code models/} (each fitted model and its search report), {@code model/study-model.json}
 * (for {@code radtab predict}) and {@code run.json} (settings, seeds, versions, timings).
 */
public final class StudyOutputs {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StudyOutputs() {
    }

    static void write(RbpStudy.Result r, Path out) throws IOException {
        Files.writeString(out.resolve("table1.csv"), r.table1().toCsv(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("table1.txt"), r.table1().toText(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("table2.csv"), csv(table2(r)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("table3.csv"), csv(table3(r)), StandardCharsets.UTF_8);
        DatasetCsv.write(r.clinical(), out.resolve("clinical.csv"));
        DatasetCsv.write(r.radiomics(), out.resolve("features.csv"));
        if (r.radiomicsReader2() != null) {
            DatasetCsv.write(r.radiomicsReader2(), out.resolve("features_reader2.csv"));
        }
        Files.writeString(out.resolve("selection.csv"), csv(selection(r)), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("predictions.csv"), csv(predictions(r)), StandardCharsets.UTF_8);
        String deployed = r.fitted().containsKey("tabnet") ? "tabnet" : bestByCv(r);
        new StudyModel("paper-rbp", r.clinicalPredictors(), r.modelColumns(), r.radiomicsScaler(), r.clinicalScaler(),
            r.fitted().get(deployed)).save(out.resolve("model/study-model.json"));
    }

    static String bestByCv(RbpStudy.Result r) {
        String best = null;
        for (ModelResult m : r.models().values()) {
            if (best == null || m.cvAuroc() > r.models().get(best).cvAuroc()) {
                best = m.model();
            }
        }
        return best;
    }

    static void writeRunInfo(RbpStudy.Result r, Path out) throws IOException {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("radtab", Version.VERSION);
        doc.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        doc.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        doc.put("data", r.dataDescription());
        doc.set("config", MAPPER.valueToTree(r.config()));
        doc.set("timingsSeconds", MAPPER.valueToTree(r.timings()));
        doc.put("totalSeconds", r.timings().values().stream().mapToDouble(Double::doubleValue).sum());
        doc.set("clinicalPredictors", MAPPER.valueToTree(r.clinicalPredictors()));
        doc.set("modelColumns", MAPPER.valueToTree(r.modelColumns()));
        ObjectNode params = doc.putObject("chosenParameters");
        for (ModelResult m : r.models().values()) {
            params.set(m.model(), MAPPER.valueToTree(m.params()));
        }
        MAPPER.writeValue(out.resolve("run.json").toFile(), doc);
    }

    /** Table 2: test-set metrics at threshold 0.5, AUROC with DeLong 95% CI, Brier, CV AUROC. */
    static List<List<String>> table2(RbpStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("model", "accuracy", "precision", "recall", "F1", "kappa", "AUROC", "AUROC 95% CI", "Brier",
            "CV AUROC"));
        for (ModelResult m : r.models().values()) {
            ConfusionMatrix c = m.confusion();
            rows.add(List.of(m.model(), f(c.accuracy()), f(c.precision()), f(c.recall()), f(c.f1()), f(c.kappa()),
                f(m.auroc().estimate()), f(m.auroc().lower()) + "-" + f(m.auroc().upper()), f(m.brier()),
                f(m.cvAuroc())));
        }
        return rows;
    }

    /** Table 3: the TabNet ablation, confusion counts and metrics per setting. */
    static List<List<String>> table3(RbpStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("setting", "TP", "TN", "FP", "FN", "accuracy", "precision", "recall", "F1", "kappa", "AUROC"));
        for (Map.Entry<String, ModelResult> e : r.ablation().entrySet()) {
            ConfusionMatrix c = e.getValue().confusion();
            rows.add(List.of(e.getKey(), Integer.toString(c.tp()), Integer.toString(c.tn()), Integer.toString(c.fp()),
                Integer.toString(c.fn()), f(c.accuracy()), f(c.precision()), f(c.recall()), f(c.f1()), f(c.kappa()),
                f(e.getValue().auroc().estimate())));
        }
        return rows;
    }

    static List<List<String>> selection(RbpStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("stage", "feature", "value", "kept"));
        if (r.ccc() != null) {
            for (CccFilter.FeatureAgreement a : r.ccc().features()) {
                rows.add(List.of("ccc", a.feature(), f(a.ccc().ccc()), Boolean.toString(a.kept())));
            }
        }
        for (RankSumFilter.FeatureTest t : r.wilcoxon().features()) {
            rows.add(List.of("wilcoxon_p", t.feature(), String.format(Locale.ROOT, "%.4g", t.result().p()),
                Boolean.toString(t.kept())));
        }
        for (Mrmr.Pick p : r.mrmr().picks()) {
            rows.add(List.of("mrmr_rank_" + p.rank(), p.feature(), String.format(Locale.ROOT, "%.4g", p.score()), "true"));
        }
        return rows;
    }

    /** One row per model input (training-set column order): kind, mRMR rank and score for radiomics features. */
    static List<List<String>> modelInputs(RbpStudy.Result r) {
        java.util.Map<String, Mrmr.Pick> picks = new java.util.HashMap<>();
        for (Mrmr.Pick p : r.mrmr().picks()) {
            picks.put(p.feature(), p);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("#", "feature", "kind", "mRMR rank", "mRMR score"));
        List<String> names = r.train().columnNames();
        for (int i = 0; i < names.size(); i++) {
            Mrmr.Pick p = picks.get(names.get(i));
            rows.add(List.of(Integer.toString(i + 1), names.get(i), p == null ? "clinical" : "radiomics",
                p == null ? "" : Integer.toString(p.rank()), p == null ? "" : String.format(Locale.ROOT, "%.4g", p.score())));
        }
        return rows;
    }

    static List<List<String>> predictions(RbpStudy.Result r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("id", "RBP"));
        for (String m : r.models().keySet()) {
            header.add("p_" + m);
        }
        rows.add(header);
        Dataset test = r.test();
        for (int i = 0; i < test.rows(); i++) {
            List<String> row = new ArrayList<>(List.of(test.id(i), Integer.toString(test.label(i))));
            for (ModelResult m : r.models().values()) {
                row.add(Double.toString(m.probability()[i]));
            }
            rows.add(row);
        }
        return rows;
    }

    static String f(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String csv(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                    sb.append('"').append(c.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(c);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
