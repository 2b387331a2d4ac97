package org.radtab.models.tabnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The whole network against reference numbers computed with PyTorch.
 *
 * <p>The reference values below were produced with PyTorch 1.13 in float64 by a re-implementation
 * of PyTorch-TabNet 4.x's {@code tab_network.py} (written for this check from that file:
 * {@code BatchNorm1d} initial norm with momentum 0.01, {@code GBN} as {@code x.chunk(ceil(n /
 * vbs))} through one {@code BatchNorm1d}, GLU blocks, initial splitter, attentive transformers with
 * sparsemax / entmax 1.5, {@code cross_entropy - lambda * M_loss}), loaded with exactly the weights
 * set here. They check what finite-difference gradient checks cannot: that the forward semantics
 * (chunking into 4 + 4 + 2 rows, prior update, which outputs feed the attention, running
 * statistics in evaluation mode) are PyTorch-TabNet's.
 *
 * <p>Network: 5 inputs, 2 classes, n_d = 3, n_a = 2, n_steps = 2, gamma = 1.3, one shared and one
 * independent GLU layer, virtual batch 4, momentum 0.02. Every trainable tensor named N gets
 * {@code [1 if N ends with "bn.weight"] + 0.6 sin(0.7 i + 0.01 c(N))}, i the row-major index in
 * RadTab's [in, out] layout and c(N) the sum of N's character codes. Batch: 10 rows,
 * {@code x[i][j] = 1.5 cos(1.3 i + 0.9 j) + 0.2 j}, {@code y[i] = 1} when i is a multiple of 3.
 * One training-mode forward, backward with lambda_sparse = 0.01, then an evaluation-mode forward
 * (using the running statistics that the training forward updated).
 */
class PyTorchReferenceTest {
    private static final int P = 5;
    private static final int N = 10;

    private static final double[] SPARSEMAX_TRAIN = {0.053661207609091814, 0.0351208001480666, 0.7113580848563641,
        0.4645871082763928, -0.0710102760507705, -0.17821480907292359, -0.318351283277021, -0.4061700794930331,
        -0.16681917054181186, -0.14625317606487578, 0.4705620320737522, 0.3078948820538902, 0.4237565695495066,
        0.19450991007102386, -0.23494791862927578, -0.38054603610383747, -0.028300185230957897,
        -0.14141683652334322, -0.16171185714589098, -0.14177550840302336};
    private static final double[] SPARSEMAX_EVAL = {0.3457277611319789, 0.22627585448333223, 0.41356736114612935,
        0.2706762908577472, 0.3388593663952202, 0.14316553640311108, 0.23433738381130947, 0.06949910427982392,
        0.22928703368592618, 0.12973697731199413, 0.3713468472057054, 0.2430433265932781, 0.40563944480084035,
        0.25989385240002777, 0.32465719306027185, 0.12492541305720248, 0.2162729685838614, 0.0659199720284814,
        0.24381432191577218, 0.1467813450109865};
    private static final double SPARSEMAX_LOSS = 0.6796004149417609;
    private static final double SPARSEMAX_GRAD_SQ = 0.021999448764716475;

    private static final double[] ENTMAX_TRAIN = {0.0, 0.0, 0.514768820773269, 0.33691177821668616,
        -0.07258024179898304, -0.18262608681904047, -0.3076677045012012, -0.3921822962011601, -0.21592920066831,
        -0.1893087664944053, 0.2050999079234822, 0.1342361306708094, 0.3682230974332013, 0.23433664158040707,
        -0.2865104250367124, -0.4067576988386217, -0.028321679302649422, -0.14138262560545511, 0.0, 0.0};
    private static final double[] ENTMAX_EVAL = {0.32939177910877404, 0.2155840943567454, 0.39564065604427423,
        0.24922839619076498, 0.3274296861116912, 0.11534321312119018, 0.239758061658153, 0.05933012833074239,
        0.23841725028188934, 0.1450666481558217, 0.3531171644853889, 0.23111215560199347, 0.38728921046074455,
        0.2261500576086405, 0.3162408710570299, 0.10088392618121868, 0.2349769119058347, 0.06840206981211669,
        0.2482690027805713, 0.16248993300961245};
    private static final double ENTMAX_LOSS = 0.6864885791827664;
    private static final double ENTMAX_GRAD_SQ = 0.01693083010026216;

    @Test
    void sparsemaxNetworkMatchesPyTorch() {
        check(MaskType.SPARSEMAX, SPARSEMAX_TRAIN, SPARSEMAX_LOSS, SPARSEMAX_GRAD_SQ, SPARSEMAX_EVAL);
    }

    @Test
    void entmaxNetworkMatchesPyTorch() {
        check(MaskType.ENTMAX, ENTMAX_TRAIN, ENTMAX_LOSS, ENTMAX_GRAD_SQ, ENTMAX_EVAL);
    }

    private static void check(MaskType mask, double[] train, double loss, double gradSq, double[] eval) {
        NetworkSpec spec = new NetworkSpec(P, 2, 3, 2, 2, 1.3, 1, 1, 1e-15, 4, 0.02, mask, new int[0], new int[0],
            new int[0]);
        TabNetNetwork net = new TabNetNetwork(spec, 0L);
        for (Tensor t : net.parameters()) {
            int c = 0;
            for (char ch : t.name().toCharArray()) {
                c += ch;
            }
            double base = t.name().endsWith("bn.weight") ? 1.0 : 0.0;
            for (int i = 0; i < t.data.length; i++) {
                t.data[i] = base + 0.6 * Math.sin(0.7 * i + 0.01 * c);
            }
        }
        double[] x = new double[N * P];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            for (int j = 0; j < P; j++) {
                x[i * P + j] = 1.5 * Math.cos(1.3 * i + 0.9 * j) + 0.2 * j;
            }
        }
        net.zeroGrad();
        assertArrayEquals(train, net.forward(x, N, true), 1e-13, "training-mode logits");
        assertEquals(loss, net.backward(y, null, 0.01), 1e-13, "loss");
        double g2 = 0.0;
        for (Tensor t : net.parameters()) {
            for (double g : t.grad) {
                g2 += g * g;
            }
        }
        assertEquals(gradSq, g2, 1e-13 * gradSq, "sum of squared gradients");
        assertArrayEquals(eval, net.forward(x, N, false), 1e-13, "evaluation-mode logits");
    }
}
