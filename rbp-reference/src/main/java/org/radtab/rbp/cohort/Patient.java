package org.radtab.rbp.cohort;

/**
 * One synthetic patient: the clinical variables of the paper's Table 1, the hidden image
 * parameters the CT phantom is rendered from, the latent risk and the outcome.
 *
 * @param id              case id, e.g. {@code RBP-0001}
 * @param age             years
 * @param female          sex
 * @param bmi             kg/m^2
 * @param tScore          BMD T-score (DXA)
 * @param vas             preoperative pain, visual analogue scale 0-10 (integer)
 * @param odi             preoperative Oswestry disability index, %
 * @param heightLoss      anterior vertebral height loss, fraction 0..1
 * @param cobb            local kyphotic (Cobb) angle, degrees
 * @param level           fracture level group
 * @param hypertension    comorbidity
 * @param diabetes        comorbidity
 * @param smoking         current smoker
 * @param ivc             intravertebral vacuum cleft
 * @param fasciaInjury    thoracolumbar fascia injury
 * @param image           hidden parameters of the rendered vertebra
 * @param latentRisk      the linear predictor eta of the generative model (without noise)
 * @param rbp             outcome: residual back pain
 */
public record Patient(String id, double age, boolean female, double bmi, double tScore, int vas, double odi,
                      double heightLoss, double cobb, FractureLevel level, boolean hypertension, boolean diabetes,
                      boolean smoking, boolean ivc, boolean fasciaInjury, ImageParameters image, double latentRisk,
                      boolean rbp) {

    /** Fracture level groups of the paper. */
    public enum FractureLevel {
        T4_T10("T4-T10"), T11_L2("T11-L2"), L3_L5("L3-L5");

        private final String label;

        FractureLevel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Hidden parameters of the CT phantom (not given to the pipeline; it must recover them
     * through radiomics).
     *
     * @param seed          seed of this patient's image noise and texture
     * @param sizeScale     vertebral body size factor (1 = 45 x 35 x 28 mm)
     * @param coarseness    trabecular pattern scale, 0 (fine) .. 1 (coarse)
     * @param heterogeneity low-frequency patchiness of trabecular density, 0..1
     * @param sclerosis     extra density of the impacted band under the superior endplate, HU
     * @param cleftSize     vacuum cleft semi-axis scale in mm (0 when no cleft)
     */
    public record ImageParameters(long seed, double sizeScale, double coarseness, double heterogeneity,
                                  double sclerosis, double cleftSize) {
    }
}
