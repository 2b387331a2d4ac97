package org.radtab.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.radtab.ml.Dataset;

class AdaptiveScalerProperties {

    private static Dataset random(long seed, int n) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double e = Math.exp(r.nextGaussian());
            x[i] = new double[] {r.nextGaussian(), e * e, r.nextInt(3), r.nextDouble() < 0.2 ? 30 * r.nextDouble() : r.nextGaussian()};
        }
        return Dataset.of(x, List.of("normal", "lognormal2", "ordinal", "contaminated"), null);
    }

    /** Fitting on the rows in another order gives exactly the same scaler (methods, centres, scales). */
    @Property(tries = 60)
    void scalingIsInvariantToRowOrder(@ForAll long seed, @ForAll @IntRange(min = 5, max = 120) int n) {
        Dataset d = random(seed, n);
        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perm.add(i);
        }
        Collections.shuffle(perm, new Random(seed ^ 0x5DEECE66DL));
        int[] rows = perm.stream().mapToInt(Integer::intValue).toArray();
        FittedScaler a = AdaptiveScaler.defaults().fit(d);
        FittedScaler b = AdaptiveScaler.defaults().fit(d.rows(rows));
        assertEquals(a.columns(), b.columns());
        assertEquals(a.dropped(), b.dropped());
        // and the scaled value of each case does not depend on where it sits
        Dataset sa = a.apply(d);
        Dataset sb = b.apply(d.rows(rows));
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < sa.cols(); c++) {
                assertEquals(sa.get(rows[i], c), sb.get(i, c), 0);
            }
        }
    }
}
