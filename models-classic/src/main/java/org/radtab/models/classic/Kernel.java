package org.radtab.models.classic;

import java.util.Locale;

/**
 * Mercer kernels of the SVM: linear {@code <x, z>}, RBF {@code exp(-gamma ||x - z||^2)},
 * polynomial {@code (gamma <x, z> + coef0)^degree} (libsvm / scikit-learn definitions).
 */
record Kernel(Type type, double gamma, int degree, double coef0) {

    enum Type { LINEAR, RBF, POLY }

    static Type parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "linear" -> Type.LINEAR;
            case "rbf" -> Type.RBF;
            case "poly" -> Type.POLY;
            default -> throw new IllegalArgumentException("svm: kernel must be linear, rbf or poly, was '" + s + "'");
        };
    }

    double apply(double[] a, double[] b) {
        switch (type) {
            case LINEAR:
                return dot(a, b);
            case RBF: {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    double d = a[i] - b[i];
                    s += d * d;
                }
                return Math.exp(-gamma * s);
            }
            default:
                return Math.pow(gamma * dot(a, b) + coef0, degree);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
