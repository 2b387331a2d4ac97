package org.radtab.models.classic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CART classification tree grown with the Gini impurity, as a random-forest member.
 *
 * <p>Node impurity {@code G = 1 - sum_k p_k^2}. A split of a node with {@code n} samples into
 * {@code n_L} and {@code n_R} is chosen to maximise the decrease
 * {@code n G - n_L G_L - n_R G_R}; candidate thresholds are midpoints between consecutive
 * distinct values (left: {@code x <= threshold}). At each node {@code maxFeatures} features are
 * drawn without replacement and searched; when none of them has a valid split the remaining
 * features are searched in the drawn order until one has (as scikit-learn does). A node becomes a
 * leaf when it is pure, has fewer than {@code minSamplesSplit} samples, is at {@code maxDepth}, or
 * no split leaves {@code minSamplesLeaf} samples on both sides. A leaf predicts the class
 * fractions of its (bootstrap) samples.
 *
 * <p>Samples are presorted once per feature; a split stably partitions every feature's order,
 * so growing costs O(p n) per tree level.
 */
final class ClassificationTree {
    // node arrays; leaves have feature = -1
    int[] feature;
    double[] threshold;
    int[] left;
    int[] right;
    double[] value; // numClasses per node (class fractions)
    int numClasses;
    int nodes;

    private ClassificationTree() {
    }

    /**
     * Grows a tree on the rows listed in {@code sample} (repetitions allowed: bootstrap).
     *
     * @param xt          feature-major values {@code xt[feature][row]}
     * @param globalOrder per feature, all rows sorted by value ({@link #presort})
     */
    static ClassificationTree grow(double[][] xt, int[][] globalOrder, int[] y, int numClasses, int[] sample,
                                   int maxFeatures, int maxDepth, int minSamplesSplit, int minSamplesLeaf,
                                   SplittableRandom rng, double[] importance) {
        ClassificationTree t = new ClassificationTree();
        t.numClasses = numClasses;
        int cap = 64;
        t.feature = new int[cap];
        t.threshold = new double[cap];
        t.left = new int[cap];
        t.right = new int[cap];
        t.value = new double[cap * numClasses];
        int p = xt.length;
        int n = sample.length;
        int rows = y.length;
        // positions of each row in the sample (counting sort), then each feature's sorted positions
        int[] start = new int[rows + 1];
        for (int r : sample) {
            start[r + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] fill = start.clone();
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            positions[fill[sample[i]]++] = i;
        }
        int[][] order = new int[p][n];
        for (int f = 0; f < p; f++) {
            int k = 0;
            for (int r : globalOrder[f]) {
                for (int q = start[r]; q < start[r + 1]; q++) {
                    order[f][k++] = positions[q];
                }
            }
        }
        Grower g = new Grower(t, xt, y, sample, order, maxFeatures, maxDepth, minSamplesSplit, minSamplesLeaf, rng, importance);
        g.build(0, n, 0);
        t.trim();
        return t;
    }

