package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

class PreprocessingFacadesTest {

    /** 6 x 6 x 3 image of 100s, ROI the block x 1..4, y 1..4, z 0..1 (32 voxels). */
    private static Volume image;
    private static Mask mask;

    static {
        Geometry g = Geometry.of(6, 6, 3, 1, 1, 2);
        double[] d = new double[g.voxelCount()];
        Arrays.fill(d, 100);
        int[] l = new int[g.voxelCount()];
        for (int k = 0; k <= 1; k++) {
            for (int j = 1; j <= 4; j++) {
                for (int i = 1; i <= 4; i++) {
                    l[g.index(i, j, k)] = 1;
                }
                d[g.index(4, j, k)] = 1000; // column x = 4: outliers
            }
        }
        d[g.index(2, 2, 0)] = 900; // an interior outlier
        image = Volume.wrap(g, d);
        mask = Mask.wrap(g, l);
    }

    /**
     * Re-segmentation to [0, 500] removes column x = 4 (8 voxels) and one interior voxel: the working
     * box shrinks to x 1..3, and the shape mask (not re-segmented) is cropped to it: 24 voxels, not 32.
     */
    @Test
    void pyradiomicsShapeMaskIsCroppedToTheResegmentedBox() {
        PyRadiomicsPreprocessing.Settings s = PyRadiomicsPreprocessing.Settings.defaults()
            .withResegmentation(new double[] {500, 0}, Resegmentation.Mode.ABSOLUTE);
        PyRadiomicsPreprocessing.Result r = PyRadiomicsPreprocessing.run(image, mask, s);
        assertEquals(new BoundingBox(new int[] {1, 1, 0}, new int[] {3, 4, 1}), r.boundingBox());
        RoiImage roi = r.roi();
        assertArrayEquals(new int[] {3, 4, 2}, roi.geometry().size());
        assertEquals(24, roi.morphologicalVoxelCount());
        assertEquals(23, roi.intensityVoxelCount());
        RoiImage shapeToo = PyRadiomicsPreprocessing.run(image, mask, s.withResegmentShape(true)).roi();
        assertEquals(23, shapeToo.morphologicalVoxelCount());
        assertFalse(r.resampled());
        assertEquals(image, r.image()); // no resampling, no preCrop: the filters see the whole image
    }

    @Test
    void pyradiomicsPreCropKeepsPadDistanceClippedToTheImage() {
        PyRadiomicsPreprocessing.Result r = PyRadiomicsPreprocessing.run(image, mask,
            PyRadiomicsPreprocessing.Settings.defaults().withPreCrop(true).withPadDistance(1));
        // box 1..4, 1..4, 0..1 grown by 1: 0..5, 0..5, 0..2 (z clipped below)
        assertArrayEquals(new int[] {6, 6, 3}, r.image().geometry().size());
        PyRadiomicsPreprocessing.Result r0 = PyRadiomicsPreprocessing.run(image, mask,
            PyRadiomicsPreprocessing.Settings.defaults().withPreCrop(true).withPadDistance(0));
        assertArrayEquals(new int[] {4, 4, 2}, r0.image().geometry().size());
        assertArrayEquals(image.geometry().indexToPhysical(1, 1, 0), r0.image().geometry().origin(), 0);
        assertEquals(new BoundingBox(new int[] {0, 0, 0}, new int[] {3, 3, 1}), r0.boundingBox());
        assertEquals(32, r0.roi().intensityVoxelCount());
    }

    @Test
    void pyradiomicsSpacingEqualToTheImageSpacingOnlyCrops() {
        PyRadiomicsPreprocessing.Result r = PyRadiomicsPreprocessing.run(image, mask,
            PyRadiomicsPreprocessing.Settings.defaults().withResampling(new double[] {1, 1.000001, 0},
                Interpolator.BSPLINE_ITK).withPadDistance(0));
        assertFalse(r.resampled());
        assertArrayEquals(new int[] {4, 4, 2}, r.image().geometry().size());
        assertEquals(32, r.roi().intensityVoxelCount());
    }

    @Test
    void pyradiomicsResamplingTruncatesIntegerSources() {
        Geometry g = Geometry.of(9, 9, 4, 1, 1, 1);
        double[] d = new double[g.voxelCount()];
        int[] l = new int[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = (n * 37) % 101 - 50;
        }
        for (int k = 1; k <= 2; k++) {
            for (int j = 2; j <= 6; j++) {
                for (int i = 2; i <= 6; i++) {
                    l[g.index(i, j, k)] = 1;
                }
            }
        }
        PyRadiomicsPreprocessing.Settings s = PyRadiomicsPreprocessing.Settings.defaults()
            .withResampling(new double[] {0.7, 0.7, 0.7}, Interpolator.BSPLINE_ITK).withSourcePixelType(OutputCast.INT16);
        PyRadiomicsPreprocessing.Result r = PyRadiomicsPreprocessing.run(Volume.wrap(g, d), Mask.wrap(g, l), s);
        assertTrue(r.resampled());
        for (double v : r.image().data()) {
            assertEquals(Math.rint(v), v, 0);
        }
        // normalised images are floating: no truncation
        PyRadiomicsPreprocessing.Result n = PyRadiomicsPreprocessing.run(Volume.wrap(g, d), Mask.wrap(g, l),
            s.withNormalisation(1, Double.NaN));
        assertTrue(Arrays.stream(n.image().data()).anyMatch(v -> v != Math.rint(v)));
        assertEquals(r.image().geometry(), n.image().geometry());
    }

