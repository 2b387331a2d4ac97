package org.radtab.models.tabnet.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The TabNet encoder and classification head (Arik &amp; Pfister, AAAI 2021; layout of
 * PyTorch-TabNet 4.x), with an explicit backward pass.
 *
 * <h2>Forward (batch of n rows)</h2>
 * <pre>
 *   x_e  = Embedding(x)                         (n x P; P = input width after embeddings)
 *   x_b  = BN_0(x_e)                            (plain batch norm, momentum 0.01)
 *   P_0  = 1;  a_0 = FT_0(x_b)[:, n_d:]         (the "initial splitter")
 *   for t = 1..T:
 *     M_t   = mask(GBN(FC(a_{t-1})) * P_{t-1})  (attentive transformer t)
 *     P_t   = P_{t-1} * (gamma - M_t)           (prior update)
 *     o_t   = FT_t(M_t * x_b)                   (feature transformer t, width n_d + n_a)
 *     d_t   = ReLU(o_t[:, :n_d]);  a_t = o_t[:, n_d:]
 *   logits = (sum_t d_t) W_out                   (W_out: n_d x classes, no bias)
 *   L_sparse = (1 / T) sum_t (1 / n) sum_{b,j} M_t[b,j] log(M_t[b,j] + epsilon)
 * </pre>
 * Every FC has no bias. FT = feature transformer ({@link FeatureTransformer}), GBN = ghost batch
 * norm ({@link BatchNorm}). The training loss is
 * {@code CE(logits, y) - lambda_sparse * L_sparse}, i.e. cross-entropy plus lambda times the mean
 * mask entropy.
 *
 * <h2>Explanations</h2>
 * With {@code eta_t[b] = sum_c d_t[b, c]}, the aggregated mask is
 * {@code M_explain = sum_t eta_t * M_t}; masks are reported per input column (embedding columns
 * summed back via {@link Embedding#groupOf(int)}).
 *
 * <h2>Initialisation (PyTorch-TabNet)</h2>
 * GLU FC weights ~ N(0, 2 / sqrt(fan_in)), attentive and output FC weights
 * ~ N(0, 1 / sqrt(fan_in)), embeddings ~ N(0, 1), batch norms gamma = 1, beta = 0, drawn from one
 * {@link Random} in construction order (embeddings, shared FCs, initial splitter, then per step
 * feature transformer and attentive transformer, output layer).
 *
 * <p>Instances are not thread-safe: activations live in per-layer buffers reused across calls.
 */
public final class TabNetNetwork {
    private final NetworkSpec spec;
    private final Embedding embedding;
    private final BatchNorm initialBn;
    private final List<Linear> sharedFcs;
    private final FeatureTransformer initialSplitter;
    private final FeatureTransformer[] featTransformers;
    private final AttentiveTransformer[] attTransformers;
    private final Linear finalMapping;
    private final List<Tensor> parameters = new ArrayList<>();
    private final List<Tensor> buffers = new ArrayList<>();
    private final int postDim;
    private final int width;

    // forward state
    private int n;
    private boolean lastTraining;
    private double[] xb;
    private double[][] priors;   // priors[t] = P_t, t = 0..T-1 (priors[0] = ones)
    private double[][] masked;
    private double[][] att;      // att[t] = a_t (n x n_a), t = 0..T-1
    private double[][] outs;     // outs[t] = o_{t+1} (owned by the feature transformers)
    private double[][] masks;    // masks[t] = M_{t+1} (owned by the attentive transformers)
    private double[] res;
    private double[] logits;
    private double sparsity;
    // backward buffers
    private double[] dlogits;
    private double[] dres;
    private double[] dout;
    private double[] dM;
    private double[] dxb;
    private double[] dpriorA;
    private double[] dpriorB;

    public TabNetNetwork(NetworkSpec spec, long seed) {
        this(spec, new Random(seed));
    }

    public TabNetNetwork(NetworkSpec spec, Random rng) {
        this.spec = spec;
        this.embedding = new Embedding(spec.inputDim(), spec.catColumns(), spec.catCardinalities(), spec.catEmbDims(),
            rng);
        this.postDim = embedding.postDim();
        this.width = spec.nD() + spec.nA();
        this.initialBn = new BatchNorm("initial_bn", postDim, Integer.MAX_VALUE, NetworkSpec.INITIAL_BN_MOMENTUM);
        List<Linear> shared = new ArrayList<>();
        for (int i = 0; i < spec.nShared(); i++) {
            int in = i == 0 ? postDim : width;
            Linear fc = new Linear("shared." + i + ".fc", in, 2 * width, false);
            fc.initXavierNormal(FeatureTransformer.gluGain(in, 2 * width), rng);
            shared.add(fc);
        }
        this.sharedFcs = Collections.unmodifiableList(shared);
        int vbs = spec.virtualBatchSize();
        double mom = spec.momentum();
        this.initialSplitter = new FeatureTransformer("initial_splitter", sharedFcs, spec.nIndependent(), postDim,
            width, vbs, mom, rng);
        int steps = spec.nSteps();
        this.featTransformers = new FeatureTransformer[steps];
        this.attTransformers = new AttentiveTransformer[steps];
        for (int t = 0; t < steps; t++) {
            featTransformers[t] = new FeatureTransformer("feat_transformers." + t, sharedFcs, spec.nIndependent(),
                postDim, width, vbs, mom, rng);
            attTransformers[t] = new AttentiveTransformer("att_transformers." + t, spec.nA(), postDim, vbs, mom,
                spec.maskType(), rng);
        }
        this.finalMapping = new Linear("final_mapping", spec.nD(), spec.numClasses(), false);
        finalMapping.initXavierNormal(AttentiveTransformer.nonGluGain(spec.nD(), spec.numClasses()), rng);

        parameters.addAll(Arrays.asList(embedding.tables()));
        parameters.add(initialBn.gamma());
        parameters.add(initialBn.beta());
        buffers.add(initialBn.runningMean());
        buffers.add(initialBn.runningVar());
        for (Linear fc : sharedFcs) {
            parameters.add(fc.weight());
        }
        initialSplitter.collect(parameters, buffers);
        for (int t = 0; t < steps; t++) {
            featTransformers[t].collect(parameters, buffers);
            AttentiveTransformer at = attTransformers[t];
            parameters.add(at.fc().weight());
            parameters.add(at.bn().gamma());
            parameters.add(at.bn().beta());
            buffers.add(at.bn().runningMean());
            buffers.add(at.bn().runningVar());
        }
        parameters.add(finalMapping.weight());

        priors = new double[steps][];
        masked = new double[steps][];
        att = new double[steps][];
        outs = new double[steps][];
        masks = new double[steps][];
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Embedding embedding() {
        return embedding;
    }

    /** Width after embeddings (the masks' width). */
    public int postEmbedDim() {
        return postDim;
    }

    /** Trainable tensors in a fixed order. */
    public List<Tensor> parameters() {
        return Collections.unmodifiableList(parameters);
    }

    /** Non-trainable tensors (batch-norm running statistics) in a fixed order. */
    public List<Tensor> buffers() {
        return Collections.unmodifiableList(buffers);
    }

    /** All tensors by name, parameters first. */
    public Map<String, Tensor> tensors() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Tensor t : parameters) {
            m.put(t.name(), t);
        }
        for (Tensor t : buffers) {
            m.put(t.name(), t);
        }
        return m;
    }

    /** Number of trainable scalars. */
    public int parameterCount() {
        int c = 0;
        for (Tensor t : parameters) {
            c += t.size();
        }
        return c;
    }

    /** Sets every gradient to zero. */
    public void zeroGrad() {
        for (Tensor t : parameters) {
            t.zeroGrad();
        }
    }

    /**
     * Forward pass on {@code x} (n x inputDim, row-major). In training mode batch norms use batch
     * statistics and update their running statistics. Returns the logits (n x classes, owned).
     */
    public double[] forward(double[] x, int n, boolean training) {
        return forward(x, n, training, null, null);
    }

    /**
     * Forward pass that also records, when the arrays are non-null, the per-step masks
     * ({@code stepMasks[t]}: n x P) and the aggregated explanation ({@code explain}: n x P).
     */
    public double[] forward(double[] x, int n, boolean training, double[][] stepMasks, double[] explain) {
        this.n = n;
        this.lastTraining = training;
        int steps = spec.nSteps();
        int nd = spec.nD();
        int na = spec.nA();
        int size = n * postDim;
        double[] xe = embedding.forward(x, n);
        xb = initialBn.forward(xe, n, training);
        priors[0] = MatOps.ensure(priors[0], size);
        Arrays.fill(priors[0], 1.0);
        double[] o0 = initialSplitter.forward(xb, n, training);
        att[0] = MatOps.ensure(att[0], n * na);
        copyColumns(o0, n, width, nd, na, att[0]);
        res = MatOps.ensure(res, n * nd);
        Arrays.fill(res, 0.0);
        if (explain != null) {
            Arrays.fill(explain, 0, size, 0.0);
        }
        double eps = spec.epsilon();
        double gamma = spec.gamma();
        double sparse = 0.0;
        for (int t = 0; t < steps; t++) {
            double[] m = attTransformers[t].forward(att[t], priors[t], n, training);
            masks[t] = m;
            double s = 0.0;
            for (int k = 0; k < size; k++) {
                if (m[k] > 0.0) { // M log(M + eps) is exactly 0 at M = 0
                    s += m[k] * Math.log(m[k] + eps);
                }
            }
            sparse += s / n;
            if (t + 1 < steps) {
                double[] pNext = MatOps.ensure(priors[t + 1], size);
                double[] p = priors[t];
                for (int k = 0; k < size; k++) {
                    pNext[k] = p[k] * (gamma - m[k]);
                }
                priors[t + 1] = pNext;
            }
            double[] mx = MatOps.ensure(masked[t], size);
            for (int k = 0; k < size; k++) {
                mx[k] = m[k] * xb[k];
            }
            masked[t] = mx;
            double[] o = featTransformers[t].forward(mx, n, training);
            outs[t] = o;
            for (int i = 0; i < n; i++) {
                int oo = i * width;
                int ro = i * nd;
                double eta = 0.0;
                for (int c = 0; c < nd; c++) {
                    double v = o[oo + c];
                    if (v > 0.0) {
                        res[ro + c] += v;
                        eta += v;
                    }
                }
                if (explain != null) {
                    int mo = i * postDim;
                    for (int j = 0; j < postDim; j++) {
                        explain[mo + j] += eta * m[mo + j];
                    }
                }
            }
            if (stepMasks != null) {
                System.arraycopy(m, 0, stepMasks[t], 0, size);
            }
            if (t + 1 < steps) {
                att[t + 1] = MatOps.ensure(att[t + 1], n * na);
                copyColumns(o, n, width, nd, na, att[t + 1]);
            }
        }
        sparsity = sparse / steps;
        logits = MatOps.ensure(logits, n * spec.numClasses());
        finalMapping.forward(res, n, logits);
        return logits;
    }

    /**
     * Distance of the last forward from the network's non-smooth points: the smallest |value|
     * entering a ReLU and the smallest {@link AttentiveTransformer#kinkMargin()}. A diagnostic for
     * finite-difference gradient checks (perturbations smaller than this keep every ReLU and mask
     * support unchanged).
     */
    public double kinkMargin() {
        double m = Double.POSITIVE_INFINITY;
        int nd = spec.nD();
        for (int t = 0; t < spec.nSteps(); t++) {
            m = Math.min(m, attTransformers[t].kinkMargin());
            double[] o = outs[t];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < nd; c++) {
                    m = Math.min(m, Math.abs(o[i * width + c]));
                }
            }
        }
        return m;
    }

    /**
     * The non-smooth state of the last forward: one bit per ReLU input (positive or not) and per
     * mask entry (in the support or not), in a fixed order. Two inputs with the same pattern lie
     * in the same smooth piece of the network function (a diagnostic for gradient checks).
     */
    public java.util.BitSet activationPattern() {
        java.util.BitSet bits = new java.util.BitSet();
        int nd = spec.nD();
        int k = 0;
        for (int t = 0; t < spec.nSteps(); t++) {
            double[] o = outs[t];
            double[] m = masks[t];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < nd; c++) {
                    bits.set(k++, o[i * width + c] > 0.0);
                }
            }
            for (int j = 0; j < n * postDim; j++) {
                bits.set(k++, m[j] > 0.0);
            }
        }
        return bits;
    }

    /** The sparsity term {@code L_sparse} (mean negative entropy of the masks) of the last forward. */
    public double sparsityLoss() {
        return sparsity;
    }

    /**
     * Cross-entropy of the last forward's logits against labels, plus the sparsity term, and the
     * full backward pass: parameter gradients are accumulated (call {@link #zeroGrad()} first).
     *
     * @param y            class code per row of the last forward
     * @param classWeights weight per class (weighted mean of the per-row losses), or null
     * @param lambdaSparse the sparsity coefficient
     * @return {@code CE - lambdaSparse * L_sparse}
     */
    public double backward(int[] y, double[] classWeights, double lambdaSparse) {
        if (!lastTraining) {
            throw new IllegalStateException("backward needs a training-mode forward");
        }
        int classes = spec.numClasses();
        dlogits = MatOps.ensure(dlogits, n * classes);
        double ce = crossEntropy(logits, n, classes, y, classWeights, dlogits);
        backwardFromLogits(dlogits, lambdaSparse);
        return ce - lambdaSparse * sparsity;
    }

    /**
     * Backward pass from a given logits gradient plus the sparsity term {@code -lambdaSparse *
     * L_sparse}; accumulates parameter gradients. Exposed for gradient checks.
     */
    public void backwardFromLogits(double[] dLogits, double lambdaSparse) {
        int steps = spec.nSteps();
        int nd = spec.nD();
        int na = spec.nA();
        int size = n * postDim;
        double gamma = spec.gamma();
        double eps = spec.epsilon();
        double coef = -lambdaSparse / ((double) steps * n);

        dres = MatOps.ensure(dres, n * nd);
        finalMapping.backward(res, dLogits, n, dres);
        dout = MatOps.ensure(dout, n * width);
        dM = MatOps.ensure(dM, size);
        dxb = MatOps.ensure(dxb, size);
        Arrays.fill(dxb, 0.0);
        dpriorA = MatOps.ensure(dpriorA, size);
        dpriorB = MatOps.ensure(dpriorB, size);
        double[] dpNext = dpriorA; // dL/dP_{t+1}
        double[] dpCur = dpriorB;
        Arrays.fill(dpNext, 0.0);
        double[] dattNext = null;
        for (int t = steps - 1; t >= 0; t--) {
            double[] o = outs[t];
            for (int i = 0; i < n; i++) {
                int oo = i * width;
                int ro = i * nd;
                for (int c = 0; c < nd; c++) {
                    dout[oo + c] = o[oo + c] > 0.0 ? dres[ro + c] : 0.0;
                }
                int ao = i * na;
                for (int c = 0; c < na; c++) {
                    dout[oo + nd + c] = dattNext == null ? 0.0 : dattNext[ao + c];
                }
            }
            double[] dmx = featTransformers[t].backward(dout);
            double[] m = masks[t];
            double[] p = priors[t];
            for (int k = 0; k < size; k++) {
                double mk = m[k];
                double g = dmx[k] * xb[k] - dpNext[k] * p[k];
                if (coef != 0.0 && mk > 0.0) {
                    // at M = 0 both masks' Jacobians discard the entry's gradient, so skip the log
                    g += coef * (Math.log(mk + eps) + mk / (mk + eps));
                }
                dM[k] = g;
                dxb[k] += dmx[k] * mk;
                dpCur[k] = dpNext[k] * (gamma - mk);
            }
            dattNext = attTransformers[t].backward(dM);
            double[] dpa = attTransformers[t].priorGradient();
            for (int k = 0; k < size; k++) {
                dpCur[k] += dpa[k];
            }
            double[] tmp = dpNext;
            dpNext = dpCur;
            dpCur = tmp;
        }
        for (int i = 0; i < n; i++) {
            int oo = i * width;
            Arrays.fill(dout, oo, oo + nd, 0.0);
            System.arraycopy(dattNext, i * na, dout, oo + nd, na);
        }
        double[] dx0 = initialSplitter.backward(dout);
        for (int k = 0; k < size; k++) {
            dxb[k] += dx0[k];
        }
        double[] dxe = initialBn.backward(dxb, n);
        embedding.backward(dxe);
    }

    /**
     * Softmax cross-entropy, mean over rows (weighted mean with class weights, as PyTorch's
     * {@code cross_entropy(weight=w)}: {@code sum_i w_{y_i} l_i / sum_i w_{y_i}}); writes dL/dlogits.
     */
    public static double crossEntropy(double[] logits, int n, int classes, int[] y, double[] classWeights,
                                      double[] dlogits) {
        double total = 0.0;
        double wsum = 0.0;
        for (int i = 0; i < n; i++) {
            wsum += classWeights == null ? 1.0 : classWeights[y[i]];
        }
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double z = 0.0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(logits[o + c] - max);
            }
            double logZ = max + Math.log(z);
            double w = (classWeights == null ? 1.0 : classWeights[y[i]]) / wsum;
            total += w * (logZ - logits[o + y[i]]);
            for (int c = 0; c < classes; c++) {
                double pc = Math.exp(logits[o + c] - logZ);
                dlogits[o + c] = w * (pc - (c == y[i] ? 1.0 : 0.0));
            }
        }
        return total;
    }

    /** Row-wise softmax of logits (n x classes) into a new matrix. */
    public static double[][] softmax(double[] logits, int n, int classes) {
        double[][] out = new double[n][classes];
        for (int i = 0; i < n; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[o + c]);
            }
            double z = 0.0;
            for (int c = 0; c < classes; c++) {
                out[i][c] = Math.exp(logits[o + c] - max);
                z += out[i][c];
            }
            for (int c = 0; c < classes; c++) {
                out[i][c] /= z;
            }
        }
        return out;
    }

    private static void copyColumns(double[] src, int n, int srcWidth, int from, int count, double[] dst) {
        for (int i = 0; i < n; i++) {
            System.arraycopy(src, i * srcWidth + from, dst, i * count, count);
        }
    }
}
