package org.radtab.radiomics.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** Interpolation kernels on hand-computed phantoms. */
class ResamplerTest {

    /** A line of samples along x (spacing 1, origin 0). */
    static Volume line(double... v) {
        return Volume.wrap(Geometry.of(v.length, 1, 1, 1, 1, 1), v.clone());
    }

    /** The value at continuous x index {@code c} of a line volume. */
    static double at(Volume src, double c, Interpolator interp, SamplingConvention conv) {
        Geometry t = Geometry.of(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {c, 0, 0});
        return Resampler.resample(src, t, interp, conv, OutputCast.NONE).data()[0];
    }

    @Test
    void linearInterpolationOfALinearRampIsExact() {
        Geometry g = Geometry.of(7, 6, 5, 1, 1, 1);
        double[] d = new double[g.voxelCount()];
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 6; j++) {
                for (int i = 0; i < 7; i++) {
                    d[g.index(i, j, k)] = 2 * i + 3 * j - k + 5;
                }
            }
        }
        // target points inside the hull of the source voxel centres
        Geometry t = Geometry.of(new int[] {10, 9, 5}, new double[] {0.6, 0.55, 0.8}, new double[] {0.3, 0.1, 0.25});
        for (SamplingConvention conv : SamplingConvention.values()) {
            Volume r = Resampler.resample(Volume.wrap(g, d), t, Interpolator.LINEAR, conv, OutputCast.NONE);
            for (int k = 0; k < 5; k++) {
                for (int j = 0; j < 9; j++) {
                    for (int i = 0; i < 10; i++) {
                        double x = 0.3 + 0.6 * i;
                        double y = 0.1 + 0.55 * j;
                        double z = 0.25 + 0.8 * k;
                        assertEquals(2 * x + 3 * y - z + 5, r.get(i, j, k), 1e-12);
                    }
                }
            }
        }
    }

    @Test
    void splinesInterpolateTheSamples() {
        Random rnd = new Random(7);
        Geometry g = Geometry.of(23, 19, 11, 1, 1, 1);
        double[] d = new double[g.voxelCount()];
        for (int n = 0; n < d.length; n++) {
            d[n] = rnd.nextInt(2000) - 1000;
        }
        // a sub-grid at whole-voxel offsets: every target point is a source sample
        Geometry t = Geometry.of(new int[] {20, 15, 7}, new double[] {1, 1, 1}, new double[] {2, 1, 3});
        for (Interpolator interp : new Interpolator[] {Interpolator.BSPLINE_ITK, Interpolator.BSPLINE_IBSI}) {
            Volume r = Resampler.resample(Volume.wrap(g, d), t, interp, SamplingConvention.IBSI, OutputCast.NONE);
            for (int k = 0; k < 7; k++) {
                for (int j = 0; j < 15; j++) {
                    for (int i = 0; i < 20; i++) {
                        assertEquals(d[g.index(i + 2, j + 1, k + 3)], r.get(i, j, k), 1e-9, interp.name());
                    }
                }
            }
        }
    }

    @Test
    void splinesReproduceCubicPolynomialsAwayFromTheBorders() {
        int n = 64;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = cubic(i);
        }
        Geometry t = Geometry.of(new int[] {40, 1, 1}, new double[] {0.37, 1, 1}, new double[] {24.1, 0, 0});
        for (Interpolator interp : new Interpolator[] {Interpolator.BSPLINE_ITK, Interpolator.BSPLINE_IBSI}) {
            Volume r = Resampler.resample(line(v), t, interp, SamplingConvention.IBSI, OutputCast.NONE);
            for (int k = 0; k < 40; k++) {
                double x = 24.1 + 0.37 * k;
                assertEquals(cubic(x), r.data()[k], 1e-9 * Math.max(1, Math.abs(cubic(x))), interp + " at " + x);
            }
        }
    }

    private static double cubic(double x) {
        return 0.01 * x * x * x - 0.3 * x * x + 2 * x - 7;
    }

    /**
     * ITK mirror spline of (0, 6, 0): the mirror extension is the alternating sequence 0, 6, 0, 6, ...
     * whose coefficients are c_k = 3 - 9 (-1)^k; at t = 1/2 the weights are (1, 23, 23, 1) / 48, at
     * t = 1/4 they are (27, 235, 121, 1) / 384.
     */
    @Test
    void itkSplineMirrorBoundaryByHand() {
        Volume src = line(0, 6, 0);
        SamplingConvention itk = SamplingConvention.ITK;
        assertEquals(3.0, at(src, 0.5, Interpolator.BSPLINE_ITK, itk), 1e-12);
        assertEquals(3.0, at(src, 1.5, Interpolator.BSPLINE_ITK, itk), 1e-12);
        double quarter = (12 * 27 - 6 * 235 + 12 * 121 - 6 * 1) / 384.0; // 0.9375
        assertEquals(0.9375, quarter, 0);
        assertEquals(quarter, at(src, 0.25, Interpolator.BSPLINE_ITK, itk), 1e-12);
        // mirror symmetry about index 0, and the outer half-voxel band is still interpolated
        assertEquals(quarter, at(src, -0.25, Interpolator.BSPLINE_ITK, itk), 1e-12);
        assertEquals(6.0, at(src, 1, Interpolator.BSPLINE_ITK, itk), 1e-12);
        // beyond the half-voxel band: default value 0
        assertEquals(0.0, at(line(5, 6, 5), -0.51, Interpolator.BSPLINE_ITK, itk), 0);
        assertEquals(0.0, at(line(5, 6, 5), 2.5, Interpolator.BSPLINE_ITK, itk), 0);
        assertEquals(at(line(5, 6, 5), 2.49, Interpolator.BSPLINE_ITK, itk),
            at(line(5, 6, 5), 1.51, Interpolator.BSPLINE_ITK, itk), 1e-12);
    }

    /**
     * IBSI (scipy nearest) spline of (0, 6, 0): with 12 zeros of edge padding this is an impulse of
     * height 6 in a long zero line, whose spline coefficients are 6 sqrt(3) z^|k|; half-way to the
     * next sample the value is 6 sqrt(3) (23 (1 + z) + z + z^2) / 48 = (60 - 18 sqrt(3)) / 8.
     */
    @Test
    void ibsiSplineImpulseResponseByHand() {
        Volume src = line(0, 6, 0);
        double expected = (60 - 18 * Math.sqrt(3)) / 8; // 3.6029
        assertEquals(expected, at(src, 1.5, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI), 1e-12);
        assertEquals(expected, at(src, 0.5, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI), 1e-12);
        assertEquals(6.0, at(src, 1, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI), 1e-12);
        // a constant line stays constant outside the grid (nearest-value extension)
        assertEquals(4.0, at(line(4, 4, 4, 4), -3.2, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI), 1e-12);
        assertEquals(4.0, at(line(4, 4, 4, 4), 30, Interpolator.BSPLINE_IBSI, SamplingConvention.IBSI), 1e-12);
    }

    @Test
    void nearestNeighbourRoundsHalvesUp() {
        Volume src = line(10, 20, 30);
        for (SamplingConvention conv : SamplingConvention.values()) {
            assertEquals(20, at(src, 0.5, Interpolator.NEAREST, conv), 0);
            assertEquals(30, at(src, 1.5, Interpolator.NEAREST, conv), 0);
            assertEquals(20, at(src, 1.4999, Interpolator.NEAREST, conv), 0);
            assertEquals(10, at(src, -0.5, Interpolator.NEAREST, conv), 0);
        }
        // outside: ITK gives 0 from -0.5 (exclusive) and from n - 0.5 (inclusive); IBSI extends the edge
        assertEquals(0, at(src, -0.5001, Interpolator.NEAREST, SamplingConvention.ITK), 0);
        assertEquals(0, at(src, 2.5, Interpolator.NEAREST, SamplingConvention.ITK), 0);
        assertEquals(30, at(src, 2.4999, Interpolator.NEAREST, SamplingConvention.ITK), 0);
        assertEquals(10, at(src, -7, Interpolator.NEAREST, SamplingConvention.IBSI), 0);
        assertEquals(30, at(src, 9, Interpolator.NEAREST, SamplingConvention.IBSI), 0);
    }

    @Test
    void linearExtendsTheEdgeValue() {
        Volume src = line(10, 20, 30);
        assertEquals(15, at(src, 0.5, Interpolator.LINEAR, SamplingConvention.IBSI), 1e-12);
        assertEquals(10, at(src, -0.4, Interpolator.LINEAR, SamplingConvention.ITK), 1e-12);
        assertEquals(10, at(src, -3, Interpolator.LINEAR, SamplingConvention.IBSI), 1e-12);
        assertEquals(30, at(src, 2.3, Interpolator.LINEAR, SamplingConvention.IBSI), 1e-12);
        assertEquals(0, at(src, 2.6, Interpolator.LINEAR, SamplingConvention.ITK), 0);
    }

    @Test
    void outputCasts() {
        assertEquals(-1, OutputCast.INT16.apply(-1.7), 0);
        assertEquals(1, OutputCast.INT16.apply(1.7), 0);
        assertEquals(32767, OutputCast.INT16.apply(40000.2), 0);
        assertEquals(-32768, OutputCast.INT16.apply(-1e9), 0);
        assertEquals(0, OutputCast.UINT8.apply(-3.2), 0);
        assertEquals(255, OutputCast.UINT8.apply(255.9), 0);
        assertEquals(2, OutputCast.ROUND.apply(2.5), 0);
        assertEquals(4, OutputCast.ROUND.apply(3.5), 0);
        assertEquals(-2, OutputCast.ROUND.apply(-2.5), 0);
        assertEquals(0.1f, OutputCast.FLOAT32.apply(0.1), 0);
        assertEquals(OutputCast.INT16, OutputCast.forPixelType("short"));
        assertEquals(OutputCast.FLOAT32, OutputCast.forPixelType("float"));
        assertThrows(IllegalArgumentException.class, () -> OutputCast.forPixelType("complex"));
        // ITK interpolation truncates toward zero when written back to int16
        Volume src = line(-3, -4, 5);
        Geometry t = Geometry.of(new int[] {1, 1, 1}, new double[] {1, 1, 1}, new double[] {0.3, 0, 0});
        assertEquals(-3, Resampler.resample(src, t, Interpolator.LINEAR, SamplingConvention.ITK, OutputCast.INT16)
            .data()[0], 0); // -3.3 -> -3
    }

    @Test
    void cutWindowsGiveTheSameSplineAsTheWholeLine() {
        Random rnd = new Random(11);
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextGaussian() * 100;
        }
        Volume src = line(v);
        for (Interpolator interp : new Interpolator[] {Interpolator.BSPLINE_ITK, Interpolator.BSPLINE_IBSI}) {
            // whole line: the window covers every sample; small target: the window is cut at both ends
            Geometry whole = Geometry.of(new int[] {599, 1, 1}, new double[] {0.5, 1, 1}, new double[] {0, 0, 0});
            Geometry part = Geometry.of(new int[] {21, 1, 1}, new double[] {0.5, 1, 1}, new double[] {140, 0, 0});
            double[] a = Resampler.resample(src, whole, interp, SamplingConvention.IBSI, OutputCast.NONE).data();
            double[] b = Resampler.resample(src, part, interp, SamplingConvention.IBSI, OutputCast.NONE).data();
            for (int k = 0; k < 21; k++) {
                assertEquals(a[280 + k], b[k], 1e-12, interp.name());
            }
        }
    }

    @Test
    void labelsAreResampledByNearestNeighbour() {
        Geometry g = Geometry.of(4, 1, 1, 1, 1, 1);
        Mask m = Mask.wrap(g, new int[] {0, 2, 7, 7});
        Geometry t = Geometry.of(new int[] {8, 1, 1}, new double[] {0.5, 1, 1}, new double[] {-0.25, 0, 0});
        // centres -0.25, 0.25, 0.75, ..., 3.25: rounding halves up
        assertArrayEquals(new int[] {0, 0, 2, 2, 7, 7, 7, 7},
            Resampler.resampleLabels(m, t, SamplingConvention.ITK).labels());
    }

    @Test
    void differentDirectionsAreRejected() {
        Geometry g = Geometry.of(4, 4, 4, 1, 1, 1);
        Geometry t = new Geometry(new int[] {4, 4, 4}, new double[] {1, 1, 1}, new double[3],
            new double[] {0, 1, 0, 1, 0, 0, 0, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> Resampler.resample(Volume.zeros(g), t,
            Interpolator.LINEAR, SamplingConvention.IBSI, OutputCast.NONE));
    }
}
