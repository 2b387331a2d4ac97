package org.radtab.radiomics.feature;

/**
 * How the marching-cubes surface mesh of a binary ROI resolves ambiguous cube faces (a face whose
 * two ROI corners lie on a diagonal). Both conventions place every vertex at the midpoint of a cube
 * edge between an ROI and a non-ROI voxel (iso-level 0.5 on the mask padded by one voxel) and agree
 * on every unambiguous cube; they differ only where a face is ambiguous.
 *
 * <ul>
 *   <li>{@link #PYRADIOMICS}: PyRadiomics 3. Its lookup table stores the 128 cube indices whose
 *       corner 7 is outside the ROI; for those, ambiguous faces separate the ROI corners. A cube
 *       with corner 7 inside is complemented (index XOR 255) and looked up there, so its
 *       ambiguous faces <em>connect</em> the ROI corners. Adjacent cubes can therefore disagree on
 *       a shared face and the mesh may have small holes; its volume is then the signed
 *       tetrahedron sum with the origin at the padded bounding box's first voxel, exactly as
 *       PyRadiomics computes it. Reproduces PyRadiomics' MeshVolume and SurfaceArea.</li>
 *   <li>{@link #CONSISTENT}: ambiguous faces always separate the ROI corners (the ROI is treated
 *       as 6-connected across faces). The decision depends on the face alone, so adjacent cubes
 *       agree, the mesh is closed and consistently oriented, and every feature is invariant to
 *       90-degree rotations and flips. Used for the IBSI profile (the IBSI manual does not fix a
 *       marching-cubes variant; both conventions meet the IBSI 1 reference values).</li>
 * </ul>
 */
public enum MeshConvention {
    PYRADIOMICS,
    CONSISTENT
}
