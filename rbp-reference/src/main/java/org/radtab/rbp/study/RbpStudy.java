package org.radtab.rbp.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.radtab.imbalance.Adasyn;
import org.radtab.imbalance.ResamplingPipeline;
import org.radtab.imbalance.TomekLinks;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.ml.metrics.Auroc;
import org.radtab.ml.metrics.Calibration;
import org.radtab.ml.metrics.ConfusionMatrix;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.ml.pipeline.Pipeline;
import org.radtab.ml.validation.RandomizedSearch;
import org.radtab.ml.validation.SearchResult;
import org.radtab.ml.validation.Seeds;
import org.radtab.ml.validation.Split;
import org.radtab.ml.validation.StratifiedSplits;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.selection.AdaptiveScaler;
import org.radtab.selection.CccFilter;
import org.radtab.selection.FittedScaler;
import org.radtab.selection.Mrmr;
import org.radtab.selection.RankSumFilter;
import org.radtab.selection.Table1;

/**
 * The reference study (Ge et al., Int J Med Sci 2025: CT radiomics and clinical data predicting
 * residual back pain after vertebral augmentation) end to end, every step taken from RadTab's
 * library modules:
 *
 * <ol>
 *   <li>cohort (synthetic, {@link CohortGenerator}) and Table 1 with P values (whole cohort);</li>
 *   <li>stratified 7:3 split; clinical predictors at P &lt; 0.1 (tested on the training rows, so the
 *       test rows never influence a choice);</li>
 *   <li>1223-feature extraction ({@link RadiomicsSettings#paperRbp()}) of reader 1's masks for all
 *       patients and reader 2's for a seeded subset;</li>
 *   <li>adaptive scaling fitted on the training rows; CCC &gt;= 0.85 between the readers; Wilcoxon
 *       rank-sum P &lt; 0.1 and mRMR to 20 features on the training rows; PCA / correlation check;</li>
 *   <li>per model: randomized search (iterations x K-fold CV, AUROC) whose folds resample the
 *       training fold only (ADASYN, then Tomek links; binary clinical columns never interpolated),
 *       refit on the whole resampled training set; evaluation on the untouched test set;</li>
 *   <li>TabNet importance and the ablation (drop each of the top 5 features, all clinical, all
 *       radiomics), each re-trained with TabNet's chosen parameters.</li>
 * </ol>
 * Outputs go to a folder: tables (CSV), features, predictions, models, the study model for
 * {@code radtab predict}, {@code run.json} and a self-contained {@code report.html}.
 */
public final class RbpStudy {
    private final StudyConfig config;
    private final StudyListener listener;
    private final Map<String, Double> timings = new LinkedHashMap<>();

    private final StudyData data;

    /** The study on the built-in synthetic cohort. */
    public RbpStudy(StudyConfig config, StudyListener listener) {
        this(config, new SyntheticData(config), listener);
    }

    /** The study on any data source (synthetic cohort, cohort CSV, feature tables). */
    public RbpStudy(StudyConfig config, StudyData data, StudyListener listener) {
        this.config = config;
        this.data = data;
        this.listener = listener;
    }

    /** Everything the report and the tests need. */
    public record Result(StudyConfig config, String dataDescription, List<Patient> patients, Dataset clinical,
                         Table1 table1, Split split,
                         List<String> clinicalPredictors, Dataset radiomics, Dataset radiomicsReader2,
                         FittedScaler radiomicsScaler, FittedScaler clinicalScaler, CccFilter.Result ccc,
                         RankSumFilter.Result wilcoxon, Mrmr.Result mrmr, List<String> modelColumns,
                         Dataset train, Dataset test, Map<String, ModelResult> models,
                         Map<String, SearchResult> searches, Map<String, ProbabilisticClassifier> fitted,
                         List<String> tabnetTop, Map<String, ModelResult> ablation, Map<String, Double> timings) {
    }

