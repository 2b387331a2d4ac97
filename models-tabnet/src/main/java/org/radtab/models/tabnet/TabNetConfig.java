package org.radtab.models.tabnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.radtab.models.tabnet.nn.MaskType;

/**
 * The resolved hyper-parameters of a {@link TabNetClassifier}, read from and written to the
 * parameter map of the ml-core API (snake_case names as in PyTorch-TabNet).
 *
 * <table>
 *   <caption>Parameters (default)</caption>
 *   <tr><td>n_d</td><td>decision width (8)</td></tr>
 *   <tr><td>n_a</td><td>attention width (equal to n_d when absent)</td></tr>
 *   <tr><td>n_steps</td><td>decision steps (3)</td></tr>
 *   <tr><td>gamma</td><td>prior relaxation, &gt;= 1 (1.3)</td></tr>
 *   <tr><td>n_independent</td><td>step-specific GLU layers (2)</td></tr>
 *   <tr><td>n_shared</td><td>shared GLU layers (2)</td></tr>
 *   <tr><td>epsilon</td><td>inside log(M + epsilon) of the sparsity term (1e-15)</td></tr>
 *   <tr><td>momentum</td><td>ghost batch norm momentum (0.02)</td></tr>
 *   <tr><td>virtual_batch_size</td><td>ghost batch norm chunk (128)</td></tr>
 *   <tr><td>mask_type</td><td>"sparsemax" or "entmax" ("sparsemax")</td></tr>
 *   <tr><td>lambda_sparse</td><td>sparsity coefficient (1e-3)</td></tr>
 *   <tr><td>lr</td><td>Adam learning rate (0.02)</td></tr>
 *   <tr><td>weight_decay</td><td>Adam's L2 weight decay on every trainable tensor, PyTorch's
 *       {@code Adam(weight_decay=)} (PyTorch-TabNet: {@code optimizer_params}) (0)</td></tr>
 *   <tr><td>batch_size</td><td>rows per batch, capped at the training row count (1024)</td></tr>
 *   <tr><td>drop_last</td><td>drop the last incomplete batch of an epoch (true)</td></tr>
 *   <tr><td>max_epochs</td><td>(100)</td></tr>
 *   <tr><td>patience</td><td>epochs without improvement before stopping; 0 = no early stopping (10)</td></tr>
 *   <tr><td>clip_value</td><td>max global gradient L2 norm; 0 = no clipping (1.0)</td></tr>
 *   <tr><td>scheduler_step_size</td><td>StepLR period in epochs; 0 = constant lr (0)</td></tr>
 *   <tr><td>scheduler_gamma</td><td>StepLR factor (0.9)</td></tr>
 *   <tr><td>eval_fraction</td><td>stratified share of the rows given to {@code fit(Dataset)} held out
 *       as the early-stopping set; 0 = none (0.0)</td></tr>
 *   <tr><td>eval_metric</td><td>"auto" (AUROC for two classes, else accuracy), "auc", "accuracy",
 *       "logloss" ("auto")</td></tr>
 *   <tr><td>class_weight</td><td>"none", "balanced" (n / (k n_c)) or a list of per-class weights ("none")</td></tr>
 *   <tr><td>weights</td><td>PyTorch-TabNet's sampling {@code weights}: 0 = shuffle every epoch;
 *       1 = draw each epoch's rows with replacement, probability proportional to 1 / (rows of the
 *       row's class) ({@code WeightedRandomSampler}); a list = one sampling weight per class (0)</td></tr>
 *   <tr><td>cat_columns</td><td>names of categorical columns (integer codes 0..c-1) ([])</td></tr>
 *   <tr><td>cat_dims</td><td>cardinality per categorical column; [] = 1 + the largest code seen in fit ([])</td></tr>
 *   <tr><td>cat_emb_dim</td><td>embedding width of every categorical column (1)</td></tr>
 * </table>
 */
