package org.radtab.rbp.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.radtab.ml.Dataset;
import org.radtab.ml.metrics.Calibration;
import org.radtab.ml.metrics.ConfusionMatrix;
import org.radtab.ml.metrics.DecisionCurve;
import org.radtab.ml.metrics.RocCurve;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.radiomics.Version;
import org.radtab.rbp.report.Charts;
import org.radtab.rbp.report.HtmlReport;
import org.radtab.selection.Correlation;
import org.radtab.selection.Pca;
import org.radtab.selection.Table1;

/**
 * The study's self-contained HTML report: Table 1, the feature-selection funnel, Table 2 with
 * ROC, calibration and decision curves and confusion matrices, the feature correlation heatmap and
 * PCA variance, TabNet's top-10 importance, the ablation (Table 3), and the run's settings,
 * seeds, versions and timings. All figures are inline SVG (no scripts, no network).
 */
public final class StudyReport {
    private StudyReport() {
    }

    static void write(RbpStudy.Result r, Path file) throws IOException {
        HtmlReport h = new HtmlReport("RadTab reference study: residual back pain after vertebral augmentation");
        StudyConfig c = r.config();
        h.paragraph(String.format(Locale.ROOT, "Data: %s. Seed %d. "
                + "Protocol of Ge et al. (Int J Med Sci 2025): PyRadiomics-style extraction (1 mm B-spline, "
                + "normalise x100, outliers 3 sd, bin width 25; Original, LoG 1/3/5 mm, 8 wavelet bands, gradient), "
                + "adaptive scaling, CCC >= %.2f between two readers, Wilcoxon P < %.2f, mRMR %d, stratified %.0f:%.0f "
                + "split, ADASYN then Tomek links inside the training folds, %d-iteration randomized search with "
                + "%d-fold CV on AUROC for each model.", r.dataDescription(), c.seed(), c.cccThreshold(),
            c.wilcoxonAlpha(), c.mrmrFeatures(), 100 * (1 - c.testFraction()), 100 * c.testFraction(),
            c.searchIterations(), c.folds()));

        h.heading(2, "Table 1. Clinical characteristics");
        List<List<String>> t1 = new ArrayList<>();
        t1.add(r.table1().header());
        for (Table1.Row row : r.table1().rows()) {
            List<String> line = new ArrayList<>();
            boolean levelRow = row.level() != null && !row.level().isEmpty();
            line.add(levelRow ? "" : ClinicalTable.LABELS.getOrDefault(row.variable(), row.variable()));
            line.add(row.level() == null ? "" : row.level());
            line.addAll(row.cells());
            line.add(row.test() == null ? "" : row.test());
            line.add(row.p().isPresent() ? Table1.formatP(row.p().getAsDouble()) : "");
            t1.add(line);
        }
        h.table("Median (IQR) or n (%) per group; Mann-Whitney U, chi-square or Fisher exact test (whole cohort)", t1);
        h.paragraph("Clinical predictors at P < " + c.clinicalAlpha() + " on the training rows: "
            + (r.clinicalPredictors().isEmpty() ? "none" : String.join(", ", r.clinicalPredictors())) + ".");

        h.heading(2, "Feature selection");
        h.table(null, List.of(List.of("step", "features"),
            List.of("extracted per case", Integer.toString(r.radiomics().cols())),
            List.of("after adaptive scaling (constant columns dropped)", Integer.toString(r.radiomicsScaler().keptNames().size())),
            r.ccc() == null ? List.of("CCC between two readers", "skipped (no second reader)")
                : List.of("CCC >= " + c.cccThreshold() + " (" + r.radiomicsReader2().rows() + " cases, two readers)",
                    Integer.toString(r.ccc().kept().size())),
            List.of("Wilcoxon rank-sum P < " + c.wilcoxonAlpha() + " (training rows)", Integer.toString(r.wilcoxon().kept().size())),
            List.of("mRMR (FCQ)", Integer.toString(r.mrmr().picks().size())),
            List.of("model inputs (clinical + radiomics)", Integer.toString(r.modelColumns().size()))));

        h.heading(2, "Table 2. Test-set performance");
        h.table("Threshold 0.5; AUROC with DeLong 95% CI; CV AUROC = mean over the folds of the chosen configuration",
            StudyOutputs.table2(r));
        int[] y = r.test().labels();
        List<Charts.Series> roc = new ArrayList<>();
        List<Charts.Series> cal = new ArrayList<>();
        List<Charts.Series> dca = new ArrayList<>();
        for (ModelResult m : r.models().values()) {
            RocCurve rc = RocCurve.of(y, m.probability());
            roc.add(new Charts.Series(String.format(Locale.ROOT, "%s (AUROC %.3f)", m.model(), rc.auc()), rc.fpr(),
                rc.tpr()));
            List<Calibration.Bin> bins = Calibration.curve(y, m.probability(), 10, Calibration.Binning.QUANTILE);
            double[] cx = new double[bins.size()];
            double[] cy = new double[bins.size()];
            for (int i = 0; i < cx.length; i++) {
                cx[i] = bins.get(i).meanPredicted();
                cy[i] = bins.get(i).observedFraction();
            }
            cal.add(new Charts.Series(String.format(Locale.ROOT, "%s (Brier %.3f)", m.model(), m.brier()), cx, cy));
            List<DecisionCurve.Point> pts = DecisionCurve.of(y, m.probability(), 0.01, 0.60, 0.01);
            double[] dx = new double[pts.size()];
            double[] dy = new double[pts.size()];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = pts.get(i).threshold();
                dy[i] = pts.get(i).model();
            }
            dca.add(new Charts.Series(m.model(), dx, dy));
        }
        if (!r.models().isEmpty()) {
            List<DecisionCurve.Point> pts = DecisionCurve.of(y, r.models().values().iterator().next().probability(),
                0.01, 0.60, 0.01);
            double[] dx = new double[pts.size()];
            double[] all = new double[pts.size()];
            double[] none = new double[pts.size()];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = pts.get(i).threshold();
                all[i] = pts.get(i).treatAll();
                none[i] = pts.get(i).treatNone();
            }
            dca.add(new Charts.Series("treat all", dx, all, true));
            dca.add(new Charts.Series("treat none", dx, none, true));
        }
        h.figure("ROC curves on the test set.", List.of(Charts.lineChart("ROC curves (test set)", "1 - specificity",
            "sensitivity", roc, new double[] {0, 1}, new double[] {0, 1}, true)));
        h.figure("Calibration curves (10 quantile bins) and decision curves (net benefit) on the test set.", List.of(
            Charts.lineChart("Calibration", "mean predicted probability", "observed fraction", cal,
                new double[] {0, 1}, new double[] {0, 1}, true),
            Charts.lineChart("Decision curves", "threshold probability", "net benefit", dca,
                new double[] {0, 0.6}, new double[] {-0.05, 0.15}, false)));
        List<String> cms = new ArrayList<>();
        for (ModelResult m : r.models().values()) {
            ConfusionMatrix cm = m.confusion();
            cms.add(Charts.confusionMatrix(m.model(), cm.tn(), cm.fp(), cm.fn(), cm.tp()));
        }
        h.figure("Confusion matrices on the test set at threshold 0.5.", cms);

        h.heading(2, "Selected features");
        Dataset sel = r.train();
        h.table("Model inputs: the clinical predictors with Wilcoxon P < 0.1 and the radiomics features "
            + "chosen by mRMR (rank and score).", StudyOutputs.modelInputs(r));
        Correlation.Matrix corr = Correlation.pearson(sel);
        Pca pca = Pca.fit(sel, true);
        h.figure("Pearson correlation of the model inputs (training rows) and PCA explained variance.", List.of(
            Charts.heatmap("Feature correlation", corr.names(), corr.values()),
            Charts.scree("PCA explained variance", pca.explainedVarianceRatio())));

        if (r.fitted().containsKey("tabnet") && !r.tabnetTop().isEmpty()) {
            h.heading(2, "TabNet feature importance");
            ProbabilisticClassifier tabnet = r.fitted().get("tabnet");
            double[] imp = tabnet.featureImportance().orElseThrow();
            double[] topValues = new double[r.tabnetTop().size()];
            for (int i = 0; i < topValues.length; i++) {
                topValues[i] = imp[tabnet.featureNames().indexOf(r.tabnetTop().get(i))];
            }
            h.figure("TabNet global feature importance (top 10, share of the total).", List.of(
                Charts.barChart("TabNet top-10 feature importance", "importance", r.tabnetTop(), topValues)));
            h.heading(2, "Table 3. Ablation (TabNet re-trained with its chosen parameters)");
            h.table(null, StudyOutputs.table3(r));
        }

        h.heading(2, "Run");
        List<List<String>> timing = new ArrayList<>();
        timing.add(List.of("stage", "seconds"));
        double total = 0;
        for (Map.Entry<String, Double> e : r.timings().entrySet()) {
            timing.add(List.of(e.getKey(), String.format(Locale.ROOT, "%.1f", e.getValue())));
            total += e.getValue();
        }
        timing.add(List.of("total", String.format(Locale.ROOT, "%.1f", total)));
        h.table("Time per stage", timing);
        StringBuilder params = new StringBuilder();
        for (ModelResult m : r.models().values()) {
            params.append(m.model()).append(": ").append(m.params()).append('\n');
        }
        h.pre("RadTab " + Version.VERSION + ", Java " + System.getProperty("java.version") + ", "
            + Runtime.getRuntime().availableProcessors() + " processors\n" + c + "\n\nChosen parameters:\n" + params);
        h.write(file);
    }
}
