package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.Params;
import org.radtab.ml.validation.Seeds;

/**
 * Random forest of CART trees (Breiman, Machine Learning 45:5-32, 2001), {@code "rf"}.
 *
 * <p>Tree {@code t} draws its bootstrap sample ({@code n} rows with replacement, or all rows when
 * {@code bootstrap = false}) and its per-node feature draws from its own stream
 * {@code Seeds.derive(seed, t)}, so the forest is the same for a seed whatever {@code n_jobs}. Each
 * tree is a {@link ClassificationTree} (Gini). {@code P(class k | x)} is the mean over trees of the
 * class fractions in the leaf reached by {@code x} (scikit-learn's {@code predict_proba}).
 *
 * <h2>Parameters</h2>
 * {@code n_estimators} (100), {@code max_depth} (0 = unlimited), {@code min_samples_split} (2),
 * {@code min_samples_leaf} (1), {@code max_features} ("sqrt" = floor(sqrt p); "log2" =
 * floor(log2 p); "all"; a fraction in (0, 1] of p; or an integer count &gt; 1; at least 1),
 * {@code bootstrap} (true), {@code n_jobs} (1; trees grown in parallel).
 * Multi-class labels are supported.
 * Feature importance: mean decrease in Gini impurity (each tree's decreases weighted by node
 * size, normalised to sum 1 per tree, averaged over trees, normalised to sum 1).
 */
public final class RandomForestModel extends AbstractModel {
    private ClassificationTree[] trees;
    private double[] importance;

    RandomForestModel(Map<String, Object> params, long seed) {
        super(params, seed);
    }

    @Override
    public String name() {
        return RandomForestFactory.NAME;
    }

    /** The number of features searched per node for {@code p} features. */
    static int maxFeatures(Object spec, int p) {
        String s = String.valueOf(spec).trim().toLowerCase(Locale.ROOT);
        int m;
        switch (s) {
            case "sqrt" -> m = (int) Math.floor(Math.sqrt(p));
            case "log2" -> m = (int) Math.floor(Math.log(p) / Math.log(2));
            case "all", "none" -> m = p;
            default -> {
                double v;
                try {
                    v = Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("rf: max_features must be sqrt, log2, all, a fraction or a count; was '"
                        + spec + "'");
                }
                if (!(v > 0)) {
                    throw new IllegalArgumentException("rf: max_features must be > 0, was " + spec);
                }
                m = v <= 1 && !(spec instanceof Integer) ? (int) Math.floor(v * p) : (int) v;
            }
        }
        return Math.max(1, Math.min(p, m));
    }

    @Override
    public void fit(Dataset train) {
        startFit(train, false);
        int nTrees = Params.getInt(params, "n_estimators");
        int maxDepth = Params.getInt(params, "max_depth");
        int minSplit = Params.getInt(params, "min_samples_split");
        int minLeaf = Params.getInt(params, "min_samples_leaf");
        boolean bootstrap = Params.getBoolean(params, "bootstrap");
        int jobs = Params.getInt(params, "n_jobs");
        if (nTrees < 1 || maxDepth < 0 || minSplit < 2 || minLeaf < 1 || jobs < 1) {
            throw new IllegalArgumentException("rf: need n_estimators >= 1, max_depth >= 0, min_samples_split >= 2, "
                + "min_samples_leaf >= 1, n_jobs >= 1; got " + params);
        }
        int p = train.cols();
        int n = train.rows();
        int mtry = maxFeatures(params.get("max_features"), p);
        double[][] xt = new double[p][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < p; c++) {
                xt[c][r] = train.get(r, c);
            }
        }
        int[] y = train.labels();
        int[][] globalOrder = ClassificationTree.presort(xt);
        ClassificationTree[] out = new ClassificationTree[nTrees];
        double[][] imp = new double[nTrees][p];
        Runnable grow = () -> IntStream.range(0, nTrees).parallel().forEach(t -> {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, t));
            int[] sample = new int[n];
            for (int i = 0; i < n; i++) {
                sample[i] = bootstrap ? rng.nextInt(n) : i;
            }
            out[t] = ClassificationTree.grow(xt, globalOrder, y, numClasses, sample, mtry, maxDepth, minSplit, minLeaf, rng,
                imp[t]);
        });
        if (jobs == 1) {
            for (int t = 0; t < nTrees; t++) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, t));
                int[] sample = new int[n];
                for (int i = 0; i < n; i++) {
                    sample[i] = bootstrap ? rng.nextInt(n) : i;
                }
                out[t] = ClassificationTree.grow(xt, globalOrder, y, numClasses, sample, mtry, maxDepth, minSplit, minLeaf,
                    rng, imp[t]);
            }
        } else {
            ForkJoinPool pool = new ForkJoinPool(jobs);
            try {
                pool.submit(grow).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("rf: growing trees failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        trees = out;
        importance = new double[p];
        for (double[] ti : imp) {
            double s = 0;
            for (double v : ti) {
                s += v;
            }
            if (s > 0) {
                for (int c = 0; c < p; c++) {
                    importance[c] += ti[c] / s;
                }
            }
        }
        double s = 0;
        for (double v : importance) {
            s += v;
        }
        if (s > 0) {
            for (int c = 0; c < p; c++) {
                importance[c] /= s;
            }
        }
    }

    @Override
    public double[][] predictProba(double[][] x) {
        checkInput(x);
        double[][] out = new double[x.length][numClasses];
        for (int r = 0; r < x.length; r++) {
            for (ClassificationTree t : trees) {
                t.accumulate(x[r], out[r]);
            }
            for (int k = 0; k < numClasses; k++) {
                out[r][k] /= trees.length;
            }
        }
        return out;
    }

    /** Number of trees. */
    public int size() {
        requireFitted();
        return trees.length;
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
        o.put("numClasses", numClasses);
        o.set("importance", array(importance));
        ArrayNode a = o.putArray("trees");
        for (ClassificationTree t : trees) {
            a.add(t.toJson());
        }
        return o;
    }

    static RandomForestModel restore(Map<String, Object> params, List<String> names, JsonNode state) {
        RandomForestModel m = new RandomForestModel(params, 0);
        m.numClasses = state.path("numClasses").asInt(0);
        if (m.numClasses < 2) {
            throw new IllegalArgumentException("model state: numClasses must be >= 2");
        }
        m.importance = doubles(state, "importance");
        requireLength("importance", m.importance.length, names.size());
        JsonNode a = state.get("trees");
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw new IllegalArgumentException("model state lacks 'trees'");
        }
        m.trees = new ClassificationTree[a.size()];
        for (int t = 0; t < m.trees.length; t++) {
            m.trees[t] = ClassificationTree.fromJson(a.get(t), m.numClasses, names.size());
        }
        m.featureNames = List.copyOf(names);
        return m;
    }
}