    /** Runs the study and writes its outputs to {@code out} (created if needed). */
    public Result run(Path out) throws IOException {
        Files.createDirectories(out);
        long t0 = System.nanoTime();

        // 1. cohort and Table 1
        stage("cohort");
        List<Patient> patients = data.patients();
        Dataset clinical = data.clinical();
        Table1 table1 = Table1.of(clinical, ClinicalTable.CONTINUOUS, ClinicalTable.CATEGORICAL,
            List.of("no RBP", "RBP"));
        listener.message(data.description());
        t0 = lap("cohort and Table 1", t0);

        // 2. split and clinical predictors (training rows only)
        stage("split");
        // test size floor(0.3 x 856) = 256 as in the paper (600 / 256), classes allocated by largest remainder
        Split split = StratifiedSplits.trainTestCount(clinical.labels(),
            (int) Math.floor(clinical.rows() * config.testFraction()), Seeds.derive(config.seed(), 1));
        Dataset clinicalTrain = clinical.rows(split.train());
        Table1 trainTable = Table1.of(clinicalTrain, ClinicalTable.CONTINUOUS, ClinicalTable.CATEGORICAL,
            List.of("no RBP", "RBP"));
        List<String> predictors = new ArrayList<>();
        for (Table1.Row row : trainTable.rows()) {
            OptionalDouble p = row.p();
            if ((row.level() == null || row.level().isEmpty()) && p.isPresent() && p.getAsDouble() < config.clinicalAlpha()
                && !predictors.contains(row.variable())) {
                predictors.add(row.variable());
            }
        }
        listener.message("split " + split.train().length + " / " + split.test().length + "; clinical predictors at P < "
            + config.clinicalAlpha() + ": " + predictors);
        t0 = lap("split and clinical predictors", t0);

        // 3. extraction (or reading the feature tables)
        Dataset radiomics = data.radiomics(listener);
        t0 = lap("extraction reader 1", t0);
        Dataset radiomics2 = data.radiomicsReader2(listener).orElse(null);
        listener.message(radiomics.cols() + " features per case" + (radiomics2 == null
            ? "; no second reader: the CCC filter is skipped" : "; second reader: " + radiomics2.rows() + " cases"));
        t0 = lap("extraction reader 2", t0);

        // 4. scaling, CCC, Wilcoxon, mRMR (fitted on training rows)
        stage("feature selection");
        FittedScaler scaler = AdaptiveScaler.defaults().fit(radiomics.rows(split.train()));
        Dataset scaled = scaler.apply(radiomics);
        CccFilter.Result ccc = null;
        List<String> reproducible = scaled.columnNames();
        if (radiomics2 != null) {
            Dataset scaled2 = scaler.apply(radiomics2);
            ccc = new CccFilter(config.cccThreshold(), 0.95).apply(scaled.rows(rowsById(scaled, scaled2)), scaled2);
            reproducible = ccc.kept();
        }
        Dataset trainRad = scaled.rows(split.train()).columns(reproducible);
        RankSumFilter.Result wrs = new RankSumFilter(config.wilcoxonAlpha()).apply(trainRad);
        Dataset trainWrs = trainRad.columns(wrs.kept());
        Mrmr.Result mrmr = Mrmr.defaults().select(trainWrs, Math.min(config.mrmrFeatures(), trainWrs.cols()));
        List<String> selected = new ArrayList<>();
        mrmr.picks().forEach(p -> selected.add(p.feature()));
        listener.message(String.format(Locale.ROOT, "scaling dropped %d constant; CCC >= %.2f kept %d of %d; "
                + "Wilcoxon P < %.2f kept %d; mRMR picked %d", scaler.dropped().size(), config.cccThreshold(),
            reproducible.size(), scaled.cols(), config.wilcoxonAlpha(), wrs.kept().size(), selected.size()));
        t0 = lap("scaling, CCC, Wilcoxon, mRMR", t0);

        // 5. model table: clinical predictors (continuous ones scaled on training rows) + selected radiomics
        List<String> clinicalModelCols = ClinicalTable.modelColumns(predictors);
        Dataset clinicalModel = modelClinical(clinical, clinicalModelCols);
        List<String> continuousClinical = new ArrayList<>();
        for (String c : clinicalModelCols) {
            if (!ClinicalTable.isBinary(c)) {
                continuousClinical.add(c);
            }
        }
        FittedScaler clinicalScaler = continuousClinical.isEmpty() ? null
            : AdaptiveScaler.defaults().fit(clinicalModel.rows(split.train()).columns(continuousClinical));
        Dataset full = combine(clinicalModel, clinicalModelCols, clinicalScaler, scaled.columns(selected));
        Dataset train = full.rows(split.train());
        Dataset test = full.rows(split.test());
        Set<String> binary = new HashSet<>();
        for (String c : clinicalModelCols) {
            if (ClinicalTable.isBinary(c)) {
                binary.add(c);
            }
        }

        // 6. models
        Map<String, ModelResult> results = new LinkedHashMap<>();
        Map<String, SearchResult> searches = new LinkedHashMap<>();
        Map<String, ProbabilisticClassifier> fitted = new LinkedHashMap<>();
        Files.createDirectories(out.resolve("models"));
        for (String name : config.models()) {
            stage("model " + name + " (" + config.searchIterations() + " x " + config.folds() + "-fold search)");
            SearchResult sr = search(name, train, binary);
            ProbabilisticClassifier model = sr.bestModel().orElseThrow(
                () -> new IllegalStateException(name + ": every search trial failed"));
            ModelResult mr = evaluate(name, sr.bestParams(), sr.bestScore(), model, test);
            results.put(name, mr);
            searches.put(name, sr);
            fitted.put(name, model);
            ModelIO.save(model, out.resolve("models/" + name + ".json"));
            Files.writeString(out.resolve("models/" + name + "-search.json"), sr.toJson().toPrettyString(),
                StandardCharsets.UTF_8);
            listener.message(String.format(Locale.ROOT, "%-8s CV AUROC %.3f  test AUROC %.3f (%.3f-%.3f)  Brier %.3f",
                name, mr.cvAuroc(), mr.auroc().estimate(), mr.auroc().lower(), mr.auroc().upper(), mr.brier()));
            t0 = lap("model " + name, t0);
        }

        // 7. TabNet importance and ablation
        List<String> top = new ArrayList<>();
        Map<String, ModelResult> ablation = new LinkedHashMap<>();
        if (fitted.containsKey("tabnet")) {
            stage("TabNet importance and ablation");
            ProbabilisticClassifier tabnet = fitted.get("tabnet");
            double[] imp = tabnet.featureImportance().orElseThrow();
            Integer[] order = new Integer[imp.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> imp[a] != imp[b] ? Double.compare(imp[b], imp[a]) : Integer.compare(a, b));
            for (int i = 0; i < Math.min(10, order.length); i++) {
                top.add(tabnet.featureNames().get(order[i]));
            }
            Map<String, Object> params = results.get("tabnet").params();
            ablation.put("full model", results.get("tabnet"));
            for (int i = 0; i < Math.min(5, top.size()); i++) {
                List<String> cols = new ArrayList<>(train.columnNames());
                cols.remove(top.get(i));
                ablation.put("without " + top.get(i), retrain(params, train, test, cols, binary));
            }
            if (!clinicalModelCols.isEmpty()) {
                ablation.put("without clinical features", retrain(params, train, test, selected, binary));
                ablation.put("without radiomics features", retrain(params, train, test, clinicalModelCols, binary));
            } else {
                listener.message("no clinical predictor was selected: the clinical / radiomics ablations do not apply");
            }
            t0 = lap("TabNet importance and ablation", t0);
        }

        Result result = new Result(config, data.description(), patients, clinical, table1, split, predictors, radiomics, radiomics2, scaler,
            clinicalScaler, ccc, wrs, mrmr, train.columnNames(), train, test, results, searches, fitted, top, ablation,
            timings);

        // 8. outputs
        stage("outputs and report");
        StudyOutputs.write(result, out);
        lap("outputs and report", t0);
        StudyOutputs.writeRunInfo(result, out);
        StudyReport.write(result, out.resolve("report.html"));
        return result;
    }

