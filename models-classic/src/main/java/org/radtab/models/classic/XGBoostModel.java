package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.Params;

/**
 * Gradient-boosted trees by the native XGBoost library (xgboost4j), {@code "xgboost"}.
 *
 * <p>Objective {@code binary:logistic}; {@code P(y = 1 | x)} is the booster's prediction.
 * Values are passed to XGBoost as 32-bit floats (as every XGBoost binding does). Since the native
 * core is the one of Python's {@code xgboost}, the same parameters, seed and data give the same
 * model there.
 *
 * <h2>Parameters (XGBoost names)</h2>
 * {@code n_estimators} (100 boosting rounds), {@code learning_rate} (0.3, XGBoost's {@code eta}),
 * {@code max_depth} (6), {@code subsample} (1.0), {@code colsample_bytree} (1.0),
 * {@code min_child_weight} (1.0), {@code reg_lambda} (1.0, {@code lambda}), {@code reg_alpha}
 * (0.0, {@code alpha}), {@code tree_method} ("hist"), {@code nthread} (1: deterministic; more
 * threads are faster and, with {@code hist}, still deterministic on one machine). The seed of the
 * factory is XGBoost's {@code seed}.
 * Feature importance: total gain of the splits on each feature divided by the total over
 * features (so it sums to 1; features never used get 0).
 *
 * <p>Persistence: the booster is saved in XGBoost's UBJSON model format, base64-encoded in the
 * JSON state.
 */
public final class XGBoostModel extends AbstractModel {
    private Booster booster;
    private double[] importance;

    XGBoostModel(Map<String, Object> params, long seed) {
        super(params, seed);
    }

    @Override
    public String name() {
        return XGBoostFactory.NAME;
    }

    Map<String, Object> nativeParams() {
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
        p.put("verbosity", 0);
        p.put("eta", Params.checkRange("learning_rate", Params.getDouble(params, "learning_rate"), 1e-12, 1));
        p.put("max_depth", Params.getInt(params, "max_depth"));
        p.put("subsample", Params.checkRange("subsample", Params.getDouble(params, "subsample"), 1e-12, 1));
        p.put("colsample_bytree", Params.checkRange("colsample_bytree", Params.getDouble(params, "colsample_bytree"), 1e-12, 1));
        p.put("min_child_weight", Params.checkRange("min_child_weight", Params.getDouble(params, "min_child_weight"), 0,
            Double.MAX_VALUE));
        p.put("lambda", Params.checkRange("reg_lambda", Params.getDouble(params, "reg_lambda"), 0, Double.MAX_VALUE));
        p.put("alpha", Params.checkRange("reg_alpha", Params.getDouble(params, "reg_alpha"), 0, Double.MAX_VALUE));
        p.put("tree_method", Params.getString(params, "tree_method"));
        p.put("nthread", Params.getInt(params, "nthread"));
        p.put("seed", seed);
        return p;
    }

    @Override
    public void fit(Dataset train) {
        startFit(train, true);
        int rounds = Params.getInt(params, "n_estimators");
        if (rounds < 1 || Params.getInt(params, "max_depth") < 0 || Params.getInt(params, "nthread") < 1) {
            throw new IllegalArgumentException("xgboost: need n_estimators >= 1, max_depth >= 0, nthread >= 1; got " + params);
        }
        int n = train.rows();
        int p = train.cols();
        float[] data = new float[n * p];
        float[] label = new float[n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) {
                data[r * p + c] = (float) train.get(r, c);
            }
            label[r] = train.label(r);
        }
        DMatrix dm = null;
        try {
            dm = new DMatrix(data, n, p, Float.NaN);
            dm.setLabel(label);
            booster = XGBoost.train(dm, nativeParams(), rounds, Map.of(), null, null);
            importance = gainImportance(booster, p);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost: training failed: " + e.getMessage(), e);
        } finally {
            if (dm != null) {
                dm.dispose();
            }
        }
    }

    private static double[] gainImportance(Booster b, int p) throws XGBoostError {
        Map<String, Double> gain = b.getScore("", "total_gain");
        double[] out = new double[p];
        double s = 0;
        for (Map.Entry<String, Double> e : gain.entrySet()) {
            String k = e.getKey();
            if (k.startsWith("f")) {
                int j = Integer.parseInt(k.substring(1));
                if (j < p) {
                    out[j] = e.getValue();
                    s += e.getValue();
                }
            }
        }
        if (s > 0) {
            for (int j = 0; j < p; j++) {
                out[j] /= s;
            }
        }
        return out;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        checkInput(x);
        int n = x.length;
        int p = featureNames.size();
        double[][] out = new double[n][2];
        if (n == 0) {
            return out;
        }
        float[] data = new float[n * p];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) {
                data[r * p + c] = (float) x[r][c];
            }
        }
        DMatrix dm = null;
        try {
            dm = new DMatrix(data, n, p, Float.NaN);
            float[][] pred;
            synchronized (this) {
                pred = booster.predict(dm);
            }
            for (int r = 0; r < n; r++) {
                out[r][1] = pred[r][0];
                out[r][0] = 1 - out[r][1];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost: prediction failed: " + e.getMessage(), e);
        } finally {
            if (dm != null) {
                dm.dispose();
            }
        }
    }

    @Override
    public Optional<double[]> featureImportance() {
        requireFitted();
        return Optional.of(importance.clone());
    }

    @Override
    public ObjectNode saveState() {
        requireFitted();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        try {
            o.put("format", "ubj");
            o.put("booster", Base64.getEncoder().encodeToString(booster.toByteArray("ubj")));
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost: cannot serialise the booster: " + e.getMessage(), e);
        }
        o.set("importance", array(importance));
        return o;
    }

    static XGBoostModel restore(Map<String, Object> params, List<String> names, JsonNode state) {
        XGBoostModel m = new XGBoostModel(params, 0);
        String b64 = state.path("booster").asText("");
        if (b64.isEmpty()) {
            throw new IllegalArgumentException("model state lacks 'booster'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model state: 'booster' is not base64: " + e.getMessage());
        }
        try {
            m.booster = XGBoost.loadModel(bytes);
            if (m.booster.getNumFeature() != names.size()) {
                throw new IllegalArgumentException("model state: the booster has " + m.booster.getNumFeature()
                    + " features, featureNames " + names.size());
            }
        } catch (XGBoostError | IOException e) {
            throw new IllegalArgumentException("model state: cannot load the booster: " + e.getMessage(), e);
        }
        m.importance = doubles(state, "importance");
        requireLength("importance", m.importance.length, names.size());
        m.featureNames = List.copyOf(names);
        m.numClasses = 2;
        return m;
    }
}
