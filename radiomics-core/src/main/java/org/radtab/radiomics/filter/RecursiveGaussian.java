package org.radtab.radiomics.filter;

/**
 * ITK's recursive (IIR) Gaussian along one line: the Deriche-style 4th-order approximation of
 * convolution with a Gaussian (order 0) or its first or second derivative, as
 * {@code itk::RecursiveGaussianImageFilter} computes it. RadTab's own implementation of the
 * published algorithm (R. Deriche, "Recursively implementing the Gaussian and its derivatives",
 * INRIA RR-1893, 1993; ITK's coefficient normalisation and boundary initialisation).
 *
 * <p><b>Coefficients.</b> With {@code s = sigma / spacing} (sigma in mm, so the filter is in
 * voxel units of that axis), the constants
 * {@code a1 = (1.3530, -0.6724, -1.3563)}, {@code b1 = (1.8151, -3.4327, 5.2318)},
 * {@code w1 = 0.6681}, {@code l1 = -1.3932}, {@code a2 = (-0.3531, 0.6724, 0.3446)},
 * {@code b2 = (0.0902, 0.6100, -2.2355)}, {@code w2 = 2.0787}, {@code l2 = -1.3732} (index =
 * derivative order 0, 1, 2) define, with {@code E_i = exp(l_i / s)}, {@code C_i = cos(w_i / s)},
 * {@code S_i = sin(w_i / s)}:
 * <pre>
 *   D1 = -2 (E2 C2 + E1 C1)          D2 = 4 C2 C1 E1 E2 + E1^2 + E2^2
 *   D3 = -2 C1 E1 E2^2 - 2 C2 E2 E1^2  D4 = E1^2 E2^2
 *   N0 = a1 + a2
 *   N1 = E2 (b2 S2 - (a2 + 2 a1) C2) + E1 (b1 S1 - (a1 + 2 a2) C1)
 *   N2 = 2 E1 E2 ((a1 + a2) C2 C1 - b1 C2 S1 - b2 C1 S2) + a2 E1^2 + a1 E2^2
 *   N3 = E2 E1^2 (b2 S2 - a2 C2) + E1 E2^2 (b1 S1 - a1 C1)
 * </pre>
 * and the sums {@code SD = 1 + D1 + D2 + D3 + D4}, {@code DD = D1 + 2 D2 + 3 D3 + 4 D4},
 * {@code ED = D1 + 4 D2 + 9 D3 + 16 D4}, {@code SN = sum N}, {@code DN = N1 + 2 N2 + 3 N3},
 * {@code EN = N1 + 4 N2 + 9 N3}. The N are then divided by a gain so that the filter has the
 * exact moment of the continuous kernel:
 * order 0: {@code alpha0 = 2 SN / SD - N0} (unit DC gain);
 * order 1: {@code alpha1 = 2 (SN DD - DN SD) / SD^2};
 * order 2: the N are {@code N(a[2]) + beta N(a[0])} with
 * {@code beta = -(2 SN2 - SD N0_2) / (2 SN0 - SD N0_0)} (zero DC response), and
 * {@code alpha2 = (EN SD^2 - ED SN SD - 2 DN DD SD + 2 DD^2 SN) / SD^3}.
 * With {@code normalizeAcrossScale} the order-1 and order-2 filters are further multiplied by
 * {@code sigma} and {@code sigma^2} (physical sigma; the order-0 filter never is). The result of
 * orders 1 and 2 is a derivative per voxel (index units).
 *
 * <p><b>Recursion.</b> Causal {@code y+[i] = N0 x[i] + N1 x[i-1] + N2 x[i-2] + N3 x[i-3]
 * - (D1 y+[i-1] + D2 y+[i-2] + D3 y+[i-3] + D4 y+[i-4])} and anti-causal
 * {@code y-[i] = M1 x[i+1] + M2 x[i+2] + M3 x[i+3] + M4 x[i+4] - (D1 y-[i+1] + ... + D4 y-[i+4])}
 * with {@code M1 = N1 - D1 N0}, {@code M2 = N2 - D2 N0}, {@code M3 = N3 - D3 N0},
 * {@code M4 = -D4 N0} (order 0 and 2; all negated for order 1); output {@code y+ + y-}.
 *
 * <p><b>Borders.</b> The image is taken as continued by its edge value to infinity on each
 * side: the missing inputs are the edge value and the missing outputs are the steady-state
 * response to it ({@code x0 SN / SD} causally, {@code x(n-1) SM / SD} anti-causally, with
 * {@code SM = M1 + M2 + M3 + M4}). Lines need at least 4 voxels.
 */
