package org.radtab.ml.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.Params;
import org.radtab.ml.model.ProbabilisticClassifier;

/** A test model: score = x . (mean1 - mean0) + seeded noise of size "jitter" on the weights. */
public class ToyFactory implements ClassifierFactory {
    @Override
    public String name() {
        return "toy";
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(new ParameterSpace.RealRange("jitter", 0, 2, false),
            new ParameterSpace.Choice("sign", List.of(1, -1)));
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("jitter", 0.0);
        d.put("sign", 1);
        return d;
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new Toy(Params.resolve(name(), defaults(), params), seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        Toy t = new Toy(params, 0);
        t.names = featureNames;
        t.w = new double[featureNames.size()];
        for (int j = 0; j < t.w.length; j++) {
            t.w[j] = state.get("w").get(j).asDouble();
        }
        return t;
    }

    static final class Toy implements ProbabilisticClassifier {
        final Map<String, Object> params;
        final long seed;
        double[] w;
        List<String> names;

        Toy(Map<String, Object> params, long seed) {
            this.params = params;
            this.seed = seed;
        }

        @Override
        public String name() {
            return "toy";
        }

        @Override
        public void fit(Dataset train) {
            int p = train.cols();
            double[] m0 = new double[p];
            double[] m1 = new double[p];
            int[] n = new int[2];
            for (int r = 0; r < train.rows(); r++) {
                int y = train.label(r);
                n[y]++;
                for (int c = 0; c < p; c++) {
                    (y == 1 ? m1 : m0)[c] += train.get(r, c);
                }
            }
            Random rng = new Random(seed);
            double jitter = Params.getDouble(params, "jitter");
            int sign = Params.getInt(params, "sign");
            w = new double[p];
            for (int c = 0; c < p; c++) {
                w[c] = sign * (m1[c] / n[1] - m0[c] / n[0]) + jitter * rng.nextGaussian();
            }
            names = train.columnNames();
        }

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][2];
            for (int r = 0; r < x.length; r++) {
                double s = 0;
                for (int c = 0; c < w.length; c++) {
                    s += w[c] * x[r][c];
                }
                out[r][1] = 1 / (1 + Math.exp(-s));
                out[r][0] = 1 - out[r][1];
            }
            return out;
        }

        @Override
        public List<String> featureNames() {
            return names;
        }

        @Override
        public Map<String, Object> params() {
            return params;
        }

        @Override
        public ObjectNode saveState() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            var a = o.putArray("w");
            for (double v : w) {
                a.add(v);
            }
            return o;
        }
    }
}
