package org.radtab.models.tabnet.nn;

/**
 * Gated linear unit on an n x 2h matrix a: {@code out[:, j] = a[:, j] * sigmoid(a[:, h + j])},
 * j < h (the first half is the value, the second half the gate, as in PyTorch-TabNet).
 *
 * <p>Backward: {@code da[:, j] = dout * s}, {@code da[:, h + j] = dout * a[:, j] * s (1 - s)} with
 * {@code s = sigmoid(a[:, h + j])}.
 */
public final class Glu {
    private Glu() {
    }

    /** The logistic function, evaluated without overflow for large |x|. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** out (n x h) from a (n x 2h); {@code gate} (n x h) receives the sigmoid values for the backward pass. */
    public static void forward(double[] a, int n, int h, double[] out, double[] gate) {
        int w = 2 * h;
        for (int i = 0; i < n; i++) {
            int ao = i * w;
            int oo = i * h;
            for (int j = 0; j < h; j++) {
                double s = sigmoid(a[ao + h + j]);
                gate[oo + j] = s;
                out[oo + j] = a[ao + j] * s;
            }
        }
    }

    /** da (n x 2h, overwritten) from the forward input a, its gate values and dout (n x h). */
    public static void backward(double[] a, double[] gate, double[] dout, int n, int h, double[] da) {
        int w = 2 * h;
        for (int i = 0; i < n; i++) {
            int ao = i * w;
            int oo = i * h;
            for (int j = 0; j < h; j++) {
                double s = gate[oo + j];
                double d = dout[oo + j];
                da[ao + j] = d * s;
                da[ao + h + j] = d * a[ao + j] * s * (1.0 - s);
            }
        }
    }
}
