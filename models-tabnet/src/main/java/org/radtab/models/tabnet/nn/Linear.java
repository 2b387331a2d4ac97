package org.radtab.models.tabnet.nn;

import java.util.Random;

/**
 * A fully connected layer {@code y = x W (+ b)}.
 *
 * <p>The weight is stored as an {@code in x out} row-major matrix (the transpose of PyTorch's
 * {@code Linear.weight}), the optional bias as a vector of length {@code out}. The layer holds
 * parameters only and no activations, so one instance can be shared by several feature
 * transformers (TabNet's shared GLU layers): each caller keeps its own input for the backward
 * pass, and gradients of all uses accumulate in the same {@link Tensor#grad}.
 *
 * <p>Backward: {@code dW += x^T dy}, {@code db += sum_rows dy}, {@code dx = dy W^T}.
 */
public final class Linear {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias;
    private final double[] transposed;

    /**
     * @param name    tensor name prefix ({@code <name>.weight}, {@code <name>.bias})
     * @param useBias whether the layer has a bias (TabNet's layers have none)
     */
    public Linear(String name, int in, int out, boolean useBias) {
        this.in = in;
        this.out = out;
        this.weight = Tensor.parameter(name + ".weight", in, out);
        this.bias = useBias ? Tensor.parameter(name + ".bias", out) : null;
        this.transposed = new double[in * out];
    }

    /**
     * Xavier-normal initialisation with a gain: entries ~ N(0, gain^2 * 2 / (fanIn + fanOut)),
     * drawn in row-major order; the bias (if any) starts at 0.
     */
    public void initXavierNormal(double gain, Random rng) {
        double std = gain * Math.sqrt(2.0 / (in + out));
        for (int i = 0; i < weight.data.length; i++) {
            weight.data[i] = std * rng.nextGaussian();
        }
    }

    public int in() {
        return in;
    }

    public int out() {
        return out;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public Tensor bias() {
        return bias;
    }

    /** {@code y (n x out) = x (n x in) W + b}; y is overwritten. */
    public void forward(double[] x, int n, double[] y) {
        MatOps.matmul(x, n, in, weight.data, out, y);
        if (bias != null) {
            double[] b = bias.data;
            for (int i = 0; i < n; i++) {
                int yo = i * out;
                for (int o = 0; o < out; o++) {
                    y[yo + o] += b[o];
                }
            }
        }
    }

    /**
     * Accumulates the parameter gradients for input {@code x} and output gradient {@code dy};
     * writes {@code dx = dy W^T} into {@code dx} unless it is null.
     */
    public void backward(double[] x, double[] dy, int n, double[] dx) {
        MatOps.accumulateXtDy(x, n, in, dy, out, weight.grad);
        if (bias != null) {
            double[] db = bias.grad;
            for (int i = 0; i < n; i++) {
                int yo = i * out;
                for (int o = 0; o < out; o++) {
                    db[o] += dy[yo + o];
                }
            }
        }
        if (dx != null) {
            MatOps.matmulTransposed(dy, n, out, weight.data, in, transposed, dx);
        }
    }
}
