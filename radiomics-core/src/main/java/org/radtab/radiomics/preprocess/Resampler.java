package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Resamples a {@link Volume} or a label {@link Mask} onto another grid with the same direction
 * cosines (any spacing, origin and size), by separable passes over primitive arrays.
 *
 * <p><b>Mapping.</b> Target voxel {@code (i, j, k)} has the physical point
 * {@code o_t + D diag(s_t) (i, j, k)}; its continuous source index is
 * {@code c = diag(s_s)^-1 D^-1 (p - o_s)}. With equal directions this is separable:
 * {@code c_a(k) = start_a + k s_t[a] / s_s[a]} per axis {@code a}. The exact arithmetic of that
 * mapping and the handling of points outside the source grid are fixed by the
 * {@link SamplingConvention}; the kernel by the {@link Interpolator}.
 *
 * <p><b>Algorithm.</b> Per axis a table of source indices and weights (1, 2 or 4 taps) is built
 * once; the source window those taps touch is copied (for the IBSI spline: with 12 edge samples
 * of padding; for splines: plus 32 samples on each side so that the cut does not
 * change the coefficients by more than {@code |z|^32 ~ 6e-19} relative), spline coefficients are
 * computed in place along each resampled axis, and the result is evaluated axis by axis
 * (x, then y, then z), each pass shrinking or growing one dimension. An axis whose target
 * positions are exactly the source indices {@code 0..n-1} is neither filtered nor evaluated, so
 * resampling onto the same grid returns the input values unchanged. Work is
 * {@code O(taps x voxels)} per pass and nothing is allocated per voxel.
 *
 * <p>Finally every value goes through the {@link OutputCast}.
 */
public final class Resampler {
    /** Largest absolute difference between direction cosines of the two grids. */
    public static final double DIRECTION_TOLERANCE = 1e-6;
    /** Edge samples added on each side by the IBSI (scipy {@code mode='nearest'}) spline. */
    static final int IBSI_SPLINE_PAD = 12;

    private Resampler() {
    }

    /**
     * Resamples {@code source} onto {@code target}.
     *
     * @throws IllegalArgumentException if the two grids have different directions
     */
    public static Volume resample(Volume source, Geometry target, Interpolator interpolator,
                                  SamplingConvention convention, OutputCast cast) {
        double[] out = run(source.data(), null, source.geometry(), target, interpolator, convention);
        cast.applyInPlace(out);
        return Volume.wrap(target, out);
    }

    /**
     * Resamples every label of {@code mask} onto {@code target} by nearest neighbour (labels are
     * never mixed); outside the source grid the {@link SamplingConvention#ITK} convention gives
     * label 0.
     */
    public static Mask resampleLabels(Mask mask, Geometry target, SamplingConvention convention) {
        double[] out = run(null, mask.labels(), mask.geometry(), target, Interpolator.NEAREST, convention);
        int[] labels = new int[out.length];
        for (int n = 0; n < out.length; n++) {
            labels[n] = (int) out[n];
        }
        WorkArrays.give(out); // converted: no longer needed
        return Mask.wrap(target, labels, mask.segmentNames());
    }

    private static double[] run(double[] srcD, int[] srcI, Geometry src, Geometry target, Interpolator interpolator,
                                SamplingConvention convention) {
        requireSameDirection(src, target);
        AxisPlan[] plans = new AxisPlan[3];
        for (int a = 0; a < 3; a++) {
            plans[a] = new AxisPlan(coordinates(src, target, a, convention), src.size(a), interpolator, convention);
            if (plans[a].noneInside) {
                return new double[target.voxelCount()];
            }
        }
        int[] dims = {plans[0].winLen, plans[1].winLen, plans[2].winLen};
        double[] g = gather(srcD, srcI, src, plans, dims);
        if (interpolator.isSpline()) {
            SplinePrefilter.Boundary b = interpolator == Interpolator.BSPLINE_ITK
                ? SplinePrefilter.Boundary.ITK_MIRROR : SplinePrefilter.Boundary.SCIPY_REFLECT;
            for (int a = 0; a < 3; a++) {
                if (!plans[a].identity) {
                    SplinePrefilter.filter(g, dims, a, b, plans[a].atStart, plans[a].atEnd, plans[a].coefLength);
                }
            }
        }
        double[] cur = g;
        for (int a = 0; a < 3; a++) {
            if (!plans[a].identity) {
                double[] next = pass(cur, dims, a, plans[a]);
                WorkArrays.give(cur); // the window or an intermediate pass: ours, consumed
                cur = next;
                dims[a] = plans[a].m;
            }
        }
        if (convention == SamplingConvention.ITK) {
            zeroOutside(cur, plans);
        }
        return cur;
    }

