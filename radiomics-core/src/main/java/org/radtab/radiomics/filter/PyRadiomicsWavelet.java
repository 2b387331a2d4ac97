package org.radtab.radiomics.filter;

import java.util.LinkedHashMap;
import java.util.Objects;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/**
 * PyRadiomics' {@code Wavelet} image type (PyRadiomics 3.x {@code getWaveletImage} /
 * {@code _swt3}), on top of PyWavelets' {@code swtn} ({@link StationaryWaveletTransform}).
 *
 * <ol>
 *   <li><b>Padding</b>: every axis of odd length gets one extra sample at its end with periodic
 *       content ({@code numpy.pad(data, (0, 1), 'wrap')}), i.e. a copy of index 0 along that axis;
 *       even axes are unchanged.</li>
 *   <li><b>Axes</b>: all image axes in the order x, y, z (PyRadiomics passes NumPy axes
 *       {@code (2, 1, 0)}, and NumPy axis 0 is z). With {@code force2D} the axis
 *       {@code force2Ddimension} (a NumPy index: 0 = z, 1 = y, 2 = x) is left out and names have
 *       two letters.</li>
 *   <li><b>Levels</b>: PyRadiomics calls {@code swtn(data, wavelet, level=1, start_level=0)} once
 *       per level, each time on the previous approximation. So every level uses the same,
 *       undilated level-1 filters (no "a trous" dilation; this differs from a single multi-level
 *       {@code swtn} call and from IBSI). The first {@code start_level} levels are computed and
 *       only their approximation is kept.</li>
 *   <li><b>Filtering</b>: periodic (periodization) on the padded length {@code n'}:
 *       {@code out[m] = sum_k h[k] in[(m + F/2 - k) mod n']}, filters {@code dec_lo}/{@code dec_hi}
 *       unnormalised.</li>
 *   <li><b>Names and order</b>: letter order x, y, z ({@code wavelet-HLL} = high-pass along x).
 *       For each computed level {@code idx = 1..level} the 7 (3 in 2D) detail bands in the order
 *       LLH, LHL, LHH, HLL, HLH, HHL, HHH, named {@code wavelet-XXX} for {@code idx = 1} and
 *       {@code wavelet<idx>-XXX} otherwise; then the last approximation, {@code wavelet-LLL} when
 *       one level was computed, else {@code wavelet<level>-LLL}.</li>
 *   <li><b>Crop</b>: every output is cropped back to the input size (the padded sample removed)
 *       and put on the input geometry.</li>
 * </ol>
 * PyWavelets computes in the input's floating type (float32 for a float32 SimpleITK image); this
 * class always computes in double.
 */
public final class PyRadiomicsWavelet implements MultiImageFilter {

    /**
     * @param wavelet          filter bank (PyRadiomics default {@code coif1})
     * @param startLevel       levels computed and discarded first (default 0), &gt;= 0
     * @param level            levels output (default 1), &gt;= 1
     * @param force2D          leave out one axis (PyRadiomics {@code force2D})
     * @param force2Ddimension NumPy index of the left-out axis: 0 = z (default), 1 = y, 2 = x
     */
    public record Parameters(Wavelet wavelet, int startLevel, int level, boolean force2D, int force2Ddimension) {
        public Parameters {
            Objects.requireNonNull(wavelet, "wavelet");
            if (startLevel < 0) {
                throw new IllegalArgumentException("wavelet start_level must be >= 0, was " + startLevel);
            }
            if (level < 1) {
                throw new IllegalArgumentException("wavelet level must be >= 1, was " + level);
            }
            if (force2Ddimension < 0 || force2Ddimension > 2) {
                throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, was " + force2Ddimension);
            }
        }

        /** PyRadiomics defaults: coif1, start level 0, one level, 3D. */
        public static Parameters defaults() {
            return new Parameters(Wavelet.of("coif1"), 0, 1, false, 0);
        }
    }

    private final Parameters parameters;

