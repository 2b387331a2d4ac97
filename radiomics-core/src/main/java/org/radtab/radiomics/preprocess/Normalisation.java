package org.radtab.radiomics.preprocess;

import org.radtab.radiomics.image.Volume;

/**
 * PyRadiomics image normalisation ({@code normalize}, {@code removeOutliers},
 * {@code normalizeScale}), applied to the whole image before any cropping or resampling; the mask
 * plays no part. With the mean {@code mu} and the <em>sample</em> standard deviation
 * {@code sigma = sqrt(sum (x - mu)^2 / (N - 1))} over all {@code N} voxels:
 * <pre>
 *   f(x) = scale * clip((x - mu) / sigma, -n, +n)
 * </pre>
 * Order: normalise, then clip at {@code +-n} (only if {@code removeOutliers = n} is set; values are
 * clipped, not removed, which equals clipping the raw values at {@code mu +- n sigma}), then scale.
 *
 * <p>SimpleITK's {@code Normalize} returns a double image for integer inputs and a float image for
 * float inputs; pass {@link OutputCast#FLOAT32} for a float32 source to round as it does
 * (after normalising and again after scaling), anything else keeps doubles. The statistics are
 * computed in two passes (ITK uses one pass; the two agree to about 1e-12 relative).
 */
public final class Normalisation {
    private Normalisation() {
    }

    /**
     * @param scale          {@code normalizeScale} (PyRadiomics default 1)
     * @param removeOutliers {@code n}, or NaN for no clipping
     * @param sourceType     {@link OutputCast#FLOAT32} for a float32 source, otherwise ignored
     * @throws IllegalArgumentException for an image with fewer than 2 voxels or zero variance
     */
    public static Volume pyradiomics(Volume image, double scale, double removeOutliers, OutputCast sourceType) {
        if (!Double.isFinite(scale)) {
            throw new IllegalArgumentException("normalizeScale must be finite, was " + scale);
        }
        if (!Double.isNaN(removeOutliers) && !(removeOutliers > 0)) {
            throw new IllegalArgumentException("removeOutliers must be > 0 (or unset), was " + removeOutliers);
        }
        double[] d = image.data();
        int n = d.length;
        if (n < 2) {
            throw new IllegalArgumentException("cannot normalise an image of " + n + " voxel(s)");
        }
        double sum = 0;
        for (double v : d) {
            sum += v;
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : d) {
            double e = v - mean;
            ss += e * e;
        }
        double sigma = Math.sqrt(ss / (n - 1));
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("cannot normalise: the image has standard deviation " + sigma);
        }
        boolean f32 = sourceType == OutputCast.FLOAT32;
        double inv = 1.0 / sigma;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double z = (d[i] - mean) * inv;
            if (f32) {
                z = (float) z;
            }
            if (!Double.isNaN(removeOutliers)) {
                if (z > removeOutliers) {
                    z = removeOutliers;
                } else if (z < -removeOutliers) {
                    z = -removeOutliers;
                }
            }
            out[i] = f32 ? (float) ((float) z * (float) scale) : z * scale;
        }
        return image.withData(out);
    }
}
