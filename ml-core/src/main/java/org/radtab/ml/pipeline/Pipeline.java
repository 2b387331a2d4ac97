package org.radtab.ml.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.radtab.ml.Dataset;
import org.radtab.ml.validation.Seeds;

/**
 * The per-fold preprocessing before a model: an ordered list of steps, each a
 * {@link FeatureTransform} or a {@link Resampler}.
 *
 * <p>{@link #fit} runs the steps on a training set in order. A transform step is fitted on the
 * current training rows and applied to them; a resampler step replaces the training rows (step
 * {@code k} gets the seed {@code Seeds.derive(seed, k)}). The result keeps the fitted transforms,
 * which {@link FittedPipeline#transform} applies (and only those: no resampling) to validation,
 * test or new rows. So with {@code [scaler, adasyn]} the scaler is learned from the real
 * training rows and ADASYN interpolates in the scaled space; validation rows are only scaled.
 */
public final class Pipeline {
    private final List<Object> steps;

    private Pipeline(List<Object> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The empty pipeline (the model sees the rows as they are). */
    public static Pipeline empty() {
        return new Pipeline(List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Steps in order: {@link FeatureTransform} and {@link Resampler} instances. */
    public List<Object> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Fits the pipeline on {@code train}; see the class comment. */
    public FittedPipeline fit(Dataset train, long seed) {
        Dataset d = train;
        List<FittedTransform> fitted = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            Object s = steps.get(k);
            if (s instanceof FeatureTransform t) {
                FittedTransform f = t.fit(d);
                fitted.add(f);
                d = f.apply(d);
            } else {
                d = ((Resampler) s).resample(d, Seeds.derive(seed, k));
            }
        }
        return new FittedPipeline(fitted, d);
    }

    /** A short description, e.g. {@code "zscore -> adasyn -> tomek"}. */
    @Override
    public String toString() {
        if (steps.isEmpty()) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        for (Object s : steps) {
            b.append(b.length() == 0 ? "" : " -> ")
                .append(s instanceof FeatureTransform t ? t.name() : ((Resampler) s).name());
        }
        return b.toString();
    }

    /** Adds steps in order. */
    public static final class Builder {
        private final List<Object> steps = new ArrayList<>();

        public Builder transform(FeatureTransform t) {
            steps.add(java.util.Objects.requireNonNull(t));
            return this;
        }

        public Builder resample(Resampler r) {
            steps.add(java.util.Objects.requireNonNull(r));
            return this;
        }

        public Pipeline build() {
            return new Pipeline(steps);
        }
    }

    /** A pipeline fitted on one training set. */
    public static final class FittedPipeline {
        private final List<FittedTransform> transforms;
        private final Dataset trainingData;

        FittedPipeline(List<FittedTransform> transforms, Dataset trainingData) {
            this.transforms = List.copyOf(transforms);
            this.trainingData = trainingData;
        }

        /** The training rows after every step (what the model is fitted on). */
        public Dataset trainingData() {
            return trainingData;
        }

        /** The fitted transforms, in order. */
        public List<FittedTransform> transforms() {
            return transforms;
        }

        /** Applies the fitted transforms (no resampling) to other rows, e.g. a validation fold. */
        public Dataset transform(Dataset data) {
            Dataset d = data;
            for (FittedTransform f : transforms) {
                d = f.apply(d);
            }
            return d;
        }
    }
}
