/**
 * Convolutional image filters on {@link org.radtab.radiomics.image.Volume}, in double precision and
 * physical units, each returning a new volume on the input's geometry.
 *
 * <h2>Building blocks</h2>
 * <ul>
 *   <li>{@link org.radtab.radiomics.filter.BoundaryCondition}: zero, nearest, periodic, mirror with
 *       the edge voxel repeated (IBSI "mirror" = numpy "symmetric" = scipy "reflect").</li>
 *   <li>{@link org.radtab.radiomics.filter.Kernel1D} and
 *       {@link org.radtab.radiomics.filter.SeparableConvolution}: 1D convolution along x, y or z
 *       (convolution, not correlation), 2D = axial slices (x and y passes only).</li>
 *   <li>{@link org.radtab.radiomics.filter.RightAngleRotations} and
 *       {@link org.radtab.radiomics.filter.Pooling}: IBSI rotation invariance.</li>
 * </ul>
 *
 * <h2>IBSI 2 filters</h2>
 * {@link org.radtab.radiomics.filter.MeanFilter},
 * {@link org.radtab.radiomics.filter.LaplacianOfGaussian} (sampled kernel, 4 sigma),
 * {@link org.radtab.radiomics.filter.LawsFilter},
 * {@link org.radtab.radiomics.filter.IbsiWaveletFilter} (undecimated separable wavelets, "a trous"
 * levels, mean pooling over 24 rotations), {@link org.radtab.radiomics.filter.GaborFilter} (modulus
 * of the complex Gabor response in 2D planes, by FFT; orientation banks, orthogonal planes),
 * {@link org.radtab.radiomics.filter.SimoncelliFilter} (isotropic band-pass in the frequency domain)
 * and {@link org.radtab.radiomics.filter.RieszFilter} (Riesz transform of another filter's response). {@link org.radtab.radiomics.filter.Ibsi2Phase1} maps the
 * phase-1 test ids and {@link org.radtab.radiomics.filter.Ibsi2Phase2} the phase-2 filter numbers
 * to these filters.
 *
 * <h2>PyRadiomics image types</h2>
 * {@code LoG}: {@link org.radtab.radiomics.filter.RecursiveLaplacianOfGaussian} (ITK's recursive
 * Gaussian, scale-normalised); {@code Wavelet}: {@link org.radtab.radiomics.filter.PyRadiomicsWavelet}
 * on PyWavelets' {@code swtn} ({@link org.radtab.radiomics.filter.StationaryWaveletTransform});
 * {@code Gradient}: {@link org.radtab.radiomics.filter.GradientMagnitude}; {@code Square},
 * {@code SquareRoot}, {@code Logarithm}, {@code Exponential}:
 * {@link org.radtab.radiomics.filter.IntensityTransform}.
 *
 * <h2>Wavelet filter banks</h2>
 * {@link org.radtab.radiomics.filter.Wavelet}: haar, db1-db10 (derived by spectral factorisation),
 * sym2-sym10 and coif1-coif5 (published tables).
 */
package org.radtab.radiomics.filter;
