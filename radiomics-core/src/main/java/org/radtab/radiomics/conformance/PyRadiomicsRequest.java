package org.radtab.radiomics.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * What an engine gets for one feature class of one PyRadiomics baseline column.
 *
 * @param column       baseline column, e.g. {@code brain1_resampling}
 * @param testCase     {@code brain1}, {@code brain2} or {@code breast1}
 * @param featureClass {@code firstorder}, {@code glcm}, {@code gldm}, {@code glrlm}, {@code glszm},
 *                     {@code ngtdm} or {@code shape} (the baseline file {@code baseline_<class>.csv})
 * @param settings     the column's {@code diagnostics_Configuration_Settings} dict (Python literal
 *                     parsed to String/Long/Double/Boolean/null/List/Map), exactly as PyRadiomics used it
 * @param imageTypes   the column's {@code diagnostics_Configuration_EnabledImageTypes} dict
 * @param imageFile    {@code pyradiomics/<testCase>_image.nrrd}
 * @param maskFile     {@code pyradiomics/<testCase>_label.nrrd}
 * @param image        the image as read (a copy)
 * @param mask         the label map as read (a copy; the label to use is {@code settings.label}, default 1)
 * @param featureNames the feature rows of that class with a value in that column
 */
public record PyRadiomicsRequest(String column, String testCase, String featureClass, Map<String, Object> settings,
                                 Map<String, Object> imageTypes, Path imageFile, Path maskFile, Volume image, Mask mask,
                                 List<String> featureNames) {
}
