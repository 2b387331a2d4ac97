package org.radtab.models.tabnet.nn;

import java.util.Locale;

/** The attentive transformer's normalising map onto the simplex. */
public enum MaskType {
    /** {@link Sparsemax}. */
    SPARSEMAX("sparsemax"),
    /** {@link Entmax15}. */
    ENTMAX("entmax");

    private final String id;

    MaskType(String id) {
        this.id = id;
    }

    /** The parameter value ({@code "sparsemax"} or {@code "entmax"}). */
    public String id() {
        return id;
    }

    /** Parses {@code "sparsemax"} or {@code "entmax"} (also {@code "entmax15"}), case-insensitive. */
    public static MaskType parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "sparsemax":
                return SPARSEMAX;
            case "entmax":
            case "entmax15":
            case "entmax1.5":
                return ENTMAX;
            default:
                throw new IllegalArgumentException("mask_type must be \"sparsemax\" or \"entmax\", was \"" + s + "\"");
        }
    }

    /** Row-wise forward on an n x d matrix. */
    public void forward(double[] z, int n, int d, double[] p, double[] scratch) {
        if (this == SPARSEMAX) {
            Sparsemax.forward(z, n, d, p, scratch);
        } else {
            Entmax15.forward(z, n, d, p, scratch);
        }
    }

    /** Row-wise Jacobian-vector product. */
    public void backward(double[] p, double[] v, int n, int d, double[] dz) {
        if (this == SPARSEMAX) {
            Sparsemax.backward(p, v, n, d, dz);
        } else {
            Entmax15.backward(p, v, n, d, dz);
        }
    }

    /**
     * Distance of the inputs z (n x d) from the mask's non-smooth points, given its outputs p:
     * the smallest {@code |u_i - tau|} over all entries, where u = z for sparsemax and
     * u = (z - max z) / 2 for entmax. A diagnostic for finite-difference gradient checks.
     */
    public double kinkMargin(double[] z, double[] p, int n, int d) {
        double margin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < d; j++) {
                max = Math.max(max, z[o + j]);
            }
            double tau = Double.NaN;
            for (int j = 0; j < d && Double.isNaN(tau); j++) {
                if (p[o + j] > 0) {
                    tau = this == SPARSEMAX ? z[o + j] - p[o + j] : (z[o + j] - max) / 2 - Math.sqrt(p[o + j]);
                }
            }
            for (int j = 0; j < d; j++) {
                double u = this == SPARSEMAX ? z[o + j] : (z[o + j] - max) / 2;
                margin = Math.min(margin, Math.abs(u - tau));
            }
        }
        return margin;
    }
}
