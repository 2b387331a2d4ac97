package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.preprocess.IbsiPreprocessing;
import org.radtab.radiomics.preprocess.Interpolator;
import org.radtab.radiomics.preprocess.InvalidRoiException;
import org.radtab.radiomics.preprocess.Normalisation;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing;
import org.radtab.radiomics.preprocess.Resampler;
import org.radtab.radiomics.preprocess.ResamplingGrid;
import org.radtab.radiomics.preprocess.Resegmentation;
import org.radtab.radiomics.preprocess.SamplingConvention;

/**
 * One test per row of the table of differences in {@link Profile} (and {@code docs/PROFILES.md}):
 * each test runs the PyRadiomics side and the IBSI side on the same small phantom and asserts both
 * against values worked out by hand or from the defining formula (the arithmetic is in the
 * comments); none is copied from the code's output. The last test pins the conventions the two
 * profiles share, so that the table stays the complete list of differences.
 */
class ProfileDifferencesTest {
    /** NumPy's {@code spacing(1)}, which PyRadiomics adds inside its logarithms. */
    private static final double EPS = 2.220446049250313e-16;
    private static final double LN2 = Math.log(2);
    private static final TextureOptions DEFAULTS = TextureOptions.defaults();
    private static final double TOL = 1e-12;

    // ---- phantoms ------------------------------------------------------------------------------

    /** A row of voxels along x, all in the ROI. */
    private static RoiImage row(double sx, double sy, double sz, double... values) {
        boolean[] m = new boolean[values.length];
        Arrays.fill(m, true);
        return new RoiImage(Volume.wrap(Geometry.of(values.length, 1, 1, sx, sy, sz), values.clone()), m);
    }

    /** A line volume along x with isotropic spacing. */
    private static Volume line(double spacing, double... values) {
        return Volume.wrap(Geometry.of(values.length, 1, 1, spacing, spacing, spacing), values.clone());
    }

    /** Grey levels in flat index order {@code i + nx (j + ny k)} (0 = outside) with a given N_g. */
    private static GreyLevelImage levelsNg(int numLevels, int nx, int ny, int nz, int... l) {
        return new GreyLevelImage(l.clone(), new int[] {nx, ny, nz}, new double[] {1, 1, 1}, numLevels);
    }

    /** Grey levels with N_g = the highest level present. */
    private static GreyLevelImage levels(int nx, int ny, int nz, int... l) {
        return levelsNg(Arrays.stream(l).max().orElse(1), nx, ny, nz, l);
    }

