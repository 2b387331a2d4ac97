package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

class ResamplingPropertiesTest {

    private static Volume random(Geometry g, long seed) {
        Random r = new Random(seed);
        double[] d = new double[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = r.nextInt(4000) - 1000;
        }
        return Volume.wrap(g, d);
    }

    private static Geometry grid(int nx, int ny, int nz, double sx, double sy, double sz, double ox) {
        return Geometry.of(new int[] {nx, ny, nz}, new double[] {sx, sy, sz}, new double[] {ox, -3.5, 12});
    }

    @Property(tries = 60)
    void resamplingToTheSameGridIsTheIdentity(@ForAll @IntRange(min = 1, max = 9) int nx,
                                              @ForAll @IntRange(min = 1, max = 9) int ny,
                                              @ForAll @IntRange(min = 1, max = 9) int nz,
                                              @ForAll @DoubleRange(min = 0.3, max = 4) double s,
                                              @ForAll long seed) {
        Geometry g = grid(nx, ny, nz, s, s * 1.3, s * 2.1, 17.25);
        Volume v = random(g, seed);
        for (Interpolator interp : Interpolator.values()) {
            // IBSI: same spacing gives the same grid, and positions are exactly 0..n-1
            Geometry t = ResamplingGrid.ibsi(g, g.spacing());
            assertEquals(g, t);
            assertArrayEquals(v.data(), Resampler.resample(v, t, interp, SamplingConvention.IBSI, OutputCast.NONE).data(),
                0.0, interp.name());
            // ITK: positions through physical points carry rounding, values agree to rounding
            double[] itk = Resampler.resample(v, g, interp, SamplingConvention.ITK, OutputCast.NONE).data();
            for (int n = 0; n < itk.length; n++) {
                assertEquals(v.data()[n], itk[n], 1e-9 * 4000, interp.name());
            }
        }
    }

    @Property(tries = 60)
    void linearStaysWithinTheInputRangeAndConstantsStayConstant(@ForAll @DoubleRange(min = 0.2, max = 3) double s,
                                                                 @ForAll @DoubleRange(min = -5, max = 5) double shift,
                                                                 @ForAll long seed) {
        Geometry g = grid(8, 7, 5, 1, 1.2, 2, 0);
        Volume v = random(g, seed);
        Geometry t = Geometry.of(new int[] {11, 9, 6}, new double[] {s, s, s}, new double[] {shift, -3.5 + shift, 12});
        double[] mm = v.minMeanMax();
        for (double x : Resampler.resample(v, t, Interpolator.LINEAR, SamplingConvention.IBSI, OutputCast.NONE).data()) {
            assertTrue(x >= mm[0] - 1e-9 && x <= mm[2] + 1e-9);
        }
        double[] c = new double[g.voxelCount()];
        java.util.Arrays.fill(c, -731.5);
        for (Interpolator interp : Interpolator.values()) {
            for (double x : Resampler.resample(Volume.wrap(g, c), t, interp, SamplingConvention.IBSI, OutputCast.NONE)
                .data()) {
                assertEquals(-731.5, x, 1e-9, interp.name());
            }
        }
    }

    /** ITK mirror boundary: f(-t) = f(t) within the half-voxel band. */
    @Property(tries = 60)
    void itkSplineIsMirrorSymmetricAtTheBorder(@ForAll @DoubleRange(min = 0, max = 0.49) double t,
                                              @ForAll @IntRange(min = 2, max = 40) int n,
                                              @ForAll long seed) {
        Volume v = random(Geometry.of(n, 1, 1, 1, 1, 1), seed);
        assertEquals(ResamplerTest.at(v, t, Interpolator.BSPLINE_ITK, SamplingConvention.ITK),
            ResamplerTest.at(v, -t, Interpolator.BSPLINE_ITK, SamplingConvention.ITK), 1e-9 * 4000);
        assertEquals(ResamplerTest.at(v, n - 1 - t, Interpolator.BSPLINE_ITK, SamplingConvention.ITK),
            ResamplerTest.at(v, n - 1 + t, Interpolator.BSPLINE_ITK, SamplingConvention.ITK), 1e-9 * 4000);
    }

    /** A higher partial-volume threshold keeps a subset of the voxels. */
    @Property(tries = 40)
    void maskThresholdIsMonotone(@ForAll @DoubleRange(min = 0.01, max = 1) double t1,
                                 @ForAll @DoubleRange(min = 0.01, max = 1) double t2,
                                 @ForAll @DoubleRange(min = 0.3, max = 2.5) double s,
                                 @ForAll long seed) {
        Geometry g = grid(9, 8, 6, 1, 1, 1.5, 0);
        Random r = new Random(seed);
        int[] l = new int[g.voxelCount()];
        for (int n = 0; n < l.length; n++) {
            l[n] = r.nextDouble() < 0.4 ? 1 : 0;
        }
        l[g.index(4, 4, 3)] = 1;
        Mask m = Mask.wrap(g, l);
        Volume v = random(g, seed);
        double lo = Math.min(t1, t2);
        double hi = Math.max(t1, t2);
        IbsiPreprocessing.Settings base = IbsiPreprocessing.Settings.none()
            .withInterpolation(new double[] {s, s, s}, Interpolator.LINEAR, false);
        boolean[] a;
        boolean[] b;
        try {
            a = IbsiPreprocessing.run(v, m, base.withMaskInterpolation(Interpolator.LINEAR, lo)).roi().morphologicalMask();
        } catch (InvalidRoiException e) {
            return; // nothing left even at the lower threshold
        }
        try {
            b = IbsiPreprocessing.run(v, m, base.withMaskInterpolation(Interpolator.LINEAR, hi)).roi().morphologicalMask();
        } catch (InvalidRoiException e) {
            return;
        }
        for (int n = 0; n < a.length; n++) {
            assertTrue(!b[n] || a[n], "voxel kept at " + hi + " but not at " + lo);
        }
    }

    /** The IBSI grid keeps the physical centre of the original grid. */
    @Property(tries = 100)
    void ibsiGridKeepsTheCentre(@ForAll @IntRange(min = 1, max = 300) int n,
                                @ForAll @DoubleRange(min = 0.1, max = 5) double s,
                                @ForAll @DoubleRange(min = 0.1, max = 5) double sNew,
                                @ForAll @DoubleRange(min = -200, max = 200) double origin) {
        Geometry g = Geometry.of(new int[] {n, 2, 1}, new double[] {s, 1, 1}, new double[] {origin, 0, 0});
        Geometry t = ResamplingGrid.ibsi(g, new double[] {sNew, 0, 0});
        double c0 = origin + s * (n - 1) / 2;
        double c1 = t.origin()[0] + sNew * (t.nx() - 1) / 2;
        assertEquals(c0, c1, 1e-9 * Math.max(1, Math.abs(c0)));
        assertTrue(t.nx() * sNew >= n * s - 1e-6 * n * s);
        assertTrue((t.nx() - 1) * sNew < n * s);
    }
}
