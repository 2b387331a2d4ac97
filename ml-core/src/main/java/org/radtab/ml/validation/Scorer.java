package org.radtab.ml.validation;

import org.radtab.ml.metrics.Auroc;
import org.radtab.ml.metrics.Calibration;
import org.radtab.ml.metrics.PrecisionRecallCurve;

/** Scores predicted probabilities of class 1 against 0/1 labels; higher is better. */
public interface Scorer {

    String name();

    double score(int[] y, double[] p);

    /** Area under the ROC curve (the default of {@link RandomizedSearch}). */
    Scorer AUROC = new Scorer() {
        @Override
        public String name() {
            return "auroc";
        }

        @Override
        public double score(int[] y, double[] p) {
            return Auroc.of(y, p);
        }
    };

    /** Minus the Brier score. */
    Scorer NEG_BRIER = new Scorer() {
        @Override
        public String name() {
            return "neg_brier";
        }

        @Override
        public double score(int[] y, double[] p) {
            return -Calibration.brier(y, p);
        }
    };

    /** Average precision (area under the step-wise precision-recall curve). */
    Scorer AVERAGE_PRECISION = new Scorer() {
        @Override
        public String name() {
            return "average_precision";
        }

        @Override
        public double score(int[] y, double[] p) {
            return PrecisionRecallCurve.averagePrecision(y, p);
        }
    };
}
