package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Settings shared by the texture families, named after PyRadiomics' keys where one exists.
 *
 * @param distances        neighbour distances (Chebyshev / infinity norm) for GLCM, GLDM, NGTDM; default {1}
 * @param symmetricalGlcm  PyRadiomics {@code symmetricalGLCM} (IBSI GLCMs are always symmetric); default true
 * @param weightingNorm    PyRadiomics {@code weightingNorm}: null (features per direction, averaged),
 *                         "manhattan", "euclidean", "infinity" or "no_weighting"
 * @param force2D          PyRadiomics {@code force2D}: in-plane neighbourhoods only
 * @param force2DDimension PyRadiomics {@code force2Ddimension} in array order: 0 = z (axial planes), 1 = y, 2 = x
 * @param gldmAlpha        PyRadiomics {@code gldm_a} (integer coarseness of the dependence); default 0
 * @param ngldmAlpha       IBSI NGLDM coarseness parameter alpha; default 0
 * @param aggregations     IBSI aggregation methods to compute (IBSI profile only)
 */
public record TextureOptions(int[] distances, boolean symmetricalGlcm, String weightingNorm, boolean force2D,
                             int force2DDimension, int gldmAlpha, int ngldmAlpha, Set<Aggregation> aggregations) {

    public TextureOptions {
        distances = distances.clone();
        if (distances.length == 0) {
            throw new IllegalArgumentException("distances must not be empty");
        }
        for (int d : distances) {
            if (d < 1) {
                throw new IllegalArgumentException("distances must be >= 1, found " + d);
            }
        }
        if (weightingNorm != null) {
            weightingNorm = weightingNorm.toLowerCase(Locale.ROOT);
            if (!Set.of("manhattan", "euclidean", "infinity", "no_weighting").contains(weightingNorm)) {
                throw new IllegalArgumentException("weightingNorm must be manhattan, euclidean, infinity or "
                    + "no_weighting, was " + weightingNorm);
            }
        }
        if (force2DDimension < 0 || force2DDimension > 2) {
            throw new IllegalArgumentException("force2Ddimension must be 0, 1 or 2, was " + force2DDimension);
        }
        if (gldmAlpha < 0 || ngldmAlpha < 0) {
            throw new IllegalArgumentException("gldm_a / NGLDM alpha must be >= 0");
        }
        aggregations = aggregations.isEmpty() ? EnumSet.noneOf(Aggregation.class) : EnumSet.copyOf(aggregations);
    }

    /** PyRadiomics defaults; IBSI profile computes all six aggregations. */
    public static TextureOptions defaults() {
        return new TextureOptions(new int[] {1}, true, null, false, 0, 0, 0, EnumSet.allOf(Aggregation.class));
    }

    public TextureOptions withDistances(int... d) {
        return new TextureOptions(d, symmetricalGlcm, weightingNorm, force2D, force2DDimension, gldmAlpha, ngldmAlpha,
            aggregations);
    }

    public TextureOptions withSymmetricalGlcm(boolean s) {
        return new TextureOptions(distances, s, weightingNorm, force2D, force2DDimension, gldmAlpha, ngldmAlpha,
            aggregations);
    }

    public TextureOptions withWeightingNorm(String norm) {
        return new TextureOptions(distances, symmetricalGlcm, norm, force2D, force2DDimension, gldmAlpha, ngldmAlpha,
            aggregations);
    }

    public TextureOptions withForce2D(boolean f, int dimension) {
        return new TextureOptions(distances, symmetricalGlcm, weightingNorm, f, dimension, gldmAlpha, ngldmAlpha,
            aggregations);
    }

    public TextureOptions withGldmAlpha(int a) {
        return new TextureOptions(distances, symmetricalGlcm, weightingNorm, force2D, force2DDimension, a, ngldmAlpha,
            aggregations);
    }

    public TextureOptions withNgldmAlpha(int a) {
        return new TextureOptions(distances, symmetricalGlcm, weightingNorm, force2D, force2DDimension, gldmAlpha, a,
            aggregations);
    }

    public TextureOptions withAggregations(Set<Aggregation> a) {
        return new TextureOptions(distances, symmetricalGlcm, weightingNorm, force2D, force2DDimension, gldmAlpha,
            ngldmAlpha, a);
    }

    @Override
    public int[] distances() {
        return distances.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextureOptions && Arrays.equals(distances, ((TextureOptions) o).distances)
            && symmetricalGlcm == ((TextureOptions) o).symmetricalGlcm
            && java.util.Objects.equals(weightingNorm, ((TextureOptions) o).weightingNorm)
            && force2D == ((TextureOptions) o).force2D && force2DDimension == ((TextureOptions) o).force2DDimension
            && gldmAlpha == ((TextureOptions) o).gldmAlpha && ngldmAlpha == ((TextureOptions) o).ngldmAlpha
            && aggregations.equals(((TextureOptions) o).aggregations);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(distances) * 31 + java.util.Objects.hash(symmetricalGlcm, weightingNorm, force2D,
            force2DDimension, gldmAlpha, ngldmAlpha, aggregations);
    }

    @Override
    public String toString() {
        return "TextureOptions[distances=" + Arrays.toString(distances) + ", symmetricalGlcm=" + symmetricalGlcm
            + ", weightingNorm=" + weightingNorm + ", force2D=" + force2D + ", force2Ddimension=" + force2DDimension
            + ", gldm_a=" + gldmAlpha + ", ngldmAlpha=" + ngldmAlpha + ", aggregations=" + aggregations + "]";
    }
}
