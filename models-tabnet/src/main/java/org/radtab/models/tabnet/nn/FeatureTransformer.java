package org.radtab.models.tabnet.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * TabNet's feature transformer: a shared GLU block (its FC layers are shared by every feature
 * transformer of the network, its batch norms are not) followed by a step-specific
 * ("independent") GLU block; output width {@code n_d + n_a}.
 *
 * <p>With {@code n_shared > 0} the shared block is the "first" block (its first layer maps the
 * input width to {@code n_d + n_a} without residual) and every independent layer is residual;
 * with {@code n_shared = 0} the independent block is first. At least one of the two is
 * non-empty.
 */
public final class FeatureTransformer {
    private final GluBlock shared;      // may be null
    private final GluBlock independent; // may be null
    private final int in;
    private final int out;

    /**
     * @param name           tensor name prefix
     * @param sharedFcs      the network-wide shared FC layers (empty for none)
     * @param nIndependent   number of step-specific GLU layers
     * @param in             input width
     * @param out            output width (n_d + n_a)
     * @param initRng        draws the independent FC weights (Xavier normal, PyTorch-TabNet's GLU gain)
     */
    public FeatureTransformer(String name, List<Linear> sharedFcs, int nIndependent, int in, int out,
                              int virtualBatchSize, double momentum, Random initRng) {
        if (sharedFcs.isEmpty() && nIndependent == 0) {
            throw new IllegalArgumentException("n_shared and n_independent cannot both be 0");
        }
        this.in = in;
        this.out = out;
        if (!sharedFcs.isEmpty()) {
            List<GluLayer> layers = new ArrayList<>();
            for (int i = 0; i < sharedFcs.size(); i++) {
                Linear fc = sharedFcs.get(i);
                layers.add(new GluLayer(fc, new BatchNorm(name + ".shared." + i + ".bn", 2 * out, virtualBatchSize,
                    momentum)));
            }
            shared = new GluBlock(layers, true);
        } else {
            shared = null;
        }
        if (nIndependent > 0) {
            boolean first = shared == null;
            List<GluLayer> layers = new ArrayList<>();
            for (int i = 0; i < nIndependent; i++) {
                int lin = first && i == 0 ? in : out;
                Linear fc = new Linear(name + ".independent." + i + ".fc", lin, 2 * out, false);
                fc.initXavierNormal(gluGain(lin, 2 * out), initRng);
                layers.add(new GluLayer(fc, new BatchNorm(name + ".independent." + i + ".bn", 2 * out,
                    virtualBatchSize, momentum)));
            }
            independent = new GluBlock(layers, first);
        } else {
            independent = null;
        }
    }

    /** PyTorch-TabNet's gain for GLU FC layers: sqrt((in + out) / sqrt(in)) (so std = sqrt(2 / sqrt(in))). */
    public static double gluGain(int in, int out) {
        return Math.sqrt((in + out) / Math.sqrt(in));
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    /** The shared block (null if n_shared = 0). */
    public GluBlock shared() {
        return shared;
    }

    /** The independent block (null if n_independent = 0). */
    public GluBlock independent() {
        return independent;
    }

    /** Output (n x out), an owned buffer; {@code x} must stay unchanged until {@link #backward}. */
    public double[] forward(double[] x, int n, boolean training) {
        double[] h = x;
        if (shared != null) {
            h = shared.forward(h, n, training);
        }
        if (independent != null) {
            h = independent.forward(h, n, training);
        }
        return h;
    }

    /** Input gradient (n x in), an owned buffer. */
    public double[] backward(double[] dOut) {
        double[] g = dOut;
        if (independent != null) {
            g = independent.backward(g);
        }
        if (shared != null) {
            g = shared.backward(g);
        }
        return g;
    }

    /** Appends this transformer's own (non-shared) tensors: BN parameters and buffers, independent FCs. */
    void collect(List<Tensor> params, List<Tensor> buffers) {
        for (GluBlock block : new GluBlock[] {shared, independent}) {
            if (block == null) {
                continue;
            }
            for (GluLayer layer : block.layers()) {
                if (block == independent) {
                    params.add(layer.fc().weight());
                }
                params.add(layer.bn().gamma());
                params.add(layer.bn().beta());
                buffers.add(layer.bn().runningMean());
                buffers.add(layer.bn().runningVar());
            }
        }
    }
}
