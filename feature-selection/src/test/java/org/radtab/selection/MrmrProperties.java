package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.radtab.ml.Dataset;

class MrmrProperties {

    /** Random features with a class signal of varying strength and some shared factors. */
    private static Dataset random(long seed, int n, int p) {
        Random r = new Random(seed);
        int[] y = new int[n];
        double[][] x = new double[n][p];
        double[] shift = new double[p];
        for (int j = 0; j < p; j++) {
            shift[j] = r.nextDouble() * 1.5;
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            double f1 = r.nextGaussian();
            double f2 = r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[i][j] = y[i] * shift[j] + (j % 2 == 0 ? f1 : f2) * 0.7 + r.nextGaussian();
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            names.add("v" + j);
        }
        return Dataset.of(x, names, y);
    }

    /** One-way ANOVA F written independently: F = [SSB / (G-1)] / [SSW / (n-G)], G = 2. */
    private static double f(double[] x, int[] y) {
        double[] s = new double[2];
        int[] c = new int[2];
        double all = 0;
        for (int i = 0; i < x.length; i++) {
            s[y[i]] += x[i];
            c[y[i]]++;
            all += x[i];
        }
        double m = all / x.length;
        double m0 = s[0] / c[0];
        double m1 = s[1] / c[1];
        double ssb = c[0] * (m0 - m) * (m0 - m) + c[1] * (m1 - m) * (m1 - m);
        double ssw = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - (y[i] == 0 ? m0 : m1);
            ssw += d * d;
        }
        return ssb / (ssw / (x.length - 2));
    }

    @Property(tries = 50)
    void firstPickIsTheMostRelevantFeature(@ForAll long seed, @ForAll @IntRange(min = 12, max = 80) int n,
                                           @ForAll @IntRange(min = 2, max = 25) int p) {
        Dataset d = random(seed, n, p);
        int[] y = d.labels();
        int best = 0;
        double bestF = -1;
        for (int j = 0; j < p; j++) {
            double fj = f(d.column(j), y);
            if (fj > bestF) {
                bestF = fj;
                best = j;
            }
        }
        Mrmr.Result r = Mrmr.defaults().select(d, 3);
        assertEquals(d.columnName(best), r.selected().get(0));
        assertEquals(bestF, r.picks().get(0).relevance(), 1e-9 * bestF);
    }

    @Property(tries = 50)
    void selectionIsInvariantToColumnPermutation(@ForAll long seed, @ForAll @IntRange(min = 12, max = 80) int n,
                                                 @ForAll @IntRange(min = 2, max = 25) int p,
                                                 @ForAll @IntRange(min = 1, max = 8) int k) {
        Dataset d = random(seed, n, p);
        List<Integer> perm = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            perm.add(j);
        }
        Collections.shuffle(perm, new Random(~seed));
        Dataset shuffled = d.columns(perm.stream().mapToInt(Integer::intValue).toArray());
        // the correlation schemes: with continuous data their scores do not tie. (The binned MI
        // schemes produce exact ties between features with identical contingency tables; those
        // are broken by column index, so a permutation may legitimately swap tied features.)
        for (Mrmr.Scheme s : new Mrmr.Scheme[] {Mrmr.Scheme.FCQ, Mrmr.Scheme.FCD}) {
            Mrmr m = new Mrmr(Mrmr.Options.of(s));
            List<String> a = m.select(d, k).selected();
            List<String> b = m.select(shuffled, k).selected();
            assertEquals(new HashSet<>(a), new HashSet<>(b), s + ": same set by name");
            assertEquals(a, b, s + ": same order too");
        }
    }
}
