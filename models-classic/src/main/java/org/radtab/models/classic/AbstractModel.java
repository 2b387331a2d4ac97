package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ProbabilisticClassifier;

/** Shared plumbing of the classic models: parameters, seed, feature names and input checks. */
abstract class AbstractModel implements ProbabilisticClassifier {
    protected final Map<String, Object> params;
    protected final long seed;
    protected List<String> featureNames;
    protected int numClasses;

    AbstractModel(Map<String, Object> params, long seed) {
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.seed = seed;
    }

    @Override
    public final List<String> featureNames() {
        requireFitted();
        return featureNames;
    }

    @Override
    public final Map<String, Object> params() {
        return params;
    }

    /** Checks a training set (labels, at least two classes; binary when {@code binaryOnly}) and records its columns. */
    protected void startFit(Dataset train, boolean binaryOnly) {
        if (!train.hasLabels()) {
            throw new IllegalArgumentException(name() + ": the training set has no labels");
        }
        int[] counts = train.classCounts();
        if (binaryOnly && counts.length != 2) {
            throw new IllegalArgumentException(name() + " supports binary labels (0/1); found " + counts.length + " classes");
        }
        int present = 0;
        for (int c : counts) {
            present += c > 0 ? 1 : 0;
        }
        if (present < 2) {
            throw new IllegalArgumentException(name() + ": the training set has a single class " + java.util.Arrays.toString(counts));
        }
        for (int r = 0; r < train.rows(); r++) {
            for (int c = 0; c < train.cols(); c++) {
                if (!Double.isFinite(train.get(r, c))) {
                    throw new IllegalArgumentException(name() + ": training row " + train.id(r) + ", column '"
                        + train.columnName(c) + "' is not finite");
                }
            }
        }
        featureNames = List.copyOf(train.columnNames());
        numClasses = counts.length;
    }

    protected void requireFitted() {
        if (featureNames == null) {
            throw new IllegalStateException(name() + ": the model is not fitted");
        }
    }

    /** Checks the width and finiteness of prediction input. */
    protected void checkInput(double[][] x) {
        requireFitted();
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != featureNames.size()) {
                throw new IllegalArgumentException(name() + ": row " + r + " has " + x[r].length + " values, the model has "
                    + featureNames.size() + " features");
            }
            for (int c = 0; c < x[r].length; c++) {
                if (!Double.isFinite(x[r][c])) {
                    throw new IllegalArgumentException(name() + ": row " + r + ", column '" + featureNames.get(c)
                        + "' is not finite");
                }
            }
        }
    }

    static ArrayNode array(double[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(v.length);
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    static ArrayNode array(int[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(v.length);
        for (int d : v) {
            a.add(d);
        }
        return a;
    }

    static double[] doubles(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("model state lacks the array '" + field + "'");
        }
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    static int[] ints(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("model state lacks the array '" + field + "'");
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).intValue();
        }
        return out;
    }

    static void requireLength(String what, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("model state: '" + what + "' has " + actual + " entries, expected " + expected);
        }
    }

    static double sigmoid(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }
}