    @Test
    void pyradiomicsErrors() {
        PyRadiomicsPreprocessing.Settings s = PyRadiomicsPreprocessing.Settings.defaults();
        assertThrows(InvalidRoiException.class, () -> PyRadiomicsPreprocessing.run(image, mask, s.withLabel(3)));
        Mask shifted = Mask.wrap(image.geometry().withOrigin(new double[] {0.6, 0, 0}), mask.labels());
        assertThrows(GeometryMismatchException.class, () -> PyRadiomicsPreprocessing.run(image, shifted, s));
        // correctMask: the mask is resampled onto the image grid by nearest neighbour: image voxel i
        // lies at mask index i - 0.6, whose nearest mask voxel is i - 1
        PyRadiomicsPreprocessing.Result c = PyRadiomicsPreprocessing.run(image, shifted, s.withCorrectMask(true));
        assertEquals(new BoundingBox(new int[] {2, 1, 0}, new int[] {5, 4, 1}), c.boundingBox());
        PyRadiomicsPreprocessing.Result r = PyRadiomicsPreprocessing.run(image, mask, s);
        assertThrows(GeometryMismatchException.class, () -> r.crop(Volume.zeros(Geometry.of(6, 6, 4, 1, 1, 2))));
        // within: an image on the box's grid is taken as it is; the whole grid is another grid
        assertSame(r.roi(), r.within(r.roi().image()));
        Volume onBox = r.image().crop(r.boundingBox());
        assertSame(onBox, r.within(onBox).image());
        assertArrayEquals(r.roi().intensityVoxelIndices(), r.within(onBox).intensityVoxelIndices());
        assertThrows(GeometryMismatchException.class, () -> r.within(r.image()));
    }

    @Test
    void pyradiomicsSettingsDictionary() {
        Map<String, Object> d = new HashMap<>();
        d.put("label", 2L);
        d.put("normalize", true);
        d.put("normalizeScale", 100L);
        d.put("removeOutliers", 3.0);
        d.put("resampledPixelSpacing", List.of(1L, 1L, 0L));
        d.put("interpolator", "sitkLinear");
        d.put("padDistance", 10L);
        d.put("resegmentRange", List.of(-3L, 3L));
        d.put("resegmentMode", "sigma");
        d.put("minimumROIDimensions", 1L);
        d.put("minimumROISize", null);
        d.put("binWidth", 25L); // a feature setting: ignored here
        PyRadiomicsPreprocessing.Settings s = PyRadiomicsPreprocessing.Settings.fromPyRadiomics(d);
        assertEquals(2, s.label());
        assertTrue(s.normalize());
        assertEquals(100, s.normalizeScale(), 0);
        assertEquals(3, s.removeOutliers(), 0);
        assertArrayEquals(new double[] {1, 1, 0}, s.resampledPixelSpacing(), 0);
        assertEquals(Interpolator.LINEAR, s.interpolator());
        assertEquals(10, s.padDistance());
        assertEquals(Resegmentation.Mode.SIGMA, s.resegmentMode());
        assertEquals(1, s.minimumRoiDimensions());
        assertEquals(0, s.minimumRoiSize());
        d.put("padDistance", "five");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> PyRadiomicsPreprocessing.Settings.fromPyRadiomics(d));
        assertTrue(e.getMessage().contains("padDistance"));
        d.put("padDistance", 5L);
        d.put("interpolator", "sitkLanczosWindowedSinc");
        assertThrows(IllegalArgumentException.class, () -> PyRadiomicsPreprocessing.Settings.fromPyRadiomics(d));
    }

    @Test
    void ibsiInPlaneInterpolationKeepsTheSlices() {
        IbsiPreprocessing.Result r = IbsiPreprocessing.run(image, mask, IbsiPreprocessing.Settings.none()
            .withInterpolation(new double[] {0.5, 0.5, 0}, Interpolator.LINEAR, true).withRange(0, 500));
        Geometry g = r.image().geometry();
        assertArrayEquals(new int[] {12, 12, 3}, g.size());
        assertArrayEquals(new double[] {0.5, 0.5, 2}, g.spacing(), 0);
        assertEquals(0, r.binOrigin(), 0);
        // slices are untouched along z: the block covers slices 0 and 1 only
        RoiImage roi = r.roi();
        for (int n = 2 * 144; n < 3 * 144; n++) {
            assertFalse(roi.morphologicalMask()[n]);
        }
        // the 4 x 4 voxel block becomes 8 x 8 half-voxels per slice (boundary fractions are 0.25 / 0.75)
        assertEquals(2 * 64, roi.morphologicalVoxelCount());
        RoiImage cropped = r.roi(1);
        assertArrayEquals(new int[] {10, 10, 3}, cropped.geometry().size());
        assertEquals(roi.morphologicalVoxelCount(), cropped.morphologicalVoxelCount());
        assertEquals(roi.intensityVoxelCount(), cropped.intensityVoxelCount());
        assertTrue(roi.intensityVoxelCount() < roi.morphologicalVoxelCount());
    }

    @Test
    void ibsiWithoutInterpolationKeepsTheImage() {
        IbsiPreprocessing.Result r = IbsiPreprocessing.run(image, mask, IbsiPreprocessing.Settings.none());
        assertEquals(image, r.image());
        assertEquals(32, r.roi().intensityVoxelCount());
        assertTrue(Double.isNaN(r.binOrigin()));
        assertThrows(InvalidRoiException.class, () -> IbsiPreprocessing.run(image, mask,
            IbsiPreprocessing.Settings.none().withLabel(4)));
    }
}
