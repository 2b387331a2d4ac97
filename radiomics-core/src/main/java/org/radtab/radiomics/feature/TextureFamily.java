package org.radtab.radiomics.feature;

import java.util.LinkedHashMap;

/**
 * A texture feature family (GLCM, GLRLM, GLSZM, GLDZM, NGTDM, NGLDM/GLDM). Each implementation
 * builds its matrices once per image and aggregation and derives all its features from them;
 * each feature is a small method whose Javadoc states its formula.
 */
public interface TextureFamily {

    /** PyRadiomics feature class name ({@code glcm}, {@code glrlm}, {@code glszm}, {@code gldm}, {@code ngtdm}), or null. */
    String pyradiomicsName();

    /** IBSI tag prefix ({@code cm}, {@code rlm}, {@code szm}, {@code dzm}, {@code ngt}, {@code ngl}). */
    String ibsiPrefix();

    /**
     * PyRadiomics semantics: feature name (without image type or class prefix, e.g.
     * {@code JointEnergy}) to value, in PyRadiomics' default output order. Undefined values
     * follow PyRadiomics (see each feature's Javadoc).
     */
    LinkedHashMap<String, Double> pyradiomics(GreyLevelImage image, TextureOptions options);

    /**
     * IBSI semantics: full tag (e.g. {@code cm_joint_max_3D_avg}) to value, for every
     * aggregation in {@code options.aggregations()} that applies to this family.
     */
    LinkedHashMap<String, Double> ibsi(GreyLevelImage image, TextureOptions options);
}
