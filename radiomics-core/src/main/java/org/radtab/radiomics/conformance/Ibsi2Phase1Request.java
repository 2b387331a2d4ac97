package org.radtab.radiomics.conformance;

import java.nio.file.Path;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * What an engine gets for an IBSI 2 phase-1 test (a response map on a digital phantom).
 *
 * @param testId       e.g. {@code 1.a.1}, {@code 2.a}, {@code 10.b.1}
 * @param phantom      the phantom folder name under {@code ibsi2/phantoms/} ({@code checkerboard},
 *                     {@code impulse}, {@code sphere}, {@code pattern_1}), or null when the test id
 *                     is not in RadTab's table (see {@link ConformanceHarness})
 * @param phantomFile  the phantom image file, or null
 * @param phantomImage the phantom (a copy), or null
 * @param phantomMask  its mask (all ones; a copy), or null
 */
public record Ibsi2Phase1Request(String testId, String phantom, Path phantomFile, Volume phantomImage,
                                 Mask phantomMask) {
}
