package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * The shape of a TabNet network: everything needed to build it (weights aside).
 *
 * @param inputDim          number of input columns
 * @param numClasses        output width (softmax classes)
 * @param nD                decision width n_d
 * @param nA                attention width n_a
 * @param nSteps            number of decision steps
 * @param gamma             prior relaxation (&gt;= 1)
 * @param nIndependent      step-specific GLU layers per feature transformer
 * @param nShared           shared GLU layers per feature transformer
 * @param epsilon           the epsilon inside log(M + epsilon) of the sparsity loss
 * @param virtualBatchSize  ghost batch norm chunk size
 * @param momentum          ghost batch norm momentum (the input batch norm uses 0.01)
 * @param maskType          sparsemax or 1.5-entmax
 * @param catColumns        categorical input columns (increasing)
 * @param catCardinalities  categories per categorical column
 * @param catEmbDims        embedding width per categorical column
 */
public record NetworkSpec(int inputDim, int numClasses, int nD, int nA, int nSteps, double gamma,
                          int nIndependent, int nShared, double epsilon, int virtualBatchSize, double momentum,
                          MaskType maskType, int[] catColumns, int[] catCardinalities, int[] catEmbDims) {

    /** Momentum of the initial (non-ghost) input batch norm, fixed as in PyTorch-TabNet. */
    public static final double INITIAL_BN_MOMENTUM = 0.01;

    public NetworkSpec {
        require(inputDim >= 1, "input dimension must be >= 1");
        require(numClasses >= 2, "num classes must be >= 2");
        require(nD >= 1 && nA >= 1, "n_d and n_a must be >= 1");
        require(nSteps >= 1, "n_steps must be >= 1");
        require(nIndependent >= 0 && nShared >= 0 && nIndependent + nShared >= 1,
            "n_independent and n_shared must be >= 0 and not both 0");
        require(gamma >= 1.0 && Double.isFinite(gamma), "gamma must be finite and >= 1");
        require(epsilon > 0, "epsilon must be > 0");
        require(virtualBatchSize >= 2, "virtual_batch_size must be >= 2");
        require(momentum > 0 && momentum <= 1, "momentum must be in (0, 1]");
        catColumns = catColumns.clone();
        catCardinalities = catCardinalities.clone();
        catEmbDims = catEmbDims.clone();
    }

    private static void require(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalArgumentException(msg);
        }
    }

    @Override
    public int[] catColumns() {
        return catColumns.clone();
    }

    @Override
    public int[] catCardinalities() {
        return catCardinalities.clone();
    }

    @Override
    public int[] catEmbDims() {
        return catEmbDims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && inputDim == s.inputDim && numClasses == s.numClasses && nD == s.nD
            && nA == s.nA && nSteps == s.nSteps && Double.compare(gamma, s.gamma) == 0
            && nIndependent == s.nIndependent && nShared == s.nShared && Double.compare(epsilon, s.epsilon) == 0
            && virtualBatchSize == s.virtualBatchSize && Double.compare(momentum, s.momentum) == 0
            && maskType == s.maskType && Arrays.equals(catColumns, s.catColumns)
            && Arrays.equals(catCardinalities, s.catCardinalities) && Arrays.equals(catEmbDims, s.catEmbDims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {inputDim, numClasses, nD, nA, nSteps, Arrays.hashCode(catColumns)});
    }

    @Override
    public String toString() {
        return "NetworkSpec[inputDim=" + inputDim + ", classes=" + numClasses + ", n_d=" + nD + ", n_a=" + nA
            + ", n_steps=" + nSteps + ", gamma=" + gamma + ", n_independent=" + nIndependent + ", n_shared="
            + nShared + ", vbs=" + virtualBatchSize + ", momentum=" + momentum + ", mask=" + maskType.id()
            + ", categorical=" + Arrays.toString(catColumns) + "]";
    }
}
