package org.radtab.ml.pipeline;

import java.util.Map;

/**
 * Makes a named {@link Resampler}; found with {@link java.util.ServiceLoader} (declare
 * implementations in {@code META-INF/services/org.radtab.ml.pipeline.ResamplerProvider}) so that
 * {@link Resamplers#byName} and the command line's {@code --resample adasyn,tomek} find them.
 */
public interface ResamplerProvider {

    /** The registry name, lower case, e.g. {@code "adasyn"}, {@code "smote"}, {@code "tomek"}. */
    String name();

    /**
     * A resampler with these parameters (missing ones take their defaults; unknown names are
     * rejected with an {@link IllegalArgumentException} naming them).
     */
    Resampler create(Map<String, Object> params);
}
