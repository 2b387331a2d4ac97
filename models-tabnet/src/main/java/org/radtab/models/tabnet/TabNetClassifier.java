package org.radtab.models.tabnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.models.tabnet.nn.NetworkSpec;
import org.radtab.models.tabnet.nn.TabNetNetwork;
import org.radtab.models.tabnet.nn.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TabNet (Arik &amp; Pfister, AAAI 2021) behind the ml-core classifier API, with the defaults and
 * the semantics of PyTorch-TabNet 4.x (see {@link TabNetConfig} for the parameters and
 * {@link TabNetNetwork} for the network and its formulas, {@link TabNetTrainer} for the
 * training loop).
 *
 * <h2>Use</h2>
 * <pre>
 *   TabNetClassifier m = new TabNetClassifier(Map.of("n_steps", 2, "batch_size", 64), 42L);
 *   m.fit(train, valid);                      // early stopping on valid (AUROC for 2 classes)
 *   double[][] p = m.predictProba(test.toMatrix());
 *   double[] importance = m.featureImportance().orElseThrow();   // sums to 1
 *   TabNetExplanation e = m.explain(test.toMatrix());             // per-sample, per-step masks
 * </pre>
 * {@link #fit(Dataset)} without an evaluation set trains all {@code max_epochs} unless
 * {@code eval_fraction > 0}, in which case a stratified share of the rows (drawn from the seed)
 * becomes the early-stopping set.
 *
 * <h2>Feature importance</h2>
 * After training (with the best weights), the explanation matrix
 * {@code M_explain = sum_t eta_t M_t} ({@link TabNetExplanation}) is computed in evaluation mode
 * for every row given to {@code fit} (the training set; for {@code fit(Dataset)} with an
 * {@code eval_fraction} all of its rows), summed over rows, summed back from embedding columns to
 * their input column, and divided by its total, so the importances sum to 1. (If every step
 * output is 0 the total is 0; the importance is then uniform and a warning is logged.)
 *
 * <h2>Saved state ({@link #saveState()}, format {@value #STATE_LAYOUT} version 1)</h2>
 * <pre>
 * {
 *   "layout": "radtab-tabnet", "layoutVersion": 1,
 *   "seed": 42, "inputDim": 30, "numClasses": 2, "postEmbedDim": 30,
 *   "categorical": [ {"column": "sex", "index": 3, "cardinality": 2, "embeddingDim": 1}, ... ],
 *   "tensorEncoding": "base64-float64-le",
 *   "tensors": [ {"name": "initial_bn.weight", "shape": [30], "data": "AAAAAAAA8D8..."}, ... ],
 *   "featureImportance": [ ... one per input column ... ],
 *   "bestEpoch": 17,
 *   "history": [ {"epoch": 0, "loss": 0.71, "lr": 0.02, "metric": 0.64}, ... ]
 * }
 * </pre>
 * Each tensor's data is the base64 text of its values as IEEE-754 doubles in little-endian byte
 * order, row-major in the given shape, so weights round-trip bit-exactly. Tensor names:
 * {@code embedding.<col>.weight} [cardinality, width]; {@code initial_bn.*};
 * {@code shared.<i>.fc.weight}; {@code initial_splitter.*} and {@code feat_transformers.<t>.*}
 * with {@code shared.<i>.bn.*} and {@code independent.<i>.fc.weight / .bn.*};
 * {@code att_transformers.<t>.fc.weight / .bn.*}; {@code final_mapping.weight}. Every FC weight is
 * stored as [in, out] (y = x W, the transpose of PyTorch's layout); batch norms store
 * {@code .weight} (gamma), {@code .bias} (beta), {@code .running_mean}, {@code .running_var}.
 * The hyper-parameters live in the model document's {@code params}.
 *
 * <p>Prediction and explanation methods are synchronised (the network reuses buffers).
 */
public final class TabNetClassifier implements ProbabilisticClassifier {
    /** Registry name. */
    public static final String NAME = "tabnet";
    /** Value of the state's {@code layout} field. */
    public static final String STATE_LAYOUT = "radtab-tabnet";
    /** Value of the state's {@code layoutVersion} field. */
    public static final int STATE_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(TabNetClassifier.class);
    private static final String ENCODING = "base64-float64-le";

    private final TabNetConfig config;
    private final long seed;
    private List<String> featureNames;
    private TabNetNetwork network;
    private double[] importance;
    private List<EpochRecord> history = List.of();
    private int bestEpoch = -1;

    /** An unfitted model; unknown or invalid parameters fail with {@link IllegalArgumentException}. */
    public TabNetClassifier(Map<String, ?> params, long seed) {
        this(TabNetConfig.fromParams(params), seed);
    }

    public TabNetClassifier(TabNetConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    public TabNetConfig config() {
        return config;
    }

    public long seed() {
        return seed;
    }

    /**
     * Fits on all rows of {@code train}; with {@code eval_fraction > 0} a stratified share of
     * them is held out for early stopping.
     */
    @Override
    public void fit(Dataset train) {
        requireLabelled(train, "training set");
        if (config.evalFraction() > 0) {
            int[][] split = stratifiedSplit(train.labels(), config.evalFraction(), TabNetTrainer.mix(seed, 2));
            fit(train.rows(split[0]), train.rows(split[1]), train);
        } else {
            fit(train, null, train);
        }
    }

    /** Fits on {@code train} with early stopping on {@code eval} (same columns; may be null). */
    public void fit(Dataset train, Dataset eval) {
        fit(train, eval, train);
    }

    private synchronized void fit(Dataset train, Dataset eval, Dataset importanceRows) {
        requireLabelled(train, "training set");
        if (eval != null) {
            requireLabelled(eval, "evaluation set");
            if (!eval.columnNames().equals(train.columnNames())) {
                throw new IllegalArgumentException("evaluation set columns differ from the training set's");
            }
        }
        int numClasses = Math.max(train.numClasses(), eval == null ? 2 : eval.numClasses());
        double[][] xTrain = train.toMatrix();
        double[][] xEval = eval == null ? null : eval.toMatrix();
        NetworkSpec spec = networkSpec(config, train.columnNames(), numClasses, xTrain, xEval);
        TabNetTrainer trainer = new TabNetTrainer(config, spec, xTrain, train.labels(), xEval,
            eval == null ? null : eval.labels(), seed);
        trainer.fit();
        this.network = trainer.network();
        this.featureNames = List.copyOf(train.columnNames());
        this.history = List.copyOf(trainer.history());
        this.bestEpoch = trainer.bestEpoch();
        this.importance = globalImportance(explainRows(importanceRows.toMatrix(), false).aggregate());
        LOG.debug("TabNet fitted: {} epochs, best epoch {}", history.size(), bestEpoch);
    }

    /**
     * The network shape for a table: categorical columns resolved by name, cardinalities from
     * {@code cat_dims} or 1 + the largest code in the given rows.
     */
    public static NetworkSpec networkSpec(TabNetConfig config, List<String> columns, int numClasses,
                                          double[][] x, double[][] xEval) {
        int p = columns.size();
        List<String> cats = config.catColumns();
        Integer[] order = new Integer[cats.size()];
        int[] colIndex = new int[cats.size()];
        for (int c = 0; c < cats.size(); c++) {
            colIndex[c] = columns.indexOf(cats.get(c));
            if (colIndex[c] < 0) {
                throw new IllegalArgumentException("cat_columns: no column named '" + cats.get(c) + "'");
            }
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(colIndex[a], colIndex[b]));
        int[] catCols = new int[cats.size()];
        int[] card = new int[cats.size()];
        int[] emb = new int[cats.size()];
        for (int k = 0; k < order.length; k++) {
            int c = order[k];
            catCols[k] = colIndex[c];
            int maxCode = -1;
            for (double[][] rows : new double[][][] {x, xEval}) {
                if (rows == null) {
                    continue;
                }
                for (int r = 0; r < rows.length; r++) {
                    double v = rows[r][colIndex[c]];
                    if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE - 1) {
                        throw new IllegalArgumentException("categorical column '" + cats.get(c) + "', row " + r
                            + ": value " + v + " is not a category code (integer >= 0)");
                    }
                    maxCode = Math.max(maxCode, (int) v);
                }
            }
            if (config.catDims().isEmpty()) {
                card[k] = maxCode + 1;
            } else {
                card[k] = config.catDims().get(c);
                if (maxCode >= card[k]) {
                    throw new IllegalArgumentException("categorical column '" + cats.get(c) + "': code " + maxCode
                        + " is outside cat_dims " + card[k]);
                }
            }
            emb[k] = config.catEmbDim();
        }
        return new NetworkSpec(p, numClasses, config.nD(), config.nA(), config.nSteps(), config.gamma(),
            config.nIndependent(), config.nShared(), config.epsilon(), config.virtualBatchSize(), config.momentum(),
            config.maskType(), catCols, card, emb);
    }

    @Override
    public synchronized double[][] predictProba(double[][] x) {
        double[] flat = checkInput(x);
        return TabNetTrainer.predictProba(network, flat, x.length, featureNames.size());
    }

    /** Per-sample explanations, not normalised (PyTorch-TabNet's {@code explain(X, normalize=False)}). */
    public TabNetExplanation explain(double[][] x) {
        return explain(x, false);
    }

    /**
     * Per-sample explanations: the aggregated mask {@code sum_t eta_t M_t} (optionally each row
     * divided by its sum) and the step masks, in input-column space.
     */
    public synchronized TabNetExplanation explain(double[][] x, boolean normalize) {
        checkInput(x);
        return explainRows(x, normalize);
    }

    private TabNetExplanation explainRows(double[][] x, boolean normalize) {
        int n = x.length;
        int p = featureNames == null ? network.spec().inputDim() : featureNames.size();
        int post = network.postEmbedDim();
        int steps = network.spec().nSteps();
        double[][] agg = new double[n][p];
        double[][][] masks = new double[steps][n][p];
        int chunk = 1024;
        int cap = Math.min(chunk, n);
        double[] buf = new double[cap * p];
        double[][] stepBuf = new double[steps][cap * post];
        double[] explainBuf = new double[cap * post];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            for (int r = 0; r < m; r++) {
                System.arraycopy(x[start + r], 0, buf, r * p, p);
            }
            network.forward(buf, m, false, stepBuf, explainBuf);
            for (int r = 0; r < m; r++) {
                for (int j = 0; j < post; j++) {
                    int col = network.embedding().groupOf(j);
                    agg[start + r][col] += explainBuf[r * post + j];
                    for (int t = 0; t < steps; t++) {
                        masks[t][start + r][col] += stepBuf[t][r * post + j];
                    }
                }
            }
        }
        if (normalize) {
            for (double[] row : agg) {
                double s = 0.0;
                for (double v : row) {
                    s += v;
                }
                if (s > 0) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] /= s;
                    }
                }
            }
        }
        return new TabNetExplanation(agg, masks);
    }

    private static double[] globalImportance(double[][] aggregate) {
        int p = aggregate.length == 0 ? 0 : aggregate[0].length;
        double[] imp = new double[p];
        for (double[] row : aggregate) {
            for (int j = 0; j < p; j++) {
                imp[j] += row[j];
            }
        }
        double total = 0.0;
        for (double v : imp) {
            total += v;
        }
        if (!(total > 0)) {
            LOG.warn("TabNet: every step output is zero on the training rows; feature importance set uniform");
            Arrays.fill(imp, 1.0 / p);
            return imp;
        }
        for (int j = 0; j < p; j++) {
            imp[j] /= total;
        }
        return imp;
    }

    /** Global feature importance per training column (sums to 1). */
    @Override
    public Optional<double[]> featureImportance() {
        return importance == null ? Optional.empty() : Optional.of(importance.clone());
    }

    @Override
    public List<String> featureNames() {
        requireFitted();
        return featureNames;
    }

    @Override
    public Map<String, Object> params() {
        return config.toParams();
    }

    /** Training history, one record per epoch. */
    public List<EpochRecord> history() {
        return history;
    }

    /** Best epoch under early stopping (0-based), or -1 without early stopping. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The fitted network (weights and shapes). */
    public TabNetNetwork network() {
        requireFitted();
        return network;
    }

    @Override
    public synchronized ObjectNode saveState() {
        requireFitted();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode s = f.objectNode();
        NetworkSpec spec = network.spec();
        s.put("layout", STATE_LAYOUT);
        s.put("layoutVersion", STATE_VERSION);
        s.put("seed", seed);
        s.put("inputDim", spec.inputDim());
        s.put("numClasses", spec.numClasses());
        s.put("postEmbedDim", network.postEmbedDim());
        ArrayNode cats = s.putArray("categorical");
        int[] cc = spec.catColumns();
        int[] card = spec.catCardinalities();
        int[] emb = spec.catEmbDims();
        for (int k = 0; k < cc.length; k++) {
            ObjectNode c = cats.addObject();
            c.put("column", featureNames.get(cc[k]));
            c.put("index", cc[k]);
            c.put("cardinality", card[k]);
            c.put("embeddingDim", emb[k]);
        }
        s.put("tensorEncoding", ENCODING);
        ArrayNode tensors = s.putArray("tensors");
        for (Tensor t : network.tensors().values()) {
            ObjectNode o = tensors.addObject();
            o.put("name", t.name());
            ArrayNode shape = o.putArray("shape");
            for (int d : t.shape()) {
                shape.add(d);
            }
            o.put("data", encode(t.data));
        }
        ArrayNode imp = s.putArray("featureImportance");
        for (double v : importance) {
            imp.add(v);
        }
        s.put("bestEpoch", bestEpoch);
        ArrayNode hist = s.putArray("history");
        for (EpochRecord r : history) {
            ObjectNode h = hist.addObject();
            h.put("epoch", r.epoch());
            h.put("loss", r.loss());
            h.put("lr", r.learningRate());
            if (r.evalMetric().isPresent()) {
                h.put("metric", r.evalMetric().getAsDouble());
            }
        }
        return s;
    }

    /**
     * Rebuilds a fitted model from its parameters, training column names and saved state.
     *
     * @throws IllegalArgumentException naming the field or tensor that is missing or inconsistent
     */
    public static TabNetClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        TabNetConfig config = TabNetConfig.fromParams(params);
        if (!STATE_LAYOUT.equals(state.path("layout").asText())) {
            throw new IllegalArgumentException("TabNet state: \"layout\" must be \"" + STATE_LAYOUT + "\"");
        }
        if (state.path("layoutVersion").asInt(-1) != STATE_VERSION) {
            throw new IllegalArgumentException("TabNet state: unsupported layoutVersion "
                + state.path("layoutVersion") + " (this RadTab reads " + STATE_VERSION + ")");
        }
        if (!ENCODING.equals(state.path("tensorEncoding").asText())) {
            throw new IllegalArgumentException("TabNet state: tensorEncoding must be \"" + ENCODING + "\"");
        }
        int inputDim = requiredInt(state, "inputDim");
        if (inputDim != featureNames.size()) {
            throw new IllegalArgumentException("TabNet state: inputDim " + inputDim + " but " + featureNames.size()
                + " feature names");
        }
        int numClasses = requiredInt(state, "numClasses");
        JsonNode cats = state.path("categorical");
        if (!cats.isArray()) {
            throw new IllegalArgumentException("TabNet state: missing \"categorical\" array");
        }
        int k = cats.size();
        int[] cc = new int[k];
        int[] card = new int[k];
        int[] emb = new int[k];
        Set<String> catNames = new HashSet<>();
        for (int i = 0; i < k; i++) {
            JsonNode c = cats.get(i);
            cc[i] = requiredInt(c, "index");
            card[i] = requiredInt(c, "cardinality");
            emb[i] = requiredInt(c, "embeddingDim");
            catNames.add(c.path("column").asText());
        }
        if (!catNames.equals(new HashSet<>(config.catColumns()))) {
            throw new IllegalArgumentException("TabNet state: categorical columns " + catNames
                + " differ from cat_columns " + config.catColumns());
        }
        NetworkSpec spec = new NetworkSpec(inputDim, numClasses, config.nD(), config.nA(), config.nSteps(),
            config.gamma(), config.nIndependent(), config.nShared(), config.epsilon(), config.virtualBatchSize(),
            config.momentum(), config.maskType(), cc, card, emb);
        TabNetNetwork net = new TabNetNetwork(spec, new Random(0));
        Map<String, Tensor> tensors = net.tensors();
        JsonNode list = state.path("tensors");
        if (!list.isArray()) {
            throw new IllegalArgumentException("TabNet state: missing \"tensors\" array");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode o : list) {
            String name = o.path("name").asText();
            Tensor t = tensors.get(name);
            if (t == null) {
                throw new IllegalArgumentException("TabNet state: unexpected tensor '" + name + "' for " + spec);
            }
            int[] shape = new int[o.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = o.path("shape").get(i).asInt();
            }
            if (!Arrays.equals(shape, t.shape())) {
                throw new IllegalArgumentException("TabNet state: tensor '" + name + "' has shape "
                    + Arrays.toString(shape) + ", expected " + Arrays.toString(t.shape()));
            }
            decode(o.path("data").asText(), t.data, name);
            seen.add(name);
        }
        if (!seen.equals(tensors.keySet())) {
            Set<String> missing = new HashSet<>(tensors.keySet());
            missing.removeAll(seen);
            throw new IllegalArgumentException("TabNet state: missing tensors " + missing);
        }
        TabNetClassifier m = new TabNetClassifier(config, state.path("seed").asLong(0));
        m.network = net;
        m.featureNames = List.copyOf(featureNames);
        JsonNode imp = state.path("featureImportance");
        if (!imp.isArray() || imp.size() != inputDim) {
            throw new IllegalArgumentException("TabNet state: featureImportance must list " + inputDim + " values");
        }
        m.importance = new double[inputDim];
        for (int i = 0; i < inputDim; i++) {
            m.importance[i] = imp.get(i).asDouble();
        }
        m.bestEpoch = state.path("bestEpoch").asInt(-1);
        List<EpochRecord> hist = new ArrayList<>();
        for (JsonNode h : state.path("history")) {
            hist.add(new EpochRecord(h.path("epoch").asInt(), h.path("loss").asDouble(), h.path("lr").asDouble(),
                h.has("metric") ? OptionalDouble.of(h.get("metric").asDouble()) : OptionalDouble.empty()));
        }
        m.history = Collections.unmodifiableList(hist);
        return m;
    }

    private static int requiredInt(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalArgumentException("TabNet state: missing or non-integer \"" + field + "\"");
        }
        return v.asInt();
    }

    static String encode(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    static void decode(String text, double[] into, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TabNet state: tensor '" + name + "' data is not base64", e);
        }
        if (bytes.length != into.length * Double.BYTES) {
            throw new IllegalArgumentException("TabNet state: tensor '" + name + "' has " + bytes.length / Double.BYTES
                + " values, expected " + into.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < into.length; i++) {
            into[i] = b.getDouble();
        }
    }

    private double[] checkInput(double[][] x) {
        requireFitted();
        int p = featureNames.size();
        int[] cc = network.spec().catColumns();
        int[] card = network.spec().catCardinalities();
        double[] flat = new double[x.length * p];
        for (int r = 0; r < x.length; r++) {
            if (x[r] == null || x[r].length != p) {
                throw new IllegalArgumentException("row " + r + " has " + (x[r] == null ? 0 : x[r].length)
                    + " values, expected " + p + " (" + featureNames + ")");
            }
            for (int j = 0; j < p; j++) {
                double v = x[r][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + r + ", column '" + featureNames.get(j) + "': value "
                        + v + " is not finite");
                }
                flat[r * p + j] = v;
            }
            for (int k = 0; k < cc.length; k++) {
                double v = x[r][cc[k]];
                if (v != Math.rint(v) || v < 0 || v >= card[k]) {
                    throw new IllegalArgumentException("row " + r + ", categorical column '" + featureNames.get(cc[k])
                        + "': value " + v + " is not a known category code (0.." + (card[k] - 1) + ")");
                }
            }
        }
        return flat;
    }

    private void requireFitted() {
        if (network == null) {
            throw new IllegalStateException("TabNet model is not fitted");
        }
    }

    private static void requireLabelled(Dataset d, String what) {
        if (!d.hasLabels()) {
            throw new IllegalArgumentException(what + " has no labels");
        }
        if (d.rows() < 2) {
            throw new IllegalArgumentException(what + " has " + d.rows() + " rows; TabNet needs at least 2");
        }
    }

    /**
     * Stratified split: per class (in class order), the class's row indices are shuffled and
     * {@code round(fraction * count)} of them (at least 1 when the class has 2 or more rows) go to
     * the second part. Returns {train rows, eval rows}, each in increasing order.
     */
    static int[][] stratifiedSplit(int[] y, double fraction, long seed) {
        Random rng = new Random(seed);
        int classes = 0;
        for (int v : y) {
            classes = Math.max(classes, v + 1);
        }
        boolean[] held = new boolean[y.length];
        for (int c = 0; c < classes; c++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    idx.add(i);
                }
            }
            int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
            for (int i = a.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
            int take = (int) Math.round(fraction * a.length);
            if (take == 0 && a.length >= 2) {
                take = 1;
            }
            take = Math.min(take, a.length - 1);
            for (int i = 0; i < take; i++) {
                held[a[i]] = true;
            }
        }
        int nEval = 0;
        for (boolean h : held) {
            nEval += h ? 1 : 0;
        }
        int[] tr = new int[y.length - nEval];
        int[] ev = new int[nEval];
        int a = 0;
        int b = 0;
        for (int i = 0; i < y.length; i++) {
            if (held[i]) {
                ev[b++] = i;
            } else {
                tr[a++] = i;
            }
        }
        return new int[][] {tr, ev};
    }
}
