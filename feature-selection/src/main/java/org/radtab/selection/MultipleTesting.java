package org.radtab.selection;

/**
 * Multiple-testing adjustment.
 *
 * <p><b>Benjamini-Hochberg</b> (Benjamini and Hochberg 1995, J R Stat Soc B 57:289-300),
 * controlling the false discovery rate: with the m P values sorted ascending
 * {@code p_(1) <= ... <= p_(m)}, the adjusted value of the i-th smallest is
 * <pre>
 *   q_(i) = min over k >= i of min(1, m p_(k) / k)
 * </pre>
 * (R's {@code p.adjust(p, "BH")}, statsmodels' {@code fdr_bh}). Results are returned in the
 * input order; ties get equal adjusted values.
 */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * Benjamini-Hochberg adjusted P values, in input order.
     *
     * @throws SelectionException when a P value is NaN or outside [0, 1]
     */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new SelectionException("P value " + p[i] + " at position " + i + " is not in [0, 1]");
            }
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] q = new double[m];
        double running = 1;
        for (int k = m; k >= 1; k--) {
            int idx = order[k - 1];
            running = Math.min(running, Math.min(1, m * p[idx] / k));
            q[idx] = running;
        }
        return q;
    }
}
