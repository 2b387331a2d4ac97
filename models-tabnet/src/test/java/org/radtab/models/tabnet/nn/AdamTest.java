package org.radtab.models.tabnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Adam and gradient clipping against hand-computed values of PyTorch's formulas. */
class AdamTest {

    @Test
    void twoStepsByHand() {
        Tensor p = Tensor.parameter("p", 1);
        p.data[0] = 1.0;
        Adam adam = new Adam(List.of(p));
        p.grad[0] = 0.5;
        adam.step(0.1);
        // m = 0.05, v = 0.00025; m^ = 0.5, v^ = 0.25 -> step 0.1 * 0.5 / (0.5 + 1e-8)
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), p.data[0], 1e-15);
        double after1 = p.data[0];
        p.grad[0] = -1.0;
        adam.step(0.1);
        double m = 0.9 * 0.05 + 0.1 * -1.0;                // -0.055
        double v = 0.999 * 0.00025 + 0.001 * 1.0;          // 0.00124975
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.998001);
        assertEquals(after1 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), p.data[0], 1e-14);
    }

    /** PyTorch's coupled L2 decay: the step uses g + wd p in both moments. */
    @Test
    void weightDecayAddsTheL2GradientByHand() {
        Tensor p = Tensor.parameter("p", 2);
        p.data[0] = 1.0;
        p.data[1] = -2.0;
        Adam adam = new Adam(List.of(p), 0.1);
        p.grad[0] = 0.5;
        p.grad[1] = 0.0;
        adam.step(0.01);
        // p0: g = 0.5 + 0.1 * 1 = 0.6 -> m^ = 0.6, v^ = 0.36; p1: g = 0 + 0.1 * -2 = -0.2 -> m^ = -0.2, v^ = 0.04
        assertEquals(1.0 - 0.01 * 0.6 / (0.6 + 1e-8), p.data[0], 1e-15);
        assertEquals(-2.0 + 0.01 * 0.2 / (0.2 + 1e-8), p.data[1], 1e-15);
        double p1 = p.data[1];
        p.grad[1] = 0.0;
        adam.step(0.01);
        double g2 = 0.1 * p1;
        double m = 0.9 * 0.1 * -0.2 + 0.1 * g2;
        double v = 0.999 * 0.001 * 0.04 + 0.001 * g2 * g2;
        double expected = p1 - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.998001)) + 1e-8);
        assertEquals(expected, p.data[1], 1e-15);
    }

    @Test
    void clippingScalesTheGlobalNorm() {
        Tensor a = Tensor.parameter("a", 1);
        Tensor b = Tensor.parameter("b", 1);
        a.grad[0] = 3;
        b.grad[0] = 4;
        double norm = Adam.clipGradNorm(List.of(a, b), 1.0);
        assertEquals(5.0, norm, 0);
        double c = 1.0 / (5.0 + 1e-6);
        assertArrayEquals(new double[] {3 * c, 4 * c}, new double[] {a.grad[0], b.grad[0]}, 1e-15);
        // below the limit nothing changes
        a.grad[0] = 0.3;
        b.grad[0] = 0.4;
        Adam.clipGradNorm(List.of(a, b), 1.0);
        assertArrayEquals(new double[] {0.3, 0.4}, new double[] {a.grad[0], b.grad[0]}, 0);
    }
}
