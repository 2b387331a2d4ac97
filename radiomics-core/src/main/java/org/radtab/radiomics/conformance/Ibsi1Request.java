package org.radtab.radiomics.conformance;

import java.nio.file.Path;
import java.util.Set;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * What an engine gets for an IBSI 1 suite.
 *
 * @param ibsiCase  which data set and configuration
 * @param imageFile {@code ibsi1/<folder>/image.nii.gz}
 * @param maskFile  {@code ibsi1/<folder>/mask.nii.gz}
 * @param image     the image as read (a copy the engine may modify)
 * @param mask      the mask as read (ROI = label 1; a copy)
 * @param tags      every tag of the reference file, including those without consensus
 */
public record Ibsi1Request(Ibsi1Case ibsiCase, Path imageFile, Path maskFile, Volume image, Mask mask, Set<String> tags) {
}
