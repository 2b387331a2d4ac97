package org.radtab.imbalance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radtab.ml.Dataset;
import org.radtab.ml.pipeline.Resampler;
import org.radtab.ml.validation.Seeds;

/**
 * Resamplers applied in order (the paper: ADASYN, then TomekLinks), each on the previous
 * output. Step {@code s} receives the seed {@code Seeds.derive(seed, s)}, as in
 * {@link org.radtab.ml.pipeline.Resamplers#chain}, so both give the same result. The class counts before and after
 * each step are kept for reporting.
 */
public final class ResamplingPipeline implements Resampler {
    private final List<Resampler> steps;

    /** Counts after one step. */
    public record StepReport(String step, int[] before, int[] after) {
        @Override
        public String toString() {
            return step + ": " + Arrays.toString(before) + " -> " + Arrays.toString(after);
        }
    }

    public ResamplingPipeline(List<Resampler> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a resampling pipeline needs at least one step");
        }
        this.steps = List.copyOf(steps);
    }

    public static ResamplingPipeline of(Resampler... steps) {
        return new ResamplingPipeline(List.of(steps));
    }

    /** The paper's pipeline: ADASYN (k = 5, auto) then TomekLinks (auto). */
    public static ResamplingPipeline adasynThenTomek() {
        return of(Adasyn.defaults(), TomekLinks.defaults());
    }

    @Override
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (Resampler r : steps) {
            if (sb.length() > 0) {
                sb.append('+');
            }
            sb.append(r.name());
        }
        return sb.toString();
    }

    public List<Resampler> steps() {
        return steps;
    }

    @Override
    public Dataset resample(Dataset data, long seed) {
        return run(data, seed, new ArrayList<>());
    }

    /** Resamples and returns the per-step counts in {@code report}. */
    public Dataset run(Dataset data, long seed, List<StepReport> report) {
        Dataset d = data;
        for (int s = 0; s < steps.size(); s++) {
            int[] before = d.classCounts();
            d = steps.get(s).resample(d, Seeds.derive(seed, s));
            report.add(new StepReport(steps.get(s).name(), before, d.classCounts()));
        }
        return d;
    }
}
