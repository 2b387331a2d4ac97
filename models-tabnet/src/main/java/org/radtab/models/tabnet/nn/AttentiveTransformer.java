package org.radtab.models.tabnet.nn;

import java.util.Random;

/**
 * TabNet's attentive transformer: {@code M = mask(GBN(FC(a)) * prior)}, FC without bias from
 * the attention width n_a to the (post-embedding) feature width, ghost batch norm, elementwise
 * product with the prior scales, then sparsemax or 1.5-entmax per row.
 *
 * <p>Backward: {@code dz = J_mask^T dM}; {@code dprior = dz * g}; {@code dg = dz * prior};
 * back through the batch norm and the FC to {@code da}.
 */
public final class AttentiveTransformer {
    private final Linear fc;
    private final BatchNorm bn;
    private final MaskType maskType;
    private final int width;

    private double[] att; // not owned
    private double[] prior; // not owned
    private int n;
    private double[] a;
    private double[] g; // owned by bn
    private double[] z;
    private double[] mask;
    private double[] scratch;
    private double[] dz;
    private double[] dg;
    private double[] dprior;
    private double[] datt;

    public AttentiveTransformer(String name, int attentionWidth, int featureWidth, int virtualBatchSize,
                                double momentum, MaskType maskType, Random initRng) {
        this.fc = new Linear(name + ".fc", attentionWidth, featureWidth, false);
        fc.initXavierNormal(nonGluGain(attentionWidth, featureWidth), initRng);
        this.bn = new BatchNorm(name + ".bn", featureWidth, virtualBatchSize, momentum);
        this.maskType = maskType;
        this.width = featureWidth;
        this.scratch = new double[featureWidth];
    }

    /** PyTorch-TabNet's gain for non-GLU FC layers: sqrt((in + out) / sqrt(4 in)) (so std = sqrt(1 / sqrt(in))). */
    public static double nonGluGain(int in, int out) {
        return Math.sqrt((in + out) / Math.sqrt(4.0 * in));
    }

    public Linear fc() {
        return fc;
    }

    public BatchNorm bn() {
        return bn;
    }

    public MaskType maskType() {
        return maskType;
    }

    /**
     * The mask (n x featureWidth), an owned buffer; {@code att} and {@code prior} must stay
     * unchanged until {@link #backward}.
     */
    public double[] forward(double[] att, double[] prior, int n, boolean training) {
        this.att = att;
        this.prior = prior;
        this.n = n;
        int size = n * width;
        a = MatOps.ensure(a, size);
        fc.forward(att, n, a);
        g = bn.forward(a, n, training);
        z = MatOps.ensure(z, size);
        for (int k = 0; k < size; k++) {
            z[k] = g[k] * prior[k];
        }
        mask = MatOps.ensure(mask, size);
        maskType.forward(z, n, width, mask, scratch);
        return mask;
    }

    /** Distance of the last forward's scores from the mask's kinks ({@link MaskType#kinkMargin}). */
    public double kinkMargin() {
        return maskType.kinkMargin(z, mask, n, width);
    }

    /** The pre-mask scores {@code z = GBN(FC(a)) * prior} of the last forward (owned buffer). */
    public double[] lastScores() {
        return z;
    }

    /**
     * Backward from the mask gradient; returns the gradient with respect to the attention input
     * (owned). The gradient with respect to the prior is then available from {@link #priorGradient()}.
     */
    public double[] backward(double[] dMask) {
        int size = n * width;
        dz = MatOps.ensure(dz, size);
        maskType.backward(mask, dMask, n, width, dz);
        dg = MatOps.ensure(dg, size);
        dprior = MatOps.ensure(dprior, size);
        for (int k = 0; k < size; k++) {
            dprior[k] = dz[k] * g[k];
            dg[k] = dz[k] * prior[k];
        }
        double[] da = bn.backward(dg, n);
        datt = MatOps.ensure(datt, n * fc.in());
        fc.backward(att, da, n, datt);
        return datt;
    }

    /** Gradient with respect to the prior from the last {@link #backward} (owned). */
    public double[] priorGradient() {
        return dprior;
    }
}
