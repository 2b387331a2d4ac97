package org.radtab.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.radtab.ml.Dataset;

/** Seeded synthetic feature tables shaped like the RBP study, for the selection and resampling benchmarks. */
final class SyntheticTables {

    private SyntheticTables() {
    }

    /**
     * A radiomics-like table: {@code rows} cases, {@code cols} features built from 12 shared latent
     * factors (so features are correlated in groups, as filter/wavelet variants of one feature
     * are) plus noise; about {@code positiveShare} of the cases are positive and shift a third of
     * the features.
     */
    static Dataset radiomicsLike(int rows, int cols, double positiveShare, long seed) {
        Random r = new Random(seed);
        int factors = 12;
        double[][] loading = new double[cols][factors];
        double[] shift = new double[cols];
        for (int j = 0; j < cols; j++) {
            loading[j][j % factors] = 0.5 + r.nextDouble();
            loading[j][r.nextInt(factors)] += 0.3 * r.nextGaussian();
            shift[j] = j % 3 == 0 ? 0.8 * r.nextDouble() : 0;
        }
        double[][] x = new double[rows][cols];
        int[] y = new int[rows];
        double[] f = new double[factors];
        for (int i = 0; i < rows; i++) {
            y[i] = r.nextDouble() < positiveShare ? 1 : 0;
            for (int k = 0; k < factors; k++) {
                f[k] = r.nextGaussian();
            }
            for (int j = 0; j < cols; j++) {
                double v = y[i] * shift[j] + r.nextGaussian();
                for (int k = 0; k < factors; k++) {
                    v += loading[j][k] * f[k];
                }
                x[i][j] = v;
            }
        }
        List<String> names = new ArrayList<>(cols);
        for (int j = 0; j < cols; j++) {
            names.add("feature_" + j);
        }
        return Dataset.of(x, names, y);
    }

    /**
     * Two readers of the same cases: reader 2 = reader 1 plus noise of feature-dependent size,
     * listed in reverse case order (matching by id is part of the work).
     */
    static Dataset[] twoReaders(int cases, int cols, long seed) {
        Dataset base = radiomicsLike(cases, cols, 0.12, seed);
        Random r = new Random(seed + 1);
        List<String> names = base.columnNames();
        double[] noise = new double[cols];
        for (int j = 0; j < cols; j++) {
            noise[j] = 0.05 + 0.8 * r.nextDouble();
        }
        double[][] second = new double[cases][cols];
        Dataset.Builder b1 = Dataset.builder(names).idName("case").unlabelled();
        for (int i = 0; i < cases; i++) {
            double[] a = base.row(i);
            for (int j = 0; j < cols; j++) {
                second[i][j] = a[j] + noise[j] * r.nextGaussian();
            }
            b1.addRow(a, 0, "case" + i);
        }
        Dataset.Builder b2 = Dataset.builder(names).idName("case").unlabelled();
        for (int i = cases - 1; i >= 0; i--) {
            b2.addRow(second[i], 0, "case" + i);
        }
        return new Dataset[] {b1.build(), b2.build()};
    }
}
