package org.radtab.ml.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two groups of 10 cases predicted 0.2 (3 positives) and 0.8 (6 positives). The two-parameter
 * recalibration model is saturated, so its fit reproduces the observed fractions exactly:
 * {@code a + b logit(.2) = logit(.3)} and {@code a + b logit(.8) = logit(.6)}.
 */
class CalibrationTest {
    static final int[] Y = new int[20];
    static final double[] P = new double[20];

    static {
        for (int i = 0; i < 10; i++) {
            P[i] = 0.2;
            Y[i] = i < 3 ? 1 : 0;
            P[10 + i] = 0.8;
            Y[10 + i] = i < 6 ? 1 : 0;
        }
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    @Test
    void recalibrationSlopeAndInterceptAnalytic() {
        double b = (logit(0.6) - logit(0.3)) / (logit(0.8) - logit(0.2));
        double a = logit(0.3) - b * logit(0.2);
        Calibration.Recalibration r = Calibration.recalibration(Y, P);
        assertEquals(b, r.slope(), 1e-9);
        assertEquals(a, r.intercept(), 1e-9);
        // calibration in the large: 10 sig(c + logit .2) + 10 sig(c + logit .8) = 9, by bisection
        double lo = -5;
        double hi = 5;
        for (int i = 0; i < 200; i++) {
            double c = (lo + hi) / 2;
            double f = 10 / (1 + Math.exp(-(c + logit(0.2)))) + 10 / (1 + Math.exp(-(c + logit(0.8)))) - 9;
            if (f > 0) {
                hi = c;
            } else {
                lo = c;
            }
        }
        assertEquals((lo + hi) / 2, r.interceptInTheLarge(), 1e-9);
    }

    @Test
    void brierAndCurve() {
        // group .2: 3 * .64 + 7 * .04 = 2.2; group .8: 6 * .04 + 4 * .64 = 2.8; (2.2 + 2.8) / 20
        assertEquals(0.25, Calibration.brier(Y, P), 1e-12);
        List<Calibration.Bin> u = Calibration.curve(Y, P, 10, Calibration.Binning.UNIFORM);
        assertEquals(2, u.size());
        assertEquals(0.2, u.get(0).meanPredicted(), 1e-12);
        assertEquals(0.3, u.get(0).observedFraction(), 1e-12);
        assertEquals(0.2, u.get(0).lowerEdge(), 1e-12);
        assertEquals(0.6, u.get(1).observedFraction(), 1e-12);
        assertEquals(10, u.get(1).count());
        // quantile bins on 1..10 / 10: edges at type-7 quantiles .1, .325, .55, .775, 1 (4 bins)
        int[] y = {0, 0, 1, 0, 1, 0, 1, 1, 1, 1};
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
        List<Calibration.Bin> q = Calibration.curve(y, p, 4, Calibration.Binning.QUANTILE);
        assertEquals(4, q.size());
        assertEquals(3, q.get(0).count()); // .1 .2 .3
        assertEquals(2, q.get(1).count()); // .4 .5
        assertEquals(2, q.get(2).count()); // .6 .7
        assertEquals(3, q.get(3).count()); // .8 .9 1
        assertEquals(1 / 3.0, q.get(0).observedFraction(), 1e-12);
        assertEquals(0.45, q.get(1).meanPredicted(), 1e-12);
    }
}