final class RecursiveGaussian {
    private static final double[] A1 = {1.3530, -0.6724, -1.3563};
    private static final double[] B1 = {1.8151, -3.4327, 5.2318};
    private static final double W1 = 0.6681;
    private static final double L1 = -1.3932;
    private static final double[] A2 = {-0.3531, 0.6724, 0.3446};
    private static final double[] B2 = {0.0902, 0.6100, -2.2355};
    private static final double W2 = 2.0787;
    private static final double L2 = -1.3732;

    /** Lines filtered together along z (9 row buffers of this many doubles fit in the L1 cache). */
    private static final int COLUMN_BLOCK = 512;

    final double n0;
    final double n1;
    final double n2;
    final double n3;
    final double d1;
    final double d2;
    final double d3;
    final double d4;
    final double m1;
    final double m2;
    final double m3;
    final double m4;
    final double bn1;
    final double bn2;
    final double bn3;
    final double bn4;
    final double bm1;
    final double bm2;
    final double bm3;
    final double bm4;

    /**
     * @param sigma                 physical sigma (mm), &gt; 0
     * @param spacing               voxel spacing along the line (mm), &gt; 0
     * @param order                 0 (smoothing), 1 or 2 (derivative)
     * @param normalizeAcrossScale  multiply order 1 / 2 by sigma / sigma^2
     */
    RecursiveGaussian(double sigma, double spacing, int order, boolean normalizeAcrossScale) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be > 0, was " + sigma);
        }
        if (!(spacing >= 1e-8)) {
            throw new IllegalArgumentException("spacing " + spacing + " is suspiciously small");
        }
        double s = sigma / spacing;
        double c1 = Math.cos(W1 / s);
        double c2 = Math.cos(W2 / s);
        double e1 = Math.exp(L1 / s);
        double e2 = Math.exp(L2 / s);
        d4 = e1 * e1 * e2 * e2;
        d3 = -2 * c1 * e1 * e2 * e2 + -2 * c2 * e2 * e1 * e1;
        d2 = 4 * c2 * c1 * e1 * e2 + (e1 * e1 + e2 * e2);
        d1 = -2 * (e2 * c2 + e1 * c1);
        double sd = 1.0 + d1 + d2 + d3 + d4;
        double dd = d1 + 2 * d2 + 3 * d3 + 4 * d4;
        double ed = d1 + 4 * d2 + 9 * d3 + 16 * d4;
        double[] n;
        double scale;
        boolean symmetric;
        switch (order) {
            case 0: {
                n = numerator(s, 0);
                double alpha0 = 2 * n[4] / sd - n[0];
                scale = 1.0 / alpha0;
                symmetric = true;
                break;
            }
            case 1: {
                n = numerator(s, 1);
                double alpha1 = 2 * (n[4] * dd - n[5] * sd) / (sd * sd);
                scale = (normalizeAcrossScale ? sigma : 1.0) / alpha1;
                symmetric = false;
                break;
            }
            case 2: {
                double[] z = numerator(s, 0);
                double[] t = numerator(s, 2);
                double beta = -(2 * t[4] - sd * t[0]) / (2 * z[4] - sd * z[0]);
                n = new double[7];
                for (int q = 0; q < 7; q++) {
                    n[q] = t[q] + beta * z[q];
                }
                double sn = n[4];
                double dn = n[5];
                double en = n[6];
                double alpha2 = en * sd * sd - ed * sn * sd - 2 * dn * dd * sd + 2 * dd * dd * sn;
                alpha2 /= sd * sd * sd;
                scale = (normalizeAcrossScale ? sigma * sigma : 1.0) / alpha2;
                symmetric = true;
                break;
            }
            default:
                throw new IllegalArgumentException("derivative order must be 0, 1 or 2, was " + order);
        }
        n0 = n[0] * scale;
        n1 = n[1] * scale;
        n2 = n[2] * scale;
        n3 = n[3] * scale;
        double sign = symmetric ? 1 : -1;
        m1 = sign * (n1 - d1 * n0);
        m2 = sign * (n2 - d2 * n0);
        m3 = sign * (n3 - d3 * n0);
        m4 = sign * (-d4 * n0);
        double snSum = n0 + n1 + n2 + n3;
        double smSum = m1 + m2 + m3 + m4;
        bn1 = d1 * snSum / sd;
        bn2 = d2 * snSum / sd;
        bn3 = d3 * snSum / sd;
        bn4 = d4 * snSum / sd;
        bm1 = d1 * smSum / sd;
        bm2 = d2 * smSum / sd;
        bm3 = d3 * smSum / sd;
        bm4 = d4 * smSum / sd;
    }

    /** {N0, N1, N2, N3, SN, DN, EN} for the constants of derivative order {@code k}. */
    private static double[] numerator(double s, int k) {
        double a1 = A1[k];
        double b1 = B1[k];
        double a2 = A2[k];
        double b2 = B2[k];
        double sin1 = Math.sin(W1 / s);
        double sin2 = Math.sin(W2 / s);
        double cos1 = Math.cos(W1 / s);
        double cos2 = Math.cos(W2 / s);
        double e1 = Math.exp(L1 / s);
        double e2 = Math.exp(L2 / s);
        double n0 = a1 + a2;
        double n1 = e2 * (b2 * sin2 - (a2 + 2 * a1) * cos2);
        n1 += e1 * (b1 * sin1 - (a1 + 2 * a2) * cos1);
        double n2 = (a1 + a2) * cos2 * cos1;
        n2 -= b1 * cos2 * sin1 + b2 * cos1 * sin2;
        n2 *= 2 * e1 * e2;
        n2 += a2 * e1 * e1 + a1 * e2 * e2;
        double n3 = e2 * e1 * e1 * (b2 * sin2 - a2 * cos2);
        n3 += e1 * e2 * e2 * (b1 * sin1 - a1 * cos1);
        return new double[] {n0, n1, n2, n3, n0 + n1 + n2 + n3, n1 + 2 * n2 + 3 * n3, n1 + 4 * n2 + 9 * n3};
    }

    /**
     * Filters one line {@code x[0..len-1]} into {@code out} (a different array). Both arrays need
     * at least {@code len} elements; {@code len >= 4}.
     */
    void filter(double[] x, double[] out, int len) {
        if (len < 4) {
            throw new IllegalArgumentException("the recursive Gaussian needs at least 4 samples, had " + len);
        }
        block(x, out, 0, 1, len, 1, false, 0, len - 1);
    }

    /**
     * Applies the filter along {@code axis} of a flat volume (x fastest) into {@code dst} (a
     * different array). Every output is rounded to float when {@code toFloat}. Many parallel lines
     * are processed together: a row of a slice (y), a block of up to {@value #COLUMN_BLOCK} columns
     * of a plane (z), or a row of a transposed slice (x); the recursion runs on row buffers with
     * contiguous, vectorisable inner loops and the anti-causal part is added to the causal one row
     * by row. The arithmetic per voxel is the same along every axis.
     */
    void apply(double[] src, double[] dst, int nx, int ny, int nz, int axis, boolean toFloat) {
        apply(src, dst, nx, ny, nz, axis, toFloat, new int[3], new int[] {nx - 1, ny - 1, nz - 1});
    }

    /**
     * As {@link #apply(double[], double[], int, int, int, int, boolean)}, for the lines whose
     * coordinates on the two other axes lie in {@code lo[a] .. hi[a]} only, and for the outputs
     * {@code lo[axis] .. hi[axis]} along the line only. Each line's recursions start from its
     * ends as in the full call, so those outputs are exactly the full call's; the causal recursion
     * stops at {@code hi[axis]} and the anti-causal one at {@code lo[axis]}. Other voxels of
     * {@code dst} are left as they are, except that the lines' voxels outside
     * {@code lo[axis] .. hi[axis]} may hold partial (causal) sums: read only the requested range.
     */
    void apply(double[] src, double[] dst, int nx, int ny, int nz, int axis, boolean toFloat, int[] lo, int[] hi) {
        if (src == dst) {
            throw new IllegalArgumentException("source and destination must be different arrays");
        }
        int len = axis == 0 ? nx : axis == 1 ? ny : nz;
        if (axis < 0 || axis > 2) {
            throw new IllegalArgumentException("axis must be 0, 1 or 2, was " + axis);
        }
        if (len < 4) {
            throw new IllegalArgumentException("the recursive Gaussian needs at least 4 voxels along axis " + axis
                + ", image has " + len);
        }
        int from = lo[axis];
        int upTo = hi[axis];
        if (from < 0 || upTo >= len || from > upTo) {
            throw new IllegalArgumentException("output range " + from + ".." + upTo + " is not within 0.." + (len - 1)
                + " along axis " + axis);
        }
        int plane = nx * ny;
        switch (axis) {
            case 0: {
                // transpose the rows j = lo..hi of each slice so that the x recursion also runs over
                // contiguous rows
                int w = hi[1] - lo[1] + 1;
                double[] t = new double[nx * w];
                double[] to = new double[nx * w];
                for (int k = lo[2]; k <= hi[2]; k++) {
                    int first = k * plane + lo[1] * nx; // row lo[1] of slice k
                    transpose(src, first, 0, nx, nx, w, t, true);
                    block(t, to, 0, w, nx, w, toFloat, from, upTo);
                    transpose(dst, first, from, upTo + 1, nx, w, to, false);
                }
                break;
            }
            case 1:
                for (int k = lo[2]; k <= hi[2]; k++) {
                    block(src, dst, k * plane + lo[0], nx, ny, hi[0] - lo[0] + 1, toFloat, from, upTo);
                }
                break;
            default: {
                if (lo[0] == 0 && hi[0] == nx - 1) {
                    // whole rows: planes in column blocks, so that the row buffers stay in the L1 cache
                    int first = lo[1] * nx;
                    int end = (hi[1] + 1) * nx;
                    for (int w0 = first; w0 < end; w0 += COLUMN_BLOCK) {
                        block(src, dst, w0, plane, nz, Math.min(COLUMN_BLOCK, end - w0), toFloat, from, upTo);
                    }
                } else {
                    for (int j = lo[1]; j <= hi[1]; j++) {
                        block(src, dst, j * nx + lo[0], plane, nz, hi[0] - lo[0] + 1, toFloat, from, upTo);
                    }
                }
                break;
            }
        }
    }

    /**
     * Moves voxels {@code i0 .. i1-1} of {@code rows} consecutive image rows of {@code nx} voxels
     * from flat index {@code first} to or from {@code t}, where voxel {@code i} of row {@code r}
     * is at {@code i * rows + r} ({@code toT}: image to {@code t}; else {@code t} to image). Eight
     * rows at a time, so that each step writes or reads eight neighbouring entries of {@code t}
     * (one cache line).
     */
    private static void transpose(double[] image, int first, int i0, int i1, int nx, int rows, double[] t,
                                  boolean toT) {
        int r = 0;
        for (; r + 8 <= rows; r += 8) {
            int a = first + r * nx;
            if (toT) {
                for (int i = i0, o = i0 * rows + r; i < i1; i++, o += rows) {
                    int p = a + i;
                    t[o] = image[p];
                    t[o + 1] = image[p + nx];
                    t[o + 2] = image[p + 2 * nx];
                    t[o + 3] = image[p + 3 * nx];
                    t[o + 4] = image[p + 4 * nx];
                    t[o + 5] = image[p + 5 * nx];
                    t[o + 6] = image[p + 6 * nx];
                    t[o + 7] = image[p + 7 * nx];
                }
            } else {
                for (int i = i0, o = i0 * rows + r; i < i1; i++, o += rows) {
                    int p = a + i;
                    image[p] = t[o];
                    image[p + nx] = t[o + 1];
                    image[p + 2 * nx] = t[o + 2];
                    image[p + 3 * nx] = t[o + 3];
                    image[p + 4 * nx] = t[o + 4];
                    image[p + 5 * nx] = t[o + 5];
                    image[p + 6 * nx] = t[o + 6];
                    image[p + 7 * nx] = t[o + 7];
                }
            }
        }
        for (; r < rows; r++) {
            int a = first + r * nx;
            if (toT) {
                for (int i = i0, o = i0 * rows + r; i < i1; i++, o += rows) {
                    t[o] = image[a + i];
                }
            } else {
                for (int i = i0, o = i0 * rows + r; i < i1; i++, o += rows) {
                    image[a + i] = t[o];
                }
            }
        }
    }

    /**
     * {@code width} parallel lines: sample {@code i} of line {@code w} is at
     * {@code base + i * stride + w}.
     */
    private void block(double[] x, double[] y, int base, int stride, int len, int width, boolean toFloat, int from,
                       int upTo) {
        // Everything runs on row buffers: every array of an inner loop is read at the loop index
        // itself (JDK 17's C2 vectorises only such loops); rows are copied in and out with
        // System.arraycopy and the buffers rotate by reference. The arithmetic of each sample is
        // written exactly as the recursion above states it.
        double[] x0 = new double[width];
        double[] x1 = new double[width];
        double[] x2 = new double[width];
        double[] x3 = new double[width];
        double[] y1 = new double[width];
        double[] y2 = new double[width];
        double[] y3 = new double[width];
        double[] y4 = new double[width];
        double[] yn = new double[width];

        // causal: the first four samples, the missing inputs being the edge value c = x[0]
        System.arraycopy(x, base, x3, 0, width);              // sample 0
        System.arraycopy(x, base + stride, x2, 0, width);     // sample 1
        System.arraycopy(x, base + 2 * stride, x1, 0, width); // sample 2
        System.arraycopy(x, base + 3 * stride, x0, 0, width); // sample 3
        for (int w = 0; w < width; w++) {
            final double c = x3[w];
            final double a0 = (c * n0 + c * n1 + c * n2 + c * n3) - (c * bn1 + c * bn2 + c * bn3 + c * bn4);
            final double a1 = (x2[w] * n0 + c * n1 + c * n2 + c * n3) - (a0 * d1 + c * bn2 + c * bn3 + c * bn4);
            final double a2 = (x1[w] * n0 + x2[w] * n1 + c * n2 + c * n3) - (a1 * d1 + a0 * d2 + c * bn3 + c * bn4);
            final double a3 = (x0[w] * n0 + x1[w] * n1 + x2[w] * n2 + c * n3)
                - (a2 * d1 + a1 * d2 + a0 * d3 + c * bn4);
            y4[w] = a0;
            y3[w] = a1;
            y2[w] = a2;
            y1[w] = a3;
        }
        System.arraycopy(y4, 0, y, base, width);
        System.arraycopy(y3, 0, y, base + stride, width);
        System.arraycopy(y2, 0, y, base + 2 * stride, width);
        System.arraycopy(y1, 0, y, base + 3 * stride, width);
        // x0..x3 now hold samples 3, 2, 1, 0: rotate so that x1..x3 = samples 3, 2, 1
        {
            double[] t = x3;
            x3 = x2;
            x2 = x1;
            x1 = x0;
            x0 = t;
        }
        for (int i = 4; i <= upTo; i++) { // later causal outputs are not needed
            final int p = base + i * stride;
            System.arraycopy(x, p, x0, 0, width);
            for (int w = 0; w < width; w++) {
                yn[w] = (x0[w] * n0 + x1[w] * n1 + x2[w] * n2 + x3[w] * n3)
                    - (y1[w] * d1 + y2[w] * d2 + y3[w] * d3 + y4[w] * d4);
            }
            System.arraycopy(yn, 0, y, p, width);
            double[] t = x3;
            x3 = x2;
            x2 = x1;
            x1 = x0;
            x0 = t;
            t = y4;
            y4 = y3;
            y3 = y2;
            y2 = y1;
            y1 = yn;
            yn = t;
        }

        // anti-causal: the last four outputs, the missing inputs being the edge value x[len - 1]
        final int e0 = base + (len - 1) * stride;
        final int e1 = e0 - stride;
        final int e2 = e1 - stride;
        final int e3 = e2 - stride;
        System.arraycopy(x, e0, x3, 0, width); // sample len - 1
        System.arraycopy(x, e1, x2, 0, width); // len - 2
        System.arraycopy(x, e2, x1, 0, width); // len - 3
        System.arraycopy(x, e3, x0, 0, width); // len - 4
        for (int w = 0; w < width; w++) {
            final double c2 = x3[w];
            final double b0 = (c2 * m1 + c2 * m2 + c2 * m3 + c2 * m4) - (c2 * bm1 + c2 * bm2 + c2 * bm3 + c2 * bm4);
            final double b1 = (x3[w] * m1 + c2 * m2 + c2 * m3 + c2 * m4) - (b0 * d1 + c2 * bm2 + c2 * bm3 + c2 * bm4);
            final double b2 = (x2[w] * m1 + x3[w] * m2 + c2 * m3 + c2 * m4)
                - (b1 * d1 + b0 * d2 + c2 * bm3 + c2 * bm4);
            final double b3 = (x1[w] * m1 + x2[w] * m2 + x3[w] * m3 + c2 * m4)
                - (b2 * d1 + b1 * d2 + b0 * d3 + c2 * bm4);
            y4[w] = b0; // output len - 1
            y3[w] = b1; // len - 2
            y2[w] = b2; // len - 3
            y1[w] = b3; // len - 4
        }
        // each anti-causal output row is added to the causal one at once (no second pass)
        // (outputs from..upTo only: beyond upTo the causal part was not computed)
        double[] sum = new double[width];
        for (int t = 0; t < 4; t++) {
            int i = len - 1 - t;
            if (i >= from && i <= upTo) {
                combine(y, base + i * stride, t == 0 ? y4 : t == 1 ? y3 : t == 2 ? y2 : y1, sum, width, toFloat);
            }
        }
        // output i - 1 from inputs i..i+3 (x0..x3) and outputs i..i+3 (y1..y4), down to output from
        for (int i = len - 4; i > from; i--) {
            final int q = base + (i - 1) * stride; // output sample i - 1
            for (int w = 0; w < width; w++) {
                yn[w] = (x0[w] * m1 + x1[w] * m2 + x2[w] * m3 + x3[w] * m4)
                    - (y1[w] * d1 + y2[w] * d2 + y3[w] * d3 + y4[w] * d4);
            }
            if (i - 1 <= upTo) {
                combine(y, q, yn, sum, width, toFloat);
            }
            double[] t = x3;
            x3 = x2;
            x2 = x1;
            x1 = x0;
            x0 = t;
            if (i > 1) {
                System.arraycopy(x, q, x0, 0, width); // input sample i - 1 for the next output
            }
            t = y4;
            y4 = y3;
            y3 = y2;
            y2 = y1;
            y1 = yn;
            yn = t;
        }

    }

    /** {@code y[p .. p + width) += part}, each sum rounded to float when {@code toFloat}. */
    private static void combine(double[] y, int p, double[] part, double[] row, int width, boolean toFloat) {
        System.arraycopy(y, p, row, 0, width);
        if (toFloat) {
            for (int w = 0; w < width; w++) {
                row[w] = (float) (row[w] + part[w]);
            }
        } else {
            for (int w = 0; w < width; w++) {
                row[w] += part[w];
            }
        }
        System.arraycopy(row, 0, y, p, width);
    }
}