    /** The value at continuous x index {@code c} of a line volume (spacing s, origin 0). */
    private static double valueAt(Volume src, double c, Interpolator interp, SamplingConvention conv, OutputCast cast) {
        double s = src.geometry().spacing(0);
        Geometry t = Geometry.of(new int[] {1, 1, 1}, src.geometry().spacing(), new double[] {c * s, 0, 0});
        return Resampler.resample(src, t, interp, conv, cast).data()[0];
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean x : b) {
            c += x ? 1 : 0;
        }
        return c;
    }

    private static int[] levelsOf(GreyLevelImage g) {
        return g.levels().clone();
    }

    private static double log2(double x) {
        return Math.log(x) / LN2;
    }

    // ---- 1. image normalisation ------------------------------------------------------------------

    /**
     * Whole image 1, 2, 3, 4, 10: mean 4, sample variance 50 / 4 = 12.5. PyRadiomics
     * {@code normalize} with {@code removeOutliers} 1.5 and {@code normalizeScale} 100 maps x to
     * {@code 100 clip((x - 4) / sqrt(12.5), -1.5, 1.5)} (10 gives 1.697, clipped); IBSI 1 has no
     * normalisation step and leaves the image as it is.
     */
    @Test
    void row01ImageNormalisation() {
        double[] x = {1, 2, 3, 4, 10};
        Geometry g = Geometry.of(5, 1, 1, 1, 1, 1);
        Mask mask = Mask.wrap(g, new int[] {0, 1, 1, 1, 0});
        double sd = Math.sqrt(50.0 / 4);
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = 100 * Math.max(-1.5, Math.min(1.5, (x[i] - 4) / sd));
        }
        assertEquals(150, expected[4], 0);
        PyRadiomicsPreprocessing.Result py = PyRadiomicsPreprocessing.run(Volume.wrap(g, x), mask,
            PyRadiomicsPreprocessing.Settings.defaults().withNormalisation(100, 1.5).withRoiChecks(1, 0));
        assertArrayEquals(expected, py.image().data(), TOL);
        assertArrayEquals(expected, Normalisation.pyradiomics(Volume.wrap(g, x), 100, 1.5, OutputCast.NONE).data(),
            TOL);

        IbsiPreprocessing.Result ibsi = IbsiPreprocessing.run(Volume.wrap(g, x), mask, IbsiPreprocessing.Settings.none());
        assertArrayEquals(x, ibsi.image().data(), 0);
    }

    // ---- 2. interpolation grid -------------------------------------------------------------------

    /**
     * 5 voxels of 3 mm along x (one voxel of 3 mm along y and z), resampled to 2 mm.
     * IBSI: {@code n_b = ceil(5 * 3 / 2) = 8}, first point at source index
     * {@code (4 - (2/3) 7) / 2 = -1/3} = -1 mm, so the new centre (-1 + 7 = 6 mm) is the old one
     * (4 * 3 / 2 = 6 mm); y and z: {@code ceil(3 / 2) = 2} points at -1 mm and 1 mm. PyRadiomics
     * (ROI = the whole row, padDistance 0): y and z, along which the ROI is one voxel thick, keep
     * 3 mm; x: {@code r = 1.5}, {@code L = max(0, floor(-0.5 * 1.5)) = 0},
     * {@code U = min(ceil(7.5) - 1, ceil(4.5 * 1.5)) = 7}, 8 points from source index
     * {@code 0.5 (2 - 3) / 3 = -1/6} = -0.5 mm: the outer corners coincide (-0.5 - 1 = -1.5 mm).
     * A 2-voxel ROI (x = 4..5) in a 10-voxel row with padDistance 1: PyRadiomics keeps the ROI
     * box plus padding, {@code L = floor(3.5 * 1.5 - 1) = 4}, {@code U = ceil(5.5 * 1.5 + 1) = 10}:
     * 7 points from index {@code -1/6 + 4 / 1.5 = 2.5} (7.5 mm); IBSI grids the whole image:
     * {@code ceil(30 / 2) = 15} points from {@code (9 - (2/3) 14) / 2 = -1/6} (-0.5 mm).
     */
    @Test
    void row02InterpolationGrid() {
        Geometry g = Geometry.of(5, 1, 1, 3, 3, 3);
        Geometry ibsi = ResamplingGrid.ibsi(g, new double[] {2, 2, 2});
        assertArrayEquals(new int[] {8, 2, 2}, ibsi.size());
        assertArrayEquals(new double[] {2, 2, 2}, ibsi.spacing(), 0);
        assertArrayEquals(new double[] {-1, -1, -1}, ibsi.origin(), TOL);

        BoundingBox whole = new BoundingBox(new int[] {0, 0, 0}, new int[] {4, 0, 0});
        Geometry py = ResamplingGrid.pyradiomics(g, whole, new double[] {2, 2, 2}, 0);
        assertArrayEquals(new double[] {2, 3, 3}, py.spacing(), 0);
        assertArrayEquals(new int[] {8, 1, 1}, py.size());
        assertArrayEquals(new double[] {-0.5, 0, 0}, py.origin(), TOL);

        Geometry g10 = Geometry.of(10, 1, 1, 3, 3, 3);
        BoundingBox two = new BoundingBox(new int[] {4, 0, 0}, new int[] {5, 0, 0});
        Geometry py10 = ResamplingGrid.pyradiomics(g10, two, new double[] {2, 0, 0}, 1);
        assertArrayEquals(new int[] {7, 1, 1}, py10.size());
        assertEquals(7.5, py10.origin()[0], TOL);
        Geometry ibsi10 = ResamplingGrid.ibsi(g10, new double[] {2, 0, 0});
        assertArrayEquals(new int[] {15, 1, 1}, ibsi10.size());
        assertEquals(-0.5, ibsi10.origin()[0], TOL);
    }

    // ---- 3. samples outside the source grid --------------------------------------------------------

    /**
     * The PyRadiomics grid of row 2 on the line 10, 20, 30, 40, 50 (3 mm): its last point (13.5 mm)
     * lies at source index 4.5, outside the half-voxel band {@code [-0.5, 4.5)}, and SimpleITK
     * writes the default value 0 there; the first (index -1/6, inside the band) is the edge value
     * 10. Under the IBSI convention the same point takes the edge value 50 (the manual recommends
     * extending the border intensities).
     */
    @Test
    void row03SamplesOutsideTheSourceGrid() {
        Volume src = line(3, 10, 20, 30, 40, 50);
        BoundingBox whole = new BoundingBox(new int[] {0, 0, 0}, new int[] {4, 0, 0});
        Geometry grid = ResamplingGrid.pyradiomics(src.geometry(), whole, new double[] {2, 0, 0}, 0);
        double[] itk = Resampler.resample(src, grid, Interpolator.LINEAR, SamplingConvention.ITK, OutputCast.NONE).data();
        assertEquals(10, itk[0], TOL);
        assertEquals(0, itk[7], 0);
        double[] ibsi = Resampler.resample(src, grid, Interpolator.LINEAR, SamplingConvention.IBSI, OutputCast.NONE)
            .data();
        assertEquals(10, ibsi[0], TOL);
        assertEquals(50, ibsi[7], TOL);
        // the IBSI grid itself stays inside the band: its last point lies at index -1/3 + 7 (2/3) = 13/3 < 4.5
        Geometry ibsiGrid = ResamplingGrid.ibsi(src.geometry(), new double[] {2, 0, 0});
        double last = src.geometry().physicalToIndex(ibsiGrid.origin()[0] + 7 * 2, 0, 0)[0];
        assertEquals(13.0 / 3, last, TOL);
    }

    // ---- 4. cubic B-spline boundary ----------------------------------------------------------------

    /**
     * The line 0, 6, 0 half-way between samples 0 and 1 (index 0.5). ITK ({@code sitkBSpline}):
     * the whole-sample mirror extension is ..., 6, 0, 6, 0, ... whose interpolating coefficients
     * are {@code c_k = 3 - 9 (-1)^k}; the cubic weights at t = 1/2 are (1, 23, 23, 1) / 48, so
     * {@code (12 - 138 + 276 - 6) / 48 = 3}, and mirror symmetry gives s(-1/4) = s(1/4) =
     * {@code (12 * 27 - 6 * 235 + 12 * 121 - 6) / 384 = 0.9375}. IBSI (scipy order 3,
     * {@code mode='nearest'}): the edge zeros extend the line, so it is an impulse of 6 whose
     * coefficients are {@code 6 sqrt(3) z^|k - 1|}, {@code z = sqrt(3) - 2}:
     * {@code 6 sqrt(3) (z^2 + 23 z + 23 + z) / 48 = (60 - 18 sqrt(3)) / 8 = 3.6029}.
     */
    @Test
    void row04CubicSplineBoundary() {
        Volume src = line(1, 0, 6, 0);
        assertEquals(3.0, valueAt(src, 0.5, Interpolator.BSPLINE_ITK, SamplingConvention.ITK, OutputCast.NONE), TOL);
        assertEquals(0.9375, valueAt(src, 0.25, Interpolator.BSPLINE_ITK, SamplingConvention.ITK, OutputCast.NONE),
            TOL);
        assertEquals(0.9375, valueAt(src, -0.25, Interpolator.BSPLINE_ITK, SamplingConvention.ITK, OutputCast.NONE),
            TOL);
        double z = Math.sqrt(3) - 2;
        double impulse = 6 * Math.sqrt(3) * (z * z + 23 * z + 23 + z) / 48;
        assertEquals((60 - 18 * Math.sqrt(3)) / 8, impulse, TOL);
        assertEquals(impulse, valueAt(src, 0.5, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI, OutputCast.NONE),
            TOL);
    }

    // ---- 5. intensities after interpolation ------------------------------------------------------

    /**
     * Linear interpolation of the line -3, -4, 5 at index 0.7 gives -3.7 and at 1.85 gives
     * {@code -4 + 0.85 * 9 = 3.65}. PyRadiomics on an int16 image: SimpleITK casts back to the
     * stored type, truncating toward zero: -3 and 3. IBSI (CT): rounded to the nearest integer:
     * -4 and 4. Whole pipelines: the IBSI result with rounding and the PyRadiomics result of an
     * int16 source hold integers only, a float PyRadiomics source keeps fractions.
     */
    @Test
    void row05IntensitiesAfterInterpolation() {
        Volume src = line(1, -3, -4, 5);
        assertEquals(-3.7, valueAt(src, 0.7, Interpolator.LINEAR, SamplingConvention.ITK, OutputCast.NONE), TOL);
        assertEquals(-3, valueAt(src, 0.7, Interpolator.LINEAR, SamplingConvention.ITK, OutputCast.INT16), 0);
        assertEquals(-4, valueAt(src, 0.7, Interpolator.LINEAR, SamplingConvention.IBSI, OutputCast.ROUND), 0);
        assertEquals(3, valueAt(src, 1.85, Interpolator.LINEAR, SamplingConvention.ITK, OutputCast.INT16), 0);
        assertEquals(4, valueAt(src, 1.85, Interpolator.LINEAR, SamplingConvention.IBSI, OutputCast.ROUND), 0);

        Geometry g = Geometry.of(6, 6, 1, 3, 3, 3);
        double[] d = new double[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = (n * 37) % 23 - 11;
        }
        for (int j = 1; j <= 4; j++) {
            for (int i = 1; i <= 4; i++) {
                l[g.index(i, j, 0)] = 1;
            }
        }
        Volume image = Volume.wrap(g, d);
        Mask mask = Mask.wrap(g, l);
        double[] ibsi = IbsiPreprocessing.run(image, mask, IbsiPreprocessing.Settings.none()
            .withInterpolation(new double[] {2, 2, 0}, Interpolator.LINEAR, true)).image().data();
        assertTrue(Arrays.stream(ibsi).allMatch(v -> v == Math.rint(v)));
        PyRadiomicsPreprocessing.Settings s = PyRadiomicsPreprocessing.Settings.defaults()
            .withResampling(new double[] {2, 2, 0}, Interpolator.LINEAR);
        double[] int16 = PyRadiomicsPreprocessing.run(image, mask, s.withSourcePixelType(OutputCast.INT16)).image()
            .data();
        assertTrue(Arrays.stream(int16).allMatch(v -> v == Math.rint(v)));
        double[] dbl = PyRadiomicsPreprocessing.run(image, mask, s).image().data();
        assertTrue(Arrays.stream(dbl).anyMatch(v -> v != Math.rint(v)));
    }

    // ---- 6. mask interpolation ------------------------------------------------------------------

    /**
     * A 2 x 2 ROI (x, y = 1..2) in a 5 x 5 image of 3 mm, interpolated in-plane to 2 mm on the IBSI
     * grid: points at source index {@code -1/3 + (2/3) k}, k = 0..7 (no point falls half-way). The
     * linear ROI fraction is separable: per axis {@code f = (0, 1/3, 1, 1, 2/3, 0, 0, 0)}; IBSI keeps
     * {@code f_x f_y >= 0.5}: k in {2, 3, 4}^2 except (4, 4) (4/9): 8 voxels. PyRadiomics'
     * nearest neighbour (round half up) maps k = 2, 3, 4 to source 1, 2, 2, so it keeps all 9,
     * including the corner (4, 4) whose partial volume is 4/9. Other labels survive nearest
     * neighbour unchanged.
     */
    @Test
    void row06MaskInterpolation() {
        Geometry g = Geometry.of(5, 5, 1, 3, 3, 3);
        int[] l = new int[g.voxelCount()];
        for (int j = 1; j <= 2; j++) {
            for (int i = 1; i <= 2; i++) {
                l[g.index(i, j, 0)] = 1;
            }
        }
        l[g.index(4, 4, 0)] = 7;
        Mask mask = Mask.wrap(g, l);
        IbsiPreprocessing.Result ibsi = IbsiPreprocessing.run(Volume.zeros(g), mask, IbsiPreprocessing.Settings.none()
            .withInterpolation(new double[] {2, 2, 0}, Interpolator.LINEAR, false));
        Geometry grid = ibsi.roi().geometry();
        assertArrayEquals(new int[] {8, 8, 1}, grid.size());
        boolean[] morph = ibsi.roi().morphologicalMask();
        assertEquals(8, count(morph));
        assertFalse(morph[grid.index(4, 4, 0)]);
        assertTrue(morph[grid.index(2, 4, 0)] && morph[grid.index(4, 3, 0)]);

        Mask nn = Resampler.resampleLabels(mask, grid, SamplingConvention.ITK);
        assertEquals(9, nn.count(1));
        assertEquals(1, nn.get(4, 4, 0));
        assertEquals(7, nn.get(7, 7, 0)); // index 13/3 -> source 4
    }

    // ---- 7. ROI checks ---------------------------------------------------------------------------

    /**
     * PyRadiomics rejects a single-voxel ROI and, by default ({@code minimumROIDimensions} 2), an
     * ROI one voxel thin in two axes, and a re-segmentation that leaves fewer than 2 voxels; IBSI
     * processing takes any non-empty ROI.
     */
    @Test
    void row07RoiChecks() {
        Geometry g = Geometry.of(4, 3, 3, 1, 1, 1);
        Volume image = Volume.wrap(g, new double[g.voxelCount()]);
        int[] one = new int[g.voxelCount()];
        one[g.index(1, 1, 1)] = 1;
        assertThrows(InvalidRoiException.class, () -> PyRadiomicsPreprocessing.run(image, Mask.wrap(g, one),
            PyRadiomicsPreprocessing.Settings.defaults()));
        assertEquals(1, IbsiPreprocessing.run(image, Mask.wrap(g, one), IbsiPreprocessing.Settings.none()).roi()
            .morphologicalVoxelCount());

        int[] lineMask = new int[g.voxelCount()];
        for (int i = 0; i < 4; i++) {
            lineMask[g.index(i, 1, 1)] = 1;
        }
        assertThrows(InvalidRoiException.class, () -> PyRadiomicsPreprocessing.run(image, Mask.wrap(g, lineMask),
            PyRadiomicsPreprocessing.Settings.defaults()));
        assertEquals(4, PyRadiomicsPreprocessing.run(image, Mask.wrap(g, lineMask),
            PyRadiomicsPreprocessing.Settings.defaults().withRoiChecks(1, 0)).roi().intensityVoxelCount());
        assertEquals(4, IbsiPreprocessing.run(image, Mask.wrap(g, lineMask), IbsiPreprocessing.Settings.none()).roi()
            .intensityVoxelCount());

        Volume ramp = line(1, 1, 2, 3, 4);
        boolean[] all = {true, true, true, true};
        assertThrows(InvalidRoiException.class,
            () -> Resegmentation.pyradiomics(ramp, all, new double[] {4}, Resegmentation.Mode.ABSOLUTE));
        assertEquals(1, count(Resegmentation.ibsi(ramp, all, 4, Double.NaN, Double.NaN)));
    }

    // ---- 8. re-segmentation -----------------------------------------------------------------------

    /**
     * Ten 10s, a 100, a 1000 and a -50. IBSI (configuration E style) range [0, 100] then
     * {@code mu +- 3 sigma} over the 11 survivors: mu = 200/11, sigma = sqrt(669.4) = 25.9, so
     * 100 > mu + 3 sigma = 95.8 goes too: 10 voxels. PyRadiomics applies one mode: absolute
     * [0, 100] keeps 11; sigma [-3, 3] over all 13 voxels (mu = 1150/13 = 88.5, sigma = 264.8,
     * both population) keeps [-706, 883]: 12.
     */
    @Test
    void row08Resegmentation() {
        double[] x = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100, 1000, -50};
        Volume v = line(1, x);
        boolean[] roi = new boolean[x.length];
        Arrays.fill(roi, true);
        double mu11 = 200.0 / 11;
        double var11 = (10 * (10 - mu11) * (10 - mu11) + (100 - mu11) * (100 - mu11)) / 11;
        assertTrue(100 > mu11 + 3 * Math.sqrt(var11));
        boolean[] ibsi = Resegmentation.ibsi(v, roi, 0, 100, 3);
        assertEquals(10, count(ibsi));
        assertFalse(ibsi[10] || ibsi[11] || ibsi[12]);

        assertEquals(11, count(Resegmentation.pyradiomics(v, roi, new double[] {0, 100}, Resegmentation.Mode.ABSOLUTE)));
        double mu13 = 1150.0 / 13;
        double ss = 0;
        for (double a : x) {
            ss += (a - mu13) * (a - mu13);
        }
        double sd13 = Math.sqrt(ss / 13);
        assertTrue(1000 > mu13 + 3 * sd13 && -50 > mu13 - 3 * sd13 && 100 < mu13 + 3 * sd13);
        boolean[] sigma = Resegmentation.pyradiomics(v, roi, new double[] {-3, 3}, Resegmentation.Mode.SIGMA);
        assertEquals(12, count(sigma));
        assertFalse(sigma[11]);
    }

    // ---- 9. shape mask after re-segmentation -------------------------------------------------------

    /**
     * A 4 x 2 ROI whose column x = 3 holds 1000 (the rest 10), re-segmented to [0, 100]. PyRadiomics:
     * the working box shrinks to x = 0..2, and shape sees the (not re-segmented) mask cropped to it:
     * 6 voxels. IBSI: the morphological mask keeps all 8 voxels, the intensity mask 6.
     */
    @Test
    void row09ShapeMaskAfterResegmentation() {
        Geometry g = Geometry.of(4, 2, 1, 1, 1, 1);
        double[] d = {10, 10, 10, 1000, 10, 10, 10, 1000};
        int[] l = new int[8];
        Arrays.fill(l, 1);
        PyRadiomicsPreprocessing.Result py = PyRadiomicsPreprocessing.run(Volume.wrap(g, d), Mask.wrap(g, l),
            PyRadiomicsPreprocessing.Settings.defaults().withResegmentation(new double[] {0, 100},
                Resegmentation.Mode.ABSOLUTE));
        assertEquals(6, py.roi().morphologicalVoxelCount());
        assertEquals(6, py.roi().intensityVoxelCount());
        assertEquals(6, ShapeFamily.pyradiomics(py.roi()).get("VoxelVolume"), TOL);

        IbsiPreprocessing.Result ibsi = IbsiPreprocessing.run(Volume.wrap(g, d), Mask.wrap(g, l),
            IbsiPreprocessing.Settings.none().withRange(0, 100));
        assertEquals(8, ibsi.roi().morphologicalVoxelCount());
        assertEquals(6, ibsi.roi().intensityVoxelCount());
        assertEquals(8, ShapeFamily.ibsi(ibsi.roi(0), false).get("morph_vol_approx"), TOL);
    }

    // ---- 10. fixed bin width origin ---------------------------------------------------------------

    /**
     * Values 7, 12, 31 with bin width 10. PyRadiomics anchors the bins at multiples of the width:
     * origin {@code 10 floor(7 / 10) = 0}, levels {@code floor(x / 10) - floor(7 / 10) + 1} =
     * 1, 2, 4. IBSI starts at the ROI minimum, {@code floor((x - 7) / 10) + 1} = 1, 1, 3, or at the
     * re-segmentation lower bound: 5 gives 1, 1, 3; 0 gives PyRadiomics' 1, 2, 4. Negative values:
     * -7, 2: PyRadiomics origin -10 (levels 1, 2), IBSI origin -7 (levels 1, 1).
     */
    @Test
    void row10FixedBinWidthOrigin() {
        RoiImage roi = row(1, 1, 1, 7, 12, 31);
        assertArrayEquals(new int[] {1, 2, 4}, levelsOf(Discretiser.pyradiomicsBinWidth(roi, 10)));
        assertArrayEquals(new int[] {1, 1, 3}, levelsOf(Discretiser.ibsiBinSize(roi, 10, Double.NaN)));
        assertArrayEquals(new int[] {1, 1, 3}, levelsOf(Discretiser.ibsiBinSize(roi, 10, 5)));
        assertArrayEquals(new int[] {1, 2, 4}, levelsOf(Discretiser.ibsiBinSize(roi, 10, 0)));
        RoiImage negative = row(1, 1, 1, -7, 2);
        assertArrayEquals(new int[] {1, 2}, levelsOf(Discretiser.pyradiomicsBinWidth(negative, 10)));
        assertArrayEquals(new int[] {1, 1}, levelsOf(Discretiser.ibsiBinSize(negative, 10, Double.NaN)));
    }

    // ---- 11. fixed bin number rule ----------------------------------------------------------------

    /**
     * Values 0, 0.3, 1 in 10 bins. In exact arithmetic 0.3 lies on the edge between bins 3 and 4,
     * so both rules give level 4. PyRadiomics compares with NumPy histogram edges
     * {@code e_k = k * 0.1}: {@code e_3 = 3 * 0.1 = 0.30000000000000004 > 0.3}, level 3. IBSI
     * evaluates {@code floor(10 * 0.3) + 1} with {@code 10 * 0.3 = 3.0}: level 4. A flat ROI:
     * PyRadiomics widens the range to {@code m +- 0.5} and the value lands in the middle bin
     * {@code floor(8 / 2) + 1 = 5} (of 8); IBSI gives level 1.
     */
    @Test
    void row11FixedBinNumberRule() {
        assertTrue(3 * 0.1 > 0.3);
        assertEquals(3.0, 10 * 0.3, 0);
        RoiImage roi = row(1, 1, 1, 0, 0.3, 1);
        assertArrayEquals(new int[] {1, 3, 10}, levelsOf(Discretiser.pyradiomicsBinCount(roi, 10)));
        assertArrayEquals(new int[] {1, 4, 10}, levelsOf(Discretiser.ibsiBinNumber(roi, 10)));
        RoiImage exact = row(1, 1, 1, 0, 0.25, 1);
        assertArrayEquals(new int[] {1, 2, 4}, levelsOf(Discretiser.pyradiomicsBinCount(exact, 4)));
        assertArrayEquals(new int[] {1, 2, 4}, levelsOf(Discretiser.ibsiBinNumber(exact, 4)));
        RoiImage flat = row(1, 1, 1, 7, 7, 7);
        assertArrayEquals(new int[] {5, 5, 5}, levelsOf(Discretiser.pyradiomicsBinCount(flat, 8)));
        assertArrayEquals(new int[] {1, 1, 1}, levelsOf(Discretiser.ibsiBinNumber(flat, 8)));
    }

    // ---- 12. N_g -----------------------------------------------------------------------------------

    /**
     * PyRadiomics' {@code Ng} is the highest grey level present, IBSI's {@code N_g} the number of
     * bins of the discretisation. A flat ROI in 8 bins: PyRadiomics Ng = 5 (its level), IBSI
     * N_g = 8. In features: the row [1 2] of a discretisation with 4 levels, symmetric GLCM
     * {@code p(1,2) = p(2,1) = 1/2}, {@code p_{x-y}(1) = 1}: PyRadiomics (Ng = 2) Idn =
     * {@code 1 / (1 + 1/2) = 2/3}, Idmn = {@code 1 / (1 + 1/4) = 0.8}; IBSI (N_g = 4) inv_diff_norm =
     * {@code 1 / (1 + 1/4) = 0.8}, inv_diff_mom_norm = {@code 1 / (1 + 1/16) = 16/17}.
     */
    @Test
    void row12NumberOfGreyLevels() {
        RoiImage flat = row(1, 1, 1, 7, 7, 7);
        GreyLevelImage py = Discretiser.pyradiomicsBinCount(flat, 8);
        assertEquals(5, py.maxLevelPresent());
        GreyLevelImage ibsi = Discretiser.ibsiBinNumber(flat, 8);
        assertEquals(8, ibsi.numLevels());
        assertEquals(1, ibsi.maxLevelPresent());

        GreyLevelImage g = levelsNg(4, 2, 1, 1, 1, 2);
        Map<String, Double> p = new GlcmFamily().pyradiomics(g, DEFAULTS);
        assertEquals(2.0 / 3, p.get("Idn"), TOL);
        assertEquals(0.8, p.get("Idmn"), TOL);
        Map<String, Double> i = new GlcmFamily().ibsi(g, DEFAULTS);
        assertEquals(0.8, i.get("cm_inv_diff_norm_3D_avg"), TOL);
        assertEquals(16.0 / 17, i.get("cm_inv_diff_mom_norm_3D_avg"), TOL);
    }

    // ---- 13. kurtosis ------------------------------------------------------------------------------

    /**
     * {1, 2, 3, 4, 10}: mean 4, {@code m2 = 50/5 = 10}, {@code m4 = (81 + 16 + 1 + 0 + 1296)/5 = 278.8}.
     * PyRadiomics Kurtosis {@code m4 / m2^2 = 2.788}; IBSI stat_kurt (and ih_kurt) the excess
     * {@code -0.212}. A flat ROI gives 0 in both (PyRadiomics: m4 with the divisor taken as 1; IBSI:
     * defined as 0), so there the two are not 3 apart.
     */
    @Test
    void row13Kurtosis() {
        double[] x = {1, 2, 3, 4, 10};
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            m2 += (v - 4) * (v - 4) / 5;
            m4 += Math.pow(v - 4, 4) / 5;
        }
        assertEquals(278.8, m4, TOL);
        RoiImage roi = row(1, 1, 1, x);
        assertEquals(m4 / (m2 * m2), FirstOrderFamily.pyradiomics(roi, Discretiser.asIs(roi), 0).get("Kurtosis"), TOL);
        assertEquals(m4 / (m2 * m2) - 3, FirstOrderFamily.ibsi(roi).get("stat_kurt"), TOL);
        assertEquals(2.788 - 3, IntensityHistogramFamily.ibsi(Discretiser.asIs(roi)).get("ih_kurt"), TOL);

        RoiImage flat = row(1, 1, 1, 7, 7, 7);
        assertEquals(0, FirstOrderFamily.pyradiomics(flat, Discretiser.asIs(flat), 0).get("Kurtosis"), 0);
        assertEquals(0, FirstOrderFamily.ibsi(flat).get("stat_kurt"), 0);
    }

    // ---- 14. voxelArrayShift and TotalEnergy -------------------------------------------------------

    /**
     * {1, 2, 3, 4, 10} in voxels of 2 x 1 x 1 mm with {@code voxelArrayShift} c = 1: PyRadiomics
     * Energy {@code sum (x + 1)^2 = 4 + 9 + 16 + 25 + 121 = 175}, RootMeanSquared
     * {@code sqrt(175 / 5)}, TotalEnergy {@code 2 * 175 = 350}. IBSI has no shift: stat_energy
     * {@code sum x^2 = 130}, stat_rms {@code sqrt(26)}, and no total energy.
     */
    @Test
    void row14VoxelArrayShiftAndTotalEnergy() {
        RoiImage roi = row(2, 1, 1, 1, 2, 3, 4, 10);
        Map<String, Double> py = FirstOrderFamily.pyradiomics(roi, Discretiser.asIs(roi), 1);
        assertEquals(175, py.get("Energy"), TOL);
        assertEquals(Math.sqrt(35), py.get("RootMeanSquared"), TOL);
        assertEquals(350, py.get("TotalEnergy"), TOL);
        assertEquals(130, FirstOrderFamily.pyradiomics(roi, Discretiser.asIs(roi), 0).get("Energy"), TOL);
        Map<String, Double> ibsi = FirstOrderFamily.ibsi(roi);
        assertEquals(130, ibsi.get("stat_energy"), TOL);
        assertEquals(Math.sqrt(26), ibsi.get("stat_rms"), TOL);
        assertTrue(ibsi.keySet().stream().noneMatch(k -> k.contains("total")));
    }

    // ---- 15. logarithms -----------------------------------------------------------------------------

    /**
     * PyRadiomics takes {@code log2(p + eps)}, eps = 2.2e-16, IBSI {@code log2 p} with
     * {@code 0 log 0 = 0}. One grey level (3 x 3 x 3): every GLCM has p = 1; PyRadiomics JointEntropy
     * {@code -log2(1 + eps) = -3.2e-16}, IBSI cm_joint_entr exactly 0; likewise GLSZM ZoneEntropy.
     * Five equally frequent levels: PyRadiomics first-order Entropy {@code -log2(0.2 + eps)}, IBSI
     * ih_entropy {@code log2 5}.
     */
    @Test
    void row15Logarithms() {
        int[] flat = new int[27];
        Arrays.fill(flat, 1);
        GreyLevelImage one = levels(3, 3, 3, flat);
        double pyZero = -Math.log(1 + EPS) / LN2;
        assertTrue(pyZero < 0);
        assertEquals(pyZero, new GlcmFamily().pyradiomics(one, DEFAULTS).get("JointEntropy"), 1e-30);
        assertEquals(0.0, new GlcmFamily().ibsi(one, DEFAULTS).get("cm_joint_entr_3D_avg"), 0);
        assertEquals(pyZero, new GlszmFamily().pyradiomics(one, DEFAULTS).get("ZoneEntropy"), 1e-30);
        assertEquals(0.0, new GlszmFamily().ibsi(one, DEFAULTS).get("szm_zs_entr_3D"), 0);

        RoiImage five = row(1, 1, 1, 1, 2, 3, 4, 5);
        GreyLevelImage g = Discretiser.asIs(five);
        assertEquals(-Math.log(0.2 + EPS) / LN2, FirstOrderFamily.pyradiomics(five, g, 0).get("Entropy"), 1e-15);
        assertEquals(log2(5), IntensityHistogramFamily.ibsi(g).get("ih_entropy"), 1e-15);
    }

    // ---- 16. texture aggregation (GLCM, GLRLM) --------------------------------------------------------

    /**
     * Two slices of 2 x 2: slice 0 levels {@code l(x, y) = x + 1}, slice 1 only its row y = 0,
     * level 1. GLCM contrast is the fraction of neighbour pairs whose levels differ (by 1).
     * In-plane directions (x, y): slice 0 has (1,0) 2 pairs both differing, (0,1) 2 equal,
     * (1,1) and (-1,1) 1 differing each; slice 1 has (1,0) 1 equal pair. Out-of-plane (dx, dy, 1):
     * (0,0) 1/2, (1,0) 0, (-1,0) 1, (0,-1) 1/2, (1,-1) 0, (-1,-1) 1; (0,1), (1,1), (-1,1) empty.
     * IBSI: 2D avg {@code (1 + 0 + 1 + 1 + 0) / 5 = 3/5}; 2D comb {@code (4/6 + 0) / 2 = 1/3};
     * 2.5D avg {@code (2/3 + 0 + 1 + 1) / 4 = 2/3}; 2.5D comb {@code 4/7}; 3D avg over the 10
     * non-empty directions {@code (8/3 + 3) / 10 = 17/30}; 3D comb {@code 8/15}. PyRadiomics: the
     * default (13 angles, features per angle, empty angles dropped, mean) = IBSI 3D avg;
     * {@code force2D} (4 in-plane angles, all slices pooled) = IBSI 2.5D avg; {@code weightingNorm}
     * (one merged matrix; {@code no_weighting}) = IBSI 3D comb. PyRadiomics has no per-slice
     * (2D) aggregation.
     */
    @Test
    void row16DirectionalTextureAggregation() {
        GreyLevelImage g = levels(2, 2, 2, 1, 2, 1, 2, 1, 1, 0, 0);
        Map<String, Double> ibsi = new GlcmFamily().ibsi(g, DEFAULTS);
        assertEquals(3.0 / 5, ibsi.get("cm_contrast_2D_avg"), TOL);
        assertEquals(1.0 / 3, ibsi.get("cm_contrast_2D_comb"), TOL);
        assertEquals(2.0 / 3, ibsi.get("cm_contrast_2_5D_avg"), TOL);
        assertEquals(4.0 / 7, ibsi.get("cm_contrast_2_5D_comb"), TOL);
        assertEquals(17.0 / 30, ibsi.get("cm_contrast_3D_avg"), TOL);
        assertEquals(8.0 / 15, ibsi.get("cm_contrast_3D_comb"), TOL);
        GlcmFamily glcm = new GlcmFamily();
        assertEquals(17.0 / 30, glcm.pyradiomics(g, DEFAULTS).get("Contrast"), TOL);
        assertEquals(2.0 / 3, glcm.pyradiomics(g, DEFAULTS.withForce2D(true, 0)).get("Contrast"), TOL);
        assertEquals(8.0 / 15, glcm.pyradiomics(g, DEFAULTS.withWeightingNorm("no_weighting")).get("Contrast"), TOL);
        // spacing 1: every angle has infinity norm 1, equal weights exp(-1): the same merged matrix
        assertEquals(8.0 / 15, glcm.pyradiomics(g, DEFAULTS.withWeightingNorm("infinity")).get("Contrast"), TOL);
    }

    /**
     * Non-directional families (GLSZM shown). Slice 0: a 2 x 2 square of level 1; slice 1:
     * [1 2; 2 1]. Zones: per slice {4} and {2, 2} (8-connected); slices merged {4, 2, 2}; 3D
     * (26-connected) {6, 2}. Small zone emphasis {@code mean 1/s^2}: IBSI 2D
     * {@code (1/16 + 1/4) / 2}, 2.5D {@code (1/16 + 2/4) / 3}, 3D {@code (1/36 + 1/4) / 2}.
     * PyRadiomics builds one matrix: 26-connected by default (= IBSI 3D) and, with
     * {@code force2D}, 8-connected in each plane with all planes pooled (= IBSI 2.5D).
     */
    @Test
    void row17NonDirectionalTextureAggregation() {
        GreyLevelImage g = levels(2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 1);
        Map<String, Double> ibsi = new GlszmFamily().ibsi(g, DEFAULTS);
        assertEquals((1.0 / 16 + 1.0 / 4) / 2, ibsi.get("szm_sze_2D"), TOL);
        assertEquals((1.0 / 16 + 2.0 / 4) / 3, ibsi.get("szm_sze_2_5D"), TOL);
        assertEquals((1.0 / 36 + 1.0 / 4) / 2, ibsi.get("szm_sze_3D"), TOL);
        assertEquals((1.0 / 36 + 1.0 / 4) / 2, new GlszmFamily().pyradiomics(g, DEFAULTS).get("SmallAreaEmphasis"), TOL);
        assertEquals((1.0 / 16 + 2.0 / 4) / 3,
            new GlszmFamily().pyradiomics(g, DEFAULTS.withForce2D(true, 0)).get("SmallAreaEmphasis"), TOL);
    }

    // ---- 18. GLCM distances ------------------------------------------------------------------------

    /**
     * A 3 x 2 slice, rows y = 0: [1 1 2], y = 1: [2 1 1], distance 2. PyRadiomics takes every
     * offset on the Chebyshev shell of radius 2 that fits the box: (2,0), (2,1), (2,-1); their
     * contrasts are 1 (1-2 and 2-1), 0 (1-1), 0 (2-2): mean 1/3. IBSI scales the 13 unit
     * directions by 2: only (2,0,0) has pairs: contrast 1.
     */
    @Test
    void row18GlcmDistances() {
        GreyLevelImage g = levels(3, 2, 1, 1, 1, 2, 2, 1, 1);
        assertEquals(1.0 / 3, new GlcmFamily().pyradiomics(g, DEFAULTS.withDistances(2)).get("Contrast"), TOL);
        assertEquals(1.0, new GlcmFamily().ibsi(g, DEFAULTS.withDistances(2)).get("cm_contrast_3D_avg"), TOL);
    }

    // ---- 19. GLCM symmetry --------------------------------------------------------------------------

    /**
     * The row [1 2]: with {@code symmetricalGLCM: false} PyRadiomics counts p(1,2) = 1 only:
     * JointAverage 1; symmetric (its default, and IBSI always) p(1,2) = p(2,1) = 1/2: 1.5.
     */
    @Test
    void row19GlcmSymmetry() {
        GreyLevelImage g = levels(2, 1, 1, 1, 2);
        assertEquals(1.0, new GlcmFamily().pyradiomics(g, DEFAULTS.withSymmetricalGlcm(false)).get("JointAverage"), 0);
        assertEquals(1.5, new GlcmFamily().pyradiomics(g, DEFAULTS).get("JointAverage"), 0);
        assertEquals(1.5, new GlcmFamily().ibsi(g, DEFAULTS.withSymmetricalGlcm(false)).get("cm_joint_avg_3D_avg"), 0);
    }

    // ---- 20. GLCM undefined values -------------------------------------------------------------------

    /**
     * One grey level: sigma_x = sigma_y = 0 and HX = HY = 0. PyRadiomics: Correlation 1, Imc1 0,
     * MCC 1 (fewer than 2 levels); IBSI: correlation and information correlation 1 are NaN. The
     * row [1 2] (symmetric, p = 1/2 each): covariance -1/4, sigma_x sigma_y = 1/4; PyRadiomics
     * divides by {@code 1/4 + eps}, IBSI gives exactly -1.
     */
    @Test
    void row20GlcmUndefinedValues() {
        int[] flat = new int[27];
        Arrays.fill(flat, 1);
        GreyLevelImage one = levels(3, 3, 3, flat);
        Map<String, Double> py = new GlcmFamily().pyradiomics(one, DEFAULTS);
        assertEquals(1.0, py.get("Correlation"), 0);
        assertEquals(0.0, py.get("Imc1"), 0);
        assertEquals(1.0, py.get("MCC"), 0);
        Map<String, Double> ibsi = new GlcmFamily().ibsi(one, DEFAULTS);
        for (String a : new String[] {"2D_avg", "2D_comb", "2_5D_avg", "2_5D_comb", "3D_avg", "3D_comb"}) {
            assertTrue(Double.isNaN(ibsi.get("cm_corr_" + a)), a);
            assertTrue(Double.isNaN(ibsi.get("cm_info_corr1_" + a)), a);
        }
        GreyLevelImage pair = levels(2, 1, 1, 1, 2);
        assertEquals(-0.25 / (0.25 + EPS), new GlcmFamily().pyradiomics(pair, DEFAULTS).get("Correlation"), 0);
        assertEquals(-1.0, new GlcmFamily().ibsi(pair, DEFAULTS).get("cm_corr_3D_avg"), 0);
    }

    // ---- 21. GLRLM directions ---------------------------------------------------------------------

    /**
     * ROI {(0,0), (1,0), (2,1)} of level 1 in a 3 x 2 slice. Along (1,0) and (1,1): a run of 2 and a
     * run of 1 (short run emphasis {@code (1/4 + 1) / 2 = 0.625}); along (0,1) and (-1,1) three runs
     * of 1 (SRE 1). PyRadiomics clears a direction in which no line holds two ROI voxels and drops
     * it: SRE 0.625. IBSI counts every ROI voxel as a run in every direction: 2D avg
     * {@code (0.625 + 0.625 + 1 + 1) / 4 = 0.8125}; 3D avg adds 9 out-of-plane directions of
     * single-voxel runs: {@code (1.25 + 11) / 13}. A single voxel: PyRadiomics keeps no angle (NaN),
     * IBSI has one run of 1 (SRE 1).
     */
    @Test
    void row21GlrlmDirectionsWithoutRuns() {
        GreyLevelImage g = levels(3, 2, 1, 1, 1, 0, 0, 0, 1);
        assertEquals(0.625, new GlrlmFamily().pyradiomics(g, DEFAULTS).get("ShortRunEmphasis"), TOL);
        Map<String, Double> ibsi = new GlrlmFamily().ibsi(g, DEFAULTS);
        assertEquals(0.8125, ibsi.get("rlm_sre_2D_avg"), TOL);
        assertEquals(12.25 / 13, ibsi.get("rlm_sre_3D_avg"), TOL);

        GreyLevelImage one = levels(1, 1, 1, 3);
        assertTrue(Double.isNaN(new GlrlmFamily().pyradiomics(one, DEFAULTS).get("ShortRunEmphasis")));
        assertEquals(1.0, new GlrlmFamily().ibsi(one, DEFAULTS).get("rlm_sre_3D_avg"), 0);
    }

    // ---- 22. NGTDM --------------------------------------------------------------------------------

    /**
     * Row [1 2 . 3]: the level-3 voxel has no neighbour in the ROI. PyRadiomics counts it
     * ({@code n = (1, 1, 1)}, {@code s = (1, 1, 0)}): coarseness {@code 1 / (2/3) = 1.5}. IBSI counts
     * only voxels with a valid neighbourhood ({@code n = (1, 1)}, {@code s = (1, 1)}): 1. A single
     * voxel: PyRadiomics n = 1, s = 0: coarseness 10^6, the rest 0; IBSI: undefined (NaN).
     * Distance 2 on the row [1 2 4]: PyRadiomics uses the shell (neighbours at distance exactly 2:
     * 1 and 4 see each other, 2 is isolated): {@code s = (3, 0, 3)}, coarseness
     * {@code 1 / 2}; IBSI the full neighbourhood up to 2: {@code A = (3, 2.5, 1.5)},
     * {@code s = (2, 0.5, 2.5)}, coarseness {@code 1 / (5/3) = 0.6}.
     */
    @Test
    void row22NgtdmNeighbourhoods() {
        GreyLevelImage g = levels(4, 1, 1, 1, 2, 0, 3);
        assertEquals(1.5, new NgtdmFamily().pyradiomics(g, DEFAULTS).get("Coarseness"), TOL);
        assertEquals(1.0, new NgtdmFamily().ibsi(g, DEFAULTS).get("ngt_coarseness_3D"), TOL);

        GreyLevelImage one = levels(1, 1, 1, 2);
        Map<String, Double> py = new NgtdmFamily().pyradiomics(one, DEFAULTS);
        assertEquals(1e6, py.get("Coarseness"), 0);
        assertEquals(0, py.get("Contrast"), 0);
        assertEquals(0, py.get("Busyness"), 0);
        assertEquals(0, py.get("Complexity"), 0);
        assertEquals(0, py.get("Strength"), 0);
        new NgtdmFamily().ibsi(one, DEFAULTS).forEach((k, v) -> assertTrue(Double.isNaN(v), k));

        GreyLevelImage r = levels(3, 1, 1, 1, 2, 4);
        assertEquals(0.5, new NgtdmFamily().pyradiomics(r, DEFAULTS.withDistances(2)).get("Coarseness"), TOL);
        assertEquals(0.6, new NgtdmFamily().ibsi(r, DEFAULTS.withDistances(2)).get("ngt_coarseness_3D"), TOL);
    }

    // ---- 23. GLDM / NGLDM ---------------------------------------------------------------------------

    /**
     * Row [1 2 4]. Coarseness alpha 1 (PyRadiomics {@code gldm_a}, IBSI {@code ngldmAlpha}): 1 and 2
     * depend on each other, dependences {@code j = (2, 2, 1)} (the centre counts in both), small /
     * low dependence emphasis {@code (1/4 + 1/4 + 1) / 3 = 0.5}; each profile reads only its own
     * parameter. Distance 2 with alpha 3: PyRadiomics' shell links only 1 and 4 (j = 2, 1, 2, SDE
     * 0.5), IBSI's full neighbourhood links all (j = 3, high dependence emphasis 9). PyRadiomics
     * outputs 14 features, IBSI 17 (also glnu_norm, dc_perc, dc_energy).
     */
    @Test
    void row23DependenceMatrices() {
        GreyLevelImage r = levels(3, 1, 1, 1, 2, 4);
        NgldmFamily f = new NgldmFamily();
        assertEquals(0.5, f.pyradiomics(r, DEFAULTS.withGldmAlpha(1)).get("SmallDependenceEmphasis"), TOL);
        assertEquals(0.5, f.ibsi(r, DEFAULTS.withNgldmAlpha(1)).get("ngl_lde_3D"), TOL);
        assertEquals(1.0, f.pyradiomics(r, DEFAULTS.withNgldmAlpha(1)).get("SmallDependenceEmphasis"), TOL);
        assertEquals(1.0, f.ibsi(r, DEFAULTS.withGldmAlpha(1)).get("ngl_lde_3D"), TOL);
        assertEquals(0.5, f.pyradiomics(r, DEFAULTS.withGldmAlpha(3).withDistances(2)).get("SmallDependenceEmphasis"),
            TOL);
        assertEquals(9.0, f.ibsi(r, DEFAULTS.withNgldmAlpha(3).withDistances(2)).get("ngl_hde_3D"), TOL);
        assertEquals(14, f.pyradiomics(r, DEFAULTS).size());
        Map<String, Double> ibsi3d = f.ibsi(r, DEFAULTS.withAggregations(Set.of(Aggregation.AVG_3D)));
        assertEquals(17, ibsi3d.size());
        assertEquals(1.0, ibsi3d.get("ngl_dc_perc_3D"), 0);
    }

    // ---- 24. GLDZM ----------------------------------------------------------------------------------

    /**
     * A 5 x 5 slice of level 1 with a level-2 centre; re-segmentation removed voxel (1,1) from the
     * intensity mask. Distances to the ROI edge come from the morphological mask (the full square):
     * the level-1 zone touches the edge (distance 1), the centre has distance 3: small distance
     * emphasis {@code (1 + 1/9) / 2}. With the intensity mask as edge the hole at (1,1) is 2 steps
     * from the centre: {@code (1 + 1/4) / 2}. PyRadiomics has no GLDZM.
     */
    @Test
    void row24DistanceZones() {
        int[] l = new int[25];
        Arrays.fill(l, 1);
        l[12] = 2;
        l[6] = 0;
        GreyLevelImage g = levels(5, 5, 1, l);
        boolean[] morph = new boolean[25];
        Arrays.fill(morph, true);
        GldzmFamily f = new GldzmFamily();
        assertEquals((1 + 1.0 / 9) / 2, f.ibsi(g, morph, DEFAULTS).get("dzm_sde_2D"), TOL);
        assertEquals((1 + 1.0 / 4) / 2, f.ibsi(g, DEFAULTS).get("dzm_sde_2D"), TOL);
        assertNull(f.pyradiomicsName());
        assertTrue(f.pyradiomics(g, DEFAULTS).isEmpty());
        assertFalse(RadiomicsSettings.FEATURE_CLASSES.stream().anyMatch(c -> c.contains("dzm")));
    }

    // ---- 25. surface mesh ----------------------------------------------------------------------------

    /**
     * Two voxels sharing only an edge, A = (1,1,1) and B = (1,2,2) (x, y, z), unit spacing. Every
     * mesh vertex is an edge midpoint, so a corner cut off a cube is an equilateral triangle of
     * side {@code sqrt(2)/2}, area {@code sqrt(3)/8}, and one voxel alone is an octahedron of
     * volume 1/6 and area {@code 8 sqrt(3)/8}. 12 of the cubes touching A or B hold one of them
     * (one corner triangle each); two hold both on a face diagonal: the cube with A at corner p1
     * and B at p6 (index 66) and the cube with A at p0 and B at p7 (index 129).
     * <p>IBSI (closed mesh, ambiguous faces separate the ROI voxels): two octahedra,
     * {@code V = 1/3}, {@code A = 2 sqrt(3)}. PyRadiomics: index 66 has p7 outside and separates
     * (2 triangles), but index 129 has p7 inside and is looked up as its complement 126, whose
     * Lorensen/Bourke entry is the hexagon e0-e8-e7-e6-e11-e3 fanned from e0: triangles
     * (e0, e8, e7), (e0, e7, e6), (e0, e6, e11), (e0, e11, e3) of areas {@code sqrt(3)/8},
     * {@code sqrt(3)/4}, {@code sqrt(3)/4}, {@code sqrt(3)/8} (cross products (-1,1,-1)/4,
     * (-1,1,-1)/2, (-1,-1,1)/2, (-1,-1,1)/4): {@code A = (12 + 2 + 6) sqrt(3)/8 = 2.5 sqrt(3)}, and
     * the two cubes disagree on their shared face, so the mesh is not closed. The mirror image
     * (A = (1,2,1), B = (1,1,2)) has p7 outside in both shared cubes (indices 24 and 36):
     * PyRadiomics gives the two octahedra there, so its mesh depends on orientation; IBSI's does not.
     */
    @Test
    void row25SurfaceMesh() {
        double corner = Math.sqrt(3) / 8;
        RoiImage connected = twoVoxels(new int[] {1, 1, 1}, new int[] {1, 2, 2});
        RoiImage mirrored = twoVoxels(new int[] {1, 2, 1}, new int[] {1, 1, 2});
        for (RoiImage roi : new RoiImage[] {connected, mirrored}) {
            Map<String, Double> ibsi = ShapeFamily.ibsi(roi, false);
            assertEquals(1.0 / 3, ibsi.get("morph_volume"), TOL);
            assertEquals(16 * corner, ibsi.get("morph_area_mesh"), TOL);
        }
        assertEquals(20 * corner, ShapeFamily.pyradiomics(connected).get("SurfaceArea"), TOL);
        assertEquals(16 * corner, ShapeFamily.pyradiomics(mirrored).get("SurfaceArea"), TOL);
        assertEquals(1.0 / 3, ShapeFamily.pyradiomics(mirrored).get("MeshVolume"), TOL);
        // the PyRadiomics mesh of the connected pair has an edge without its twin; the IBSI mesh none
        byte[] padded = new byte[4 * 4 * 3]; // (z, y, x) = bounding box 2 x 2 x 1 plus one voxel each side
        padded[(1 * 4 + 1) * 3 + 1] = 1;
        padded[(2 * 4 + 2) * 3 + 1] = 1;
        assertFalse(closed(MarchingCubes.of(MeshConvention.PYRADIOMICS).triangleList(padded, 4, 4, 3)));
        assertTrue(closed(MarchingCubes.of(MeshConvention.CONSISTENT).triangleList(padded, 4, 4, 3)));
    }

    private static RoiImage twoVoxels(int[] a, int[] b) {
        Geometry g = Geometry.of(3, 4, 4, 1, 1, 1);
        boolean[] m = new boolean[g.voxelCount()];
        m[g.index(a[0], a[1], a[2])] = true;
        m[g.index(b[0], b[1], b[2])] = true;
        return new RoiImage(Volume.zeros(g), m);
    }

    /** True if every directed edge of the triangle list appears once and its reverse once. */
    private static boolean closed(int[] tri) {
        Map<String, Integer> directed = new HashMap<>();
        for (int t = 0; t < tri.length; t += 9) {
            for (int e = 0; e < 3; e++) {
                int a = t + 3 * e;
                int b = t + 3 * ((e + 1) % 3);
                String key = tri[a] + "," + tri[a + 1] + "," + tri[a + 2] + ">" + tri[b] + "," + tri[b + 1] + ","
                    + tri[b + 2];
                directed.merge(key, 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : directed.entrySet()) {
            String[] ab = e.getKey().split(">");
            if (e.getValue() != 1 || directed.getOrDefault(ab[1] + ">" + ab[0], 0) != 1) {
                return false;
            }
        }
        return true;
    }

    // ---- 26. PCA covariance ------------------------------------------------------------------------

    /**
     * Two face-adjacent voxels 2 mm apart along x (centres 0 and 2): the centred coordinates are
     * +-1, so {@code sum d^2 = 2}. PyRadiomics (divisor N = 2): lambda = 1, MajorAxisLength
     * {@code 4 sqrt(1) = 4}; IBSI (divisor N - 1 = 1): lambda = 2, morph_pca_maj_axis
     * {@code 4 sqrt(2)}. The other axes are 0 in both.
     */
    @Test
    void row26PcaCovarianceDivisor() {
        RoiImage roi = row(2, 1, 1, 0, 0);
        Map<String, Double> py = ShapeFamily.pyradiomics(roi);
        assertEquals(4, py.get("MajorAxisLength"), TOL);
        assertEquals(0, py.get("MinorAxisLength"), TOL);
        Map<String, Double> ibsi = ShapeFamily.ibsi(roi, false);
        assertEquals(4 * Math.sqrt(2), ibsi.get("morph_pca_maj_axis"), TOL);
        assertEquals(0, ibsi.get("morph_pca_min_axis"), TOL);
    }

    // ---- 27. names -----------------------------------------------------------------------------------

    /**
     * A 3 x 3 x 3 cube of whole-number intensities in a 5 x 5 x 5 image, extracted with PyRadiomics
     * defaults and with the IBSI digital-phantom configuration (levels as they are). PyRadiomics
     * names are {@code <imageType>_<class>_<Feature>}, IBSI tags {@code <family>_<feature>[_<aggregation>]}.
     * The same quantity under both names: voxel volume 27 (VoxelVolume / morph_vol_approx), the
     * largest vertex distance {@code sqrt(3^2 + 2^2 + 2^2) = sqrt(17)} (Maximum3DDiameter /
     * morph_diam), kurtosis 3 apart.
     */
    @Test
    void row27FeatureNames() {
        Geometry g = Geometry.of(5, 5, 5, 1, 1, 1);
        double[] d = new double[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        for (int k = 1; k <= 3; k++) {
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 3; i++) {
                    d[g.index(i, j, k)] = 1 + (i * 7 + j * 3 + k * 5) % 4;
                    l[g.index(i, j, k)] = 1;
                }
            }
        }
        FeatureVector py = new FeatureExtractor(RadiomicsSettings.pyradiomicsDefaults())
            .extract(Volume.wrap(g, d), Mask.wrap(g, l));
        Map<String, Double> ibsi = new IbsiExtractor(IbsiExtractor.Config.digitalPhantom())
            .extract(Volume.wrap(g, d), Mask.wrap(g, l));
        assertEquals(27, py.get("original_shape_VoxelVolume"), TOL);
        assertEquals(27, ibsi.get("morph_vol_approx"), TOL);
        assertEquals(Math.sqrt(17), py.get("original_shape_Maximum3DDiameter"), TOL);
        assertEquals(Math.sqrt(17), ibsi.get("morph_diam"), TOL);
        assertEquals(py.get("original_firstorder_Kurtosis") - 3, ibsi.get("stat_kurt"), TOL);
        for (String k : new String[] {"original_glcm_JointEnergy", "original_gldm_SmallDependenceEmphasis",
            "original_glrlm_RunPercentage", "original_glszm_ZonePercentage", "original_ngtdm_Coarseness"}) {
            assertTrue(py.contains(k), k);
        }
        for (String k : new String[] {"cm_energy_3D_avg", "cm_joint_max_2D_comb", "ngl_lde_2_5D", "rlm_r_perc_3D_comb",
            "szm_z_perc_3D", "ngt_coarseness_2D"}) {
            assertTrue(ibsi.containsKey(k), k);
        }
        assertEquals(107, py.size());
    }

    // ---- 28. features of one profile only ------------------------------------------------------------

    /**
     * Features only PyRadiomics outputs: TotalEnergy, first-order Entropy / Uniformity of the grey
     * levels, the three Maximum2DDiameter*, MCC, shape2D. Only IBSI: stat_medad, stat_cov, stat_qcod
     * (for {1, 2, 3, 4, 10}: median 3, {@code (2+1+0+1+7)/5 = 2.2}; {@code sqrt(10) / 4};
     * {@code (4 - 2) / (4 + 2) = 1/3}), local intensity peaks, the intensity histogram and
     * intensity-volume histogram families, compactness / spherical disproportion / asphericity,
     * centre of mass shift, integrated intensity, Moran's I, Geary's C, the AABB / ellipsoid /
     * convex hull densities, GLCM sum variance and dissimilarity, GLDZM, NGLDM glnu_norm /
     * dc_perc / dc_energy. Cube 3 x 3 x 3: Maximum2DDiameterSlice {@code sqrt(3^2 + 2^2)}.
     */
    @Test
    void row28FeaturesOfOneProfileOnly() {
        RoiImage five = row(1, 1, 1, 1, 2, 3, 4, 10);
        Map<String, Double> stat = FirstOrderFamily.ibsi(five);
        assertEquals(2.2, stat.get("stat_medad"), TOL);
        assertEquals(Math.sqrt(10) / 4, stat.get("stat_cov"), TOL);
        assertEquals(1.0 / 3, stat.get("stat_qcod"), TOL);
        Map<String, Double> fo = FirstOrderFamily.pyradiomics(five, Discretiser.asIs(five), 0);
        assertTrue(fo.containsKey("TotalEnergy") && fo.containsKey("Entropy") && fo.containsKey("Uniformity"));
        assertFalse(fo.keySet().stream().anyMatch(k -> k.contains("Coefficient") || k.contains("Dispersion")
            || k.contains("Median") && k.contains("Deviation")));

        Geometry g = Geometry.of(5, 5, 5, 1, 1, 1);
        boolean[] cube = new boolean[g.voxelCount()];
        for (int k = 1; k <= 3; k++) {
            for (int j = 1; j <= 3; j++) {
                for (int i = 1; i <= 3; i++) {
                    cube[g.index(i, j, k)] = true;
                }
            }
        }
        RoiImage roi = new RoiImage(Volume.zeros(g), cube);
        assertEquals(Math.sqrt(13), ShapeFamily.pyradiomics(roi).get("Maximum2DDiameterSlice"), TOL);
        Map<String, Double> morph = ShapeFamily.ibsi(roi, true);
        assertTrue(morph.keySet().containsAll(Set.of("morph_comp_1", "morph_comp_2", "morph_sph_dispr",
            "morph_asphericity", "morph_com", "morph_integ_int", "morph_moran_i", "morph_geary_c",
            "morph_vol_dens_aabb", "morph_area_dens_aabb", "morph_vol_dens_aee", "morph_area_dens_aee",
            "morph_vol_dens_conv_hull", "morph_area_dens_conv_hull")));
        assertFalse(morph.keySet().stream().anyMatch(k -> k.contains("2D") || k.contains("diam_")));
        assertFalse(GlcmFamily.IBSI_FEATURES.contains("mcc"));
        assertTrue(GlcmFamily.PYRADIOMICS_FEATURES.contains("MCC"));
        assertTrue(GlcmFamily.IBSI_FEATURES.containsAll(Set.of("sum_var", "dissimilarity")));
        assertFalse(GlcmFamily.PYRADIOMICS_FEATURES.contains("SumVariance"));
        assertFalse(GlcmFamily.PYRADIOMICS_FEATURES.contains("Dissimilarity"));
        assertTrue(RadiomicsSettings.FEATURE_CLASSES.contains("shape2D"));
    }

    // ---- 29. image filters -------------------------------------------------------------------------

    /**
     * The Laplacian of Gaussian of {@code f = x^2} (x in mm) is 2 mm^-2 everywhere, because Gaussian
     * smoothing only adds a constant to a quadratic. PyRadiomics' {@code LoG} image type (SimpleITK's
     * recursive Gaussian with {@code NormalizeAcrossScale}) returns {@code sigma^2} times it:
     * {@code 2 * 4^2 = 32} for sigma 4 mm; the IBSI 2 LoG (sampled kernel, 4 sigma) returns the second
     * derivative in voxel units, {@code h^2} times it: {@code 2 * 2^2 = 8} for 2 mm voxels. Both are
     * approximations of the continuous filter (recursive coefficients, kernel truncation), hence the
     * 1% tolerance; the two scales differ by a factor {@code (sigma / h)^2 = 4}.
     */
    @Test
    void row29ImageFilters() {
        Geometry g = Geometry.of(41, 5, 5, 2, 2, 2);
        double[] d = new double[g.voxelCount()];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 41; i++) {
                    double x = 2.0 * (i - 20);
                    d[g.index(i, j, k)] = x * x;
                }
            }
        }
        Volume f = Volume.wrap(g, d);
        double py = org.radtab.radiomics.filter.RecursiveLaplacianOfGaussian.pyRadiomics(4).apply(f).get(20, 2, 2);
        double ibsi = new org.radtab.radiomics.filter.LaplacianOfGaussian(4, org.radtab.radiomics.filter
            .LaplacianOfGaussian.IBSI_TRUNCATION, org.radtab.radiomics.filter.FilterDimension.THREE_D,
            org.radtab.radiomics.filter.BoundaryCondition.MIRROR_EDGE_REPEATED).apply(f).get(20, 2, 2);
        assertEquals(32, py, 0.32);
        assertEquals(8, ibsi, 0.08);
    }

    // ---- shared conventions (not differences) --------------------------------------------------------

    /**
     * What the two profiles share, pinned so that the table stays complete: NumPy's linear
     * percentile rule ({1, 2, 3, 4, 10}: {@code P10 = 1 + 0.4 (2 - 1) = 1.4},
     * {@code P90 = 4 + 0.6 (10 - 4) = 7.6}); population variance (10); the closed interval of the
     * robust mean absolute deviation ({2, 3, 4}: 2/3); NGTDM coarseness {@code 10^6} of a flat ROI;
     * the dependence count includes the centre voxel (a lone voxel has j = 1); features use the true
     * grey-level values (levels 1 and 3 of the row [1 3]: symmetric GLCM contrast 4).
     */
    @Test
    void sharedConventions() {
        RoiImage five = row(1, 1, 1, 1, 2, 3, 4, 10);
        Map<String, Double> py = FirstOrderFamily.pyradiomics(five, Discretiser.asIs(five), 0);
        Map<String, Double> ibsi = FirstOrderFamily.ibsi(five);
        assertEquals(1.4, py.get("10Percentile"), TOL);
        assertEquals(1.4, ibsi.get("stat_p10"), TOL);
        assertEquals(7.6, py.get("90Percentile"), TOL);
        assertEquals(7.6, ibsi.get("stat_p90"), TOL);
        assertEquals(10, py.get("Variance"), TOL);
        assertEquals(10, ibsi.get("stat_var"), TOL);
        assertEquals(2.0 / 3, py.get("RobustMeanAbsoluteDeviation"), TOL);
        assertEquals(2.0 / 3, ibsi.get("stat_rmad"), TOL);

        int[] flat = new int[9];
        Arrays.fill(flat, 2);
        GreyLevelImage square = levels(3, 3, 1, flat);
        assertEquals(1e6, new NgtdmFamily().pyradiomics(square, DEFAULTS).get("Coarseness"), 0);
        assertEquals(1e6, new NgtdmFamily().ibsi(square, DEFAULTS).get("ngt_coarseness_3D"), 0);

        GreyLevelImage one = levels(1, 1, 1, 2);
        assertEquals(1.0, new NgldmFamily().pyradiomics(one, DEFAULTS).get("SmallDependenceEmphasis"), 0);
        assertEquals(1.0, new NgldmFamily().ibsi(one, DEFAULTS).get("ngl_lde_3D"), 0);

        GreyLevelImage gap = levels(2, 1, 1, 1, 3);
        assertEquals(4.0, new GlcmFamily().pyradiomics(gap, DEFAULTS).get("Contrast"), TOL);
        assertEquals(4.0, new GlcmFamily().ibsi(gap, DEFAULTS).get("cm_contrast_3D_avg"), TOL);
    }
}
