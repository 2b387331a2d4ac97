package org.radtab.radiomics.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Locates the IBSI / PyRadiomics conformance data (see the README): the folder named by the
 * system property {@code radtab.conformance.dir}, else the environment variable
 * {@code RADTAB_CONFORMANCE_DIR}, else {@code ../shared/data} relative to the working directory
 * or its parent. The data is never copied into the repository.
 */
public final class ConformanceData {
    public static final String PROPERTY = "radtab.conformance.dir";
    public static final String REQUIRED_PROPERTY = "radtab.conformance.required";

    private ConformanceData() {
    }

    /** The data folder if it exists (it must contain {@code ibsi1/}). */
    public static Optional<Path> locate() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return valid(Paths.get(prop));
        }
        String env = System.getenv("RADTAB_CONFORMANCE_DIR");
        if (env != null && !env.isBlank()) {
            return valid(Paths.get(env));
        }
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Optional<Path> v = valid(p.resolve("../shared/data").normalize());
            if (v.isPresent()) {
                return v;
            }
            if (cwd.getNameCount() - p.getNameCount() >= 2) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * True when the build demands the data (CI): missing data is then an error, not a skip. Set by
     * the system property {@code radtab.conformance.required=true} or the environment variable
     * {@code RADTAB_CONFORMANCE_REQUIRED=true} (which {@code .ci/run} exports).
     */
    public static boolean required() {
        return Boolean.getBoolean(REQUIRED_PROPERTY) || "true".equalsIgnoreCase(System.getenv("RADTAB_CONFORMANCE_REQUIRED"));
    }

    private static Optional<Path> valid(Path p) {
        return Files.isDirectory(p.resolve("ibsi1")) ? Optional.of(p.toAbsolutePath().normalize()) : Optional.empty();
    }
}
