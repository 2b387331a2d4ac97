package org.radtab.radiomics.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@link Extremes#of} against a fold of Math.min / Math.max, bit for bit. */
class ExtremesTest {

    @Provide
    Arbitrary<double[]> values() {
        Arbitrary<Double> special = Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -1.0);
        Arbitrary<Double> plain = Arbitraries.doubles().between(-1e6, 1e6);
        return Arbitraries.frequencyOf(Tuple.of(1, special), Tuple.of(3, plain))
            .array(double[].class).ofMinSize(0).ofMaxSize(50);
    }

    @Property(tries = 1000)
    void equalsTheMathMinMaxFold(@ForAll("values") double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double[] got = Extremes.of(v);
        assertEquals(Double.doubleToLongBits(lo), Double.doubleToLongBits(got[0]), "min");
        assertEquals(Double.doubleToLongBits(hi), Double.doubleToLongBits(got[1]), "max");
    }
}
