package org.radtab.ml.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Saves and loads fitted models as self-describing JSON documents (never Java serialization).
 *
 * <p>Document layout (format version 1):
 * <pre>
 * {
 *   "format": "radtab-model",
 *   "formatVersion": 1,
 *   "model": "xgboost",            // ClassifierFactory name
 *   "params": { ... },              // hyper-parameters
 *   "featureNames": [ ... ],        // training columns, in order
 *   "state": { ... }                // model-specific fitted state
 * }
 * </pre>
 */
public final class ModelIO {
    public static final String FORMAT = "radtab-model";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelIO() {
    }

    /** The document for a fitted model. */
    public static ObjectNode toDocument(ProbabilisticClassifier model) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("format", FORMAT);
        doc.put("formatVersion", FORMAT_VERSION);
        doc.put("model", model.name());
        doc.set("params", MAPPER.valueToTree(model.params()));
        ArrayNode names = doc.putArray("featureNames");
        model.featureNames().forEach(names::add);
        doc.set("state", model.saveState());
        return doc;
    }

    public static void save(ProbabilisticClassifier model, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        MAPPER.writeValue(file.toFile(), toDocument(model));
    }

    /**
     * Loads a model document, validating its header and finding the factory by name.
     *
     * @throws IOException naming the file and what is wrong with it
     */
    public static ProbabilisticClassifier load(Path file) throws IOException {
        JsonNode doc;
        try {
            doc = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a readable JSON model document: " + e.getMessage(), e);
        }
        try {
            return fromDocument(doc);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Rebuilds a model from a document tree. */
    public static ProbabilisticClassifier fromDocument(JsonNode doc) {
        if (doc == null || !doc.isObject() || !FORMAT.equals(doc.path("format").asText())) {
            throw new IllegalArgumentException("missing or wrong \"format\" (expected \"" + FORMAT + "\")");
        }
        int version = doc.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported formatVersion " + version + " (this RadTab reads "
                + FORMAT_VERSION + ")");
        }
        String name = doc.path("model").asText("");
        ClassifierFactory factory = factory(name);
        if (!doc.path("featureNames").isArray() || !doc.path("state").isObject() || !doc.path("params").isObject()) {
            throw new IllegalArgumentException("document lacks params, featureNames or state");
        }
        List<String> names = new ArrayList<>();
        doc.get("featureNames").forEach(n -> names.add(n.asText()));
        @SuppressWarnings("unchecked")
        Map<String, Object> params = MAPPER.convertValue(doc.get("params"), LinkedHashMap.class);
        return factory.restore(params, names, doc.get("state"));
    }

    /** The registered factory for a model name. */
    public static ClassifierFactory factory(String name) {
        List<String> known = new ArrayList<>();
        for (ClassifierFactory f : ServiceLoader.load(ClassifierFactory.class)) {
            if (f.name().equals(name)) {
                return f;
            }
            known.add(f.name());
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: " + known);
    }

    /** All registered factories. */
    public static List<ClassifierFactory> factories() {
        List<ClassifierFactory> out = new ArrayList<>();
        ServiceLoader.load(ClassifierFactory.class).forEach(out::add);
        return out;
    }
}
