package org.radtab.radiomics.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * The n-dimensional stationary wavelet transform as PyWavelets' {@code swtn} computes it
 * (periodization, decomposition filters {@code dec_lo}/{@code dec_hi}, no normalisation, i.e.
 * {@code norm=False}, {@code trim_approx=False}).
 *
 * <p>For every level {@code i = startLevel .. startLevel + level - 1} the current data is filtered
 * along each of {@code axes} in the given order with the low-pass (letter L, PyWavelets 'a') and
 * high-pass (letter H, PyWavelets 'd'); along an axis of length {@code n}
 *
 * <pre>  out[m] = sum_k h[k] * in[(m + (F/2) 2^i - k 2^i) mod n]</pre>
 *
 * with {@code F} the filter length (at level {@code i} the filter is upsampled by inserting
 * {@code 2^i - 1} zeros between taps; the offset is half the upsampled length, PyWavelets'
 * {@code downsampling_convolution_periodization} with step 1). The LL..L band of a level is the
 * input of the next one. Letter {@code m} of a band name refers to {@code axes[m]}.
 *
 * <p>Axis numbers here are RadTab's (0 = x = i, 1 = y = j, 2 = z = k). A NumPy array made from an
 * ITK image has the reversed order (NumPy axis 0 = z), so PyWavelets {@code axes=(2, 1, 0)} is
 * {@code {0, 1, 2}} here.
 *
 * <p>Every transformed axis length must be divisible by {@code 2^(startLevel + level)}, as
 * PyWavelets requires ({@code ValueError} otherwise; here {@link IllegalArgumentException}).
 */
public final class StationaryWaveletTransform {
    private StationaryWaveletTransform() {
    }

    /**
     * Computes {@code swtn(data, wavelet, level, start_level, axes)}.
     *
     * @return one map per computed level in increasing level order (PyWavelets returns them in
     *     decreasing order), each with all {@code 2^axes.length} bands keyed by L/H letters in
     *     lexicographic order (the LL..L approximation first), on the input's geometry
     */
    public static List<LinkedHashMap<String, Volume>> swtn(Volume data, Wavelet wavelet, int level, int startLevel,
                                                           int... axes) {
        Geometry g = data.geometry();
        validate(g, level, startLevel, axes);
        List<LinkedHashMap<String, Volume>> out = new ArrayList<>();
        double[] cur = data.data();
        for (int i = startLevel; i < startLevel + level; i++) {
            double[][] bands = UndecimatedWavelet.bands(cur, g.nx(), g.ny(), g.nz(), wavelet, i + 1, axes,
                BoundaryCondition.PERIODIC);
            LinkedHashMap<String, Volume> m = new LinkedHashMap<>();
            for (int b = 0; b < bands.length; b++) {
                m.put(UndecimatedWavelet.bandName(b, axes.length), Volume.wrap(g, bands[b]));
            }
            out.add(m);
            cur = bands[0];
        }
        return out;
    }

    static void validate(Geometry g, int level, int startLevel, int[] axes) {
        if (level < 1) {
            throw new IllegalArgumentException("swtn level must be >= 1, was " + level);
        }
        if (startLevel < 0) {
            throw new IllegalArgumentException("swtn start level must be >= 0, was " + startLevel);
        }
        if (axes.length == 0 || axes.length > 3) {
            throw new IllegalArgumentException("swtn needs 1 to 3 axes, had " + axes.length);
        }
        boolean[] seen = new boolean[3];
        for (int a : axes) {
            if (a < 0 || a > 2) {
                throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + a);
            }
            if (seen[a]) {
                throw new IllegalArgumentException("swtn axes must be unique");
            }
            seen[a] = true;
            long divisor = 1L << (startLevel + level);
            if (g.size(a) % divisor != 0) {
                throw new IllegalArgumentException("axis " + a + " has length " + g.size(a)
                    + ", not divisible by 2^(start_level + level) = " + divisor);
            }
        }
    }
}
