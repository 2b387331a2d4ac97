/**
 * Image preprocessing before feature extraction: interpolation, normalisation, re-segmentation,
 * ROI checks and grey-level discretisation, in the two conventions RadTab supports.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.radtab.radiomics.preprocess.IbsiPreprocessing}: IBSI 1 processing (centred
 *       interpolation grid, rounding, partial-volume mask threshold, range and outlier
 *       re-segmentation) giving a {@link org.radtab.radiomics.feature.RoiImage} with the
 *       morphological and the intensity mask; settings of the IBSI CT phantom configurations A-E.</li>
 *   <li>{@link org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing}: PyRadiomics 3
 *       preprocessing ({@code normalize}, {@code resampledPixelSpacing} with SimpleITK's
 *       interpolators on PyRadiomics' corner-aligned grid, {@code preCrop}, {@code checkMask},
 *       {@code resegmentRange}), giving the padded image for the filters plus the working bounding
 *       box that crops any filter response to a {@code RoiImage}.</li>
 *   <li>{@link org.radtab.radiomics.preprocess.Discretiser}: fixed bin width / bin count
 *       (PyRadiomics) and fixed bin size / bin number (IBSI).</li>
 * </ul>
 *
 * <h2>Building blocks</h2>
 * {@link org.radtab.radiomics.preprocess.Resampler} (separable resampling of volumes and label
 * masks), {@link org.radtab.radiomics.preprocess.Interpolator} (nearest, linear, cubic B-spline as
 * ITK and as scipy/IBSI), {@link org.radtab.radiomics.preprocess.SamplingConvention} (ITK or IBSI
 * position arithmetic and out-of-grid rule), {@link org.radtab.radiomics.preprocess.OutputCast}
 * (IBSI rounding, SimpleITK integer truncation), {@link org.radtab.radiomics.preprocess.ResamplingGrid},
 * {@link org.radtab.radiomics.preprocess.Normalisation},
 * {@link org.radtab.radiomics.preprocess.Resegmentation},
 * {@link org.radtab.radiomics.preprocess.RoiCheck} and
 * {@link org.radtab.radiomics.preprocess.InvalidRoiException}.
 *
 * <h2>IBSI and PyRadiomics side by side</h2>
 * <table>
 *   <caption>Differences between the two conventions</caption>
 *   <tr><th></th><th>IBSI</th><th>PyRadiomics</th></tr>
 *   <tr><td>grid</td><td>whole image, centres aligned, {@code ceil(n s / s')} voxels</td>
 *       <td>ROI box + padDistance, outer corners aligned, clipped to the image</td></tr>
 *   <tr><td>outside the source</td><td>edge values extended</td><td>0 beyond half a voxel</td></tr>
 *   <tr><td>cubic spline</td><td>scipy order 3, {@code mode='nearest'}</td><td>ITK, mirror boundary</td></tr>
 *   <tr><td>intensities</td><td>rounded to integers (CT)</td><td>truncated toward zero for integer
 *       pixel types (SimpleITK cast), else kept</td></tr>
 *   <tr><td>mask</td><td>0/1 interpolated (linear), kept where {@code >= 0.5}</td>
 *       <td>nearest neighbour, all labels</td></tr>
 *   <tr><td>re-segmentation</td><td>range and/or {@code mu +- 3 sigma}, intersection</td>
 *       <td>one mode: absolute, relative or sigma; shape mask cropped to the new box</td></tr>
 *   <tr><td>fixed bin width origin</td><td>range lower bound or ROI minimum</td>
 *       <td>{@code w floor(min / w)}</td></tr>
 * </table>
 *
 * <p>Conformance (tests in this package): IBSI 1 CT phantom configurations A-E, 60/60 diagnostic
 * rows each; PyRadiomics baseline {@code _resampling} diagnostics of brain1, brain2 and breast1
 * identical (grid sizes, bounding boxes, voxel counts, interpolated-image and ROI statistics).
 */
package org.radtab.radiomics.preprocess;
