package org.radtab.models.tabnet.nn;

/**
 * One GLU layer of a feature transformer: {@code FC(in -> 2h, no bias) -> ghost BN(2h) -> GLU -> h}.
 * The FC may be shared with other layers (TabNet's shared block); the batch norm never is.
 */
public final class GluLayer {
    private final Linear fc;
    private final BatchNorm bn;
    private final int h;

    private double[] x; // cached input (not owned)
    private int n;
    private double[] a;     // FC output
    private double[] b;     // BN output (owned by the batch norm)
    private double[] gate;
    private double[] out;
    private double[] db;
    private double[] dx;

    public GluLayer(Linear fc, BatchNorm bn) {
        if (fc.out() != bn.dim() || fc.out() % 2 != 0) {
            throw new IllegalArgumentException("GLU layer needs FC out = BN dim = 2h");
        }
        this.fc = fc;
        this.bn = bn;
        this.h = fc.out() / 2;
    }

    public int in() {
        return fc.in();
    }

    public int out() {
        return h;
    }

    public Linear fc() {
        return fc;
    }

    public BatchNorm bn() {
        return bn;
    }

    /** Output (n x h), an owned buffer; {@code x} must stay unchanged until {@link #backward}. */
    public double[] forward(double[] x, int n, boolean training) {
        this.x = x;
        this.n = n;
        a = MatOps.ensure(a, n * 2 * h);
        fc.forward(x, n, a);
        b = bn.forward(a, n, training);
        gate = MatOps.ensure(gate, n * h);
        out = MatOps.ensure(out, n * h);
        Glu.forward(b, n, h, out, gate);
        return out;
    }

    /** Input gradient (n x in), an owned buffer; parameter gradients accumulate. */
    public double[] backward(double[] dOut) {
        db = MatOps.ensure(db, n * 2 * h);
        Glu.backward(b, gate, dOut, n, h, db);
        double[] da = bn.backward(db, n);
        dx = MatOps.ensure(dx, n * fc.in());
        fc.backward(x, da, n, dx);
        return dx;
    }
}
