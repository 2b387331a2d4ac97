package org.radtab.models.tabnet.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.radtab.models.tabnet.nn.GradCheck.dot;
import static org.radtab.models.tabnet.nn.GradCheck.gaussian;
import static org.radtab.models.tabnet.nn.GradCheck.numeric;
import static org.radtab.models.tabnet.nn.GradCheck.relativeError;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Analytic gradients of every layer against central finite differences ({@link GradCheck}:
 * five-point stencil, double precision, h = 1e-6), as properties over random sizes, weights and
 * inputs; the relative error must stay below 1e-6.
 *
 * <p>Each layer check differentiates the scalar {@code f = sum_k r_k y_k} with a random r, so the
 * analytic side is the layer's backward pass fed with dy = r; the error is measured per
 * gradient tensor. Non-smooth points (ReLU at 0, sparsemax / entmax support changes) are avoided
 * by discarding (jqwik {@code Assume}) inputs whose distance to the nearest kink is below 1e-3,
 * so that a perturbation of at most 2e-6 cannot cross one. For the whole network, whose
 * parameters can be very sensitive, the stencil itself is checked: every evaluation must keep
 * the ReLU signs and mask supports of the unperturbed point
 * ({@link TabNetNetwork#activationPattern()}), else h shrinks to 1e-7 and 1e-8. Virtual batches have at least 3 rows: batch norm maps any
 * 2-row batch to about (-1, +1), so its input gradient is only O(eps / var) and a relative error
 * on it measures rounding noise, not the backward pass. For the same reason an FC layer feeding a
 * batch norm has at least 2 inputs (with one input, BN(x w) does not depend on |w_j|).
 */
class LayerGradientTest {
    static final double TOL = 1e-6;

    private static int minChunk(int n, int vbs) {
        int[] b = BatchNorm.chunkBounds(n, vbs);
        int m = Integer.MAX_VALUE;
        for (int c = 0; c + 1 < b.length; c++) {
            m = Math.min(m, b[c + 1] - b[c]);
        }
        return m;
    }

    private static void check(String what, double[] analytic, double[] var, DoubleSupplier f) {
        double err = relativeError(analytic, numeric(var, f));
        assertTrue(err < TOL, what + ": relative error " + err);
    }

    @Property(tries = 60)
    void fullyConnected(@ForAll long seed, @ForAll boolean withBias) {
        Random rng = new Random(seed);
        int n = 1 + rng.nextInt(6);
        int in = 1 + rng.nextInt(7);
        int out = 1 + rng.nextInt(7);
        Linear fc = new Linear("fc", in, out, withBias);
        fc.initXavierNormal(1.0, rng);
        if (withBias) {
            System.arraycopy(gaussian(rng, out, 1.0), 0, fc.bias().data, 0, out);
        }
        double[] x = gaussian(rng, n * in, 1.0);
        double[] r = gaussian(rng, n * out, 1.0);
        double[] y = new double[n * out];
        DoubleSupplier f = () -> {
            fc.forward(x, n, y);
            return dot(r, y, y.length);
        };
        double[] dx = new double[n * in];
        fc.forward(x, n, y);
        fc.backward(x, r, n, dx);
        check("FC dx", dx, x, f);
        check("FC dW", fc.weight().grad, fc.weight().data, f);
        if (withBias) {
            check("FC db", fc.bias().grad, fc.bias().data, f);
        }
    }

    @Property(tries = 60)
    void ghostBatchNormTrainingMode(@ForAll long seed) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(10);
        int d = 1 + rng.nextInt(5);
        int vbs = 3 + rng.nextInt(5);
        Assume.that(minChunk(n, vbs) >= 3);
        BatchNorm bn = new BatchNorm("bn", d, vbs, 0.02);
        System.arraycopy(gaussian(rng, d, 1.0), 0, bn.gamma().data, 0, d);
        System.arraycopy(gaussian(rng, d, 1.0), 0, bn.beta().data, 0, d);
        double[] x = gaussian(rng, n * d, 2.0);
        double[] r = gaussian(rng, n * d, 1.0);
        DoubleSupplier f = () -> dot(r, bn.forward(x, n, true), n * d);
        bn.forward(x, n, true);
        double[] dx = bn.backward(r, n).clone();
        check("GBN dx", dx, x, f);
        check("GBN dgamma", bn.gamma().grad, bn.gamma().data, f);
        check("GBN dbeta", bn.beta().grad, bn.beta().data, f);
    }

    @Property(tries = 60)
    void glu(@ForAll long seed) {
        Random rng = new Random(seed);
        int n = 1 + rng.nextInt(6);
        int h = 1 + rng.nextInt(6);
        double[] a = gaussian(rng, n * 2 * h, 2.0);
        double[] r = gaussian(rng, n * h, 1.0);
        double[] out = new double[n * h];
        double[] gate = new double[n * h];
        DoubleSupplier f = () -> {
            Glu.forward(a, n, h, out, gate);
            return dot(r, out, out.length);
        };
        Glu.forward(a, n, h, out, gate);
        double[] da = new double[a.length];
        Glu.backward(a, gate, r, n, h, da);
        check("GLU da", da, a, f);
    }

    @Property(tries = 100)
    void sparsemax(@ForAll long seed) {
        maskGradient(MaskType.SPARSEMAX, seed);
    }

    @Property(tries = 100)
    void entmax15(@ForAll long seed) {
        maskGradient(MaskType.ENTMAX, seed);
    }

    private static void maskGradient(MaskType type, long seed) {
        Random rng = new Random(seed);
        int n = 1 + rng.nextInt(4);
        int d = 1 + rng.nextInt(8);
        double[] z = gaussian(rng, n * d, 1.0 + rng.nextInt(3));
        double[] p = new double[n * d];
        double[] scratch = new double[d];
        type.forward(z, n, d, p, scratch);
        Assume.that(type.kinkMargin(z, p, n, d) > 1e-3);
        double[] r = gaussian(rng, n * d, 1.0);
        DoubleSupplier f = () -> {
            type.forward(z, n, d, p, scratch);
            return dot(r, p, p.length);
        };
        type.forward(z, n, d, p, scratch);
        double[] dz = new double[z.length];
        type.backward(p, r, n, d, dz);
        check(type + " dz", dz, z, f);
    }

    @Property(tries = 60)
    void attentiveTransformer(@ForAll long seed, @ForAll boolean entmax) {
        Random rng = new Random(seed);
        int n = 3 + rng.nextInt(7);
        int na = 2 + rng.nextInt(3);
        int p = 2 + rng.nextInt(6);
        int vbs = 3 + rng.nextInt(4);
        Assume.that(minChunk(n, vbs) >= 3);
        AttentiveTransformer at = new AttentiveTransformer("at", na, p, vbs, 0.02,
            entmax ? MaskType.ENTMAX : MaskType.SPARSEMAX, rng);
        System.arraycopy(gaussian(rng, p, 1.0), 0, at.bn().gamma().data, 0, p);
        System.arraycopy(gaussian(rng, p, 0.5), 0, at.bn().beta().data, 0, p);
        double[] att = gaussian(rng, n * na, 1.0);
        double[] prior = new double[n * p];
        for (int k = 0; k < prior.length; k++) {
            prior[k] = 0.2 + 1.3 * rng.nextDouble();
        }
        at.forward(att, prior, n, true);
        Assume.that(at.kinkMargin() > 1e-3);
        double[] r = gaussian(rng, n * p, 1.0);
        DoubleSupplier f = () -> dot(r, at.forward(att, prior, n, true), n * p);
        at.forward(att, prior, n, true);
        double[] datt = at.backward(r).clone();
        double[] dprior = at.priorGradient().clone();
        check("AT d(att)", datt, att, f);
        check("AT d(prior)", dprior, prior, f);
        check("AT dW", at.fc().weight().grad, at.fc().weight().data, f);
        check("AT dgamma", at.bn().gamma().grad, at.bn().gamma().data, f);
        check("AT dbeta", at.bn().beta().grad, at.bn().beta().data, f);
    }

    /**
     * Two feature transformers sharing their first FC layers (as TabNet's steps do): the shared
     * weights' gradient is the sum over both uses.
     */
    @Property(tries = 40)
    void featureTransformersWithSharedLayers(@ForAll long seed) {
        Random rng = new Random(seed);
        int n = 4 + rng.nextInt(5);
        int in = 2 + rng.nextInt(4);
        int width = 2 + rng.nextInt(3);
        int nShared = rng.nextInt(3);
        int nInd = (nShared == 0 ? 1 : 0) + rng.nextInt(3);
        int vbs = 3 + rng.nextInt(4);
        Assume.that(minChunk(n, vbs) >= 3);
        List<Linear> shared = new ArrayList<>();
        for (int i = 0; i < nShared; i++) {
            Linear fc = new Linear("s" + i, i == 0 ? in : width, 2 * width, false);
            fc.initXavierNormal(1.0, rng);
            shared.add(fc);
        }
        FeatureTransformer ft1 = new FeatureTransformer("a", shared, nInd, in, width, vbs, 0.02, rng);
        FeatureTransformer ft2 = new FeatureTransformer("b", shared, nInd, in, width, vbs, 0.02, rng);
        List<Tensor> own = new ArrayList<>();
        ft1.collect(own, new ArrayList<>());
        ft2.collect(own, new ArrayList<>());
        for (Tensor t : own) {
            if (t.name().endsWith(".bn.weight") || t.name().endsWith(".bn.bias")) {
                System.arraycopy(gaussian(rng, t.size(), 0.7), 0, t.data, 0, t.size());
            }
        }
        double[] x1 = gaussian(rng, n * in, 1.0);
        double[] x2 = gaussian(rng, n * in, 1.0);
        double[] r1 = gaussian(rng, n * width, 1.0);
        double[] r2 = gaussian(rng, n * width, 1.0);
        DoubleSupplier f = () -> dot(r1, ft1.forward(x1, n, true), n * width)
            + dot(r2, ft2.forward(x2, n, true), n * width);
        ft1.forward(x1, n, true);
        ft2.forward(x2, n, true);
        double[] dx2 = ft2.backward(r2).clone();
        double[] dx1 = ft1.backward(r1).clone();
        check("FT dx1", dx1, x1, f);
        check("FT dx2", dx2, x2, f);
        for (Linear fc : shared) {
            check("shared " + fc.weight().name(), fc.weight().grad, fc.weight().data, f);
        }
        for (Tensor t : own) {
            if (t.trainable()) {
                check(t.name(), t.grad, t.data, f);
            }
        }
    }

    /**
     * The whole network: loss = weighted cross-entropy - lambda * L_sparse, gradient with
     * respect to every parameter (embeddings, batch norms, shared and independent FCs, attentive
     * transformers, output layer), with a categorical column, ghost batch norm over two or more
     * virtual batches, and lambda_sparse large enough (0.05..0.5) for the sparsity term to matter.
     * The error is measured over the concatenated gradient of all parameters: batch norm makes
     * some directions (e.g. an affine change of a column's embedding values) nearly
     * loss-invariant, so a single tensor's gradient can be ~1e-6 of the whole and its relative
     * error rounding noise.
     */
    @Property(tries = 25)
    void wholeNetworkWithSparsityLoss(@ForAll long seed, @ForAll boolean entmax) {
        Random rng = new Random(seed);
        int p = 3 + rng.nextInt(4);
        int classes = 2 + rng.nextInt(2);
        int nd = 2 + rng.nextInt(3);
        int na = 2 + rng.nextInt(3);
        int steps = 1 + rng.nextInt(3);
        int nShared = rng.nextInt(3);
        int nInd = (nShared == 0 ? 1 : 0) + rng.nextInt(2);
        int n = 8 + rng.nextInt(5);
        int vbs = 4;
        int catCol = rng.nextInt(p);
        int card = 2 + rng.nextInt(3);
        int emb = 1 + rng.nextInt(2);
        NetworkSpec spec = new NetworkSpec(p, classes, nd, na, steps, 1.0 + rng.nextDouble(), nInd, nShared, 1e-15,
            vbs, 0.02, entmax ? MaskType.ENTMAX : MaskType.SPARSEMAX, new int[] {catCol}, new int[] {card},
            new int[] {emb});
        TabNetNetwork net = new TabNetNetwork(spec, rng.nextLong());
        for (Tensor t : net.parameters()) {
            if (t.name().endsWith("bn.weight") || t.name().endsWith("bn.bias")) {
                for (int k = 0; k < t.size(); k++) {
                    t.data[k] += 0.3 * rng.nextGaussian();
                }
            }
        }
        double[] x = gaussian(rng, n * p, 1.0);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i * p + catCol] = rng.nextInt(card);
            y[i] = rng.nextInt(classes);
        }
        double[] w = rng.nextBoolean() ? null : new double[classes];
        if (w != null) {
            for (int c = 0; c < classes; c++) {
                w[c] = 0.5 + rng.nextDouble();
            }
        }
        double lambda = 0.05 + 0.45 * rng.nextDouble();
        net.forward(x, n, true);
        Assume.that(net.kinkMargin() > 1e-6);
        DoubleSupplier f = () -> {
            double[] logits = net.forward(x, n, true);
            double ce = TabNetNetwork.crossEntropy(logits, n, classes, y, w, new double[n * classes]);
            return ce - lambda * net.sparsityLoss();
        };
        net.zeroGrad();
        net.forward(x, n, true);
        double loss = net.backward(y, w, lambda);
        assertTrue(Math.abs(loss - f.getAsDouble()) < 1e-12, "loss reported by backward");
        int total = net.parameterCount();
        double[] analytic = new double[total];
        double[] numeric = new double[total];
        int off = 0;
        for (Tensor t : net.parameters()) {
            System.arraycopy(t.grad, 0, analytic, off, t.size());
            System.arraycopy(numeric(t.data, f, net::activationPattern), 0, numeric, off, t.size());
            off += t.size();
        }
        int crossing = 0;
        for (int i = 0; i < total; i++) {
            if (Double.isNaN(numeric[i])) {
                crossing++;
                numeric[i] = analytic[i];
            }
        }
        assertTrue(crossing <= total / 100, crossing + " of " + total + " coordinates sit on a kink");
        double err = relativeError(analytic, numeric);
        assertTrue(err < TOL, "whole network: relative error " + err + " over " + total + " parameters");
    }
}