    private SearchResult search(String name, Dataset train, Set<String> binary) {
        ClassifierFactory factory = ModelIO.factory(name);
        Pipeline pipeline = Pipeline.builder().resample(resampler(train, binary)).build();
        return RandomizedSearch.builder(factory).iterations(config.searchIterations()).folds(config.folds())
            .seed(Seeds.derive(config.seed(), 100 + config.models().indexOf(name))).threads(config.threads())
            .pipeline(pipeline).space(StudySpaces.space(name)).fixed(StudySpaces.fixed(name)).refit(true)
            .build().run(train);
    }

    private static ResamplingPipeline resampler(Dataset data, Set<String> binary) {
        Set<String> cats = new HashSet<>();
        for (String c : data.columnNames()) {
            if (binary.contains(c)) {
                cats.add(c);
            }
        }
        return ResamplingPipeline.of(Adasyn.defaults().withCategorical(cats), TomekLinks.defaults().withCategorical(cats));
    }

    /** TabNet with fixed parameters on a column subset: resample the training rows, fit, evaluate on test. */
    private ModelResult retrain(Map<String, Object> params, Dataset train, Dataset test, List<String> cols,
                                Set<String> binary) {
        Dataset tr = train.columns(cols);
        Dataset te = test.columns(cols);
        long seed = Seeds.derive(config.seed(), 900, cols.hashCode());
        Dataset resampled = resampler(tr, binary).resample(tr, seed);
        ProbabilisticClassifier m = ModelIO.factory("tabnet").create(params, seed);
        m.fit(resampled);
        return evaluate("tabnet", params, Double.NaN, m, te);
    }

