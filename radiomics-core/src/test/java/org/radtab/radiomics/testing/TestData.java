package org.radtab.radiomics.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.radtab.radiomics.conformance.ConformanceData;

/**
 * Test access to the conformance data. When the data is absent the calling test is skipped
 * with a clear message, unless {@code -Dradtab.conformance.required=true} (set by .ci/run), in
 * which case it fails.
 */
public final class TestData {
    private TestData() {
    }

    /** The conformance data folder; skips (or fails, when required) the test if absent. */
    public static Path dir() {
        Optional<Path> p = ConformanceData.locate();
        if (p.isEmpty()) {
            String msg = "conformance data not found: set -D" + ConformanceData.PROPERTY
                + "=/path/to/shared/data (see README)";
            if (ConformanceData.required()) {
                fail(msg);
            }
            assumeTrue(false, msg);
        }
        return p.get();
    }

    /** A file inside the conformance data folder, which must exist. */
    public static Path file(String relative) {
        Path f = dir().resolve(relative);
        if (!Files.exists(f)) {
            fail("conformance file missing: " + f);
        }
        return f;
    }
}