    public PyRadiomicsWavelet(Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    public Parameters parameters() { return parameters; }

    /** The axes transformed, in RadTab numbering (0 = x), in letter order. */
    int[] axes() {
        if (!parameters.force2D()) {
            return new int[] {0, 1, 2};
        }
        int skip = 2 - parameters.force2Ddimension();
        int[] a = new int[2];
        int m = 0;
        for (int axis = 0; axis < 3; axis++) {
            if (axis != skip) {
                a[m++] = axis;
            }
        }
        return a;
    }

    @Override
    public LinkedHashMap<String, Volume> applyAll(Volume input) {
        return applyAll(input, null);
    }

    /**
     * The bands inside {@code region} (everywhere when null): the values in the region are exactly
     * those of {@link #applyAll(Volume)}. The last level is computed only where the region needs
     * it, so its bands (and the approximation) are 0 outside the region; the detail bands of
     * earlier levels (level &gt; 1) are computed whole.
     *
     * @throws IllegalArgumentException if the region does not fit the image grid
     */
    public LinkedHashMap<String, Volume> applyAll(Volume input, BoundingBox region) {
        return compute(input, region, false);
    }

    /**
     * As {@link #applyAll(Volume, BoundingBox)}, each band as a volume on the region's sub-grid
     * ({@link Geometry#subGrid}): the last level's convolutions write the region directly (no
     * whole-grid band, no copy); bands of earlier levels are copied out of their padded grid.
     *
     * @throws NullPointerException     if {@code region} is null
     * @throws IllegalArgumentException if the region does not fit the image grid
     */
    public LinkedHashMap<String, Volume> applyAllWithin(Volume input, BoundingBox region) {
        java.util.Objects.requireNonNull(region, "region");
        return compute(input, region, true);
    }

    private LinkedHashMap<String, Volume> compute(Volume input, BoundingBox region, boolean within) {
        Geometry g = input.geometry();
        if (region != null && !region.fitsIn(g)) {
            throw new IllegalArgumentException("region " + region + " does not fit the image grid " + g);
        }
        int[] size = g.size();
        int[] psize = new int[3];
        for (int a = 0; a < 3; a++) {
            psize[a] = size[a] % 2 != 0 ? size[a] + 1 : size[a];
        }
        double[] padded = pad(input.data(), size, psize);
        int[] axes = axes();
        int d = axes.length;
        Wavelet w = parameters.wavelet();
        for (int i = 0; i < parameters.startLevel(); i++) {
            padded = UndecimatedWavelet.approximation(padded, psize[0], psize[1], psize[2], w, 1, axes,
                BoundaryCondition.PERIODIC);
        }
        LinkedHashMap<String, Volume> out = new LinkedHashMap<>();
        for (int idx = 1; idx <= parameters.level(); idx++) {
            boolean last = idx == parameters.level();
            boolean boxBands = last && within; // the last level's bands written as the region itself
            double[][] bands = UndecimatedWavelet.bands(padded, psize[0], psize[1], psize[2], w, 1, axes,
                BoundaryCondition.PERIODIC, last && region != null ? region.lo() : null,
                last && region != null ? region.hi() : null, boxBands);
            String prefix = idx == 1 ? "wavelet-" : "wavelet" + idx + "-";
            for (int b = 1; b < bands.length; b++) {
                out.put(prefix + UndecimatedWavelet.bandName(b, d),
                    boxBands ? Volume.wrap(g.subGrid(region.lo(), region.size()), bands[b])
                        : output(bands[b], g, psize, region, within));
                bands[b] = null; // the padded band is no longer needed once cropped (peak heap)
            }
            padded = bands[0];
        }
        String lll = "L".repeat(d);
        String approxName = parameters.level() == 1 ? "wavelet-" + lll : "wavelet" + parameters.level() + "-" + lll;
        out.put(approxName, within ? Volume.wrap(g.subGrid(region.lo(), region.size()), padded)
            : output(padded, g, psize, region, false));
        return out;
    }

    /** A padded band as a volume on the image grid, or on the region's sub-grid when {@code within}. */
    private static Volume output(double[] band, Geometry g, int[] psize, BoundingBox region, boolean within) {
        if (!within) {
            return Volume.wrap(g, crop(band, psize, g.size()));
        }
        int[] lo = region.lo();
        int[] s = region.size();
        double[] c = new double[s[0] * s[1] * s[2]];
        int n = 0;
        for (int k = 0; k < s[2]; k++) {
            for (int j = 0; j < s[1]; j++) {
                System.arraycopy(band, lo[0] + psize[0] * (lo[1] + j + psize[1] * (lo[2] + k)), c, n, s[0]);
                n += s[0];
            }
        }
        return Volume.wrap(g.subGrid(lo, s), c);
    }

    static double[] pad(double[] src, int[] size, int[] psize) {
        if (size[0] == psize[0] && size[1] == psize[1] && size[2] == psize[2]) {
            return src;
        }
        double[] p = new double[psize[0] * psize[1] * psize[2]];
        int n = 0;
        for (int k = 0; k < psize[2]; k++) {
            int sk = k % size[2];
            for (int j = 0; j < psize[1]; j++) {
                int sj = j % size[1];
                int row = size[0] * (sj + size[1] * sk);
                System.arraycopy(src, row, p, n, size[0]);
                if (psize[0] > size[0]) {
                    p[n + size[0]] = src[row];
                }
                n += psize[0];
            }
        }
        return p;
    }

    static double[] crop(double[] src, int[] psize, int[] size) {
        if (size[0] == psize[0] && size[1] == psize[1] && size[2] == psize[2]) {
            return src;
        }
        double[] c = new double[size[0] * size[1] * size[2]];
        int n = 0;
        for (int k = 0; k < size[2]; k++) {
            for (int j = 0; j < size[1]; j++) {
                System.arraycopy(src, psize[0] * (j + psize[1] * k), c, n, size[0]);
                n += size[0];
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "PyRadiomicsWavelet" + parameters;
    }
}
