package org.radtab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.ml.metrics.Auroc;
import org.radtab.ml.metrics.Calibration;
import org.radtab.ml.metrics.ConfidenceInterval;
import org.radtab.ml.metrics.ConfusionMatrix;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.ml.pipeline.Pipeline;
import org.radtab.ml.pipeline.Resamplers;
import org.radtab.ml.validation.RandomizedSearch;
import org.radtab.ml.validation.SearchResult;
import org.radtab.ml.validation.Seeds;
import org.radtab.ml.validation.Split;
import org.radtab.ml.validation.StratifiedSplits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab train}: fits a binary classifier on a CSV table (optionally with randomized
 * search and resampling of the training rows), evaluates it on a held-out test set and saves it.
 *
 * <p>Files written to {@code --out DIR}: {@code model.json} (the {@link ModelIO} document),
 * {@code training.json} (label/id columns, class names, features, settings), {@code metrics.json}
 * (the same content as {@code --json}) and, with {@code --search}, {@code search.json} (every
 * trial).
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Fit a binary classifier on a CSV table and report test-set metrics.",
        "The test set is --test FILE, or a stratified --split fraction of --data (default 0.3)."})
public final class TrainCommand implements Callable<Integer> {
    static final String MODEL_FILE = "model.json";
    static final String TRAINING_FILE = "training.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "training CSV (header line required)")
    Path data;

    @Option(names = "--test", paramLabel = "FILE", description = "test CSV with the same columns")
    Path test;

    @Option(names = "--split", paramLabel = "FRACTION",
        description = "stratified test fraction of --data when --test is not given (default 0.3)")
    Double split;

