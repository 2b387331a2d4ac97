package org.radtab.models.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.radtab.ml.Dataset;

/** Synthetic binary problems for the model tests. */
final class Synthetic {
    private Synthetic() {
    }

    static List<String> names(int p) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            out.add("f" + j);
        }
        return out;
    }

    /** y = 1 iff x0 + x1 > 0, with a gap of 0.5 around the boundary; 3 noise columns; ~30% positives. */
    static Dataset separable(int n, long seed) {
        Random rng = new Random(seed);
        Dataset.Builder b = Dataset.builder(names(5));
        int k = 0;
        while (k < n) {
            double[] x = new double[5];
            for (int j = 0; j < 5; j++) {
                x[j] = rng.nextGaussian();
            }
            double s = x[0] + x[1] - 0.7;
            if (Math.abs(s) < 0.5) {
                continue;
            }
            b.addRow(x, s > 0 ? 1 : 0, "c" + k);
            k++;
        }
        return b.build();
    }

    /** P(y = 1) = sigmoid(x0 - 0.8 x1 + 0.5 x0 x2 - 1): learnable but noisy (Bayes AUROC about 0.8). */
    static Dataset noisy(int n, long seed) {
        Random rng = new Random(seed);
        Dataset.Builder b = Dataset.builder(names(6));
        for (int k = 0; k < n; k++) {
            double[] x = new double[6];
            for (int j = 0; j < 6; j++) {
                x[j] = rng.nextGaussian();
            }
            double eta = x[0] - 0.8 * x[1] + 0.5 * x[0] * x[2] - 1;
            int y = rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
            b.addRow(x, y, "c" + k);
        }
        return b.build();
    }
}
