package org.radtab.models.tabnet.nn;

import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015) with PyTorch's defaults and arithmetic ({@code torch.optim.Adam}, no
 * amsgrad), including its optional L2 weight decay {@code wd} (0 by default, as in PyTorch):
 * <pre>
 *   g = grad + wd p
 *   m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 *   p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
 * </pre>
 * b1 = 0.9, b2 = 0.999, eps = 1e-8. The decay term is added inside the step, after gradient
 * clipping (as PyTorch-TabNet clips the gradients and then calls the optimizer), and applies to
 * every trainable tensor (batch-norm scales and shifts and embeddings included), as
 * {@code torch.optim.Adam(network.parameters(), weight_decay=wd)} does. The moment buffers live in
 * the {@link Tensor}s.
 */
public final class Adam {
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPS = 1e-8;

    private final List<Tensor> params;
    private final double weightDecay;
    private long step;

    /** Adam without weight decay. */
    public Adam(List<Tensor> params) {
        this(params, 0.0);
    }

    /** Adam with L2 weight decay {@code weightDecay} (&gt;= 0) added to every gradient. */
    public Adam(List<Tensor> params, double weightDecay) {
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, was " + weightDecay);
        }
        this.weightDecay = weightDecay;
        this.params = List.copyOf(params);
        for (Tensor t : params) {
            if (!t.trainable()) {
                throw new IllegalArgumentException("Adam got a non-trainable tensor: " + t.name());
            }
            t.resetOptimizerState();
        }
    }

    /** The L2 weight decay. */
    public double weightDecay() {
        return weightDecay;
    }

    /** Number of steps taken. */
    public long steps() {
        return step;
    }

    /** One update with learning rate {@code lr} from the current gradients. */
    public void step(double lr) {
        step++;
        double bc1 = 1.0 - Math.pow(BETA1, step);
        double bc2 = 1.0 - Math.pow(BETA2, step);
        double stepSize = lr / bc1;
        double sqrtBc2 = Math.sqrt(bc2);
        for (Tensor t : params) {
            double[] p = t.data;
            double[] g = t.grad;
            double[] m = t.adamM;
            double[] v = t.adamV;
            for (int i = 0; i < p.length; i++) {
                double gi = weightDecay == 0.0 ? g[i] : g[i] + weightDecay * p[i];
                m[i] = BETA1 * m[i] + (1.0 - BETA1) * gi;
                v[i] = BETA2 * v[i] + (1.0 - BETA2) * gi * gi;
                p[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / sqrtBc2 + EPS);
            }
        }
    }

    /**
     * Gradient-norm clipping as PyTorch's {@code clip_grad_norm_}: with the global L2 norm
     * {@code N} of all gradients, multiplies every gradient by {@code maxNorm / (N + 1e-6)} when
     * that factor is below 1. Returns N (before clipping).
     */
    public static double clipGradNorm(List<Tensor> params, double maxNorm) {
        double sq = 0.0;
        for (Tensor t : params) {
            for (double g : t.grad) {
                sq += g * g;
            }
        }
        double norm = Math.sqrt(sq);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1.0) {
            for (Tensor t : params) {
                double[] g = t.grad;
                for (int i = 0; i < g.length; i++) {
                    g[i] *= coef;
                }
            }
        }
        return norm;
    }
}
