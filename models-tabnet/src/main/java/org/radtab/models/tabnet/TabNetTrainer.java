package org.radtab.models.tabnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.radtab.models.tabnet.nn.Adam;
import org.radtab.models.tabnet.nn.BatchNorm;
import org.radtab.models.tabnet.nn.NetworkSpec;
import org.radtab.models.tabnet.nn.TabNetNetwork;
import org.radtab.models.tabnet.nn.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TabNet training loop (PyTorch-TabNet's {@code fit}), one epoch at a time.
 *
 * <p>Per epoch: the training rows are shuffled (Fisher-Yates from a {@link Random} seeded from
 * the model seed) or, with sampling {@code weights} (PyTorch-TabNet's {@code weights = 1} or a
 * per-class map, i.e. {@code WeightedRandomSampler(w, n, replacement=True)}), n rows are drawn
 * with replacement with probability {@code w_i / sum(w)} ({@code w_i = 1 / count(y_i)} for
 * "balanced", the class's weight for a list), and cut into batches of {@code min(batch_size, rows)}; the last incomplete
 * batch is dropped when {@code drop_last} (a final batch that would leave a 1-row virtual batch
 * is always dropped, since batch norm cannot train on one row). For each batch: zero the
 * gradients, training-mode forward, loss {@code CE - lambda_sparse * L_sparse}, backward,
 * gradient-norm clipping at {@code clip_value}, one Adam step with the epoch's learning rate
 * (StepLR schedule) and {@code weight_decay}. Then, when there is an evaluation set, the metric
 * is computed in evaluation mode and early stopping applies PyTorch-TabNet's rule: an epoch improves when the
 * metric beats the best so far (strictly: higher AUROC/accuracy, lower log-loss); the weights
 * of the best epoch are kept; training stops once {@code patience} epochs in a row did not
 * improve; at the end the best weights (parameters and batch-norm statistics) are restored.
 * Without an evaluation set, or with {@code patience = 0}, all {@code max_epochs} run and the
 * last weights are kept.
 *
 * <p>Everything runs on the calling thread in a fixed order, so a seed gives bit-identical
 * weights.
 */
public final class TabNetTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(TabNetTrainer.class);

    private final TabNetConfig config;
    private final NetworkSpec spec;
    private final TabNetNetwork network;
    private final Adam adam;
    private final List<Tensor> params;
    private final List<Tensor> allTensors;
    private final int p;
    private final double[] xTrain;
    private final int[] yTrain;
    private final int nTrain;
    private final double[] xEval;
    private final int[] yEval;
    private final int nEval;
    private final int batchSize;
    private final double[] classWeights;
    private final double[] samplingCdf; // cumulative row sampling weights, or null for shuffling
    private final String metric;
    private final boolean maximize;
    private final Random shuffleRng;
    private final int[] order;
    private final double[] xBatch;
    private final int[] yBatch;
    private final List<EpochRecord> history = new ArrayList<>();

    private int epoch;
    private double bestMetric;
    private int bestEpoch = -1;
    private int wait;
    private double[][] bestWeights;
    private boolean stop;

    /**
     * @param xEval null for no evaluation set (then {@code yEval} is ignored)
     * @throws IllegalArgumentException on inconsistent data or settings
     */
    public TabNetTrainer(TabNetConfig config, NetworkSpec spec, double[][] xTrain, int[] yTrain, double[][] xEval,
                         int[] yEval, long seed) {
        this.config = config;
        this.spec = spec;
        this.p = spec.inputDim();
        this.nTrain = xTrain.length;
        if (yTrain.length != nTrain) {
            throw new IllegalArgumentException(yTrain.length + " labels for " + nTrain + " training rows");
        }
        if (nTrain < 2) {
            throw new IllegalArgumentException("TabNet needs at least 2 training rows, got " + nTrain);
        }
        this.xTrain = flatten(xTrain, p, "training");
        this.yTrain = checkLabels(yTrain.clone(), spec.numClasses(), "training");
        if (xEval != null) {
            this.nEval = xEval.length;
            if (yEval == null || yEval.length != nEval) {
                throw new IllegalArgumentException("evaluation set: labels missing or of the wrong length");
            }
            if (nEval == 0) {
                throw new IllegalArgumentException("evaluation set is empty");
            }
            this.xEval = flatten(xEval, p, "evaluation");
            this.yEval = checkLabels(yEval.clone(), spec.numClasses(), "evaluation");
        } else {
            this.nEval = 0;
            this.xEval = null;
            this.yEval = null;
        }
        this.batchSize = Math.min(config.batchSize(), nTrain);
        if (!trainable(batchSize)) {
            throw new IllegalArgumentException("batch_size " + batchSize + " with virtual_batch_size "
                + spec.virtualBatchSize() + " gives a virtual batch of 1 row; batch norm needs >= 2");
        }
        this.metric = resolveMetric(config.evalMetric(), spec.numClasses());
        this.maximize = !metric.equals("logloss");
        this.bestMetric = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (this.yEval != null && metric.equals("auc")) {
            boolean pos = false;
            boolean neg = false;
            for (int y : this.yEval) {
                pos |= y == 1;
                neg |= y != 1;
            }
            if (!pos || !neg) {
                throw new IllegalArgumentException("evaluation set needs both classes for AUROC early stopping");
            }
        }
        this.classWeights = classWeights(config, this.yTrain, spec.numClasses());
        this.samplingCdf = samplingCdf(config, this.yTrain, spec.numClasses());
        this.network = new TabNetNetwork(spec, new Random(mix(seed, 0)));
        this.params = network.parameters();
        this.allTensors = new ArrayList<>(network.parameters());
        allTensors.addAll(network.buffers());
        this.adam = new Adam(params, config.weightDecay());
        this.shuffleRng = new Random(mix(seed, 1));
        this.order = new int[nTrain];
        this.xBatch = new double[batchSize * p];
        this.yBatch = new int[batchSize];
    }

    /** The network being trained. */
    public TabNetNetwork network() {
        return network;
    }

    /** The effective batch size ({@code min(batch_size, training rows)}). */
    public int batchSize() {
        return batchSize;
    }

    /** The early-stopping metric name ("auc", "accuracy" or "logloss"). */
    public String metric() {
        return metric;
    }

    /** History so far, one record per epoch run by {@link #runEpoch()}. */
    public List<EpochRecord> history() {
        return Collections.unmodifiableList(history);
    }

    /** The best epoch (0-based) under early stopping, or -1 when early stopping is not active. */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** Whether early stopping has asked to stop. */
    public boolean shouldStop() {
        return stop;
    }

    /** Whether an evaluation set and a positive patience make early stopping active. */
    public boolean earlyStopping() {
        return xEval != null && config.patience() > 0;
    }

    /**
     * Runs training to the end: epochs until {@code max_epochs} or early stopping, then restores
     * the best weights when early stopping is active.
     */
    public void fit() {
        while (epoch < config.maxEpochs() && !stop) {
            runEpoch();
        }
        if (bestWeights != null) {
            restore(bestWeights);
            LOG.debug("TabNet: best epoch {} ({} = {}), weights restored", bestEpoch, metric, bestMetric);
        }
    }

    /** One epoch: training, evaluation, early-stopping bookkeeping, history. */
    public EpochRecord runEpoch() {
        double lr = config.learningRate(epoch);
        double loss = trainEpoch(lr);
        OptionalDouble m = OptionalDouble.empty();
        if (xEval != null) {
            double v = evaluate();
            m = OptionalDouble.of(v);
            if (config.patience() > 0) {
                boolean improved = maximize ? v - bestMetric > 0 : bestMetric - v > 0;
                if (improved) {
                    bestMetric = v;
                    bestEpoch = epoch;
                    wait = 1;
                    bestWeights = snapshot(bestWeights);
                } else {
                    if (wait >= config.patience()) {
                        stop = true;
                    }
                    wait++;
                }
            }
        }
        EpochRecord rec = new EpochRecord(epoch, loss, lr, m);
        history.add(rec);
        if (LOG.isDebugEnabled()) {
            LOG.debug("TabNet epoch {}: loss {} lr {} {} {}", epoch, loss, lr, metric, m);
        }
        epoch++;
        return rec;
    }

    /** One pass over the shuffled training rows at the scheduled learning rate; returns the mean loss. */
    public double trainEpoch() {
        return trainEpoch(config.learningRate(epoch));
    }

    private double trainEpoch(double lr) {
        if (samplingCdf != null) {
            drawWithReplacement(samplingCdf, shuffleRng, order);
        } else {
            for (int i = 0; i < nTrain; i++) {
                order[i] = i;
            }
            for (int i = nTrain - 1; i > 0; i--) {
                int j = shuffleRng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        double lossSum = 0.0;
        long seen = 0;
        for (int start = 0; start < nTrain; start += batchSize) {
            int m = Math.min(batchSize, nTrain - start);
            if (m < batchSize && (config.dropLast() || !trainable(m))) {
                break;
            }
            for (int r = 0; r < m; r++) {
                int src = order[start + r];
                System.arraycopy(xTrain, src * p, xBatch, r * p, p);
                yBatch[r] = yTrain[src];
            }
            network.zeroGrad();
            network.forward(xBatch, m, true);
            double loss = network.backward(yBatch, classWeights, config.lambdaSparse());
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("TabNet training diverged in epoch " + epoch + " (loss " + loss
                    + "); lower lr or enable clip_value");
            }
            if (config.clipValue() > 0) {
                Adam.clipGradNorm(params, config.clipValue());
            }
            adam.step(lr);
            lossSum += loss * m;
            seen += m;
        }
        return seen == 0 ? Double.NaN : lossSum / seen;
    }

    private boolean trainable(int m) {
        if (m < 2) {
            return false;
        }
        int[] b = BatchNorm.chunkBounds(m, spec.virtualBatchSize());
        for (int c = 0; c + 1 < b.length; c++) {
            if (b[c + 1] - b[c] < 2) {
                return false;
            }
        }
        return true;
    }

    /** The early-stopping metric on the evaluation set (evaluation mode). */
    public double evaluate() {
        if (xEval == null) {
            throw new IllegalStateException("no evaluation set");
        }
        double[][] proba = predictProba(network, xEval, nEval, p);
        return score(metric, proba, yEval);
    }

    static double score(String metric, double[][] proba, int[] y) {
        switch (metric) {
            case "auc": {
                double[] s = new double[proba.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = proba[i][1];
                }
                return Auroc.of(s, y);
            }
            case "accuracy": {
                int ok = 0;
                for (int i = 0; i < proba.length; i++) {
                    int best = 0;
                    for (int c = 1; c < proba[i].length; c++) {
                        if (proba[i][c] > proba[i][best]) {
                            best = c;
                        }
                    }
                    ok += best == y[i] ? 1 : 0;
                }
                return (double) ok / proba.length;
            }
            case "logloss": {
                double s = 0.0;
                for (int i = 0; i < proba.length; i++) {
                    s -= Math.log(Math.max(proba[i][y[i]], 1e-15));
                }
                return s / proba.length;
            }
            default:
                throw new IllegalArgumentException("unknown metric " + metric);
        }
    }

    /** Class probabilities in evaluation mode, in chunks of 1024 rows (row-independent, so chunking is exact). */
    static double[][] predictProba(TabNetNetwork net, double[] x, int n, int p) {
        int classes = net.spec().numClasses();
        double[][] out = new double[n][];
        int chunk = 1024;
        double[] buf = new double[Math.min(chunk, n) * p];
        for (int start = 0; start < n; start += chunk) {
            int m = Math.min(chunk, n - start);
            System.arraycopy(x, start * p, buf, 0, m * p);
            double[] logits = net.forward(buf, m, false);
            double[][] pr = TabNetNetwork.softmax(logits, m, classes);
            System.arraycopy(pr, 0, out, start, m);
        }
        return out;
    }

    private double[][] snapshot(double[][] into) {
        double[][] s = into == null ? new double[allTensors.size()][] : into;
        for (int i = 0; i < allTensors.size(); i++) {
            double[] d = allTensors.get(i).data;
            if (s[i] == null) {
                s[i] = d.clone();
            } else {
                System.arraycopy(d, 0, s[i], 0, d.length);
            }
        }
        return s;
    }

    private void restore(double[][] s) {
        for (int i = 0; i < allTensors.size(); i++) {
            System.arraycopy(s[i], 0, allTensors.get(i).data, 0, s[i].length);
        }
    }

    static String resolveMetric(String configured, int numClasses) {
        String m = configured.equals("auto") ? (numClasses == 2 ? "auc" : "accuracy") : configured;
        if (m.equals("auc") && numClasses != 2) {
            throw new IllegalArgumentException("eval_metric auc needs a binary problem, got " + numClasses + " classes");
        }
        return m;
    }

    /**
     * Cumulative per-row sampling weights for PyTorch-TabNet's {@code weights} ("balanced":
     * {@code 1 / count(y_i)}; "list": the weight of the row's class), or null for plain shuffling.
     */
    static double[] samplingCdf(TabNetConfig config, int[] y, int numClasses) {
        double[] perClass;
        switch (config.samplingMode()) {
            case "none":
                return null;
            case "balanced": {
                int[] counts = new int[numClasses];
                for (int v : y) {
                    counts[v]++;
                }
                perClass = new double[numClasses];
                for (int c = 0; c < numClasses; c++) {
                    perClass[c] = counts[c] == 0 ? 0.0 : 1.0 / counts[c];
                }
                break;
            }
            default: {
                List<Double> list = config.samplingWeights();
                if (list.size() != numClasses) {
                    throw new IllegalArgumentException("weights lists " + list.size() + " sampling weights for "
                        + numClasses + " classes");
                }
                perClass = new double[numClasses];
                for (int c = 0; c < numClasses; c++) {
                    perClass[c] = list.get(c);
                }
            }
        }
        double[] cdf = new double[y.length];
        double acc = 0.0;
        for (int i = 0; i < y.length; i++) {
            acc += perClass[y[i]];
            cdf[i] = acc;
        }
        if (!(acc > 0)) {
            throw new IllegalArgumentException("weights give every training row a sampling weight of 0");
        }
        return cdf;
    }

    /** Fills {@code out} with row indices drawn with replacement, P(i) = (cdf[i] - cdf[i-1]) / cdf[n-1]. */
    static void drawWithReplacement(double[] cdf, Random rng, int[] out) {
        double total = cdf[cdf.length - 1];
        for (int k = 0; k < out.length; k++) {
            double u = rng.nextDouble() * total;
            int lo = 0;
            int hi = cdf.length - 1;
            while (lo < hi) { // first index with cdf > u
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            out[k] = lo;
        }
    }

    static double[] classWeights(TabNetConfig config, int[] y, int numClasses) {
        switch (config.classWeightMode()) {
            case "none":
                return null;
            case "balanced": {
                int[] counts = new int[numClasses];
                for (int v : y) {
                    counts[v]++;
                }
                double[] w = new double[numClasses];
                for (int c = 0; c < numClasses; c++) {
                    w[c] = counts[c] == 0 ? 0.0 : (double) y.length / ((double) numClasses * counts[c]);
                }
                return w;
            }
            default: {
                List<Double> list = config.classWeights();
                if (list.size() != numClasses) {
                    throw new IllegalArgumentException("class_weight lists " + list.size() + " weights for "
                        + numClasses + " classes");
                }
                double[] w = new double[numClasses];
                for (int c = 0; c < numClasses; c++) {
                    w[c] = list.get(c);
                }
                return w;
            }
        }
    }

    private static double[] flatten(double[][] x, int p, String what) {
        double[] out = new double[x.length * p];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException(what + " row " + i + " has " + x[i].length + " values, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                double v = x[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(what + " row " + i + ", column " + j + ": value " + v
                        + " is not finite");
                }
                out[i * p + j] = v;
            }
        }
        return out;
    }

    private static int[] checkLabels(int[] y, int numClasses, String what) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException(what + " row " + i + ": label " + y[i] + " outside 0.."
                    + (numClasses - 1));
            }
        }
        return y;
    }

    /** SplitMix64 finaliser of {@code seed + stream * golden ratio}: independent seeds per use. */
    static long mix(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
