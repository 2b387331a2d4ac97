package org.radtab.models.tabnet;

/**
 * The reference model of the comparison test: logistic regression fitted by plain
 * full-batch gradient descent on the mean log-loss (step 0.5, 2000 iterations, features
 * standardised with the training means and standard deviations, no penalty).
 */
final class LogisticRegressionByGradientDescent {
    private final double[] mean;
    private final double[] sd;
    private final double[] w;
    private double b;

    LogisticRegressionByGradientDescent(double[][] x, int[] y) {
        int n = x.length;
        int p = x[0].length;
        mean = new double[p];
        sd = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        w = new double[p];
        double[] g = new double[p];
        for (int it = 0; it < 2000; it++) {
            java.util.Arrays.fill(g, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double r = prob(x[i]) - y[i];
                for (int j = 0; j < p; j++) {
                    g[j] += r * (x[i][j] - mean[j]) / sd[j] / n;
                }
                gb += r / n;
            }
            for (int j = 0; j < p; j++) {
                w[j] -= 0.5 * g[j];
            }
            b -= 0.5 * gb;
        }
    }

    double prob(double[] row) {
        double z = b;
        for (int j = 0; j < w.length; j++) {
            z += w[j] * (row[j] - mean[j]) / sd[j];
        }
        return 1 / (1 + Math.exp(-z));
    }

    double[] probs(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = prob(x[i]);
        }
        return out;
    }
}
