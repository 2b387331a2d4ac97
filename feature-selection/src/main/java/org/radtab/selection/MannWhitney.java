package org.radtab.selection;

import org.apache.commons.math3.special.Erf;

/**
 * Wilcoxon rank-sum / Mann-Whitney U test of two independent samples, two-sided, with the
 * semantics of {@code scipy.stats.mannwhitneyu(x, y)} (SciPy 1.7 and later, defaults
 * {@code alternative='two-sided', use_continuity=True, method='auto'}).
 *
 * <h2>Statistic</h2>
 * Pool both samples and give them average ranks (ties share the mean of their ranks). With
 * {@code R1} the rank sum of {@code x}: {@code U1 = R1 - n1 (n1 + 1) / 2} (the statistic
 * reported, "U of x") and {@code U2 = n1 n2 - U1}. The Wilcoxon rank-sum statistic is R1.
 *
 * <h2>P value</h2>
 * <ul>
 *   <li><b>Method choice ({@link Method#AUTO})</b>, as SciPy: the exact distribution when at
 *       least one sample has <b>8 or fewer</b> values and there are <b>no ties</b>; the normal
 *       approximation otherwise.</li>
 *   <li><b>Exact</b>: the null distribution of U (every assignment of the n1 + n2 distinct ranks
 *       to the samples equally likely). The number of assignments with {@code U = u} is the
 *       coefficient of {@code q^u} in the Gaussian binomial coefficient
 *       {@code [n1 + n2 choose n1]_q = prod_(i=1..m) (1 - q^(M+i)) / (1 - q^i)} with
 *       {@code m = min(n1, n2)}, {@code M = max(n1, n2)}; it is expanded as a power series up to
 *       degree {@code min(U1, U2)} (only additions and subtractions of counts). By symmetry,
 *       {@code p = 2 P(U <= min(U1, U2))}, capped at 1. Ties are not corrected for (as SciPy).</li>
 *   <li><b>Asymptotic</b>: {@code z = (max(U1, U2) - n1 n2 / 2 - 0.5) / s} with the continuity
 *       correction 0.5 (optional) and the tie-corrected standard deviation
 *       {@code s = sqrt(n1 n2 / 12 * ((n + 1) - sum_t (t^3 - t) / (n (n - 1))))}, t the size of each
 *       group of tied values and n = n1 + n2; {@code p = 2 (1 - Phi(z))}, capped at 1. When every
 *       value is tied (s = 0) the samples cannot differ and p = 1.</li>
 * </ul>
 */
public final class MannWhitney {

    /** How the P value is computed. */
    public enum Method { AUTO, EXACT, ASYMPTOTIC }

    /**
     * Test result.
     *
     * @param u1     U of the first sample
     * @param u2     U of the second sample ({@code n1 n2 - u1})
     * @param z      the standardised statistic of the asymptotic method (NaN for the exact method,
     *               which has none)
     * @param p      two-sided P value
     * @param method {@link Method#EXACT} or {@link Method#ASYMPTOTIC}: the method actually used
     */
    public record Result(double u1, double u2, double z, double p, Method method, int n1, int n2, boolean ties) {
    }

    private MannWhitney() {
    }

    /** Two-sided test with SciPy's defaults (auto method, continuity correction). */
    public static Result test(double[] x, double[] y) {
        return test(x, y, Method.AUTO, true);
    }

    /**
     * Two-sided test.
     *
     * @param continuity apply the 0.5 continuity correction in the asymptotic method
     * @throws SelectionException when a sample is empty or holds a non-finite value
     */
    public static Result test(double[] x, double[] y, Method method, boolean continuity) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new SelectionException("Mann-Whitney test: both samples need values (sizes " + n1 + ", " + n2 + ")");
        }
        Descriptive.requireFinite(x, "Mann-Whitney sample 1");
        Descriptive.requireFinite(y, "Mann-Whitney sample 2");
        double[] pooled = new double[n1 + n2];
        System.arraycopy(x, 0, pooled, 0, n1);
        System.arraycopy(y, 0, pooled, n1, n2);
        Ranks ranks = Ranks.of(pooled);
        double[] r = ranks.ranks();
        double r1 = 0;
        for (int i = 0; i < n1; i++) {
            r1 += r[i];
        }
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double u2 = (double) n1 * n2 - u1;
        boolean ties = ranks.hasTies();
        Method used = method;
        if (method == Method.AUTO) {
            used = (n1 <= 8 || n2 <= 8) && !ties ? Method.EXACT : Method.ASYMPTOTIC;
        }
        if (used == Method.EXACT) {
            double p = exactTwoSided(n1, n2, Math.min(u1, u2));
            return new Result(u1, u2, Double.NaN, p, Method.EXACT, n1, n2, ties);
        }
        int n = n1 + n2;
        double var = n1 * (double) n2 / 12 * ((n + 1) - ranks.tieTerm() / ((double) n * (n - 1)));
        double u = Math.max(u1, u2);
        double num = u - n1 * (double) n2 / 2;
        if (continuity) {
            num -= 0.5;
        }
        if (!(var > 0)) {
            return new Result(u1, u2, 0, 1, Method.ASYMPTOTIC, n1, n2, ties);
        }
        double z = num / Math.sqrt(var);
        double p = Math.min(1, Erf.erfc(z / Math.sqrt(2)));   // 2 (1 - Phi(z))
        return new Result(u1, u2, z, p, Method.ASYMPTOTIC, n1, n2, ties);
    }

    /**
     * Exact two-sided P value {@code min(1, 2 P(U <= uMin))} under the null hypothesis without
     * ties, {@code uMin = min(U1, U2)} (rounded down when ties make it fractional).
     */
    static double exactTwoSided(int n1, int n2, double uMin) {
        int maxU = (int) Math.floor(uMin);
        double[] counts = countsUpTo(n1, n2, maxU);
        double below = 0;
        for (double c : counts) {
            below += c;
        }
        double total = binomial(n1 + n2, Math.min(n1, n2));
        return Math.min(1, 2 * below / total);
    }

    /**
     * Number of rank assignments with U = 0..maxU: coefficients of the Gaussian binomial
     * {@code [n1+n2 choose n1]_q}, built as a power series truncated at degree maxU.
     */
    static double[] countsUpTo(int n1, int n2, int maxU) {
        int m = Math.min(n1, n2);
        int big = Math.max(n1, n2);
        double[] c = new double[maxU + 1];
        c[0] = 1;
        for (int i = 1; i <= m; i++) {
            int a = big + i;
            for (int d = maxU; d >= a; d--) {          // multiply by (1 - q^a)
                c[d] -= c[d - a];
            }
            for (int d = i; d <= maxU; d++) {          // divide by (1 - q^i)
                c[d] += c[d - i];
            }
        }
        return c;
    }

    /** Binomial coefficient as a double (exact below 2^53). */
    static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b < 9e15 ? Math.rint(b) : b;
    }
}
