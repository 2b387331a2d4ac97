package org.radtab.rbp.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.radtab.rbp.cohort.Patient.FractureLevel;
import org.radtab.rbp.cohort.Patient.ImageParameters;

/**
 * Draws the synthetic cohort's clinical variables, hidden image parameters and outcomes.
 * Deterministic for a seed: patient {@code i} uses its own random stream derived from
 * {@code (seed, i)}, so the cohort does not depend on thread counts or generation order.
 *
 * <p>Clinical distributions (before the outcome is known; group differences in Table 1 arise
 * from the outcome model, {@link GenerativeModel}):
 * <ul>
 *   <li>fracture level T4-T10 / T11-L2 / L3-L5 with probabilities 0.18 / 0.62 / 0.20;</li>
 *   <li>female 78%; age N(71.5, 8.5) years in [50, 95]; BMI N(23.4, 3.3) in [15, 38];</li>
 *   <li>BMD T-score N(-3.0 - 0.015 (age - 71.5), 0.75) in [-5.5, -1.0];</li>
 *   <li>IVC with probability 0.13, or 0.24 when T < -3.2; fascia injury 0.26;</li>
 *   <li>height loss 0.06 + 0.45 Beta(2, 4) (+0.08 with IVC), in [0.05, 0.75];
 *       Cobb angle 6 + 28 heightLoss (+3 for T4-T10) + N(0, 4) degrees, in [0, 45];</li>
 *   <li>VAS round(N(7.0 + 0.6 fascia + 0.5 IVC, 1.0)) in [4, 10];
 *       ODI N(62 + 3 (VAS - 7) + 6 fascia, 9) % in [20, 98];</li>
 *   <li>hypertension 0.42 + 0.004 (age - 71.5); diabetes 0.19; smoking 0.06 (women) / 0.22 (men);</li>
 *   <li>image: coarseness U(0, 1); heterogeneity mean of two U(0, 1); size N(1, 0.06) x
 *       (0.85, 1.0, 1.12 by level); endplate sclerosis 120 heightLoss U(0.5, 1.5) HU;
 *       cleft semi-axis U(3, 7) mm with IVC.</li>
 * </ul>
 */
public final class CohortGenerator {
    /** The paper's cohort: 856 patients, 102 with RBP. */
    public static final int PAPER_PATIENTS = 856;
    public static final int PAPER_EVENTS = 102;

    private final GenerativeModel model;

    public CohortGenerator(GenerativeModel model) {
        this.model = model;
    }

    public CohortGenerator() {
        this(GenerativeModel.defaults());
    }

    public GenerativeModel model() {
        return model;
    }

    /**
     * Generates {@code n} patients of whom exactly {@code events} have RBP.
     *
     * @throws IllegalArgumentException unless 0 < events < n
     */
    public List<Patient> generate(long seed, int n, int events) {
        if (n < 2 || events <= 0 || events >= n) {
            throw new IllegalArgumentException("need 0 < events < n, got events=" + events + ", n=" + n);
        }
        Draft[] drafts = new Draft[n];
        for (int i = 0; i < n; i++) {
            drafts[i] = draft(seed, i);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // largest noisy risk first; ties broken by index for determinism
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -drafts[i].noisyRisk).thenComparingInt(i -> i));
        boolean[] rbp = new boolean[n];
        for (int r = 0; r < events; r++) {
            rbp[order[r]] = true;
        }
        List<Patient> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Draft d = drafts[i];
            out.add(new Patient(String.format("RBP-%04d", i + 1), d.age, d.female, d.bmi, d.tScore, d.vas, d.odi,
                d.heightLoss, d.cobb, d.level, d.hypertension, d.diabetes, d.smoking, d.ivc, d.fascia, d.image,
                d.eta, rbp[i]));
        }
        return out;
    }

    private static final class Draft {
        double age;
        boolean female;
        double bmi;
        double tScore;
        int vas;
        double odi;
        double heightLoss;
        double cobb;
        FractureLevel level;
        boolean hypertension;
        boolean diabetes;
        boolean smoking;
        boolean ivc;
        boolean fascia;
        ImageParameters image;
        double eta;
        double noisyRisk;
    }

    /** A stream seed for patient i, well mixed (SplitMix64 finaliser). */
    static long patientSeed(long seed, int i) {
        long z = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Draft draft(long seed, int i) {
        SplittableRandom r = new SplittableRandom(patientSeed(seed, i));
        Draft d = new Draft();
        double u = r.nextDouble();
        d.level = u < 0.18 ? FractureLevel.T4_T10 : u < 0.80 ? FractureLevel.T11_L2 : FractureLevel.L3_L5;
        d.female = r.nextDouble() < 0.78;
        d.age = clip(71.5 + 8.5 * gauss(r), 50, 95);
        d.bmi = clip(23.4 + 3.3 * gauss(r), 15, 38);
        d.tScore = clip(-3.0 - 0.015 * (d.age - 71.5) + 0.75 * gauss(r), -5.5, -1.0);
        d.ivc = r.nextDouble() < (d.tScore < -3.2 ? 0.24 : 0.13);
        d.fascia = r.nextDouble() < 0.26;
        d.heightLoss = clip(0.06 + 0.45 * beta24(r) + (d.ivc ? 0.08 : 0), 0.05, 0.75);
        d.cobb = clip(6 + 28 * d.heightLoss + (d.level == FractureLevel.T4_T10 ? 3 : 0) + 4 * gauss(r), 0, 45);
        d.vas = (int) clip(Math.round(7.0 + 0.6 * (d.fascia ? 1 : 0) + 0.5 * (d.ivc ? 1 : 0) + gauss(r)), 4, 10);
        d.odi = clip(62 + 3 * (d.vas - 7) + 6 * (d.fascia ? 1 : 0) + 9 * gauss(r), 20, 98);
        d.hypertension = r.nextDouble() < 0.42 + 0.004 * (d.age - 71.5);
        d.diabetes = r.nextDouble() < 0.19;
        d.smoking = r.nextDouble() < (d.female ? 0.06 : 0.22);
        double levelScale = d.level == FractureLevel.T4_T10 ? 0.85 : d.level == FractureLevel.T11_L2 ? 1.0 : 1.12;
        double size = levelScale * clip(1 + 0.06 * gauss(r), 0.85, 1.15);
        double coarseness = r.nextDouble();
        double heterogeneity = 0.5 * (r.nextDouble() + r.nextDouble());
        double sclerosis = 120 * d.heightLoss * (0.5 + r.nextDouble());
        double cleft = d.ivc ? 3 + 4 * r.nextDouble() : 0;
        d.image = new ImageParameters(r.nextLong(), size, coarseness, heterogeneity, sclerosis, cleft);
        d.eta = model.eta(d.ivc, d.tScore, d.fascia, d.vas, d.age, d.heightLoss, heterogeneity, coarseness);
        double v = r.nextDouble();
        double logistic = Math.log(v / (1 - v));
        d.noisyRisk = d.eta + model.noiseScale() * logistic;
        return d;
    }

    static double gauss(SplittableRandom r) {
        // Box-Muller (one value per call; deterministic)
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double beta24(SplittableRandom r) {
        // Beta(2, 4) as the 2nd smallest of 5 uniforms
        double[] u = new double[5];
        for (int k = 0; k < 5; k++) {
            u[k] = r.nextDouble();
        }
        Arrays.sort(u);
        return u[1];
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
