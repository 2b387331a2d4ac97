package org.radtab.rbp.cohort;

/**
 * The documented outcome model of the synthetic cohort. For each patient a linear predictor
 *
 * <pre>
 * eta = wIvc * IVC
 *     + wBmd * (-(T + 3.0) / 0.75)                      lower bone density, higher risk
 *     + wFascia * fasciaInjury
 *     + wVas * (VAS - 7)
 *     + wAge * (age - 71.5) / 10
 *     + wHeight * (heightLoss - 0.25) / 0.10
 *     + wInteraction * [heterogeneity > 0.6] * [T < -3.0]  non-linear: patchy trabecular bone in osteoporosis
 *     + wTexture * ((2 * coarseness - 1)^2 - 1/3) * 3      non-linear: U-shaped in trabecular scale
 * </pre>
 *
 * is formed; the outcome is RBP for the {@code positives} patients with the largest
 * {@code eta + noiseScale * L}, L standard logistic noise (a threshold model whose threshold is
 * set so that the cohort has exactly the paper's 102 of 856 events). The image terms act only
 * through the rendered CT (heterogeneity and coarseness are never given to the pipeline), so
 * radiomics must recover them; the two non-linear terms are what tree ensembles and TabNet can
 * use and logistic regression on the selected features cannot.
 */
public record GenerativeModel(double wIvc, double wBmd, double wFascia, double wVas, double wAge, double wHeight,
                              double wInteraction, double wTexture, double noiseScale) {

    /** The coefficients used by the reference study. */
    public static GenerativeModel defaults() {
        return new GenerativeModel(1.2, 0.9, 0.5, 0.3, 0.25, 0.35, 1.8, 1.1, 0.45);
    }

    /** The linear predictor eta of a patient (noise-free). */
    public double eta(boolean ivc, double tScore, boolean fasciaInjury, int vas, double age, double heightLoss,
                      double heterogeneity, double coarseness) {
        double u = 2 * coarseness - 1;
        return wIvc * (ivc ? 1 : 0)
            + wBmd * (-(tScore + 3.0) / 0.75)
            + wFascia * (fasciaInjury ? 1 : 0)
            + wVas * (vas - 7)
            + wAge * (age - 71.5) / 10
            + wHeight * (heightLoss - 0.25) / 0.10
            + wInteraction * (heterogeneity > 0.6 && tScore < -3.0 ? 1 : 0)
            + wTexture * (u * u - 1.0 / 3.0) * 3;
    }
}