public record TabNetConfig(int nD, int nA, int nSteps, double gamma, int nIndependent, int nShared, double epsilon,
                           double momentum, int virtualBatchSize, MaskType maskType, double lambdaSparse, double lr,
                           double weightDecay, int batchSize, boolean dropLast, int maxEpochs, int patience,
                           double clipValue, int schedulerStepSize, double schedulerGamma, double evalFraction,
                           String evalMetric, String classWeightMode, List<Double> classWeights,
                           String samplingMode, List<Double> samplingWeights, List<String> catColumns,
                           List<Integer> catDims, int catEmbDim) {

    public static final String N_D = "n_d";
    public static final String N_A = "n_a";
    public static final String N_STEPS = "n_steps";
    public static final String GAMMA = "gamma";
    public static final String N_INDEPENDENT = "n_independent";
    public static final String N_SHARED = "n_shared";
    public static final String EPSILON = "epsilon";
    public static final String MOMENTUM = "momentum";
    public static final String VIRTUAL_BATCH_SIZE = "virtual_batch_size";
    public static final String MASK_TYPE = "mask_type";
    public static final String LAMBDA_SPARSE = "lambda_sparse";
    public static final String LR = "lr";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String BATCH_SIZE = "batch_size";
    public static final String DROP_LAST = "drop_last";
    public static final String MAX_EPOCHS = "max_epochs";
    public static final String PATIENCE = "patience";
    public static final String CLIP_VALUE = "clip_value";
    public static final String SCHEDULER_STEP_SIZE = "scheduler_step_size";
    public static final String SCHEDULER_GAMMA = "scheduler_gamma";
    public static final String EVAL_FRACTION = "eval_fraction";
    public static final String EVAL_METRIC = "eval_metric";
    public static final String CLASS_WEIGHT = "class_weight";
    public static final String WEIGHTS = "weights";
    public static final String CAT_COLUMNS = "cat_columns";
    public static final String CAT_DIMS = "cat_dims";
    public static final String CAT_EMB_DIM = "cat_emb_dim";

    private static final Set<String> METRICS = Set.of("auto", "auc", "accuracy", "logloss");

    public TabNetConfig {
        check(nD >= 1, N_D, "must be >= 1", nD);
        check(nA >= 1, N_A, "must be >= 1", nA);
        check(nSteps >= 1, N_STEPS, "must be >= 1", nSteps);
        check(Double.isFinite(gamma) && gamma >= 1.0, GAMMA, "must be >= 1", gamma);
        check(nIndependent >= 0, N_INDEPENDENT, "must be >= 0", nIndependent);
        check(nShared >= 0, N_SHARED, "must be >= 0", nShared);
        check(nIndependent + nShared >= 1, N_SHARED, "and n_independent cannot both be 0", nShared);
        check(epsilon > 0 && epsilon < 1, EPSILON, "must be in (0, 1)", epsilon);
        check(momentum > 0 && momentum <= 1, MOMENTUM, "must be in (0, 1]", momentum);
        check(virtualBatchSize >= 2, VIRTUAL_BATCH_SIZE, "must be >= 2", virtualBatchSize);
        check(Double.isFinite(lambdaSparse) && lambdaSparse >= 0, LAMBDA_SPARSE, "must be >= 0", lambdaSparse);
        check(Double.isFinite(lr) && lr > 0, LR, "must be > 0", lr);
        check(Double.isFinite(weightDecay) && weightDecay >= 0, WEIGHT_DECAY, "must be >= 0", weightDecay);
        check(batchSize >= 2, BATCH_SIZE, "must be >= 2", batchSize);
        check(maxEpochs >= 1, MAX_EPOCHS, "must be >= 1", maxEpochs);
        check(patience >= 0, PATIENCE, "must be >= 0", patience);
        check(Double.isFinite(clipValue) && clipValue >= 0, CLIP_VALUE, "must be >= 0", clipValue);
        check(schedulerStepSize >= 0, SCHEDULER_STEP_SIZE, "must be >= 0", schedulerStepSize);
        check(schedulerGamma > 0 && schedulerGamma <= 1, SCHEDULER_GAMMA, "must be in (0, 1]", schedulerGamma);
        check(evalFraction >= 0 && evalFraction < 1, EVAL_FRACTION, "must be in [0, 1)", evalFraction);
        check(METRICS.contains(evalMetric), EVAL_METRIC, "must be one of " + METRICS, evalMetric);
        check(classWeightMode.equals("none") || classWeightMode.equals("balanced") || classWeightMode.equals("list"),
            CLASS_WEIGHT, "must be \"none\", \"balanced\" or a list of weights", classWeightMode);
        classWeights = List.copyOf(classWeights);
        for (double w : classWeights) {
            check(Double.isFinite(w) && w >= 0, CLASS_WEIGHT, "weights must be finite and >= 0", classWeights);
        }
        check(samplingMode.equals("none") || samplingMode.equals("balanced") || samplingMode.equals("list"),
            WEIGHTS, "must be 0, 1 or a list of per-class weights", samplingMode);
        samplingWeights = List.copyOf(samplingWeights);
        for (double w : samplingWeights) {
            check(Double.isFinite(w) && w >= 0, WEIGHTS, "weights must be finite and >= 0", samplingWeights);
        }
        check(catEmbDim >= 1, CAT_EMB_DIM, "must be >= 1", catEmbDim);
        catColumns = List.copyOf(catColumns);
        catDims = List.copyOf(catDims);
        check(catDims.isEmpty() || catDims.size() == catColumns.size(), CAT_DIMS,
            "must be empty or give one cardinality per cat_columns entry", catDims);
        for (int c : catDims) {
            check(c >= 1, CAT_DIMS, "cardinalities must be >= 1", catDims);
        }
        check(catColumns.stream().distinct().count() == catColumns.size(), CAT_COLUMNS, "has duplicates", catColumns);
    }

    /** The defaults (PyTorch-TabNet's, see the class comment); {@code n_a} follows {@code n_d}. */
    public static TabNetConfig defaults() {
        return fromParams(Map.of());
    }

    /** The default parameter map (without {@code n_a}, which defaults to {@code n_d}). */
    public static Map<String, Object> defaultParams() {
        Map<String, Object> m = defaults().toParams();
        m.remove(N_A);
        return m;
    }

    /** Names of all accepted parameters. */
    public static Set<String> names() {
        return defaults().toParams().keySet();
    }

    /**
     * Reads a parameter map; missing entries take their defaults.
     *
     * @throws IllegalArgumentException naming an unknown parameter or a bad value
     */
    public static TabNetConfig fromParams(Map<String, ?> params) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        int nD = intParam(p, N_D, 8);
        int nA = intParam(p, N_A, nD);
        int nSteps = intParam(p, N_STEPS, 3);
        double gamma = doubleParam(p, GAMMA, 1.3);
        int nInd = intParam(p, N_INDEPENDENT, 2);
        int nShared = intParam(p, N_SHARED, 2);
        double epsilon = doubleParam(p, EPSILON, 1e-15);
        double momentum = doubleParam(p, MOMENTUM, 0.02);
        int vbs = intParam(p, VIRTUAL_BATCH_SIZE, 128);
        Object mt = p.remove(MASK_TYPE);
        MaskType maskType = mt == null ? MaskType.SPARSEMAX : MaskType.parse(String.valueOf(mt));
        double lambda = doubleParam(p, LAMBDA_SPARSE, 1e-3);
        double lr = doubleParam(p, LR, 0.02);
        double weightDecay = doubleParam(p, WEIGHT_DECAY, 0.0);
        int batch = intParam(p, BATCH_SIZE, 1024);
        boolean dropLast = boolParam(p, DROP_LAST, true);
        int maxEpochs = intParam(p, MAX_EPOCHS, 100);
        int patience = intParam(p, PATIENCE, 10);
        double clip = doubleParam(p, CLIP_VALUE, 1.0);
        int stepSize = intParam(p, SCHEDULER_STEP_SIZE, 0);
        double schedGamma = doubleParam(p, SCHEDULER_GAMMA, 0.9);
        double evalFraction = doubleParam(p, EVAL_FRACTION, 0.0);
        Object em = p.remove(EVAL_METRIC);
        String evalMetric = em == null ? "auto" : String.valueOf(em).trim().toLowerCase(Locale.ROOT);
        if (evalMetric.equals("auroc") || evalMetric.equals("roc_auc")) {
            evalMetric = "auc";
        }
        Object cw = p.remove(CLASS_WEIGHT);
        String cwMode;
        List<Double> cwList = new ArrayList<>();
        if (cw == null || (cw instanceof String s && s.trim().equalsIgnoreCase("none"))) {
            cwMode = "none";
        } else if (cw instanceof String s && s.trim().equalsIgnoreCase("balanced")) {
            cwMode = "balanced";
        } else if (cw instanceof List<?> list) {
            cwMode = "list";
            for (Object o : list) {
                cwList.add(toDouble(CLASS_WEIGHT, o));
            }
            if (cwList.isEmpty()) {
                throw bad(CLASS_WEIGHT, "an empty weight list", cw);
            }
        } else {
            throw bad(CLASS_WEIGHT, "must be \"none\", \"balanced\" or a list of weights", cw);
        }
        Object sw = p.remove(WEIGHTS);
        String swMode;
        List<Double> swList = new ArrayList<>();
        if (sw == null || isNumber(sw, 0) || (sw instanceof String s && s.trim().equalsIgnoreCase("none"))) {
            swMode = "none";
        } else if (isNumber(sw, 1) || (sw instanceof String s && s.trim().equalsIgnoreCase("balanced"))) {
            swMode = "balanced";
        } else if (sw instanceof List<?> list && !list.isEmpty()) {
            swMode = "list";
            for (Object o : list) {
                swList.add(toDouble(WEIGHTS, o));
            }
        } else {
            throw bad(WEIGHTS, "must be 0, 1 (\"balanced\") or a list of per-class weights", sw);
        }
        List<String> catColumns = stringList(p, CAT_COLUMNS);
        List<Integer> catDims = new ArrayList<>();
        Object cd = p.remove(CAT_DIMS);
        if (cd != null) {
            if (!(cd instanceof List<?> list)) {
                throw bad(CAT_DIMS, "must be a list of integers", cd);
            }
            for (Object o : list) {
                catDims.add(toInt(CAT_DIMS, o));
            }
        }
        int catEmbDim = intParam(p, CAT_EMB_DIM, 1);
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("unknown TabNet parameter(s) " + p.keySet() + "; known: " + names());
        }
        return new TabNetConfig(nD, nA, nSteps, gamma, nInd, nShared, epsilon, momentum, vbs, maskType, lambda, lr,
            weightDecay, batch, dropLast, maxEpochs, patience, clip, stepSize, schedGamma, evalFraction, evalMetric,
            cwMode, cwList, swMode, swList, catColumns, catDims, catEmbDim);
    }

    /** The full parameter map (every name, resolved values), JSON-friendly. */
    public Map<String, Object> toParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(N_D, nD);
        m.put(N_A, nA);
        m.put(N_STEPS, nSteps);
        m.put(GAMMA, gamma);
        m.put(N_INDEPENDENT, nIndependent);
        m.put(N_SHARED, nShared);
        m.put(EPSILON, epsilon);
        m.put(MOMENTUM, momentum);
        m.put(VIRTUAL_BATCH_SIZE, virtualBatchSize);
        m.put(MASK_TYPE, maskType.id());
        m.put(LAMBDA_SPARSE, lambdaSparse);
        m.put(LR, lr);
        m.put(WEIGHT_DECAY, weightDecay);
        m.put(BATCH_SIZE, batchSize);
        m.put(DROP_LAST, dropLast);
        m.put(MAX_EPOCHS, maxEpochs);
        m.put(PATIENCE, patience);
        m.put(CLIP_VALUE, clipValue);
        m.put(SCHEDULER_STEP_SIZE, schedulerStepSize);
        m.put(SCHEDULER_GAMMA, schedulerGamma);
        m.put(EVAL_FRACTION, evalFraction);
        m.put(EVAL_METRIC, evalMetric);
        m.put(CLASS_WEIGHT, classWeightMode.equals("list") ? new ArrayList<>(classWeights) : classWeightMode);
        m.put(WEIGHTS, samplingMode.equals("list") ? new ArrayList<>(samplingWeights)
            : samplingMode.equals("balanced") ? 1 : 0);
        m.put(CAT_COLUMNS, new ArrayList<>(catColumns));
        m.put(CAT_DIMS, new ArrayList<>(catDims));
        m.put(CAT_EMB_DIM, catEmbDim);
        return m;
    }

    /** Learning rate in epoch {@code epoch} (0-based): {@code lr * scheduler_gamma^floor(epoch / step)}. */
    public double learningRate(int epoch) {
        return schedulerStepSize == 0 ? lr : lr * Math.pow(schedulerGamma, epoch / schedulerStepSize);
    }

    private static boolean isNumber(Object o, int value) {
        return o instanceof Number num && num.doubleValue() == value;
    }

    private static int intParam(Map<String, Object> p, String name, int def) {
        Object o = p.remove(name);
        return o == null ? def : toInt(name, o);
    }

    private static double doubleParam(Map<String, Object> p, String name, double def) {
        Object o = p.remove(name);
        return o == null ? def : toDouble(name, o);
    }

    private static boolean boolParam(Map<String, Object> p, String name, boolean def) {
        Object o = p.remove(name);
        if (o == null) {
            return def;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw bad(name, "must be a boolean", o);
    }

    private static List<String> stringList(Map<String, Object> p, String name) {
        Object o = p.remove(name);
        if (o == null) {
            return Collections.emptyList();
        }
        if (!(o instanceof List<?> list)) {
            throw bad(name, "must be a list of column names", o);
        }
        List<String> out = new ArrayList<>();
        for (Object e : list) {
            if (!(e instanceof String s)) {
                throw bad(name, "must be a list of column names", o);
            }
            out.add(s);
        }
        return out;
    }

    static int toInt(String name, Object o) {
        if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
            long v = ((Number) o).longValue();
            if (v != (int) v) {
                throw bad(name, "is out of int range", o);
            }
            return (int) v;
        }
        if (o instanceof Number num) {
            double d = num.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
            throw bad(name, "must be an integer", o);
        }
        if (o instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw bad(name, "must be an integer", o);
            }
        }
        throw bad(name, "must be an integer", o);
    }

    static double toDouble(String name, Object o) {
        if (o instanceof Number num) {
            double d = num.doubleValue();
            if (!Double.isFinite(d)) {
                throw bad(name, "must be finite", o);
            }
            return d;
        }
        if (o instanceof String s) {
            try {
                return toDouble(name, Double.parseDouble(s.trim()));
            } catch (NumberFormatException e) {
                throw bad(name, "must be a number", o);
            }
        }
        throw bad(name, "must be a number", o);
    }

    private static void check(boolean ok, String name, String rule, Object value) {
        if (!ok) {
            throw bad(name, rule, value);
        }
    }

    private static IllegalArgumentException bad(String name, String rule, Object value) {
        return new IllegalArgumentException("TabNet parameter " + name + " " + rule + " (was " + value + ")");
    }
}
