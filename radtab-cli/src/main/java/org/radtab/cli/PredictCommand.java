package org.radtab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.radtab.ml.Dataset;
import org.radtab.ml.DatasetCsv;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code radtab predict}, two modes:
 * <ul>
 *   <li>{@code --data FILE}: applies a model saved by {@code radtab train} to a CSV table and writes
 *       one row per case: the case id (or the row number) and the probability of each class,
 *       {@code p_<class>}. Feature columns are matched by name; other columns (e.g. the label) are
 *       ignored.</li>
 *   <li>{@code --image CT --mask SEG --clinical k=v,...}: applies the study model written by
 *       {@code radtab study} ({@code <out>/model}) to one patient: extracts the radiomics features,
 *       scales them as in training, and prints the RBP probability with the features that
 *       contributed most (TabNet's explanation mask).</li>
 * </ul>
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Class probabilities for a CSV table (model of 'radtab train'), or one patient's RBP probability "
        + "from CT, segmentation and clinical values (model of 'radtab study').")
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR",
        description = "directory written by radtab train (or a model .json file)")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV with the model's feature columns")
    Path data;

    @Option(names = "--image", paramLabel = "CT", description = "study model: the patient's CT (NIfTI / NRRD)")
    Path image;

    @Option(names = "--mask", paramLabel = "SEG", description = "study model: the vertebral-body segmentation")
    Path mask;

    @Option(names = "--clinical", paramLabel = "K=V", split = ",",
        description = "study model: clinical values, e.g. bmd_t_score=-3.2,vas=8 (the model names the ones it needs)")
    java.util.Map<String, String> clinical;

    @Option(names = "--id", paramLabel = "COLUMN", description = "case-id column (default: the training id column if present)")
    String id;

    @Option(names = "--out", paramLabel = "FILE", description = "output CSV (default: standard output)")
    Path out;

    @Override
    public Integer call() {
        try {
            return run();
        } catch (IllegalArgumentException | IllegalStateException | IOException e) {
            spec.commandLine().getErr().println("radtab predict: error: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private int run() throws IOException {
        if (image != null || mask != null) {
            if (image == null || mask == null || data != null) {
                throw new IllegalArgumentException("give --image and --mask (study model), or --data (table), not both");
            }
            return predictPatient();
        }
        if (data == null) {
            throw new IllegalArgumentException("give --data FILE, or --image CT --mask SEG [--clinical k=v,...]");
        }
        Path modelFile = Files.isDirectory(model) ? model.resolve(TrainCommand.MODEL_FILE) : model;
        if (!Files.isRegularFile(modelFile)) {
            throw new IOException(modelFile + ": no such model file");
        }
        ProbabilisticClassifier m = ModelIO.load(modelFile);
        JsonNode training = null;
        Path trainingFile = modelFile.resolveSibling(TrainCommand.TRAINING_FILE);
        if (Files.isRegularFile(trainingFile)) {
            training = new ObjectMapper().readTree(trainingFile.toFile());
        }
        List<String> header = DatasetCsv.header(data);
        String idCol = id;
        if (idCol == null && training != null && training.hasNonNull("id") && header.contains(training.get("id").asText())) {
            idCol = training.get("id").asText();
        }
        List<String> missing = new ArrayList<>();
        for (String f : m.featureNames()) {
            if (!header.contains(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(data + ": missing feature columns " + missing);
        }
        Dataset d = DatasetCsv.read(data, DatasetCsv.options().id(idCol).features(m.featureNames()));
        double[][] p = m.predictProba(d.toMatrix());
        List<String> classes = new ArrayList<>();
        if (training != null && training.path("classNames").isArray()) {
            training.get("classNames").forEach(n -> classes.add(n.asText()));
        }
        int k = p.length == 0 ? classes.size() : p[0].length;
        while (classes.size() < k) {
            classes.add(Integer.toString(classes.size()));
        }
        List<String> cols = new ArrayList<>();
        cols.add(idCol != null ? idCol : "row");
        for (int c = 0; c < k; c++) {
            cols.add("p_" + classes.get(c));
        }
        Writer w = out == null ? spec.commandLine().getOut() : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        try {
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            printer.printRecord(cols);
            List<String> cells = new ArrayList<>();
            for (int r = 0; r < p.length; r++) {
                cells.clear();
                cells.add(idCol != null ? d.id(r) : Integer.toString(r + 1));
                for (int c = 0; c < k; c++) {
                    cells.add(Double.toString(p[r][c]));
                }
                printer.printRecord(cells);
            }
            printer.flush();
        } finally {
            if (out != null) {
                w.close();
            } else {
                w.flush();
            }
        }
        if (out != null) {
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + p.length + " predictions to " + out);
            o.flush();
        }
        return 0;
    }

    private int predictPatient() throws IOException {
        org.radtab.rbp.study.StudyModel sm = org.radtab.rbp.study.StudyModel.load(model);
        java.util.Map<String, Double> values = new java.util.LinkedHashMap<>();
        if (clinical != null) {
            for (java.util.Map.Entry<String, String> e : clinical.entrySet()) {
                try {
                    values.put(e.getKey().trim(), Double.parseDouble(e.getValue().trim()));
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("clinical value " + e.getKey() + "=" + e.getValue()
                        + " is not a number");
                }
            }
        }
        org.radtab.radiomics.image.Volume ct = org.radtab.radiomics.io.ImageIO.readVolume(image);
        org.radtab.radiomics.image.Mask seg = org.radtab.radiomics.io.ImageIO.readMask(mask);
        org.radtab.radiomics.preprocess.OutputCast cast = org.radtab.radiomics.preprocess.OutputCast.forPixelType(
            org.radtab.radiomics.io.ImageIO.storedPixelType(image));
        org.radtab.rbp.study.StudyModel.Prediction p = sm.predict(ct, seg, cast, values);
        java.io.PrintWriter o = spec.commandLine().getOut();
        o.printf(java.util.Locale.ROOT, "P(RBP) = %.4f  (model %s)%n", p.probability(), sm.model().name());
        if (!p.topFeatures().isEmpty()) {
            o.println("top contributing features (TabNet explanation mask, share):");
            for (java.util.Map.Entry<String, Double> e : p.topFeatures().entrySet()) {
                o.printf(java.util.Locale.ROOT, "  %-60s %.3f%n", e.getKey(), e.getValue());
            }
        }
        o.flush();
        return 0;
    }
}
