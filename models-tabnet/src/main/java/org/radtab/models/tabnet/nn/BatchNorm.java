package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * Batch normalisation over the rows of an n x d matrix, optionally as ghost batch
 * normalisation (Hoffer et al. 2017) on virtual batches.
 *
 * <p><b>Training mode.</b> The batch is cut into consecutive chunks the way PyTorch's
 * {@code x.chunk(ceil(n / vbs))} does: {@code k = ceil(n / vbs)} requested chunks of
 * {@code ceil(n / k)} rows each, the last one possibly shorter. For each chunk of m rows and
 * each column: {@code mu = mean(x)}, {@code var = mean((x - mu)^2)} (biased),
 * {@code xhat = (x - mu) / sqrt(var + eps)}, {@code y = gamma * xhat + beta}; then the running
 * statistics move, chunk after chunk, by {@code running = (1 - momentum) running + momentum
 * stat} with the unbiased variance {@code var * m / (m - 1)} (PyTorch's convention). A chunk of
 * one row is an error (PyTorch refuses it too). With {@code vbs >= n} this is plain batch norm.
 *
 * <p><b>Evaluation mode.</b> {@code y = gamma (x - runningMean) / sqrt(runningVar + eps) + beta}.
 *
 * <p><b>Backward</b> (training mode, per chunk): {@code dbeta += sum dy},
 * {@code dgamma += sum dy xhat},
 * {@code dx = gamma / (m sqrt(var + eps)) (m dy - sum dy - xhat sum(dy xhat))}.
 *
 * <p>Defaults: eps = 1e-5, gamma = 1, beta = 0, running mean 0, running variance 1.
 */
public final class BatchNorm {
    public static final double EPS = 1e-5;

    private final int dim;
    private final int virtualBatchSize;
    private final double momentum;
    private final Tensor gamma;
    private final Tensor beta;
    private final Tensor runningMean;
    private final Tensor runningVar;

    // caches of the last training forward
    private double[] xhat;
    private double[] invStd; // chunks x dim
    private int[] chunkStart; // chunk boundaries, length chunks + 1
    private int lastN = -1;
    private boolean lastTraining;
    private double[] y;
    private double[] dx;
    private final double[] sum;
    private final double[] sum2;

    /**
     * @param virtualBatchSize rows per virtual batch; {@link Integer#MAX_VALUE} for plain batch norm
     */
    public BatchNorm(String name, int dim, int virtualBatchSize, double momentum) {
        if (virtualBatchSize < 1) {
            throw new IllegalArgumentException("virtual batch size must be >= 1, was " + virtualBatchSize);
        }
        this.dim = dim;
        this.virtualBatchSize = virtualBatchSize;
        this.momentum = momentum;
        this.gamma = Tensor.parameter(name + ".weight", dim);
        this.beta = Tensor.parameter(name + ".bias", dim);
        this.runningMean = Tensor.buffer(name + ".running_mean", dim);
        this.runningVar = Tensor.buffer(name + ".running_var", dim);
        Arrays.fill(gamma.data, 1.0);
        Arrays.fill(runningVar.data, 1.0);
        this.sum = new double[dim];
        this.sum2 = new double[dim];
    }

    public Tensor gamma() {
        return gamma;
    }

    public Tensor beta() {
        return beta;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    public int dim() {
        return dim;
    }

    /**
     * Chunk boundaries for a batch of n rows, as PyTorch's {@code chunk(ceil(n / vbs))}:
     * returns {@code [0, s, 2s, ..., n]}.
     */
    public static int[] chunkBounds(int n, int virtualBatchSize) {
        int requested = (int) Math.min(n, ((long) n + virtualBatchSize - 1) / virtualBatchSize);
        requested = Math.max(requested, 1);
        int size = (n + requested - 1) / requested;
        int count = (n + size - 1) / size;
        int[] bounds = new int[count + 1];
        for (int c = 0; c < count; c++) {
            bounds[c] = c * size;
        }
        bounds[count] = n;
        return bounds;
    }

    /** Normalises {@code x} (n x dim); returns an owned output buffer (valid until the next forward). */
    public double[] forward(double[] x, int n, boolean training) {
        y = MatOps.ensure(y, n * dim);
        lastN = n;
        lastTraining = training;
        double[] g = gamma.data;
        double[] b = beta.data;
        if (!training) {
            double[] rm = runningMean.data;
            double[] rv = runningVar.data;
            double[] scale = sum;
            for (int c = 0; c < dim; c++) {
                scale[c] = g[c] / Math.sqrt(rv[c] + EPS);
            }
            for (int i = 0; i < n; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    y[o + c] = (x[o + c] - rm[c]) * scale[c] + b[c];
                }
            }
            return y;
        }
        chunkStart = chunkBounds(n, virtualBatchSize);
        int chunks = chunkStart.length - 1;
        xhat = MatOps.ensure(xhat, n * dim);
        invStd = MatOps.ensure(invStd, chunks * dim);
        double[] rm = runningMean.data;
        double[] rv = runningVar.data;
        for (int ch = 0; ch < chunks; ch++) {
            int r0 = chunkStart[ch];
            int r1 = chunkStart[ch + 1];
            int m = r1 - r0;
            if (m < 2) {
                throw new IllegalStateException("batch norm in training mode needs at least 2 rows per (virtual) "
                    + "batch; got a batch of " + n + " rows cut into chunks of " + m);
            }
            Arrays.fill(sum, 0.0);
            for (int i = r0; i < r1; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    sum[c] += x[o + c];
                }
            }
            for (int c = 0; c < dim; c++) {
                sum[c] /= m; // mean
            }
            Arrays.fill(sum2, 0.0);
            for (int i = r0; i < r1; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    double d = x[o + c] - sum[c];
                    sum2[c] += d * d;
                }
            }
            int io = ch * dim;
            for (int c = 0; c < dim; c++) {
                double var = sum2[c] / m;
                invStd[io + c] = 1.0 / Math.sqrt(var + EPS);
                rm[c] = (1.0 - momentum) * rm[c] + momentum * sum[c];
                rv[c] = (1.0 - momentum) * rv[c] + momentum * (sum2[c] / (m - 1));
            }
            for (int i = r0; i < r1; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    double h = (x[o + c] - sum[c]) * invStd[io + c];
                    xhat[o + c] = h;
                    y[o + c] = g[c] * h + b[c];
                }
            }
        }
        return y;
    }

    /**
     * Backward pass of the last training-mode forward: accumulates dgamma, dbeta and returns an
     * owned dx buffer.
     */
    public double[] backward(double[] dy, int n) {
        if (!lastTraining || n != lastN) {
            throw new IllegalStateException("backward needs the training-mode forward of the same batch");
        }
        dx = MatOps.ensure(dx, n * dim);
        double[] g = gamma.data;
        double[] dg = gamma.grad;
        double[] db = beta.grad;
        int chunks = chunkStart.length - 1;
        for (int ch = 0; ch < chunks; ch++) {
            int r0 = chunkStart[ch];
            int r1 = chunkStart[ch + 1];
            int m = r1 - r0;
            Arrays.fill(sum, 0.0);
            Arrays.fill(sum2, 0.0);
            for (int i = r0; i < r1; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    double d = dy[o + c];
                    sum[c] += d;
                    sum2[c] += d * xhat[o + c];
                }
            }
            int io = ch * dim;
            for (int c = 0; c < dim; c++) {
                db[c] += sum[c];
                dg[c] += sum2[c];
            }
            for (int i = r0; i < r1; i++) {
                int o = i * dim;
                for (int c = 0; c < dim; c++) {
                    double k = g[c] * invStd[io + c] / m;
                    dx[o + c] = k * (m * dy[o + c] - sum[c] - xhat[o + c] * sum2[c]);
                }
            }
        }
        return dx;
    }
}
