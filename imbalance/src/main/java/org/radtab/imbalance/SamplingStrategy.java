package org.radtab.imbalance;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many samples each class should have after over-sampling, with imbalanced-learn's
 * semantics:
 * <ul>
 *   <li>{@link #auto()}: every class except the majority grows to the majority's count;</li>
 *   <li>{@link #ratio(double)} (binary only): the minority grows to {@code ratio x majority count}
 *       (rounded down, as imbalanced-learn does);</li>
 *   <li>{@link #counts(Map)}: an explicit target count per class (a class not named is left alone).</li>
 * </ul>
 */
public final class SamplingStrategy {
    private final String kind;
    private final double ratio;
    private final Map<Integer, Integer> targets;

    private SamplingStrategy(String kind, double ratio, Map<Integer, Integer> targets) {
        this.kind = kind;
        this.ratio = ratio;
        this.targets = targets;
    }

    public static SamplingStrategy auto() {
        return new SamplingStrategy("auto", 0, Map.of());
    }

    public static SamplingStrategy ratio(double ratio) {
        if (!(ratio > 0) || ratio > 1) {
            throw new IllegalArgumentException("ratio must be in (0, 1], was " + ratio);
        }
        return new SamplingStrategy("ratio", ratio, Map.of());
    }

    public static SamplingStrategy counts(Map<Integer, Integer> targets) {
        return new SamplingStrategy("counts", 0, new TreeMap<>(targets));
    }

    /**
     * Number of samples to generate per class code.
     *
     * @param classCounts current count per class code
     * @throws ResamplingException when a target is below the current count or the ratio is not reachable
     */
    public int[] samplesToGenerate(int[] classCounts) {
        int[] g = new int[classCounts.length];
        int majority = 0;
        for (int c = 1; c < classCounts.length; c++) {
            if (classCounts[c] > classCounts[majority]) {
                majority = c;
            }
        }
        switch (kind) {
            case "auto":
                for (int c = 0; c < classCounts.length; c++) {
                    if (c != majority && classCounts[c] > 0) {
                        g[c] = classCounts[majority] - classCounts[c];
                    }
                }
                return g;
            case "ratio": {
                if (classCounts.length != 2) {
                    throw new ResamplingException("a float sampling ratio is defined for binary problems only");
                }
                int minority = 1 - majority;
                int target = (int) (ratio * classCounts[majority]);
                if (target < classCounts[minority]) {
                    throw new ResamplingException("ratio " + ratio + " asks for " + target + " minority samples but "
                        + classCounts[minority] + " exist already (over-sampling cannot remove samples)");
                }
                g[minority] = target - classCounts[minority];
                return g;
            }
            default:
                for (Map.Entry<Integer, Integer> e : targets.entrySet()) {
                    int c = e.getKey();
                    if (c < 0 || c >= classCounts.length) {
                        throw new ResamplingException("sampling strategy names class " + c + ", which is absent");
                    }
                    if (e.getValue() < classCounts[c]) {
                        throw new ResamplingException("target " + e.getValue() + " for class " + c + " is below its "
                            + "current count " + classCounts[c]);
                    }
                    g[c] = e.getValue() - classCounts[c];
                }
                return g;
        }
    }

    @Override
    public String toString() {
        return kind.equals("auto") ? "auto" : kind.equals("ratio") ? Double.toString(ratio) : targets.toString();
    }
}
