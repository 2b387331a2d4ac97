package org.radtab.rbp.cohort;

/**
 * The documented outcome model of the synthetic cohort. With {@code z_T = (T + 3.0) / 0.75}
 * (standardised BMD T-score), {@code z_age = (age - 71.5) / 8.5} and {@code z_HL = (heightLoss -
 * 0.25) / 0.10}, each patient gets a linear predictor
 *
 * <pre>
 * eta = wIvc * IVC + wFascia * fasciaInjury + wVas * (VAS - 7)           additive clinical effects
 *     - wBmd * z_T                                                     lower bone density, higher risk
 *     + wHeight * z_HL
 *     + wAge * (z_age + z_age^2)                                       non-linear: risk rises at both ends of age
 *     + wCross * (IVC ? +z_T : -z_T)                                   non-linear: with a cleft, dense (sclerotic) bone is worse
 *     + wIvcCollapse * [IVC and heightLoss > 0.28]                     non-linear: a cleft in a collapsed body
 *     + wInteraction * [heterogeneity > 0.6] * [T < -3.0]              non-linear, image: patchy trabecular bone in osteoporosis
 *     + wTexture * ((2 * coarseness - 1)^2 - 1/3) * 3                  non-linear, image: U-shaped in trabecular scale
 * </pre>
 *
 * and the outcome is RBP for the {@code events} patients with the largest
 * {@code eta + noiseScale * L}, L standard logistic noise (a threshold model whose threshold is
 * set so that the cohort has exactly the paper's 102 of 856 events). The image terms act only
 * through the rendered CT (heterogeneity and coarseness are never given to the pipeline), so
 * radiomics must recover them. Every non-linear term keeps a marginal (univariate) effect, so the
 * paper's univariate filters keep the variables, but its shape — a crossover, a U, an interaction —
 * is what tree ensembles and TabNet can learn and logistic regression on main effects cannot.
 */
public record GenerativeModel(double wIvc, double wFascia, double wVas, double wBmd, double wHeight, double wAge,
                              double wCross, double wIvcCollapse, double wInteraction, double wTexture,
                              double noiseScale) {

    /** The coefficients used by the reference study. */
    public static GenerativeModel defaults() {
        return new GenerativeModel(1.0, 0.2, 0.15, 0.2, 0.2, 1.1, 2.4, 1.8, 2.0, 0.8, 0.35);
    }

    /** The linear predictor eta of a patient (noise-free). */
    public double eta(boolean ivc, double tScore, boolean fasciaInjury, int vas, double age, double heightLoss,
                      double heterogeneity, double coarseness) {
        double zT = (tScore + 3.0) / 0.75;
        double zAge = (age - 71.5) / 8.5;
        double zHl = (heightLoss - 0.25) / 0.10;
        double u = 2 * coarseness - 1;
        return wIvc * (ivc ? 1 : 0)
            + wFascia * (fasciaInjury ? 1 : 0)
            + wVas * (vas - 7)
            - wBmd * zT
            + wHeight * zHl
            + wAge * (zAge + zAge * zAge)
            + wCross * (ivc ? zT : -zT)
            + wIvcCollapse * (ivc && heightLoss > 0.28 ? 1 : 0)
            + wInteraction * (heterogeneity > 0.6 && tScore < -3.0 ? 1 : 0)
            + wTexture * (u * u - 1.0 / 3.0) * 3;
    }
}
