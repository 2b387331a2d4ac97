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

    /**
     * Equal-frequency bin codes {@code floor(bins * #{values < x} / n)} in 0..bins-1.
     *
     * <p>Computed without a search per value: {@code floor(B less / n) >= b} exactly when
     * {@code less >= ceil(b n / B)}, i.e. when x exceeds the {@code ceil(b n / B)}-th smallest
     * value; so the code is the number of those B - 1 cut values that are {@code < x}.
     */
    public static int[] equalFrequencyBins(double[] x, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, was " + bins);
        }
        Descriptive.requireFinite(x, "binning");
        double[] s = Descriptive.sorted(x);
        int n = x.length;
        double[] cut = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            long m = ((long) b * n + bins - 1) / bins;   // ceil(b n / B) >= 1
            cut[b - 1] = s[(int) m - 1];
        }
        int[] code = new int[n];
        for (int i = 0; i < n; i++) {
            int c = 0;
            while (c < cut.length && cut[c] < x[i]) {
                c++;
            }
            code[i] = c;
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
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
        }
        int na = cardinality(a);
        int nb = cardinality(b);
        double[] xlogx = xLogXTable(a.length);
        return discrete(a, na, marginalTerm(a, na, xlogx), b, nb, marginalTerm(b, nb, xlogx), xlogx,
            new int[na * nb]);
    }

    /** {@code t[k] = k ln k} for k = 0..n (0 ln 0 = 0). */
    static double[] xLogXTable(int n) {
        double[] t = new double[n + 1];
        for (int k = 2; k <= n; k++) {
            t[k] = k * Math.log(k);
        }
        return t;
    }

    /** {@code sum over codes of c ln c}, c the count of each code. */
    static double marginalTerm(int[] a, int na, double[] xlogx) {
        int[] c = new int[na];
        for (int v : a) {
            c[v]++;
        }
        double s = 0;
        for (int v : c) {
            s += xlogx[v];
        }
        return s;
    }

    /**
     * Plug-in MI from counts without logarithms in the loop:
     * {@code I = [sum_ab n_ab ln n_ab - sum_a n_a ln n_a - sum_b n_b ln n_b + n ln n] / n}, which is
     * the formula of the class comment rearranged. {@code aTerm}, {@code bTerm} are the marginal
     * sums ({@link #marginalTerm}); {@code scratch} needs length {@code >= na * nb}.
     */
    static double discrete(int[] a, int na, double aTerm, int[] b, int nb, double bTerm, double[] xlogx,
                           int[] scratch) {
        int n = a.length;
        int cells = na * nb;
        Arrays.fill(scratch, 0, cells, 0);
        for (int i = 0; i < n; i++) {
            scratch[a[i] * nb + b[i]]++;
        }
        double joint = 0;
        for (int c = 0; c < cells; c++) {
            joint += xlogx[scratch[c]];
        }
        return Math.max(0, (joint - aTerm - bTerm + xlogx[n]) / n);
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
