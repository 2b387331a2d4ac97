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

    /** The closed-range mean absolute deviation against a filter over the values in input order. */
    @Property(tries = 300)
    void meanAbsoluteDeviationWithinARangeMatchesAFilter(@ForAll("samples") double[] x, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int q = 0; q < 6; q++) {
            OrderStatistics s = new OrderStatistics(x);
            double lo;
            double hi;
            if (q < 3) { // percentile bounds, as the robust mean absolute deviation uses them
                lo = Percentiles.linear(s, 10 * q);
                hi = Percentiles.linear(s, 100 - 10 * q);
            } else { // sample values (ties at the ends) and arbitrary points
                lo = sorted[r.nextInt(x.length)];
                hi = q == 3 ? lo : q == 4 ? sorted[r.nextInt(x.length)] : lo + r.nextDouble() * 1e5;
            }
            int m = 0;
            double sum = 0;
            for (double v : x) {
                if (v >= lo && v <= hi) {
                    sum += v;
                    m++;
                }
            }
            double expected = Double.NaN;
            if (m > 0) {
                double mean = sum / m;
                double d = 0;
                for (double v : x) {
                    if (v >= lo && v <= hi) {
                        d += Math.abs(v - mean);
                    }
                }
                expected = d / m;
            }
            double got = s.meanAbsoluteDeviationWithin(lo, hi);
            double tolerance = Double.isNaN(expected) ? 0.0 : 1e-9 * (1 + Math.abs(expected));
            assertEquals(expected, got, tolerance, "range " + lo + " .. " + hi);
        }
    }

    @Test
    void meanAbsoluteDeviationWithinHandlesEmptyAndNanRanges() {
        OrderStatistics s = new OrderStatistics(new double[] {1, 2, 3, 4, 100, Double.NaN});
        assertEquals(1.0, s.meanAbsoluteDeviationWithin(1, 4), 0.0); // {1,2,3,4}: mean 2.5, |dev| 1.5,.5,.5,1.5
        assertEquals(Double.NaN, s.meanAbsoluteDeviationWithin(5, 99), 0.0);
        assertEquals(Double.NaN, s.meanAbsoluteDeviationWithin(4, 1), 0.0);
        assertEquals(Double.NaN, s.meanAbsoluteDeviationWithin(Double.NaN, 4), 0.0);
        OrderStatistics many = new OrderStatistics(java.util.stream.IntStream.range(0, 1000).asDoubleStream().toArray());
        assertEquals(250.0, many.meanAbsoluteDeviationWithin(0, 999), 0.0);
        assertEquals(0.0, many.meanAbsoluteDeviationWithin(500, 500), 0.0);
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