    @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "label column (0/1 or two class names)")
    String label;

    @Option(names = "--id", paramLabel = "COLUMN", description = "case-id column (not a feature)")
    String id;

    @Option(names = "--positive", paramLabel = "VALUE",
        description = "label value of the positive class when labels are text (default: the last in sorted order)")
    String positive;

    @Option(names = "--model", required = true, paramLabel = "NAME",
        description = "lr, rf, svm, xgboost, tabnet, or any registered model")
    String model;

    @Option(names = "--search", paramLabel = "N", defaultValue = "0",
        description = "randomized-search iterations (0 = fit the default hyper-parameters; default ${DEFAULT-VALUE})")
    int search;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "5", description = "cross-validation folds of the search (default ${DEFAULT-VALUE})")
    int cv;

    @Option(names = "--resample", paramLabel = "LIST",
        description = "resamplers applied to training rows only, in order, e.g. adasyn,tomek")
    String resample;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "fix a hyper-parameter (repeatable)")
    Map<String, String> fixedParams = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "master seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads of the search (default: all processors)")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory for the model")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the test metrics and parameters as JSON")
    Path json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut());
        } catch (IllegalArgumentException | IllegalStateException | IOException | ArithmeticException e) {
            err.println("radtab train: error: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private int run(PrintWriter outw) throws IOException {
        if (test != null && split != null) {
            throw new IllegalArgumentException("give either --test or --split, not both");
        }
        double fraction = split == null ? 0.3 : split;
        if (search < 0 || cv < 2) {
            throw new IllegalArgumentException("--search must be >= 0 and --cv >= 2");
        }
        ClassifierFactory factory = ModelIO.factory(model);
        Pipeline.Builder pb = Pipeline.builder();
        if (resample != null && !resample.isBlank()) {
            pb.resample(Resamplers.parse(resample));
        }
        Pipeline pipeline = pb.build();
        Map<String, Object> fixed = new LinkedHashMap<>(fixedParams);
        factory.create(fixed, 0); // validates the names early

        DatasetCsv.Options opts = DatasetCsv.options().label(label).id(id).positive(positive);
        Dataset all = DatasetCsv.read(data, opts);
        if (all.numClasses() != 2) {
            throw new IllegalArgumentException(data + ": label column '" + label + "' has " + all.numClasses()
                + " classes " + all.classNames() + "; radtab train handles binary problems");
        }
        Dataset trainSet;
        Dataset testSet;
        if (test != null) {
            trainSet = all;
            testSet = DatasetCsv.read(test, DatasetCsv.options().label(label).id(id).features(all.columnNames())
                .classes(all.classNames()));
        } else {
            Split s = StratifiedSplits.trainTest(all, fraction, Seeds.derive(seed, 100));
            trainSet = all.rows(s.train());
            testSet = all.rows(s.test());
        }

        ProbabilisticClassifier fitted;
        Pipeline.FittedPipeline fittedPipeline;
        SearchResult result = null;
        if (search > 0) {
            RandomizedSearch.Builder rs = RandomizedSearch.builder(factory).iterations(search).folds(cv).seed(seed)
                .pipeline(pipeline).fixed(fixed);
            if (threads != null) {
                rs.threads(threads);
            }
            result = rs.build().run(trainSet);
            fitted = result.bestModel().orElseThrow();
            fittedPipeline = result.fittedPipeline().orElseThrow();
        } else {
            fittedPipeline = pipeline.fit(trainSet, Seeds.derive(seed, 4));
            fitted = factory.create(fixed, Seeds.derive(seed, 2, 0));
            fitted.fit(fittedPipeline.trainingData());
        }
        if (!fittedPipeline.transforms().isEmpty()) {
            throw new IllegalStateException("feature transforms in the pipeline are not saved with the model");
        }
        int[] y = testSet.labels();
        double[] p = fitted.predictPositive(fittedPipeline.transform(testSet));
        ConfidenceInterval ci = Auroc.deLong(y, p);
        ConfusionMatrix cm = ConfusionMatrix.at(y, p, 0.5);
        double brier = Calibration.brier(y, p);

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode metrics = mapper.createObjectNode();
        metrics.put("model", fitted.name());
        metrics.put("auroc", ci.estimate());
        ArrayNode ciNode = metrics.putArray("auroc_ci");
        ciNode.add(ci.lower());
        ciNode.add(ci.upper());
        metrics.put("brier", brier);
        metrics.put("accuracy", cm.accuracy());
        metrics.put("precision", cm.precision());
        metrics.put("recall", cm.recall());
        metrics.put("f1", cm.f1());
        metrics.put("kappa", cm.kappa());
        metrics.set("params", mapper.valueToTree(fitted.params()));

        Files.createDirectories(out);
        ModelIO.save(fitted, out.resolve(MODEL_FILE));
        ObjectNode training = mapper.createObjectNode();
        training.put("model", fitted.name());
        training.put("label", label);
        if (id != null) {
            training.put("id", id);
        }
        training.set("classNames", mapper.valueToTree(all.classNames()));
        training.put("positiveClass", all.classNames().get(1));
        training.set("features", mapper.valueToTree(fitted.featureNames()));
        training.put("data", data.toString());
        if (test != null) {
            training.put("test", test.toString());
        } else {
            training.put("split", fraction);
        }
        training.put("trainRows", trainSet.rows());
        training.put("testRows", testSet.rows());
        training.put("seed", seed);
        training.put("search", search);
        training.put("cv", cv);
        training.put("pipeline", pipeline.toString());
        mapper.writeValue(out.resolve(TRAINING_FILE).toFile(), training);
        mapper.writeValue(out.resolve("metrics.json").toFile(), metrics);
        if (result != null) {
            mapper.writeValue(out.resolve("search.json").toFile(), result.toJson());
        }
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper.writeValue(json.toFile(), metrics);
        }

        outw.printf(Locale.ROOT, "model      %s (%d training rows, %d test rows, %d positive)%n", fitted.name(),
            trainSet.rows(), testSet.rows(), cm.tp() + cm.fn());
        if (result != null) {
            outw.printf(Locale.ROOT, "search     %d iterations x %d folds, best mean CV AUROC %.4f (trial %d)%n", search, cv,
                result.bestScore(), result.bestTrial().index());
        }
        if (!pipeline.isEmpty()) {
            outw.printf(Locale.ROOT, "resampling %s (training rows only)%n", pipeline);
        }
        outw.printf(Locale.ROOT, "AUROC      %.4f (95%% CI %.4f-%.4f, DeLong)%n", ci.estimate(), ci.lower(), ci.upper());
        outw.printf(Locale.ROOT, "Brier      %.4f%n", brier);
        outw.printf(Locale.ROOT, "at threshold 0.5: accuracy %.4f, precision %.4f, recall %.4f, F1 %.4f, kappa %.4f%n",
            cm.accuracy(), cm.precision(), cm.recall(), cm.f1(), cm.kappa());
        outw.printf(Locale.ROOT, "params     %s%n", fitted.params());
        outw.printf(Locale.ROOT, "saved      %s%n", out.resolve(MODEL_FILE));
        outw.flush();
        return 0;
    }
}
