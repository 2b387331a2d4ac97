package org.radtab.radiomics.conformance;

import java.util.Map;
import java.util.Optional;
import org.radtab.radiomics.image.Volume;

/**
 * The seam between the conformance harness and RadTab's feature and filter code: the harness
 * reads the reference files, loads the images and asks an engine for computed values; the
 * engine computes what it can. Every method has a default that computes nothing, so an engine
 * implements only the families it has. A value the engine does not return counts as
 * "missing"; a returned NaN or infinity counts as a failure; an exception fails every
 * reference row of that call.
 *
 * <h2>Plugging in an engine</h2>
 * Pass it to {@link ConformanceHarness#ConformanceHarness(java.nio.file.Path, ConformanceEngine)},
 * or register it for {@link ConformanceEngines#discover()} (used by {@code radtab conformance})
 * with a {@code META-INF/services/org.radtab.radiomics.conformance.ConformanceEngine} file listing
 * the class (public, public no-argument constructor). Discovered engines are combined by
 * {@link ConformanceEngines#compose}: for each value the engine with the highest
 * {@link #priority()} that returns it wins. RadTab's own {@link ImageDiagnosticsEngine}
 * (priority -100) supplies the IBSI image diagnostics.
 *
 * <h2>Contract</h2>
 * Requests carry copies of the images: an engine may modify them. Values are returned by
 * feature name exactly as in the reference file (IBSI tag such as {@code cm_joint_max_3D_avg},
 * PyRadiomics name such as {@code original_glcm_JointAverage}); unknown names are ignored.
 * Engines must be deterministic and may be called from one thread only.
 */
public interface ConformanceEngine {

    /** Name shown in reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Higher wins when several engines return the same value. */
    default int priority() {
        return 0;
    }

    /**
     * IBSI 1 feature values (by tag) for the digital phantom or a CT phantom configuration.
     * Compared after rounding to 3 significant digits: {@code |round3(value) - ref| <= tol}.
     */
    default Map<String, Double> ibsi1(Ibsi1Request request) throws Exception {
        return Map.of();
    }

    /**
     * PyRadiomics feature values (by PyRadiomics name) for one feature class of one baseline
     * column (for example class {@code glcm}, column {@code brain1_2d}).
     */
    default Map<String, Double> pyradiomics(PyRadiomicsRequest request) throws Exception {
        return Map.of();
    }

    /**
     * The IBSI 2 phase-1 response map of a test (for example {@code 2.a}: LoG on the impulse
     * phantom), on the phantom's grid; empty when the filter is not available.
     */
    default Optional<Volume> ibsi2ResponseMap(Ibsi2Phase1Request request) throws Exception {
        return Optional.empty();
    }

    /**
     * IBSI 2 phase-2 intensity statistics (by tag, {@code stat_mean} ...) of the filtered CT
     * phantom for a filter id such as {@code 3.A}. Compared unrounded.
     */
    default Map<String, Double> ibsi2Phase2(Ibsi2Phase2Request request) throws Exception {
        return Map.of();
    }
}
