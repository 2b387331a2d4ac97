package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.Params;
import org.radtab.ml.validation.Split;
import org.radtab.ml.validation.StratifiedSplits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary C-support-vector classifier with Platt-scaled probabilities ({@code "svm"}).
 *
 * <h2>Fit</h2>
 * <ol>
 *   <li>With {@code standardize = true} (default) features are z-scored on the training rows.</li>
 *   <li>The dual is solved by {@link SmoSolver} (libsvm's SMO with second-order working-set
 *       selection) with the kernel of {@link Kernel}: {@code linear}, {@code rbf}
 *       {@code exp(-gamma ||x - z||^2)} or {@code poly} {@code (gamma <x, z> + coef0)^degree}.
 *       {@code gamma = "scale"} means {@code 1 / (p Var(X))} (Var over all entries of the
 *       training matrix, after standardisation; scikit-learn's default), {@code "auto"} means
 *       {@code 1 / p}.</li>
 *   <li>Probabilities as libsvm's {@code -b 1}: decision values of every training row are
 *       obtained out of fold by a {@code probability_folds}-fold cross-validation of the same
 *       SVM (stratified folds from the model seed; a fold whose training part has a single class
 *       gives its rows the decision value +1 or -1 of that class), then Platt's sigmoid is fitted
 *       to them ({@link PlattScaling}, Lin-Lin-Weng 2007). The final SVM is trained on all rows:
 *       {@code P(y = 1 | x) = 1 / (1 + exp(A f(x) + B))}.</li>
 * </ol>
 * A difference from libsvm: the internal folds are stratified (libsvm shuffles without
 * stratification), which keeps both classes in every fold of an imbalanced set.
 *
 * <h2>Parameters</h2>
 * {@code kernel} (rbf), {@code C} (1.0), {@code gamma} ("scale"; or a number &gt; 0),
 * {@code degree} (3), {@code coef0} (0.0), {@code standardize} (true), {@code tol} (1e-3, KKT
 * tolerance), {@code max_iter} (1,000,000 SMO steps per solve; a warning is logged when it
 * stops the solver before the tolerance is reached), {@code probability_folds} (5).
 * Feature importance: only for the linear kernel, |w_j| of {@code w = sum_i a_i y_i x_i}
 * (standardised scale).
 */
public final class SvmModel extends AbstractModel {
    private static final Logger LOG = LoggerFactory.getLogger(SvmModel.class);

    private Standardizer scaler;
    private Kernel kernel;
    private double[][] supportVectors;
    private double[] dualCoef; // a_i y_i
    private double rho;
    private double plattA;
    private double plattB;

    SvmModel(Map<String, Object> params, long seed) {
        super(params, seed);
    }

    @Override
    public String name() {
        return SvmFactory.NAME;
    }

    @Override
    public void fit(Dataset train) {
        startFit(train, true);
        double c = Params.getDouble(params, "C");
        double tol = Params.getDouble(params, "tol");
        int folds = Params.getInt(params, "probability_folds");
        long maxIter = (long) Params.getDouble(params, "max_iter");
        if (!(c > 0) || !(tol > 0) || folds < 2 || maxIter < 1) {
            throw new IllegalArgumentException("svm: need C > 0, tol > 0, probability_folds >= 2, max_iter >= 1; got " + params);
        }
        scaler = Params.getBoolean(params, "standardize") ? Standardizer.fit(train) : Standardizer.identity(train.cols());
        double[][] x = scaler.apply(train);
        int[] y = train.labels();
        kernel = new Kernel(Kernel.parse(Params.getString(params, "kernel")), gamma(x), Params.getInt(params, "degree"),
            Params.getDouble(params, "coef0"));
        if (kernel.type() == Kernel.Type.POLY && kernel.degree() < 1) {
            throw new IllegalArgumentException("svm: degree must be >= 1, was " + kernel.degree());
        }
        // out-of-fold decision values for Platt scaling
        int n = x.length;
        double[] dec = new double[n];
        List<Split> splits = StratifiedSplits.kFold(y, Math.min(folds, n), seed);
        for (Split s : splits) {
            int[] tr = s.train();
            double[][] xs = new double[tr.length][];
            int[] ys = new int[tr.length];
            int pos = 0;
            for (int k = 0; k < tr.length; k++) {
                xs[k] = x[tr[k]];
                ys[k] = y[tr[k]] == 1 ? 1 : -1;
                pos += ys[k] == 1 ? 1 : 0;
            }
            if (pos == 0 || pos == tr.length) {
                for (int r : s.test()) {
                    dec[r] = pos == 0 ? -1 : 1;
                }
                continue;
            }
            Trained t = train(xs, ys, c, tol, maxIter);
            for (int r : s.test()) {
                dec[r] = t.decision(x[r], kernel);
            }
        }
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = y[i] == 1;
        }
        double[] ab = PlattScaling.fit(dec, positive);
        plattA = ab[0];
        plattB = ab[1];
        int[] ypm = new int[n];
        for (int i = 0; i < n; i++) {
            ypm[i] = y[i] == 1 ? 1 : -1;
        }
        Trained full = train(x, ypm, c, tol, maxIter);
        supportVectors = full.sv;
        dualCoef = full.coef;
        rho = full.rho;
    }

    private double gamma(double[][] x) {
        Object g = params.get("gamma");
        String s = String.valueOf(g).trim().toLowerCase(Locale.ROOT);
        int p = x.length == 0 ? 1 : x[0].length;
        if (s.equals("scale")) {
            double sum = 0;
            double sq = 0;
            long cnt = 0;
            for (double[] row : x) {
                for (double v : row) {
                    sum += v;
                    sq += v * v;
                    cnt++;
                }
            }
            double mean = sum / cnt;
            double var = sq / cnt - mean * mean;
            return var > 0 ? 1 / (p * var) : 1.0;
        }
        if (s.equals("auto")) {
            return 1.0 / p;
        }
        double v = Params.getDouble(params, "gamma");
        if (!(v > 0)) {
            throw new IllegalArgumentException("svm: gamma must be 'scale', 'auto' or > 0, was " + g);
        }
        return v;
    }

    private Trained train(double[][] x, int[] ypm, double c, double tol, long maxIter) {
        SmoSolver.Solution s = SmoSolver.solve(x, ypm, kernel, c, tol, maxIter);
        if (!s.converged()) {
            LOG.warn("svm: SMO stopped at max_iter = {} before reaching tol = {}", maxIter, tol);
        }
        int m = 0;
        for (double a : s.alpha()) {
            if (a > 0) {
                m++;
            }
        }
        double[][] sv = new double[m][];
        double[] coef = new double[m];
        for (int i = 0, k = 0; i < x.length; i++) {
            if (s.alpha()[i] > 0) {
                sv[k] = x[i];
                coef[k++] = s.alpha()[i] * ypm[i];
            }
        }
        return new Trained(sv, coef, s.rho());
    }

    private record Trained(double[][] sv, double[] coef, double rho) {
        double decision(double[] z, Kernel k) {
            double f = -rho;
            for (int i = 0; i < sv.length; i++) {
                f += coef[i] * k.apply(sv[i], z);
            }
            return f;
        }
    }

    /** SVM decision values {@code f(x) = sum_i a_i y_i K(x_i, x) - rho} (positive = class 1). */
    public double[] decisionFunction(double[][] x) {
        checkInput(x);
        Trained t = new Trained(supportVectors, dualCoef, rho);
        double[] out = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            out[r] = t.decision(scaler.apply(x[r]), kernel);
        }
        return out;
    }

    /** Platt sigmoid parameters {A, B}. */
    public double[] plattParameters() {
        requireFitted();
        return new double[] {plattA, plattB};
    }

    /** Number of support vectors of the final SVM. */
    public int supportVectorCount() {
        requireFitted();
        return supportVectors.length;
    }

    @Override
    public double[][] predictProba(double[][] x) {
        double[] f = decisionFunction(x);
        double[][] out = new double[x.length][2];
        for (int r = 0; r < x.length; r++) {
            out[r][1] = PlattScaling.probability(f[r], plattA, plattB);
            out[r][0] = 1 - out[r][1];
        }
        return out;
    }

    @Override
    public Optional<double[]> featureImportance() {
        requireFitted();
        if (kernel.type() != Kernel.Type.LINEAR) {
            return Optional.empty();
        }
        double[] w = new double[featureNames.size()];
        for (int i = 0; i < supportVectors.length; i++) {
            for (int j = 0; j < w.length; j++) {
                w[j] += dualCoef[i] * supportVectors[i][j];
            }
        }
        for (int j = 0; j < w.length; j++) {
            w[j] = Math.abs(w[j]);
        }
        return Optional.of(w);
    }

    @Override
    public ObjectNode saveState() {
        requireFitted();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("standardizer", scaler.toJson());
        ObjectNode k = o.putObject("kernel");
        k.put("type", kernel.type().name().toLowerCase(Locale.ROOT));
        k.put("gamma", kernel.gamma());
        k.put("degree", kernel.degree());
        k.put("coef0", kernel.coef0());
        o.put("rho", rho);
        o.put("plattA", plattA);
        o.put("plattB", plattB);
        o.set("dualCoef", array(dualCoef));
        ArrayNode sv = o.putArray("supportVectors");
        for (double[] v : supportVectors) {
            sv.add(array(v));
        }
        return o;
    }

    static SvmModel restore(Map<String, Object> params, List<String> names, JsonNode state) {
        SvmModel m = new SvmModel(params, 0);
        int p = names.size();
        m.scaler = Standardizer.fromJson(state.get("standardizer"), p);
        JsonNode k = state.get("kernel");
        if (k == null || !k.isObject()) {
            throw new IllegalArgumentException("model state lacks 'kernel'");
        }
        m.kernel = new Kernel(Kernel.parse(k.path("type").asText("")), k.path("gamma").asDouble(),
            k.path("degree").asInt(), k.path("coef0").asDouble());
        for (String f : new String[] {"rho", "plattA", "plattB"}) {
            if (!state.path(f).isNumber()) {
                throw new IllegalArgumentException("model state lacks '" + f + "'");
            }
        }
        m.rho = state.get("rho").doubleValue();
        m.plattA = state.get("plattA").doubleValue();
        m.plattB = state.get("plattB").doubleValue();
        m.dualCoef = doubles(state, "dualCoef");
        JsonNode sv = state.get("supportVectors");
        if (sv == null || !sv.isArray()) {
            throw new IllegalArgumentException("model state lacks 'supportVectors'");
        }
        requireLength("supportVectors", sv.size(), m.dualCoef.length);
        m.supportVectors = new double[sv.size()][];
        for (int i = 0; i < m.supportVectors.length; i++) {
            JsonNode row = sv.get(i);
            requireLength("supportVectors[" + i + "]", row.size(), p);
            m.supportVectors[i] = new double[p];
            for (int j = 0; j < p; j++) {
                m.supportVectors[i][j] = row.get(j).doubleValue();
            }
        }
        m.featureNames = List.copyOf(names);
        m.numClasses = 2;
        return m;
    }
}