    /** Per feature, the row indices sorted by value (ties by row index). */
    static int[][] presort(double[][] xt) {
        int[][] out = new int[xt.length][];
        for (int f = 0; f < xt.length; f++) {
            double[] col = xt[f];
            int n = col.length;
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> {
                int c = Double.compare(col[a], col[b]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            out[f] = new int[n];
            for (int i = 0; i < n; i++) {
                out[f][i] = idx[i];
            }
        }
        return out;
    }

    private int addNode() {
        if (nodes == feature.length) {
            int cap = feature.length * 2;
            feature = Arrays.copyOf(feature, cap);
            threshold = Arrays.copyOf(threshold, cap);
            left = Arrays.copyOf(left, cap);
            right = Arrays.copyOf(right, cap);
            value = Arrays.copyOf(value, cap * numClasses);
        }
        feature[nodes] = -1;
        return nodes++;
    }

    private void trim() {
        feature = Arrays.copyOf(feature, nodes);
        threshold = Arrays.copyOf(threshold, nodes);
        left = Arrays.copyOf(left, nodes);
        right = Arrays.copyOf(right, nodes);
        value = Arrays.copyOf(value, nodes * numClasses);
    }

    /** Adds this tree's leaf class fractions for {@code x} to {@code acc}. */
    void accumulate(double[] x, double[] acc) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        for (int k = 0; k < numClasses; k++) {
            acc[k] += value[node * numClasses + k];
        }
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("feature", AbstractModel.array(feature));
        o.set("threshold", AbstractModel.array(threshold));
        o.set("left", AbstractModel.array(left));
        o.set("right", AbstractModel.array(right));
        o.set("value", AbstractModel.array(value));
        return o;
    }

    static ClassificationTree fromJson(JsonNode n, int numClasses, int numFeatures) {
        ClassificationTree t = new ClassificationTree();
        t.numClasses = numClasses;
        t.feature = AbstractModel.ints(n, "feature");
        t.threshold = AbstractModel.doubles(n, "threshold");
        t.left = AbstractModel.ints(n, "left");
        t.right = AbstractModel.ints(n, "right");
        t.value = AbstractModel.doubles(n, "value");
        t.nodes = t.feature.length;
        AbstractModel.requireLength("threshold", t.threshold.length, t.nodes);
        AbstractModel.requireLength("left", t.left.length, t.nodes);
        AbstractModel.requireLength("right", t.right.length, t.nodes);
        AbstractModel.requireLength("value", t.value.length, t.nodes * numClasses);
        for (int i = 0; i < t.nodes; i++) {
            if (t.feature[i] >= numFeatures || (t.feature[i] >= 0 && (t.left[i] <= i || t.right[i] <= i
                || t.left[i] >= t.nodes || t.right[i] >= t.nodes))) {
                throw new IllegalArgumentException("model state: malformed tree node " + i);
            }
        }
        return t;
    }

    /** Recursive growth over ranges of the presorted position arrays. */
    private static final class Grower {
        final ClassificationTree t;
        final double[][] xt;
        final int[] y;
        final int[] sample;
        final int[][] order;
        final int maxFeatures;
        final int maxDepth;
        final int minSplit;
        final int minLeaf;
        final SplittableRandom rng;
        final double[] importance;
        final boolean[] goesLeft;
        final int[] buffer;
        final int[] features;
        final int k;

        Grower(ClassificationTree t, double[][] xt, int[] y, int[] sample, int[][] order, int maxFeatures, int maxDepth,
               int minSplit, int minLeaf, SplittableRandom rng, double[] importance) {
            this.t = t;
            this.xt = xt;
            this.y = y;
            this.sample = sample;
            this.order = order;
            this.maxFeatures = maxFeatures;
            this.maxDepth = maxDepth;
            this.minSplit = minSplit;
            this.minLeaf = minLeaf;
            this.rng = rng;
            this.importance = importance;
            this.goesLeft = new boolean[sample.length];
            this.buffer = new int[sample.length];
            this.features = new int[xt.length];
            this.k = t.numClasses;
        }

        int build(int start, int end, int depth) {
            int node = t.addNode();
            int n = end - start;
            double[] counts = new double[k];
            int[] ord0 = order[0];
            for (int i = start; i < end; i++) {
                counts[y[sample[ord0[i]]]]++;
            }
            for (int c = 0; c < k; c++) {
                t.value[node * k + c] = counts[c] / n;
            }
            double gini = gini(counts, n);
            if (gini <= 0 || n < minSplit || n < 2 * minLeaf || (maxDepth > 0 && depth >= maxDepth)) {
                return node;
            }
            // draw the feature order
            int p = xt.length;
            for (int f = 0; f < p; f++) {
                features[f] = f;
            }
            for (int f = 0; f < p - 1; f++) {
                int j = f + rng.nextInt(p - f);
                int tmp = features[f];
                features[f] = features[j];
                features[j] = tmp;
            }
            int bestF = -1;
            double bestGain = 0;
            double bestThr = 0;
            int bestLeftN = 0;
            double[] lc = new double[k];
            for (int fi = 0; fi < p; fi++) {
                if (fi >= maxFeatures && bestF >= 0) {
                    break;
                }
                int f = features[fi];
                double[] col = xt[f];
                int[] ord = order[f];
                Arrays.fill(lc, 0);
                for (int i = start; i < end - 1; i++) {
                    lc[y[sample[ord[i]]]]++;
                    int nl = i - start + 1;
                    int nr = n - nl;
                    double v = col[sample[ord[i]]];
                    double vNext = col[sample[ord[i + 1]]];
                    if (v == vNext || nl < minLeaf || nr < minLeaf) {
                        continue;
                    }
                    double sl = 0;
                    double sr = 0;
                    for (int c = 0; c < k; c++) {
                        sl += lc[c] * lc[c];
                        double rc = counts[c] - lc[c];
                        sr += rc * rc;
                    }
                    // n G - nl Gl - nr Gr = n G - (nl - sl/nl) - (nr - sr/nr)
                    double gain = n * gini - (nl - sl / nl) - (nr - sr / nr);
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        bestF = f;
                        double thr = v + (vNext - v) / 2;
                        bestThr = thr >= vNext ? v : thr; // guard against rounding up to vNext
                        bestLeftN = nl;
                    }
                }
            }
            if (bestF < 0) {
                return node;
            }
            importance[bestF] += bestGain;
            // mark sides by the chosen feature's order, then stably partition every feature
            int[] ordB = order[bestF];
            for (int i = start; i < end; i++) {
                goesLeft[ordB[i]] = i - start < bestLeftN;
            }
            for (int f = 0; f < p; f++) {
                int[] ord = order[f];
                int l = start;
                int r = 0;
                for (int i = start; i < end; i++) {
                    if (goesLeft[ord[i]]) {
                        ord[l++] = ord[i];
                    } else {
                        buffer[r++] = ord[i];
                    }
                }
                System.arraycopy(buffer, 0, ord, l, r);
            }
            t.feature[node] = bestF;
            t.threshold[node] = bestThr;
            int mid = start + bestLeftN;
            int l = build(start, mid, depth + 1);
            t.left[node] = l;
            int r = build(mid, end, depth + 1);
            t.right[node] = r;
            return node;
        }

        private static double gini(double[] counts, int n) {
            double s = 0;
            for (double c : counts) {
                s += c * c;
            }
            return 1 - s / ((double) n * n);
        }
    }
}
