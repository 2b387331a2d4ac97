package org.radtab.models.tabnet.nn;

import java.util.Arrays;

/**
 * A named, shaped block of doubles: a trainable parameter (with a gradient buffer and the two
 * Adam moment buffers) or a non-trainable buffer (batch-norm running statistics).
 *
 * <p>Values are stored row-major in {@link #data}; the shape is for documentation, persistence
 * and validation only.
 */
public final class Tensor {
    private final String name;
    private final int[] shape;
    /** Current values (row-major). */
    public final double[] data;
    /** Gradient of the loss (same layout), or null for a buffer. */
    public final double[] grad;
    /** Adam first-moment estimate, or null for a buffer. */
    final double[] adamM;
    /** Adam second-moment estimate, or null for a buffer. */
    final double[] adamV;

    private Tensor(String name, int[] shape, boolean trainable) {
        int size = 1;
        for (int s : shape) {
            if (s <= 0) {
                throw new IllegalArgumentException("tensor " + name + ": non-positive dimension in " + Arrays.toString(shape));
            }
            size = Math.multiplyExact(size, s);
        }
        this.name = name;
        this.shape = shape.clone();
        this.data = new double[size];
        this.grad = trainable ? new double[size] : null;
        this.adamM = trainable ? new double[size] : null;
        this.adamV = trainable ? new double[size] : null;
    }

    /** A trainable parameter, zero-initialised. */
    public static Tensor parameter(String name, int... shape) {
        return new Tensor(name, shape, true);
    }

    /** A non-trainable buffer, zero-initialised. */
    public static Tensor buffer(String name, int... shape) {
        return new Tensor(name, shape, false);
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data.length;
    }

    public boolean trainable() {
        return grad != null;
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        if (grad != null) {
            Arrays.fill(grad, 0.0);
        }
    }

    /** Clears the optimiser state (Adam moments). */
    void resetOptimizerState() {
        if (adamM != null) {
            Arrays.fill(adamM, 0.0);
            Arrays.fill(adamV, 0.0);
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
