package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Selection against a full sort, and NumPy percentiles of small hand-computed samples. */
class OrderStatisticsTest {

    @Provide
    Arbitrary<double[]> samples() {
        // few distinct values (many ties) and wide ranges, up to 400 values
        Arbitrary<Double> tied = Arbitraries.integers().between(-3, 3).map(i -> (double) i);
        Arbitrary<Double> wide = Arbitraries.doubles().between(-1e6, 1e6);
        return Arbitraries.oneOf(tied, wide).array(double[].class).ofMinSize(1).ofMaxSize(400);
    }

    @Property(tries = 300)
    void everyOrderStatisticEqualsTheSortedValue(@ForAll("samples") double[] x, @ForAll long seed) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        OrderStatistics s = new OrderStatistics(x);
        // query in a scrambled order, each index twice
        java.util.Random r = new java.util.Random(seed);
        for (int q = 0; q < 2 * x.length; q++) {
            int k = r.nextInt(x.length);
            assertEquals(sorted[k], s.get(k), 0.0, "k = " + k);
        }
        for (double q : List.of(0.0, 10.0, 25.0, 50.0, 75.0, 90.0, 100.0)) {
            assertEquals(Percentiles.linear(sorted, q), Percentiles.linear(new OrderStatistics(x), q), 0.0);
        }
        assertEquals(Percentiles.median(sorted), Percentiles.median(new OrderStatistics(x)), 0.0);
    }

    @Test
    void numpyPercentilesOfASmallSample() {
        // numpy.percentile([7, 1, 3, 9, 5], [10, 25, 50, 90]) = [1.8, 3, 5, 8.2]
        OrderStatistics s = new OrderStatistics(new double[] {7, 1, 3, 9, 5});
        assertEquals(1.8, Percentiles.linear(s, 10), 1e-12);
        assertEquals(3.0, Percentiles.linear(s, 25), 0.0);
        assertEquals(5.0, Percentiles.median(s), 0.0);
        assertEquals(8.2, Percentiles.linear(s, 90), 1e-12);
        // numpy.median([4, 1, 3, 2]) = 2.5
        assertEquals(2.5, Percentiles.median(new OrderStatistics(new double[] {4, 1, 3, 2})), 0.0);
    }

    @Test
    void nanSortsLastAsInASortedArray() {
        OrderStatistics s = new OrderStatistics(new double[] {2, Double.NaN, 1});
        assertEquals(1.0, s.get(0), 0.0);
        assertEquals(2.0, s.get(1), 0.0);
        assertEquals(Double.NaN, s.get(2), 0.0);
    }
}