    /**
     * Continuous source index of every target voxel along {@code axis} (the other target indices
     * being 0; exact for grids with axis-aligned directions).
     */
    static double[] coordinates(Geometry src, Geometry target, int axis, SamplingConvention convention) {
        int m = target.size(axis);
        double[] c = new double[m];
        if (convention == SamplingConvention.IBSI) {
            double[] o = target.origin();
            double start = src.physicalToIndex(o[0], o[1], o[2])[axis];
            double step = target.spacing(axis) / src.spacing(axis);
            for (int k = 0; k < m; k++) {
                c[k] = start + k * step;
            }
            return c;
        }
        // ITK: index -> physical point -> continuous index, in ITK's order of operations
        double[] dt = target.direction();
        double[] ds = src.direction();
        double[] ot = target.origin();
        double[] os = src.origin();
        double st = target.spacing(axis);
        double[] dinv = invert(ds);
        double[] row = new double[3];
        for (int r = 0; r < 3; r++) {
            row[r] = dinv[3 * axis + r] / src.spacing(axis);
        }
        for (int k = 0; k < m; k++) {
            c[k] = itkIndex(k, axis, dt, st, ot, os, row);
        }
        return c;
    }

    private static double itkIndex(int k, int axis, double[] dt, double st, double[] ot, double[] os, double[] row) {
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            double p = (dt[3 * r + axis] * st) * k + ot[r];
            sum += row[r] * (p - os[r]);
        }
        return sum;
    }

    private static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        // exact for signed permutation matrices (every direction RadTab reads in practice)
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("direction matrix is singular");
        }
        return new double[] {
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det,
        };
    }

    static void requireSameDirection(Geometry src, Geometry target) {
        double[] a = src.direction();
        double[] b = target.direction();
        for (int n = 0; n < 9; n++) {
            if (Math.abs(a[n] - b[n]) > DIRECTION_TOLERANCE) {
                throw new IllegalArgumentException("source and target grids have different directions ("
                    + java.util.Arrays.toString(a) + " vs " + java.util.Arrays.toString(b)
                    + "): only grids with the same direction cosines can be resampled");
            }
        }
    }

    /** Index table of one axis. */
    static final class AxisPlan {
        final int m;
        final boolean identity;
        final boolean[] inside;
        final boolean noneInside;
        final int taps;
        final int[] idx;
        final double[] w;
        /** First window position in coefficient space, window length. */
        final int winLo;
        final int winLen;
        /** Source index of every window position. */
        final int[] srcOfWin;
        final boolean atStart;
        final boolean atEnd;
        final int coefLength;

        AxisPlan(double[] coords, int n, Interpolator interp, SamplingConvention convention) {
            m = coords.length;
            boolean id = m == n;
            for (int k = 0; id && k < m; k++) {
                id = coords[k] == k;
            }
            identity = id;
            inside = new boolean[m];
            boolean any = false;
            for (int k = 0; k < m; k++) {
                inside[k] = convention == SamplingConvention.IBSI || (coords[k] >= -0.5 && coords[k] < n - 0.5);
                any |= inside[k];
            }
            noneInside = !any;
            if (identity) {
                taps = 0;
                idx = null;
                w = null;
                winLo = 0;
                winLen = n;
                srcOfWin = new int[n];
                for (int p = 0; p < n; p++) {
                    srcOfWin[p] = p;
                }
                atStart = true;
                atEnd = true;
                coefLength = n;
                return;
            }
            int pad = interp == Interpolator.BSPLINE_IBSI ? IBSI_SPLINE_PAD : 0;
            coefLength = n + 2 * pad;
            taps = interp == Interpolator.NEAREST ? 1 : interp == Interpolator.LINEAR ? 2 : 4;
            idx = new int[m * taps];
            w = new double[m * taps];
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int k = 0; k < m; k++) {
                if (!inside[k]) {
                    continue;
                }
                double c = coords[k];
                int o = k * taps;
                switch (interp) {
                    case NEAREST:
                        idx[o] = clamp((int) Math.floor(c + 0.5), n);
                        w[o] = 1.0;
                        break;
                    case LINEAR: {
                        double f = Math.floor(c);
                        double t = c - f;
                        int i = (int) f;
                        idx[o] = clamp(i, n);
                        idx[o + 1] = clamp(i + 1, n);
                        w[o] = 1.0 - t;
                        w[o + 1] = t;
                        break;
                    }
                    default: {
                        double cp = c + pad;
                        if (pad > 0) {
                            cp = Math.max(0, Math.min(coefLength - 1, cp));
                        }
                        double f = Math.floor(cp);
                        double t = cp - f;
                        int i = (int) f;
                        double u = 1.0 - t;
                        double t3 = t * t * t / 6.0;
                        double u3 = u * u * u / 6.0;
                        w[o] = u3;
                        w[o + 1] = 2.0 / 3.0 - t * t + 0.5 * t * t * t;
                        w[o + 2] = 2.0 / 3.0 - u * u + 0.5 * u * u * u;
                        w[o + 3] = t3;
                        for (int q = 0; q < 4; q++) {
                            idx[o + q] = mirror(i - 1 + q, coefLength);
                        }
                        break;
                    }
                }
                for (int q = 0; q < taps; q++) {
                    lo = Math.min(lo, idx[o + q]);
                    hi = Math.max(hi, idx[o + q]);
                }
            }
            if (!any) {
                winLo = 0;
                winLen = 1;
                srcOfWin = new int[] {0};
                atStart = true;
                atEnd = true;
                return;
            }
            if (interp.isSpline()) {
                lo = Math.max(0, lo - SplinePrefilter.MARGIN);
                hi = Math.min(coefLength - 1, hi + SplinePrefilter.MARGIN);
            }
            winLo = lo;
            winLen = hi - lo + 1;
            atStart = lo == 0;
            atEnd = hi == coefLength - 1;
            srcOfWin = new int[winLen];
            for (int p = 0; p < winLen; p++) {
                srcOfWin[p] = clamp(lo + p - pad, n);
            }
            for (int k = 0; k < m; k++) {
                for (int q = 0; q < taps; q++) {
                    if (inside[k]) {
                        idx[k * taps + q] -= lo;
                    } else {
                        idx[k * taps + q] = 0;
                        w[k * taps + q] = 0.0;
                    }
                }
            }
        }

        private static int clamp(int i, int n) {
            return i < 0 ? 0 : i >= n ? n - 1 : i;
        }

        /** Whole-sample mirror with period 2n - 2 (index -k -> k, n-1+k -> n-1-k). */
        static int mirror(int i, int n) {
            if (n == 1) {
                return 0;
            }
            int period = 2 * n - 2;
            int r = Math.floorMod(i, period);
            return r < n ? r : period - r;
        }
    }

    private static double[] gather(double[] srcD, int[] srcI, Geometry src, AxisPlan[] plans, int[] dims) {
        int nx = src.nx();
        int ny = src.ny();
        double[] g = WorkArrays.doubles(dims[0] * dims[1] * dims[2]); // every entry written below
        int[] sx = plans[0].srcOfWin;
        int[] sy = plans[1].srcOfWin;
        int[] sz = plans[2].srcOfWin;
        int n = 0;
        for (int k = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                int rowBase = nx * (sy[j] + ny * sz[k]);
                if (srcD != null) {
                    for (int i = 0; i < dims[0]; i++) {
                        g[n++] = srcD[rowBase + sx[i]];
                    }
                } else {
                    for (int i = 0; i < dims[0]; i++) {
                        g[n++] = srcI[rowBase + sx[i]];
                    }
                }
            }
        }
        return g;
    }

    /** One separable evaluation pass along {@code axis}: dimension {@code dims[axis]} becomes {@code plan.m}. */
    private static double[] pass(double[] in, int[] dims, int axis, AxisPlan plan) {
        int m = plan.m;
        int taps = plan.taps;
        int[] idx = plan.idx;
        double[] w = plan.w;
        int d0 = dims[0];
        int d1 = dims[1];
        int d2 = dims[2];
        if (axis == 0) {
            int rows = d1 * d2;
            double[] out = WorkArrays.doubles(m * rows); // every entry written below
            for (int r = 0; r < rows; r++) {
                int ib = r * d0;
                int ob = r * m;
                for (int k = 0; k < m; k++) {
                    int o = k * taps;
                    double s = 0;
                    for (int q = 0; q < taps; q++) {
                        s += w[o + q] * in[ib + idx[o + q]];
                    }
                    out[ob + k] = s;
                }
            }
            return out;
        }
        int[] srcRows = new int[taps];
        if (axis == 1) {
            double[] out = WorkArrays.doubles(d0 * m * d2); // every entry written below
            for (int z = 0; z < d2; z++) {
                for (int k = 0; k < m; k++) {
                    for (int q = 0; q < taps; q++) {
                        srcRows[q] = (z * d1 + idx[k * taps + q]) * d0;
                    }
                    weightedRows(in, srcRows, w, k * taps, taps, out, (z * m + k) * d0, d0);
                }
            }
            return out;
        }
        int plane = d0 * d1;
        double[] out = WorkArrays.doubles(plane * m); // every entry written below
        for (int k = 0; k < m; k++) {
            for (int q = 0; q < taps; q++) {
                srcRows[q] = idx[k * taps + q] * plane;
            }
            weightedRows(in, srcRows, w, k * taps, taps, out, k * plane, plane);
        }
        return out;
    }

    /**
     * {@code out[ob + v] = sum_q w[wb + q] in[src[q] + v]} for {@code v < len}, the taps added in
     * order to a sum starting at 0, up to four taps per pass with the partial sum in a register
     * (one store per voxel and pass instead of one per tap; same order of additions).
     */
    private static void weightedRows(double[] in, int[] src, double[] w, int wb, int taps, double[] out, int ob,
                                     int len) {
        for (int q = 0; q < taps; q += 4) {
            int n = Math.min(4, taps - q);
            boolean first = q == 0;
            final double w0 = w[wb + q];
            final int s0 = src[q];
            if (n == 4) {
                final double w1 = w[wb + q + 1];
                final double w2 = w[wb + q + 2];
                final double w3 = w[wb + q + 3];
                final int s1 = src[q + 1];
                final int s2 = src[q + 2];
                final int s3 = src[q + 3];
                for (int v = 0; v < len; v++) {
                    double a = first ? 0.0 : out[ob + v];
                    a += w0 * in[s0 + v];
                    a += w1 * in[s1 + v];
                    a += w2 * in[s2 + v];
                    a += w3 * in[s3 + v];
                    out[ob + v] = a;
                }
            } else if (n == 2) {
                final double w1 = w[wb + q + 1];
                final int s1 = src[q + 1];
                for (int v = 0; v < len; v++) {
                    double a = first ? 0.0 : out[ob + v];
                    a += w0 * in[s0 + v];
                    a += w1 * in[s1 + v];
                    out[ob + v] = a;
                }
            } else {
                for (int t = 0; t < n; t++) {
                    final double wt = w[wb + q + t];
                    final int st = src[q + t];
                    final boolean start = first && t == 0;
                    for (int v = 0; v < len; v++) {
                        double a = start ? 0.0 : out[ob + v];
                        a += wt * in[st + v];
                        out[ob + v] = a;
                    }
                }
            }
        }
    }

    private static void zeroOutside(double[] out, AxisPlan[] plans) {
        boolean[] ix = plans[0].inside;
        boolean[] iy = plans[1].inside;
        boolean[] iz = plans[2].inside;
        int mx = plans[0].m;
        int my = plans[1].m;
        int mz = plans[2].m;
        int n = 0;
        for (int k = 0; k < mz; k++) {
            for (int j = 0; j < my; j++) {
                boolean rowIn = iz[k] && iy[j];
                for (int i = 0; i < mx; i++, n++) {
                    if (!rowIn || !ix[i]) {
                        out[n] = 0.0;
                    }
                }
            }
        }
    }
}
