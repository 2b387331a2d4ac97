package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.radtab.ml.Dataset;

/**
 * Column-wise z-scores {@code (x - mean) / sd} learned from training rows (population sd, as
 * scikit-learn's {@code StandardScaler}); a constant column gets sd 1 (so it becomes 0).
 */
final class Standardizer {
    final double[] mean;
    final double[] sd;

    Standardizer(double[] mean, double[] sd) {
        this.mean = mean;
        this.sd = sd;
    }

    static Standardizer fit(Dataset d) {
        int p = d.cols();
        int n = d.rows();
        double[] m = new double[p];
        double[] s = new double[p];
        for (int c = 0; c < p; c++) {
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += d.get(r, c);
            }
            m[c] = sum / n;
            double ss = 0;
            for (int r = 0; r < n; r++) {
                double e = d.get(r, c) - m[c];
                ss += e * e;
            }
            s[c] = Math.sqrt(ss / n);
            if (!(s[c] > 1e-12 * Math.max(1, Math.abs(m[c])))) {
                s[c] = 1;
            }
        }
        return new Standardizer(m, s);
    }

    /** The identity (mean 0, sd 1). */
    static Standardizer identity(int p) {
        double[] s = new double[p];
        java.util.Arrays.fill(s, 1);
        return new Standardizer(new double[p], s);
    }

    double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = (row[c] - mean[c]) / sd[c];
        }
        return out;
    }

    double[][] apply(Dataset d) {
        double[][] out = new double[d.rows()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = apply(d.row(r));
        }
        return out;
    }

    double[][] apply(double[][] x) {
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = apply(x[r]);
        }
        return out;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("mean", AbstractModel.array(mean));
        o.set("sd", AbstractModel.array(sd));
        return o;
    }

    static Standardizer fromJson(JsonNode n, int p) {
        if (n == null) {
            throw new IllegalArgumentException("model state lacks 'standardizer'");
        }
        double[] m = AbstractModel.doubles(n, "mean");
        double[] s = AbstractModel.doubles(n, "sd");
        AbstractModel.requireLength("standardizer.mean", m.length, p);
        AbstractModel.requireLength("standardizer.sd", s.length, p);
        return new Standardizer(m, s);
    }
}
