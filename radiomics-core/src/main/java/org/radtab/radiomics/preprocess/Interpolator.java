package org.radtab.radiomics.preprocess;

import java.util.Locale;

/**
 * Interpolation kernels for {@link Resampler}. All kernels are separable: the value at the
 * continuous source index {@code (cx, cy, cz)} is {@code sum_a sum_b sum_c wx(a) wy(b) wz(c) f(a, b, c)}
 * with one-dimensional weights per axis. Let {@code c} be the continuous index along one axis,
 * {@code n} the number of source samples on that axis, {@code i = floor(c)} and {@code t = c - i}.
 *
 * <ul>
 *   <li>{@link #NEAREST}: the sample {@code floor(c + 0.5)} (halves round up, as ITK's
 *       {@code RoundHalfIntegerUp}), clamped to {@code [0, n-1]}.</li>
 *   <li>{@link #LINEAR}: {@code (1 - t) f(i) + t f(i + 1)}, indices clamped to {@code [0, n-1]}
 *       (edge extension; this is also ITK's behaviour inside the half-voxel band).</li>
 *   <li>{@link #BSPLINE_ITK}: interpolating cubic B-spline as SimpleITK's {@code sitkBSpline}
 *       (ITK {@code BSplineInterpolateImageFunction}, order 3). Coefficients come from the
 *       recursive prefilter (gain 6, pole {@code z = sqrt(3) - 2}) with whole-sample mirror
 *       boundaries (index {@code -k -> k}, {@code n-1+k -> n-1-k}); the causal initial value is
 *       ITK's: a sum truncated after {@code ceil(ln(1e-10) / ln|z|) = 18} terms when the line is
 *       longer than that, else the exact mirror sum. Evaluation uses the 4 coefficients
 *       {@code i-1 .. i+2} (mirror-folded, period {@code 2n-2}) with the cubic B-spline weights
 *       {@code w0 = (1-t)^3/6, w1 = 2/3 - t^2 + t^3/2, w2 = 2/3 - (1-t)^2 + (1-t)^3/2, w3 = t^3/6}.</li>
 *   <li>{@link #BSPLINE_IBSI}: interpolating cubic B-spline as {@code scipy.ndimage} (>= 1.6)
 *       order 3 with {@code mode='nearest'}, the convention that reproduces the IBSI reference
 *       values: the line is first extended by 12 copies of each edge sample, the coefficients of
 *       the extended line are computed with half-sample symmetric initial conditions
 *       ({@code c+[0] = x0 + z/(1-z^(2N)) sum_i (z^i x_i + z^(N+i) x_(N-1-i))},
 *       {@code c-[N-1] = z/(z-1) c+[N-1]}), and evaluated with the same weights; a point further
 *       than 12 samples outside is clamped to the extended line.</li>
 * </ul>
 *
 * <p>Samples outside the source grid are handled by the {@link SamplingConvention}.
 */
public enum Interpolator {
    NEAREST,
    LINEAR,
    BSPLINE_ITK,
    BSPLINE_IBSI;

    /** True for the two cubic B-spline kernels (they need prefiltered coefficients). */
    public boolean isSpline() {
        return this == BSPLINE_ITK || this == BSPLINE_IBSI;
    }

    /**
     * The kernel SimpleITK uses for a PyRadiomics {@code interpolator} setting:
     * {@code sitkNearestNeighbor} (or 1), {@code sitkLinear} (2), {@code sitkBSpline} (3).
     *
     * @throws IllegalArgumentException for other SimpleITK interpolators (Gaussian, windowed sinc), naming the value
     */
    public static Interpolator fromSimpleItk(Object name) {
        String s = String.valueOf(name).trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "sitknearestneighbor":
            case "1":
                return NEAREST;
            case "sitklinear":
            case "2":
                return LINEAR;
            case "sitkbspline":
            case "3":
                return BSPLINE_ITK;
            default:
                throw new IllegalArgumentException("interpolator '" + s + "' is not supported (use sitkNearestNeighbor, "
                    + "sitkLinear or sitkBSpline)");
        }
    }
}
