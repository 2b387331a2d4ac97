package org.radtab.radiomics.filter;

import org.radtab.radiomics.image.Volume;

/**
 * PyRadiomics' voxel-wise image types {@code Square}, {@code SquareRoot}, {@code Logarithm} and
 * {@code Exponential}. All are computed in double; {@code M = max |x|} is taken over the <b>whole
 * input array</b> (not the ROI), so the result depends on what was cropped or padded before.
 *
 * <ul>
 *   <li>{@link #SQUARE} ({@code square}): {@code f = x^2 / M}, computed as {@code (x / sqrt M)^2}. Not
 *       sign-preserving. {@code M = 0} gives NaN everywhere, as in PyRadiomics.</li>
 *   <li>{@link #SQUARE_ROOT} ({@code squareroot}): {@code f = sign(x) sqrt(|x| M)}; 0 stays 0.</li>
 *   <li>{@link #LOGARITHM} ({@code logarithm}): {@code g = sign(x) ln(|x| + 1)}, then
 *       {@code f = g M / max|g|}; 0 stays 0 ({@code M = 0} gives NaN, 0/0).</li>
 *   <li>{@link #EXPONENTIAL} ({@code exponential}): {@code f = exp(x ln(M) / M)}; {@code M} maps to
 *       {@code M}, 0 maps to 1; no sign handling.</li>
 * </ul>
 */
public enum IntensityTransform implements ImageFilter {
    SQUARE("square"),
    SQUARE_ROOT("squareroot"),
    LOGARITHM("logarithm"),
    EXPONENTIAL("exponential");

    private final String pyRadiomicsName;

    IntensityTransform(String pyRadiomicsName) {
        this.pyRadiomicsName = pyRadiomicsName;
    }

    /** The image type's output name in PyRadiomics ({@code square}, {@code squareroot}, ...). */
    public String pyRadiomicsName() {
        return pyRadiomicsName;
    }

    @Override
    public Volume apply(Volume input) {
        double[] x = input.data();
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        double[] f = new double[x.length];
        switch (this) {
            case SQUARE: {
                double c = 1 / Math.sqrt(m);
                for (int n = 0; n < x.length; n++) {
                    double t = c * x[n];
                    f[n] = t * t;
                }
                break;
            }
            case SQUARE_ROOT:
                for (int n = 0; n < x.length; n++) {
                    double v = x[n];
                    f[n] = v > 0 ? Math.sqrt(v * m) : v < 0 ? -Math.sqrt(-v * m) : v;
                }
                break;
            case LOGARITHM: {
                double gmax = 0;
                for (int n = 0; n < x.length; n++) {
                    double v = x[n];
                    double g = v > 0 ? Math.log(v + 1) : v < 0 ? -Math.log(-(v - 1)) : v;
                    f[n] = g;
                    gmax = Math.max(gmax, Math.abs(g));
                }
                double c = m / gmax;
                for (int n = 0; n < x.length; n++) {
                    f[n] = f[n] * c;
                }
                break;
            }
            case EXPONENTIAL: {
                double c = Math.log(m) / m;
                for (int n = 0; n < x.length; n++) {
                    f[n] = Math.exp(c * x[n]);
                }
                break;
            }
            default:
                throw new AssertionError(this);
        }
        return Volume.wrap(input.geometry(), f);
    }
}