    static ModelResult evaluate(String name, Map<String, Object> params, double cv, ProbabilisticClassifier model,
                                Dataset test) {
        double[] p = model.predictPositive(test.toMatrix());
        int[] y = test.labels();
        return new ModelResult(name, params, cv, p, Auroc.deLong(y, p, 0.95), Calibration.brier(y, p),
            ConfusionMatrix.at(y, p, 0.5));
    }

    /** Rows of {@code d} whose ids are the ids of {@code subset}, in {@code subset}'s order. */
    private static int[] rowsById(Dataset d, Dataset subset) {
        Map<String, Integer> byId = new LinkedHashMap<>();
        for (int r = 0; r < d.rows(); r++) {
            byId.put(d.id(r), r);
        }
        int[] rows = new int[subset.rows()];
        for (int i = 0; i < rows.length; i++) {
            Integer r = byId.get(subset.id(i));
            if (r == null) {
                throw new StudyInputException("second reader's case '" + subset.id(i) + "' has no first-reader row");
            }
            rows[i] = r;
        }
        return rows;
    }

    /** Clinical model columns (dummy-coded fracture level) from the Table-1 table. */
    static Dataset modelClinical(Dataset clinical, List<String> modelCols) {
        Dataset.Builder b = Dataset.builder(modelCols).labelName(clinical.labelName()).idName(clinical.idName());
        for (int r = 0; r < clinical.rows(); r++) {
            double[] t1 = clinical.row(r);
            double[] v = new double[modelCols.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = ClinicalTable.modelValue(modelCols.get(c), t1);
            }
            b.addRow(v, clinical.label(r), clinical.id(r));
        }
        return b.build();
    }

    /** Clinical columns (continuous ones scaled) followed by the radiomics columns, same rows. */
    static Dataset combine(Dataset clinicalModel, List<String> clinicalCols, FittedScaler clinicalScaler,
                           Dataset radiomics) {
        List<String> names = new ArrayList<>(clinicalCols);
        names.addAll(radiomics.columnNames());
        Dataset.Builder b = Dataset.builder(names).labelName("RBP").idName("id").classNames(List.of("no RBP", "RBP"));
        Dataset scaledClinical = clinicalScaler == null ? null : clinicalScaler.apply(clinicalModel);
        for (int r = 0; r < clinicalModel.rows(); r++) {
            double[] v = new double[names.size()];
            for (int c = 0; c < clinicalCols.size(); c++) {
                String col = clinicalCols.get(c);
                v[c] = scaledClinical != null && scaledClinical.hasColumn(col)
                    ? scaledClinical.get(r, scaledClinical.columnIndex(col)) : clinicalModel.get(r, c);
            }
            for (int c = 0; c < radiomics.cols(); c++) {
                v[clinicalCols.size() + c] = radiomics.get(r, c);
            }
            b.addRow(v, clinicalModel.label(r), clinicalModel.id(r));
        }
        return b.build();
    }

    private void stage(String name) {
        listener.stage(name);
    }

    private long lap(String stage, long start) {
        long now = System.nanoTime();
        timings.merge(stage, (now - start) / 1e9, Double::sum);
        return now;
    }

    /** Writes a dataset as CSV (id and label columns included). */
    static void writeCsv(Dataset d, Path file) throws IOException {
        DatasetCsv.write(d, file);
    }
}
