package org.radtab.radiomics.conformance;

import java.nio.file.Path;
import java.util.Set;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * What an engine gets for an IBSI 2 phase-2 filter id: the CT phantom and the statistics wanted.
 *
 * @param filterId      e.g. {@code 3.A}
 * @param filter        the filter number, 1 (none) .. 9 (Simoncelli level 2)
 * @param configuration 'A' (2D, no interpolation) or 'B' (3D, 1 mm cubic spline)
 * @param imageFile     {@code ibsi1/ct_phantom/image.nii.gz}
 * @param maskFile      {@code ibsi1/ct_phantom/mask.nii.gz}
 * @param image         the CT phantom (a copy)
 * @param mask          its GTV mask (a copy)
 * @param tags          the statistic tags of the reference file ({@code stat_mean}, ...)
 */
public record Ibsi2Phase2Request(String filterId, int filter, char configuration, Path imageFile, Path maskFile,
                                 Volume image, Mask mask, Set<String> tags) {
}
