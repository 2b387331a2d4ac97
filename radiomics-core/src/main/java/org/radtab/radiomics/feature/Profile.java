package org.radtab.radiomics.feature;

/**
 * Which convention a feature computation follows.
 *
 * <ul>
 *   <li>{@link #PYRADIOMICS}: PyRadiomics 3 semantics and names ({@code original_glcm_JointEnergy}).</li>
 *   <li>{@link #IBSI}: IBSI 1 definitions and tags ({@code cm_joint_max_3D_avg}).</li>
 * </ul>
 *
 * <p>The table of every difference between the two is kept in the README ("Profiles") and is
 * the single place where they are listed; each row is covered by a test on both sides.
 */
public enum Profile {
    PYRADIOMICS,
    IBSI
}
