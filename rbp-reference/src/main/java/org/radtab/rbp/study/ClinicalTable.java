package org.radtab.rbp.study;

import java.util.ArrayList;
import java.util.List;
import org.radtab.ml.Dataset;
import org.radtab.rbp.cohort.Patient;

/**
 * The clinical variables of the paper's Table 1 as a table, one row per patient.
 *
 * <p>Columns (codes in brackets): {@code age} (years), {@code bmi} (kg/m^2), {@code bmd_t_score},
 * {@code vas} (0-10), {@code odi} (%), {@code height_loss} (% anterior height loss),
 * {@code cobb_angle} (degrees), {@code female} (1 = female), {@code fracture_level} (1 = T4-T10,
 * 2 = T11-L2, 3 = L3-L5), {@code hypertension}, {@code diabetes}, {@code smoking}, {@code ivc}
 * (intravertebral vacuum cleft), {@code fascia_injury} (thoracolumbar fascia injury); binary
 * columns are 1 = yes. For models the three-level fracture level is dummy-coded
 * ({@code level_T11_L2}, {@code level_L3_L5}, reference T4-T10).
 */
public final class ClinicalTable {
    public static final List<String> CONTINUOUS = List.of("age", "bmi", "bmd_t_score", "vas", "odi", "height_loss",
        "cobb_angle");
    public static final List<String> CATEGORICAL = List.of("female", "fracture_level", "hypertension", "diabetes",
        "smoking", "ivc", "fascia_injury");
    /** Display names for Table 1. */
    public static final java.util.Map<String, String> LABELS = java.util.Map.ofEntries(
        java.util.Map.entry("age", "Age (years)"), java.util.Map.entry("bmi", "BMI (kg/m2)"),
        java.util.Map.entry("bmd_t_score", "BMD T-score"), java.util.Map.entry("vas", "Preoperative VAS"),
        java.util.Map.entry("odi", "Preoperative ODI (%)"), java.util.Map.entry("height_loss", "Vertebral height loss (%)"),
        java.util.Map.entry("cobb_angle", "Cobb angle (degrees)"), java.util.Map.entry("female", "Female sex"),
        java.util.Map.entry("fracture_level", "Fracture level (1 = T4-T10, 2 = T11-L2, 3 = L3-L5)"),
        java.util.Map.entry("hypertension", "Hypertension"), java.util.Map.entry("diabetes", "Diabetes"),
        java.util.Map.entry("smoking", "Smoking"), java.util.Map.entry("ivc", "Intravertebral vacuum cleft"),
        java.util.Map.entry("fascia_injury", "Thoracolumbar fascia injury"));

    private ClinicalTable() {
    }

    /** All columns, continuous first. */
    public static List<String> columns() {
        List<String> c = new ArrayList<>(CONTINUOUS);
        c.addAll(CATEGORICAL);
        return c;
    }

    /** Table 1 columns for the patients, labels = RBP, ids = patient ids. */
    public static Dataset of(List<Patient> patients) {
        Dataset.Builder b = Dataset.builder(columns()).labelName("RBP").idName("id")
            .classNames(List.of("no RBP", "RBP"));
        for (Patient p : patients) {
            b.addRow(row(p), p.rbp() ? 1 : 0, p.id());
        }
        return b.build();
    }

    /** One patient's values in {@link #columns()} order. */
    public static double[] row(Patient p) {
        return new double[] {
            Math.round(p.age() * 10) / 10.0, Math.round(p.bmi() * 10) / 10.0, Math.round(p.tScore() * 10) / 10.0,
            p.vas(), Math.round(p.odi() * 10) / 10.0, Math.round(p.heightLoss() * 1000) / 10.0,
            Math.round(p.cobb() * 10) / 10.0, p.female() ? 1 : 0, p.level().ordinal() + 1,
            p.hypertension() ? 1 : 0, p.diabetes() ? 1 : 0, p.smoking() ? 1 : 0, p.ivc() ? 1 : 0,
            p.fasciaInjury() ? 1 : 0};
    }

    /**
     * Model columns for the chosen clinical predictors: continuous and binary columns as they
     * are; {@code fracture_level} becomes two dummies.
     */
    public static List<String> modelColumns(List<String> predictors) {
        List<String> out = new ArrayList<>();
        for (String c : predictors) {
            if (c.equals("fracture_level")) {
                out.add("level_T11_L2");
                out.add("level_L3_L5");
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** The value of a model column from a Table-1 row ({@link #columns()} order). */
    public static double modelValue(String column, double[] table1Row) {
        List<String> cols = columns();
        switch (column) {
            case "level_T11_L2":
                return table1Row[cols.indexOf("fracture_level")] == 2 ? 1 : 0;
            case "level_L3_L5":
                return table1Row[cols.indexOf("fracture_level")] == 3 ? 1 : 0;
            default:
                int i = cols.indexOf(column);
                if (i < 0) {
                    throw new IllegalArgumentException("unknown clinical column '" + column + "'");
                }
                return table1Row[i];
        }
    }

    /** True for model columns that are binary (0/1): not interpolated by the resamplers. */
    public static boolean isBinary(String modelColumn) {
        return !CONTINUOUS.contains(modelColumn);
    }
}
