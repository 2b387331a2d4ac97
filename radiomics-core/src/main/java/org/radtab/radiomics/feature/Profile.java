package org.radtab.radiomics.feature;

/**
 * Which convention a feature computation follows.
 *
 * <ul>
 *   <li>{@link #PYRADIOMICS}: PyRadiomics 3 semantics and names ({@code original_glcm_JointEnergy}):
 *       {@link org.radtab.radiomics.FeatureExtractor},
 *       {@link org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing}, the {@code pyradiomics*}
 *       rules of {@link org.radtab.radiomics.preprocess.Discretiser} and the {@code pyradiomics(...)}
 *       methods of the families.</li>
 *   <li>{@link #IBSI}: IBSI 1 definitions and tags ({@code cm_joint_max_3D_avg}):
 *       {@link org.radtab.radiomics.IbsiExtractor},
 *       {@link org.radtab.radiomics.preprocess.IbsiPreprocessing}, the {@code ibsi*} rules of
 *       {@code Discretiser} and the {@code ibsi(...)} methods of the families; IBSI 2 filters in
 *       {@code org.radtab.radiomics.filter}.</li>
 * </ul>
 *
 * <h2>Every difference between the two profiles</h2>
 * This table is the single list of differences (the README and {@code docs/PROFILES.md} carry a
 * copy). Each row is covered by the test {@code ProfileDifferencesTest#rowNN...}, which runs both
 * sides on one hand-computed phantom; the further tests named check one side, some against the
 * IBSI or PyRadiomics reference data. Notation: {@code m}, {@code M} = ROI minimum and maximum,
 * {@code w} = bin width, {@code N} = bin count, {@code r = s_old / s_new}, {@code L}, {@code S} =
 * lower index and size of the ROI bounding box, {@code eps = 2.220446049250313e-16}.
 *
 * <table>
 *   <caption>PyRadiomics and IBSI profiles side by side</caption>
 *   <tr><th>#</th><th>Aspect</th><th>PYRADIOMICS</th><th>IBSI</th><th>Tests</th></tr>
 *   <tr><td>1</td><td>Image normalisation</td>
 *       <td>{@code normalize}: whole image, before resampling: {@code (x - mu) / sigma} with the
 *       sample SD (divisor n - 1, n voxels), then {@code removeOutliers = k} clips at {@code +-k}, then times
 *       {@code normalizeScale}</td>
 *       <td>none (IBSI 1 defines no normalisation)</td>
 *       <td>row01; PreprocessingStepsTest#normalisationUsesTheSampleSdThenClipsThenScales,
 *       PreprocessingFacadesTest#ibsiWithoutInterpolationKeepsTheImage</td></tr>
 *   <tr><td>2</td><td>Interpolation grid</td>
 *       <td>ROI bounding box plus {@code padDistance} new voxels, clipped to the image; outer
 *       corners aligned: {@code L' = floor((L - 0.5) r - pad)}, {@code U' = ceil((L + S - 0.5) r + pad)};
 *       a 0 component, or an axis along which the ROI is one voxel thick, keeps the old spacing;
 *       a spacing equal to the image's only crops</td>
 *       <td>whole image, grid centres aligned, {@code n' = ceil(n s / s')}; a 0 component keeps
 *       the axis (2D in-plane interpolation)</td>
 *       <td>row02; ResamplingGridTest; PyRadiomicsBaselinePreprocessingTest#resamplingDiagnosticsMatch;
 *       IbsiCtPhantomDiagnosticsTest#diagnosticRowsPass</td></tr>
 *   <tr><td>3</td><td>Samples outside the source grid</td>
 *       <td>SimpleITK: 0 beyond half a voxel outside the outer voxel centres (the last voxel of
 *       the PyRadiomics grid can lie there); inside that band the kernel's boundary rule</td>
 *       <td>every point interpolated, border intensities extended (the IBSI grid itself stays
 *       within the half-voxel band)</td>
 *       <td>row03; ResamplerTest#nearestNeighbourRoundsHalvesUp, ResamplerTest#linearExtendsTheEdgeValue</td></tr>
 *   <tr><td>4</td><td>Cubic B-spline boundary</td>
 *       <td>{@code sitkBSpline}: ITK coefficients with whole-sample mirror boundaries</td>
 *       <td>scipy order 3, {@code mode='nearest'} (edge samples repeated), the convention of the
 *       IBSI reference values</td>
 *       <td>row04; ResamplerTest#itkSplineMirrorBoundaryByHand, ResamplerTest#ibsiSplineImpulseResponseByHand</td></tr>
 *   <tr><td>5</td><td>Intensities after interpolation</td>
 *       <td>cast back to the stored pixel type: integer types truncated toward zero (int16:
 *       -3.7 becomes -3), floating types kept; a normalised image is floating</td>
 *       <td>rounded to the nearest integer, halves to even (CT; -3.7 becomes -4), when the
 *       configuration asks for it</td>
 *       <td>row05; ResamplerTest#outputCasts, PreprocessingFacadesTest#pyradiomicsResamplingTruncatesIntegerSources</td></tr>
 *   <tr><td>6</td><td>Mask interpolation</td>
 *       <td>nearest neighbour (halves up) on the label map; all labels kept</td>
 *       <td>the 0/1 ROI interpolated (linear by default), kept where the fraction is
 *       {@code >= 0.5}</td>
 *       <td>row06; ResamplerTest#labelsAreResampledByNearestNeighbour,
 *       ResamplingPropertiesTest#maskThresholdIsMonotone</td></tr>
 *   <tr><td>7</td><td>ROI checks</td>
 *       <td>{@code InvalidRoiException} for a single voxel, fewer than {@code minimumROIDimensions}
 *       (default 2) axes of extent &gt; 1, at most {@code minimumROISize} voxels, or a
 *       re-segmentation leaving fewer than 2 voxels</td>
 *       <td>any non-empty ROI</td>
 *       <td>row07; PreprocessingStepsTest#roiChecks, PreprocessingStepsTest#pyradiomicsResegmentationNeedsTwoVoxels</td></tr>
 *   <tr><td>8</td><td>Re-segmentation</td>
 *       <td>{@code resegmentRange} in one {@code resegmentMode}: absolute, relative (times the
 *       ROI maximum) or sigma ({@code mu + k sigma}, population SD); one value is a lower
 *       bound</td>
 *       <td>range and outlier filter combined (intersection, configuration E): the range first,
 *       then {@code mu +- 3 sigma} (population SD) over the voxels it kept</td>
 *       <td>row08; PreprocessingStepsTest#outlierFilterUsesThePopulationSd,
 *       PreprocessingStepsTest#ibsiCombinedFiltersOnTheRangeSurvivors</td></tr>
 *   <tr><td>9</td><td>Shape mask after re-segmentation</td>
 *       <td>the mask before re-segmentation, cropped to the bounding box of the re-segmented
 *       mask ({@code resegmentShape: true}: the re-segmented mask)</td>
 *       <td>the morphological mask is never re-segmented, only the intensity mask</td>
 *       <td>row09; PreprocessingFacadesTest#pyradiomicsShapeMaskIsCroppedToTheResegmentedBox,
 *       ZoneFamiliesIbsiTest#ctPhantomConfigurationANeedsTheMorphologicalMaskForZoneDistances</td></tr>
 *   <tr><td>10</td><td>Fixed bin width origin</td>
 *       <td>{@code binWidth}: bins anchored at multiples of {@code w}, origin
 *       {@code w floor(m / w)} (7, 12, 31 with w = 10: levels 1, 2, 4)</td>
 *       <td>fixed bin size: origin = lower re-segmentation bound, else {@code m};
 *       {@code floor((x - origin) / w) + 1} (levels 1, 1, 3)</td>
 *       <td>row10; DiscretiserTest#pyradiomicsBinWidthAnchorsAtMultiplesOfTheWidth,
 *       DiscretiserTest#ibsiBinSizeFromTheRangeLowerBound, DiscretiserTest#ibsiBinSizeFromTheRoiMinimum</td></tr>
 *   <tr><td>11</td><td>Fixed bin number rule</td>
 *       <td>{@code binCount}: NumPy histogram edges {@code m + k (M - m) / N}, a value on an
 *       edge goes up, {@code M} in bin N; a flat ROI lands in bin {@code floor(N / 2) + 1}</td>
 *       <td>{@code floor(N (x - m) / (M - m)) + 1}, N for {@code M}; a flat ROI gets 1. Equal in
 *       exact arithmetic; a value on an edge can differ by rounding (0.3 of [0, 1], N = 10: 3
 *       vs 4)</td>
 *       <td>row11; DiscretiserTest#pyradiomicsBinCountUsesHistogramEdges,
 *       DiscretiserTest#pyradiomicsBinCountFlatRoiLandsInTheMiddleBin, DiscretiserTest#ibsiBinNumber</td></tr>
 *   <tr><td>12</td><td>Number of grey levels {@code N_g}</td>
 *       <td>the highest level present (GLCM Idn, Idmn)</td>
 *       <td>the number of bins of the discretisation ({@link GreyLevelImage#numLevels()}): N for
 *       fixed bin number even when top bins are empty (a flat ROI), the highest level present
 *       for fixed bin size and as-is levels; used by inv_diff_norm, inv_diff_mom_norm and the
 *       (non-sparse) intensity histogram</td>
 *       <td>row12</td></tr>
 *   <tr><td>13</td><td>Kurtosis</td>
 *       <td>Kurtosis {@code m4 / m2^2}</td>
 *       <td>stat_kurt, ih_kurt: excess {@code m4 / m2^2 - 3}; a flat ROI gives 0 in both
 *       profiles</td>
 *       <td>row13; FirstOrderFamilyTest#handComputedPyradiomicsValues,
 *       FirstOrderFamilyTest#handComputedIbsiValues, FirstOrderFamilyTest#flatRoi</td></tr>
 *   <tr><td>14</td><td>{@code voxelArrayShift}, energy</td>
 *       <td>Energy {@code sum (x + c)^2}, RootMeanSquared with {@code x + c} ({@code c} =
 *       {@code voxelArrayShift}, default 0); TotalEnergy = voxel volume times Energy</td>
 *       <td>no shift: stat_energy {@code sum x^2}, stat_rms; no total energy</td>
 *       <td>row14; FirstOrderFamilyTest#handComputedPyradiomicsValues, FirstOrderFamilyTest#handComputedIbsiValues</td></tr>
 *   <tr><td>15</td><td>Logarithms</td>
 *       <td>{@code log2(p + eps)} in every entropy and in Imc1/Imc2 (one grey level:
 *       JointEntropy {@code -log2(1 + eps) = -3.2e-16})</td>
 *       <td>{@code log2 p} with {@code 0 log 0 = 0} (one grey level: 0)</td>
 *       <td>row15; GlcmFamilyTest#singleGreyLevel, GlrlmFamilyTest#runsOfOneRow</td></tr>
 *   <tr><td>16</td><td>Aggregation: GLCM, GLRLM</td>
 *       <td>angles = offsets with Chebyshev norm in {@code distances} (GLRLM: 1), one of each
 *       {@code +-} pair, each component smaller than the bounding box; features per angle,
 *       empty angles dropped, NaN-ignoring mean (= IBSI 3D avg). {@code force2D}: in-plane angles
 *       with all slices pooled per angle (= IBSI 2.5D avg). {@code weightingNorm}: one matrix
 *       summed over angles with weights (GLCM {@code exp(-d^2)}, GLRLM {@code d};
 *       {@code no_weighting} = IBSI 3D comb). No per-slice aggregation</td>
 *       <td>six methods: {@code 2D_avg}, {@code 2D_comb}, {@code 2_5D_avg}, {@code 2_5D_comb},
 *       {@code 3D_avg}, {@code 3D_comb} ({@link Aggregation})</td>
 *       <td>row16; GlcmFamilyTest#weightingNorms, GlcmFamilyTest#force2DDimension,
 *       GlrlmFamilyTest#weightingNorms, GlrlmFamilyTest#ibsiRunPercentageOfMergedMatrices,
 *       GlcmGlrlmIbsiTest, GlcmGlrlmPyradiomicsBaselineTest</td></tr>
 *   <tr><td>17</td><td>Aggregation: GLSZM, GLDM/NGLDM, NGTDM</td>
 *       <td>one matrix: 3D, or with {@code force2D} the planes normal to {@code force2Ddimension}
 *       pooled (= IBSI 2.5D)</td>
 *       <td>{@code _2D} (per slice, averaged), {@code _2_5D} (slices merged), {@code _3D}</td>
 *       <td>row17; ZoneFamiliesPhantomTest#aggregationAveragesSlicesMergesThemOrWorksIn3d,
 *       ZoneFamiliesPhantomTest#diagonalNeighboursLinkIn3dAndWithinASliceOnly</td></tr>
 *   <tr><td>18</td><td>GLCM distance</td>
 *       <td>every offset with Chebyshev norm d (d = 2: 49 angles in 3D); several distances
 *       allowed</td>
 *       <td>the 13 (2D: 4) unit direction vectors times {@code delta}; one distance only</td>
 *       <td>row18; DirectionsTest#distancesSizeLimitAndForce2D, GlcmFamilyTest#ibsiOneSliceRoi</td></tr>
 *   <tr><td>19</td><td>GLCM symmetry</td>
 *       <td>{@code symmetricalGLCM} (default true) can be switched off</td>
 *       <td>always symmetric</td>
 *       <td>row19; GlcmFamilyTest#symmetricalGlcmSetting</td></tr>
 *   <tr><td>20</td><td>GLCM undefined values</td>
 *       <td>{@code sigma_x sigma_y = 0}: Correlation 1 (else divided by
 *       {@code sigma_x sigma_y + eps}); {@code max(HX, HY) = 0}: Imc1 0; fewer than 2 levels: MCC 1</td>
 *       <td>correlation NaN when {@code sigma = 0}, info_corr1 NaN when {@code HX = 0}; NaN
 *       values are left out of the averages</td>
 *       <td>row20; GlcmFamilyTest#singleGreyLevel, GlcmFamilyTest#emptyMatrixGivesNaN</td></tr>
 *   <tr><td>21</td><td>GLRLM directions without runs</td>
 *       <td>a direction in which no line through the bounding box holds two ROI voxels is
 *       cleared and dropped; a single voxel: NaN</td>
 *       <td>every ROI voxel is a run in every direction (runs of length 1 count); a single
 *       voxel: sre 1</td>
 *       <td>row21; GlrlmFamilyTest#degenerateDirectionsAreDropped, GlrlmFamilyTest#singleVoxel</td></tr>
 *   <tr><td>22</td><td>NGTDM</td>
 *       <td>{@code n_i} counts every ROI voxel, one without a neighbour adds {@code s = 0} (a
 *       single voxel: coarseness {@code 10^6}, the rest 0); neighbours at the Chebyshev
 *       distances in {@code distances}</td>
 *       <td>{@code n_i} counts voxels with a neighbour in the ROI; none: all five NaN;
 *       neighbours within Chebyshev {@code delta = max(distances)}</td>
 *       <td>row22; ZoneFamiliesPhantomTest#ngtdmIsolatedVoxelCountsOnlyInPyradiomics,
 *       ZoneFamiliesPhantomTest#oneVoxel</td></tr>
 *   <tr><td>23</td><td>GLDM / NGLDM</td>
 *       <td>{@code gldm}: neighbours at the Chebyshev distances in {@code distances},
 *       {@code alpha} = {@code gldm_a}; 14 features</td>
 *       <td>{@code ngl}: neighbours within Chebyshev {@code delta}, {@code alpha} =
 *       {@link TextureOptions#ngldmAlpha()}; 17 features (also glnu_norm, dc_perc, dc_energy)</td>
 *       <td>row23; ZoneFamiliesPhantomTest#dependenceCoarsenessAndDistances</td></tr>
 *   <tr><td>24</td><td>GLDZM</td>
 *       <td>none</td>
 *       <td>{@code dzm}: zones of the intensity mask, distances to the edge of the
 *       morphological mask</td>
 *       <td>row24; ZoneFamiliesPhantomTest#distanceZonesUseTheMorphologicalMask, ZoneFamiliesIbsiTest</td></tr>
 *   <tr><td>25</td><td>Surface mesh</td>
 *       <td>{@link MeshConvention#PYRADIOMICS}: a cube with corner p7 in the ROI uses the
 *       complemented table entry, so its ambiguous faces connect the ROI corners while other
 *       cubes separate them: the mesh can be open and depends on orientation</td>
 *       <td>{@link MeshConvention#CONSISTENT}: ambiguous faces always separate the ROI corners;
 *       closed, oriented, rotation invariant</td>
 *       <td>row25; ShapeFamilyTest#consistentMeshIsClosedAndOrientedForEveryCubeConfiguration,
 *       ShapeRotationPropertiesTest, PyradiomicsBaselineShapeFirstOrderTest#shape</td></tr>
 *   <tr><td>26</td><td>PCA covariance</td>
 *       <td>divisor n, the number of voxels (axis lengths, elongation, flatness)</td>
 *       <td>divisor n - 1 (as the digital-phantom reference values need), also for the
 *       enclosing-ellipsoid densities</td>
 *       <td>row26; ShapeFamilyTest#pcaAxesOfABox, IbsiDigitalPhantomShapeIntensityTest#morphology</td></tr>
 *   <tr><td>27</td><td>Names</td>
 *       <td>{@code <imageType>_<class>_<Feature>}: original_glcm_JointEnergy,
 *       original_firstorder_Kurtosis, log-sigma-1-0-mm-3D_glszm_ZonePercentage</td>
 *       <td>{@code <family>_<feature>[_<aggregation>]}: cm_energy_3D_avg, stat_kurt,
 *       szm_z_perc_2_5D, morph_vol_approx</td>
 *       <td>row27; ShapeFamilyTest#pyradiomicsNamesInDefaultOrder, ZoneFamiliesPhantomTest#namesAndPrefixes</td></tr>
 *   <tr><td>28</td><td>Features of one profile only</td>
 *       <td>TotalEnergy; first-order Entropy and Uniformity (of the grey levels);
 *       Maximum2DDiameterSlice/Column/Row; GLCM MCC; class {@code shape2D}</td>
 *       <td>stat_medad, stat_cov, stat_qcod; local intensity; intensity histogram;
 *       intensity-volume histogram; morph_comp_1/2, sph_dispr, asphericity, com, integ_int,
 *       moran_i, geary_c, AABB / ellipsoid / convex-hull densities; cm_sum_var,
 *       cm_dissimilarity; GLDZM; ngl_glnu_norm, dc_perc, dc_energy</td>
 *       <td>row28; LocalIntensityFamilyTest, IntensityHistogramAndVolumeHistogramTest,
 *       SpatialAutocorrelationTest, Shape2DFamilyTest</td></tr>
 *   <tr><td>29</td><td>Image filters</td>
 *       <td>image types: LoG = recursive Gaussian (SimpleITK), {@code sigma^2} times the Laplacian,
 *       edges extended; Wavelet = PyWavelets {@code swtn} level 1 repeated (no dilation),
 *       periodic padding, no rotation pooling; Gradient, Square, SquareRoot, Logarithm,
 *       Exponential</td>
 *       <td>IBSI 1: none. IBSI 2 ({@code filter} package): sampled LoG truncated at 4 sigma,
 *       {@code h^2} times the Laplacian (voxel units), chosen boundary; "a trous" wavelets
 *       pooled over 24 rotations; mean, Laws, Gabor (2D planes, by FFT), Simoncelli and Riesz (frequency domain)</td>
 *       <td>row29; RecursiveLaplacianOfGaussianTest, LaplacianOfGaussianTest, PyRadiomicsWaveletTest,
 *       IbsiWaveletFilterTest, Ibsi2Phase1ConformanceTest</td></tr>
 * </table>
 *
 * <h2>The same in both</h2>
 * Checked by {@code ProfileDifferencesTest#sharedConventions} and the family tests: NumPy's
 * linear percentile rule (IBSI digital phantom P90 = 4); population central moments and
 * variance; the closed interval {@code [P10, P90]} of the robust mean absolute deviation;
 * absent grey levels add nothing and features use the true level values; NGTDM coarseness
 * {@code 10^6} when {@code sum p_i s_i = 0}, contrast and busyness 0 for one level; the
 * dependence count includes the centre voxel ({@code j >= 1}); zones are 26-connected in 3D and
 * 8-connected in a plane; mesh vertices at edge midpoints, so VoxelVolume = morph_vol_approx and
 * Maximum3DDiameter = morph_diam always (the diameter uses the vertex set, not the triangles), and
 * MeshVolume = morph_volume, SurfaceArea = morph_area_mesh when no cube has an ambiguous face; a
 * flat ROI has skewness and kurtosis 0.
 */
public enum Profile {
    PYRADIOMICS,
    IBSI
}
