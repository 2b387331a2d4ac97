package org.radtab.rbp.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ModelIO;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.selection.FittedScaler;

/**
 * The study's deployable model: what {@code radtab predict} needs to turn one patient's CT,
 * segmentation and clinical values into an RBP probability, saved as one JSON document
 * ({@code study-model.json}, no Java serialization):
 *
 * <pre>
 * { "format": "radtab-study-model", "formatVersion": 1,
 *   "extraction": "paper-rbp",               built-in PyRadiomics parameter file
 *   "clinicalPredictors": [...],             Table-1 columns the patient must provide
 *   "modelColumns": [...],                   model input columns, in order
 *   "radiomicsScaler": {...},                adaptive scaler fitted on the training rows
 *   "clinicalScaler": {...} | null,          the same for continuous clinical predictors
 *   "model": {...} }                         ModelIO document of the classifier
 * </pre>
 */
public final class StudyModel {
    public static final String FORMAT = "radtab-study-model";
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String extraction;
    private final List<String> clinicalPredictors;
    private final List<String> modelColumns;
    private final FittedScaler radiomicsScaler;
    private final FittedScaler clinicalScaler;
    private final ProbabilisticClassifier model;

    public StudyModel(String extraction, List<String> clinicalPredictors, List<String> modelColumns,
                      FittedScaler radiomicsScaler, FittedScaler clinicalScaler, ProbabilisticClassifier model) {
        this.extraction = extraction;
        this.clinicalPredictors = List.copyOf(clinicalPredictors);
        this.modelColumns = List.copyOf(modelColumns);
        this.radiomicsScaler = radiomicsScaler;
        this.clinicalScaler = clinicalScaler;
        this.model = model;
    }

    public List<String> clinicalPredictors() {
        return clinicalPredictors;
    }

    public List<String> modelColumns() {
        return modelColumns;
    }

    public ProbabilisticClassifier model() {
        return model;
    }

    public void save(Path file) throws IOException {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("formatVersion", FORMAT_VERSION);
        doc.put("extraction", extraction);
        ArrayNode cp = doc.putArray("clinicalPredictors");
        clinicalPredictors.forEach(cp::add);
        ArrayNode mc = doc.putArray("modelColumns");
        modelColumns.forEach(mc::add);
        doc.set("radiomicsScaler", radiomicsScaler.toJson());
        if (clinicalScaler == null) {
            doc.putNull("clinicalScaler");
        } else {
            doc.set("clinicalScaler", clinicalScaler.toJson());
        }
        doc.set("model", ModelIO.toDocument(model));
        Files.createDirectories(file.toAbsolutePath().getParent());
        MAPPER.writeValue(file.toFile(), doc);
    }

    /**
     * Loads a study model document.
     *
     * @throws IOException naming the file and the missing or invalid part
     */
    public static StudyModel load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            file = file.resolve("study-model.json");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no study model here (run 'radtab study' first; it writes "
                + "<out>/model/study-model.json)");
        }
        JsonNode doc = MAPPER.readTree(file.toFile());
        if (!FORMAT.equals(doc.path("format").asText()) || doc.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IOException(file + ": not a " + FORMAT + " document of version " + FORMAT_VERSION);
        }
        try {
            List<String> cp = new ArrayList<>();
            doc.path("clinicalPredictors").forEach(n -> cp.add(n.asText()));
            List<String> mc = new ArrayList<>();
            doc.path("modelColumns").forEach(n -> mc.add(n.asText()));
            FittedScaler rs = FittedScaler.fromJson(doc.get("radiomicsScaler"));
            FittedScaler cs = doc.path("clinicalScaler").isNull() ? null : FittedScaler.fromJson(doc.get("clinicalScaler"));
            ProbabilisticClassifier m = ModelIO.fromDocument(doc.get("model"));
            return new StudyModel(doc.path("extraction").asText(), cp, mc, rs, cs, m);
        } catch (RuntimeException e) {
            throw new IOException(file + ": invalid study model: " + e.getMessage(), e);
        }
    }

    /** A prediction with the features that contributed most (TabNet explanation mask, if available). */
    public record Prediction(double probability, Map<String, Double> topFeatures, double[] row) {
    }

    /**
     * Predicts for one patient.
     *
     * @param clinical Table-1 values by column name (every clinical predictor is required)
     * @throws IllegalArgumentException naming a missing or unknown clinical value
     */
    public Prediction predict(Volume ct, Mask mask, OutputCast sourcePixelType, Map<String, Double> clinical) {
        FeatureVector features = new FeatureExtractor(settings()).extract(ct, mask, sourcePixelType);
        return predict(features, clinical);
    }

    /** Predicts from already extracted features (all 1223 of the extraction configuration). */
    public Prediction predict(FeatureVector features, Map<String, Double> clinical) {
        for (String k : clinical.keySet()) {
            if (!ClinicalTable.columns().contains(k)) {
                throw new IllegalArgumentException("unknown clinical variable '" + k + "' (known: "
                    + ClinicalTable.columns() + ")");
            }
        }
        double[] t1 = new double[ClinicalTable.columns().size()];
        Arrays.fill(t1, Double.NaN);
        for (String p : clinicalPredictors) {
            Double v = clinical.get(p);
            if (v == null) {
                throw new IllegalArgumentException("clinical value '" + p + "' is required by this model (required: "
                    + clinicalPredictors + ")");
            }
            t1[ClinicalTable.columns().indexOf(p)] = v;
        }
        List<String> clinicalCols = ClinicalTable.modelColumns(clinicalPredictors);
        Dataset clinicalRow = Dataset.builder(clinicalCols).unlabelled()
            .addRow(clinicalCols.stream().mapToDouble(c -> ClinicalTable.modelValue(c, t1)).toArray(), 0, null)
            .build();
        Dataset radRow = Dataset.builder(features.names()).unlabelled().allowNonFinite(true)
            .addRow(features.values(), 0, null).build();
        Dataset scaledRad = radiomicsScaler.apply(radRow);
        Dataset scaledClin = clinicalScaler == null ? null : clinicalScaler.apply(clinicalRow);
        double[] row = new double[modelColumns.size()];
        for (int c = 0; c < row.length; c++) {
            String col = modelColumns.get(c);
            if (clinicalCols.contains(col)) {
                row[c] = scaledClin != null && scaledClin.hasColumn(col)
                    ? scaledClin.get(0, scaledClin.columnIndex(col)) : clinicalRow.get(0, clinicalRow.columnIndex(col));
            } else {
                row[c] = scaledRad.get(0, scaledRad.columnIndex(col));
            }
        }
        double p = model.predictPositive(new double[][] {row})[0];
        Map<String, Double> top = new LinkedHashMap<>();
        if (model instanceof org.radtab.models.tabnet.TabNetClassifier) {
            double[] mask = ((org.radtab.models.tabnet.TabNetClassifier) model).explain(new double[][] {row}, true)
                .aggregate()[0];
            Integer[] order = new Integer[mask.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(mask[b], mask[a]));
            for (int i = 0; i < Math.min(5, order.length); i++) {
                top.put(model.featureNames().get(order[i]), mask[order[i]]);
            }
        }
        return new Prediction(p, top, row);
    }

    private RadiomicsSettings settings() {
        if (extraction.equals("paper-rbp")) {
            return RadiomicsSettings.paperRbp();
        }
        throw new IllegalStateException("unknown extraction configuration '" + extraction + "'");
    }
}
