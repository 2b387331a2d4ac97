package org.radtab.rbp.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cohort and the phantom against their documented generative specification. */
class SyntheticCohortTest {

    private static final List<Patient> COHORT = new CohortGenerator().generate(7, 856, 102);

    @Test
    void exactEventCountAndDeterminism() {
        assertEquals(102, COHORT.stream().filter(Patient::rbp).count());
        List<Patient> again = new CohortGenerator().generate(7, 856, 102);
        assertEquals(COHORT, again);
        List<Patient> other = new CohortGenerator().generate(8, 856, 102);
        assertNotEquals(COHORT.get(0), other.get(0));
        assertThrows(IllegalArgumentException.class, () -> new CohortGenerator().generate(1, 10, 10));
    }

    @Test
    void marginalDistributionsMatchTheSpecification() {
        double n = COHORT.size();
        double meanAge = COHORT.stream().mapToDouble(Patient::age).average().orElseThrow();
        double female = COHORT.stream().filter(Patient::female).count() / n;
        double meanT = COHORT.stream().mapToDouble(Patient::tScore).average().orElseThrow();
        double lumbarThoracic = COHORT.stream().filter(p -> p.level() == Patient.FractureLevel.T11_L2).count() / n;
        // specification: age N(71.5, 8.5) -> sd of the mean 0.29; female 0.78 -> sd 0.014; T N(-3.0, 0.75)
        assertEquals(71.5, meanAge, 1.2);
        assertEquals(0.78, female, 0.05);
        assertEquals(-3.0, meanT, 0.1);
        assertEquals(0.62, lumbarThoracic, 0.06);
    }

    @Test
    void outcomeFollowsTheRiskModel() {
        // a large cohort at the paper's prevalence, so the marginal effects are estimated precisely
        List<Patient> big = new CohortGenerator().generate(3, 20000, 2383);
        double riskPos = big.stream().filter(Patient::rbp).mapToDouble(Patient::latentRisk).average().orElseThrow();
        double riskNeg = big.stream().filter(p -> !p.rbp()).mapToDouble(Patient::latentRisk).average().orElseThrow();
        assertTrue(riskPos > riskNeg + 1.0, riskPos + " vs " + riskNeg);
        // IVC is a strong risk factor overall (main effect and the collapse interaction outweigh the BMD crossover)
        double ivcPos = big.stream().filter(Patient::rbp).filter(Patient::ivc).count() / 2383.0;
        double ivcNeg = big.stream().filter(p -> !p.rbp()).filter(Patient::ivc).count() / (20000.0 - 2383);
        assertTrue(ivcPos > 1.4 * ivcNeg, ivcPos + " vs " + ivcNeg);
        // risk rises at both ends of age (the U-shaped term): the oldest and the youngest deciles are above the middle
        double[] ages = big.stream().mapToDouble(Patient::age).sorted().toArray();
        double lo = ages[2000];
        double hi = ages[18000];
        double rateLow = rate(big, p -> p.age() < lo);
        double rateMid = rate(big, p -> p.age() >= ages[8000] && p.age() < ages[12000]);
        double rateHigh = rate(big, p -> p.age() >= hi);
        assertTrue(rateHigh > rateMid && rateLow > rateMid, rateLow + " / " + rateMid + " / " + rateHigh);
    }

    private static double rate(List<Patient> ps, java.util.function.Predicate<Patient> in) {
        long n = ps.stream().filter(in).count();
        return ps.stream().filter(in).filter(Patient::rbp).count() / (double) n;
    }

    @Test
    void phantomGeometryAndIntensities() {
        Patient p = COHORT.stream().filter(Patient::ivc).findFirst().orElseThrow();
        VertebraPhantom.Rendered r = VertebraPhantom.render(p);
        assertEquals(VertebraPhantom.grid(), r.ct().geometry());
        // mask volume against the analytic body volume: ellipse area minus the canal notch, times mean wedge height
        double s = p.image().sizeScale();
        double a = 22.5 * s;
        double b = 17.5 * s;
        double area = Math.PI * a * b;
        double meanHeight = 28 * s * (1 - p.heightLoss() / 2);
        double voxel = 0.7 * 0.7 * 3.0;
        double maskVolume = r.reader1().count(1) * voxel;
        double analytic = area * meanHeight;
        assertEquals(analytic, maskVolume, 0.12 * analytic, "mask volume vs analytic body volume");
        // readers agree closely but not exactly
        int both = 0;
        int[] m1 = r.reader1().labels();
        int[] m2 = r.reader2().labels();
        for (int i = 0; i < m1.length; i++) {
            both += m1[i] & m2[i];
        }
        double dice = 2.0 * both / (r.reader1().count(1) + r.reader2().count(1));
        assertTrue(dice > 0.88 && dice < 0.995, "dice " + dice);
        // integer HU in int16 range; the cleft (gas) appears inside the ROI
        double min = Double.MAX_VALUE;
        for (int i = 0; i < m1.length; i++) {
            double v = r.ct().data()[i];
            assertEquals(Math.rint(v), v);
            if (m1[i] == 1) {
                min = Math.min(min, v);
            }
        }
        assertTrue(min < -600, "gas cleft expected inside the ROI, min " + min);
    }

    @Test
    void trabecularDensityTracksBmd() {
        // mean ROI HU rises with the T-score (trabecular HU = 165 + 38 T by construction)
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        double mx = 0;
        double my = 0;
        int n = 40;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            Patient p = COHORT.get(i);
            VertebraPhantom.Rendered r = VertebraPhantom.render(p);
            double sum = 0;
            int c = 0;
            for (int v = 0; v < r.ct().data().length; v++) {
                if (r.reader1().labels()[v] == 1) {
                    sum += r.ct().data()[v];
                    c++;
                }
            }
            xs[i] = p.tScore();
            ys[i] = sum / c;
            mx += xs[i] / n;
            my += ys[i] / n;
        }
        for (int i = 0; i < n; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }
        double corr = sxy / Math.sqrt(sxx * syy);
        assertTrue(corr > 0.6, "correlation of ROI mean HU with T-score " + corr);
    }
}
