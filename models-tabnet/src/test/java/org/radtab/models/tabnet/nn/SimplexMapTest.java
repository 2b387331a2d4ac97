package org.radtab.models.tabnet.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Sparsemax and 1.5-entmax against their definitions, computed independently here: the
 * threshold tau is found by bisection on the monotone equation {@code sum_i g(z_i - tau) = 1}
 * ({@code g(u) = max(u, 0)} for sparsemax, {@code g(u) = max(u, 0)^2} on z / 2 for entmax) instead of
 * the sort-based closed form of the code, and the outputs are also checked against the
 * optimisation problems that define the maps.
 */
class SimplexMapTest {

    /** tau with sum_i max(u_i - tau, 0)^power = 1, by 200 bisection steps (decreasing in tau). */
    static double bisectTau(double[] u, int power) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : u) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        lo -= 1.0; // sum >= (max - lo)^power >= 1 there
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (double v : u) {
                s += Math.pow(Math.max(v - mid, 0), power);
            }
            if (s > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static double[] randomVector(Random rng, int d, double scale) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = scale * rng.nextGaussian();
            if (rng.nextInt(6) == 0 && i > 0) {
                z[i] = z[i - 1]; // ties
            }
        }
        return z;
    }

    private static double[] randomSimplexPoint(Random rng, int d) {
        double[] q = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            q[i] = rng.nextBoolean() ? 0 : -Math.log(1 - rng.nextDouble());
            s += q[i];
        }
        if (s == 0) {
            q[rng.nextInt(d)] = 1;
            return q;
        }
        for (int i = 0; i < d; i++) {
            q[i] /= s;
        }
        return q;
    }

    @Property(tries = 300)
    void sparsemaxIsTheEuclideanProjectionOntoTheSimplex(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int d,
                                                        @ForAll @DoubleRange(min = 0.01, max = 50) double scale) {
        Random rng = new Random(seed);
        double[] z = randomVector(rng, d, scale);
        double[] p = new double[d];
        Sparsemax.forwardRow(z, 0, d, p, new double[d]);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0, "non-negative");
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12, "on the simplex");
        double tau = bisectTau(z, 1);
        double[] expected = new double[d];
        for (int i = 0; i < d; i++) {
            expected[i] = Math.max(z[i] - tau, 0);
        }
        assertArrayEquals(expected, p, 1e-9 * Math.max(1, scale), "equals the projection from bisection");
        // optimality: no point of the simplex is closer to z
        double dist = 0;
        for (int i = 0; i < d; i++) {
            dist += (p[i] - z[i]) * (p[i] - z[i]);
        }
        for (int k = 0; k < 20; k++) {
            double[] q = randomSimplexPoint(rng, d);
            double dq = 0;
            for (int i = 0; i < d; i++) {
                dq += (q[i] - z[i]) * (q[i] - z[i]);
            }
            assertTrue(dist <= dq + 1e-9 * (1 + dq), "closest simplex point");
        }
    }

    @Property(tries = 300)
    void entmax15SatisfiesItsDefinition(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int d,
                                        @ForAll @DoubleRange(min = 0.01, max = 50) double scale) {
        Random rng = new Random(seed);
        double[] z = randomVector(rng, d, scale);
        double[] p = new double[d];
        Entmax15.forwardRow(z, 0, d, p, new double[d]);
        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0, "non-negative");
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12, "on the simplex");
        // p_i = max(z_i / 2 - tau, 0)^2 with sum p = 1
        double[] half = new double[d];
        for (int i = 0; i < d; i++) {
            half[i] = z[i] / 2;
        }
        double tau = bisectTau(half, 2);
        double[] expected = new double[d];
        for (int i = 0; i < d; i++) {
            double t = Math.max(half[i] - tau, 0);
            expected[i] = t * t;
        }
        assertArrayEquals(expected, p, 1e-9 * Math.max(1, scale), "equals the closed form with bisection tau");
        // maximiser of p.z + (1 - sum p^1.5) / 0.75 over the simplex
        double best = objective(p, z);
        for (int k = 0; k < 20; k++) {
            double[] q = randomSimplexPoint(rng, d);
            assertTrue(objective(q, z) <= best + 1e-9 * (1 + Math.abs(best)), "maximiser of the entmax objective");
        }
    }

    private static double objective(double[] p, double[] z) {
        double s = 0;
        double t = 0;
        for (int i = 0; i < p.length; i++) {
            s += p[i] * z[i];
            t += Math.pow(p[i], 1.5);
        }
        return s + (1 - t) / 0.75;
    }

    @Test
    void handWorkedExamples() {
        double[] p = new double[3];
        // z = (1, 0.5, -1): k* = 2, tau = (1.5 - 1) / 2 = 0.25 -> (0.75, 0.25, 0)
        Sparsemax.forwardRow(new double[] {1, 0.5, -1}, 0, 3, p, new double[3]);
        assertArrayEquals(new double[] {0.75, 0.25, 0}, p, 1e-15);
        // z = (0, 0, 0): uniform
        Sparsemax.forwardRow(new double[] {0, 0, 0}, 0, 3, p, new double[3]);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, p, 1e-15);
        // a dominant entry takes everything
        Sparsemax.forwardRow(new double[] {5, 0, 0}, 0, 3, p, new double[3]);
        assertArrayEquals(new double[] {1, 0, 0}, p, 0);
        // entmax of (0, 0): u = (0, 0), 2 (0 - tau)^2 = 1 -> tau = -1/sqrt(2), p = (1/2, 1/2)
        double[] q = new double[2];
        Entmax15.forwardRow(new double[] {0, 0}, 0, 2, q, new double[2]);
        assertArrayEquals(new double[] {0.5, 0.5}, q, 1e-15);
        // entmax of (3, 0): u = (0, -1.5); support {1}: tau = -1 (p = 1), and -1.5 < tau -> (1, 0)
        Entmax15.forwardRow(new double[] {3, 0}, 0, 2, q, new double[2]);
        assertArrayEquals(new double[] {1, 0}, q, 1e-15);
        // entmax of (1, 0): u = (0, -0.5); two-point support: (0 - t)^2 + (-0.5 - t)^2 = 1
        // -> t = (-0.5 - sqrt(1.75)) / 2; p_1 = t^2
        Entmax15.forwardRow(new double[] {1, 0}, 0, 2, q, new double[2]);
        double t = (-0.5 - Math.sqrt(1.75)) / 2;
        assertArrayEquals(new double[] {t * t, (-0.5 - t) * (-0.5 - t)}, q, 1e-15);
    }
}
