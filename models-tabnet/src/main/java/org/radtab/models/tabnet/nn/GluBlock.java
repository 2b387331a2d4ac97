package org.radtab.models.tabnet.nn;

import java.util.List;

/**
 * A chain of GLU layers with scaled residual sums, as in PyTorch-TabNet's {@code GLU_Block}:
 * <pre>
 *   first block:  x_1 = L_0(x_0);  x_{i+1} = (x_i + L_i(x_i)) * sqrt(0.5)  for i >= 1
 *   other blocks: x_{i+1} = (x_i + L_i(x_i)) * sqrt(0.5)                  for i >= 0
 * </pre>
 * ("first" = the block that changes the width from the transformer input to n_d + n_a).
 */
public final class GluBlock {
    /** sqrt(0.5), the residual scale. */
    public static final double SCALE = Math.sqrt(0.5);

    private final List<GluLayer> layers;
    private final boolean first;
    private final int width;

    private int n;
    private final double[][] res; // owned residual outputs
    private double[] gBuf;
    private double[] sgBuf;

    public GluBlock(List<GluLayer> layers, boolean first) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a GLU block needs at least one layer");
        }
        this.layers = List.copyOf(layers);
        this.first = first;
        this.width = layers.get(layers.size() - 1).out();
        for (int i = first ? 1 : 0; i < layers.size(); i++) {
            if (layers.get(i).in() != width || layers.get(i).out() != width) {
                throw new IllegalArgumentException("residual GLU layers must map width " + width + " to itself");
            }
        }
        this.res = new double[layers.size()][];
    }

    public List<GluLayer> layers() {
        return layers;
    }

    public int in() {
        return layers.get(0).in();
    }

    public int out() {
        return width;
    }

    /** Output (n x width), an owned buffer; {@code x} must stay unchanged until {@link #backward}. */
    public double[] forward(double[] x, int n, boolean training) {
        this.n = n;
        double[] cur = x;
        int start = 0;
        if (first) {
            cur = layers.get(0).forward(x, n, training);
            start = 1;
        }
        int size = n * width;
        for (int i = start; i < layers.size(); i++) {
            double[] f = layers.get(i).forward(cur, n, training);
            double[] r = MatOps.ensure(res[i], size);
            for (int k = 0; k < size; k++) {
                r[k] = (cur[k] + f[k]) * SCALE;
            }
            res[i] = r;
            cur = r;
        }
        return cur;
    }

    /** Input gradient (n x in), an owned buffer. */
    public double[] backward(double[] dOut) {
        int size = n * width;
        gBuf = MatOps.ensure(gBuf, size);
        sgBuf = MatOps.ensure(sgBuf, size);
        System.arraycopy(dOut, 0, gBuf, 0, size);
        int stop = first ? 1 : 0;
        for (int i = layers.size() - 1; i >= stop; i--) {
            for (int k = 0; k < size; k++) {
                sgBuf[k] = gBuf[k] * SCALE;
            }
            double[] dl = layers.get(i).backward(sgBuf);
            for (int k = 0; k < size; k++) {
                gBuf[k] = sgBuf[k] + dl[k];
            }
        }
        return first ? layers.get(0).backward(gBuf) : gBuf;
    }
}
