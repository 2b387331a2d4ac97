package org.radtab.selection;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;

/**
 * Mutual information estimators, in nats (natural logarithm).
 *
 * <h2>Discretised (plug-in) estimator</h2>
 * A continuous variable is cut into {@code B} equal-frequency bins by rank: the value {@code x}
 * goes to bin {@code floor(B * #{values < x} / n)}, so tied values always share a bin and each
 * bin holds about n/B values (fewer bins are occupied when large groups of ties exist). For two
 * discrete variables with joint counts {@code n_ab}:
 * <pre>
 *   I(A; B) = sum_ab (n_ab / n) ln( n n_ab / (n_a n_b) )
 * </pre>
 * (the plug-in / maximum-likelihood estimator; positively biased by about
 * {@code (|A| - 1)(|B| - 1) / (2n)}).
 *
 * <h2>k-nearest-neighbour estimator, continuous X vs discrete Y (Ross 2014)</h2>
 * Ross, B. C. (2014), "Mutual information between discrete and continuous data sets", PLoS ONE
 * 9(2): e87357 — the estimator behind scikit-learn's {@code mutual_info_classif}. For each point
 * i whose class has {@code N_i >= 2} members: {@code k_i = min(k, N_i - 1)}; {@code d_i} = distance
 * to its {@code k_i}-th nearest neighbour within its class; {@code m_i} = number of points of the
 * whole sample (other than i) within distance {@code d_i} (inclusive, so the class neighbours
 * count). Points of singleton classes are left out and N is the number of points kept. Then
 * <pre>
 *   I = psi(N) + &lt;psi(k_i)&gt; - &lt;psi(N_i)&gt; - &lt;psi(m_i)&gt;,   clipped below at 0
 * </pre>
 * with psi the digamma function and &lt;.&gt; the mean over kept points. Distances are
 * |x_i - x_j| (one feature). This equals scikit-learn's count when no other point lies exactly at
 * distance {@code d_i}; RadTab adds no jitter, so the estimate is deterministic.
 */
public final class MutualInformation {

    private MutualInformation() {
    }

    /** Equal-frequency bin codes {@code floor(bins * #{values < x} / n)} in 0..bins-1. */
    public static int[] equalFrequencyBins(double[] x, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        Descriptive.requireFinite(x, "binning");
        double[] s = Descriptive.sorted(x);
        int n = x.length;
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            int less = lowerBound(s, x[i]);
            code[i] = (int) ((long) bins * less / n);
        }
        return code;
    }

    private static int lowerBound(double[] s, double v) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of distinct codes needed to index {@code codes} (max + 1). */
    static int cardinality(int[] codes) {
        int max = 0;
        for (int c : codes) {
            if (c < 0) {
                throw new IllegalArgumentException("negative code " + c);
            }
            max = Math.max(max, c);
        }
        return max + 1;
    }

    /** Plug-in mutual information of two discrete variables (codes 0..). */
    public static double discrete(int[] a, int[] b) {
        return discrete(a, cardinality(a), b, cardinality(b), null);
    }

    /**
     * Plug-in mutual information with known cardinalities; {@code scratch} (length >= na * nb)
     * may be passed to avoid an allocation.
     */
    static double discrete(int[] a, int na, int[] b, int nb, int[] scratch) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        int[] joint = scratch != null && scratch.length >= na * nb ? scratch : new int[na * nb];
        Arrays.fill(joint, 0, na * nb, 0);
        int[] ca = new int[na];
        int[] cb = new int[nb];
        for (int i = 0; i < n; i++) {
            joint[a[i] * nb + b[i]]++;
            ca[a[i]]++;
            cb[b[i]]++;
        }
        double mi = 0;
        for (int i = 0; i < na; i++) {
            if (ca[i] == 0) {
                continue;
            }
            for (int j = 0; j < nb; j++) {
                int nij = joint[i * nb + j];
                if (nij > 0) {
                    mi += nij * Math.log((double) n * nij / ((double) ca[i] * cb[j]));
                }
            }
        }
        return Math.max(0, mi / n);
    }

    /** Binned estimate of I(X; Y) for a continuous X and class codes Y. */
    public static double binned(double[] x, int[] labels, int bins) {
        return discrete(equalFrequencyBins(x, bins), labels);
    }

    /**
     * Ross (2014) k-nearest-neighbour estimate of I(X; Y) for a continuous X and class codes Y
     * (see the class comment).
     *
     * @param k neighbours (scikit-learn's default is 3)
     */
    public static double knn(double[] x, int[] labels, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        if (x.length != labels.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + labels.length);
        }
        Descriptive.requireFinite(x, "kNN mutual information");
        int classes = cardinality(labels);
        int[] count = new int[classes];
        for (int y : labels) {
            count[y]++;
        }
        double[][] byClass = new double[classes][];
        int[] fill = new int[classes];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new double[count[c]];
        }
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            byClass[labels[i]][fill[labels[i]]++] = x[i];
            if (count[labels[i]] >= 2) {
                kept++;
            }
        }
        if (kept == 0) {
            return 0;
        }
        double[] all = new double[kept];
        int t = 0;
        for (int i = 0; i < x.length; i++) {
            if (count[labels[i]] >= 2) {
                all[t++] = x[i];
            }
        }
        Arrays.sort(all);
        for (double[] c : byClass) {
            Arrays.sort(c);
        }
        double sumPsiK = 0;
        double sumPsiN = 0;
        double sumPsiM = 0;
        for (int i = 0; i < x.length; i++) {
            int c = labels[i];
            if (count[c] < 2) {
                continue;
            }
            double[] cs = byClass[c];
            int ki = Math.min(k, count[c] - 1);
            double xi = x[i];
            int pos = lowerBound(cs, xi);
            int l = pos - 1;
            int r = pos + 1;
            double d = 0;
            for (int step = 0; step < ki; step++) {
                double dl = l >= 0 ? xi - cs[l] : Double.POSITIVE_INFINITY;
                double dr = r < cs.length ? cs[r] - xi : Double.POSITIVE_INFINITY;
                if (dl <= dr) {
                    d = dl;
                    l--;
                } else {
                    d = dr;
                    r++;
                }
            }
            int m = countWithin(all, xi, d) - 1;   // minus the point itself
            sumPsiK += Gamma.digamma(ki);
            sumPsiN += Gamma.digamma(count[c]);
            sumPsiM += Gamma.digamma(m);
        }
        double mi = Gamma.digamma(kept) + (sumPsiK - sumPsiN - sumPsiM) / kept;
        return Math.max(0, mi);
    }

    /** Number of sorted values v with |v - x| <= d (evaluated as x - v or v - x). */
    private static int countWithin(double[] s, double x, double d) {
        int lo = 0;
        int hi = s.length;
        while (lo < hi) {                       // first index with x - v <= d
            int mid = (lo + hi) >>> 1;
            if (x - s[mid] > d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int first = lo;
        lo = first;
        hi = s.length;
        while (lo < hi) {                       // first index with v - x > d
            int mid = (lo + hi) >>> 1;
            if (s[mid] - x <= d) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - first;
    }
}
