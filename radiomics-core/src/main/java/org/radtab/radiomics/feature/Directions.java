package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Neighbour offsets (direction vectors) for the texture families, shared by GLCM, GLRLM and the
 * neighbourhood-based families (GLSZM, GLDZM, NGTDM, NGLDM/GLDM).
 *
 * <p>Every offset is an {@code int[3]} in the index order of {@link GreyLevelImage}:
 * {@code {di, dj, dk}} = (x, y, z), k being the slice axis. PyRadiomics states its offsets in
 * array order (z, y, x); {@link #pyradiomics} converts them. PyRadiomics' {@code force2Ddimension}
 * counts array axes (0 = z, 1 = y, 2 = x); {@link #indexAxis(int)} maps it to an index axis.
 *
 * <ul>
 *   <li>{@link #ibsi3D(int)}: the 13 IBSI direction vectors of the 26-neighbourhood (one of each
 *       pair {@code +m, -m}), scaled by the distance.</li>
 *   <li>{@link #ibsi2D(int)}: the 4 in-slice vectors (dk = 0) of the 8-neighbourhood.</li>
 *   <li>{@link #pyradiomics}: PyRadiomics' angles: all offsets whose Chebyshev norm is one of
 *       {@code distances}, generated with each array-order component running from
 *       {@code +max} down to {@code -max} (z slowest), the first of each {@code +-} pair kept; an
 *       offset survives only if each component is smaller in magnitude than the ROI bounding box
 *       along that axis, and (with {@code force2D}) if its component along the
 *       {@code force2Ddimension} axis is 0. For distance 1 in 3D these are, in (z, y, x):
 *       (1,1,1), (1,1,0), (1,1,-1), (1,0,1), (1,0,0), (1,0,-1), (1,-1,1), (1,-1,0), (1,-1,-1),
 *       (0,1,1), (0,1,0), (0,1,-1), (0,0,1).</li>
 *   <li>{@link #withOpposites}: both members of every pair (a full, symmetric neighbourhood,
 *       e.g. the 26 neighbours used for zone connectivity and NGTDM).</li>
 * </ul>
 */
final class Directions {
    private Directions() {
    }

    /** Index axis (0 = x, 1 = y, 2 = z) of a PyRadiomics array dimension (0 = z, 1 = y, 2 = x). */
    static int indexAxis(int arrayDimension) {
        if (arrayDimension < 0 || arrayDimension > 2) {
            throw new IllegalArgumentException("array dimension must be 0, 1 or 2, was " + arrayDimension);
        }
        return 2 - arrayDimension;
    }

    /** The 13 IBSI 3D direction vectors times {@code distance}, in PyRadiomics' generation order. */
    static int[][] ibsi3D(int distance) {
        requirePositive(distance);
        int[][] out = new int[13][];
        int n = 0;
        for (int z = 1; z >= -1; z--) {
            for (int y = 1; y >= -1; y--) {
                for (int x = 1; x >= -1; x--) {
                    if (n == 13) {
                        return out;
                    }
                    if (x == 0 && y == 0 && z == 0) {
                        continue;
                    }
                    out[n++] = new int[] {x * distance, y * distance, z * distance};
                }
            }
        }
        return out;
    }

    /**
     * The 4 IBSI in-slice direction vectors (dk = 0) times {@code distance}: (x, y) = (1, 1),
     * (0, 1), (-1, 1), (1, 0).
     */
    static int[][] ibsi2D(int distance) {
        requirePositive(distance);
        return new int[][] {
            {distance, distance, 0}, {0, distance, 0}, {-distance, distance, 0}, {distance, 0, 0}};
    }

    /**
     * PyRadiomics angles (see the class comment).
     *
     * @param distances        Chebyshev distances (each >= 1)
     * @param boxSize          ROI bounding-box size {nx, ny, nz} (PyRadiomics' cropped array)
     * @param force2D          keep only offsets in the plane normal to {@code force2DDimension}
     * @param force2DDimension array dimension (0 = z, 1 = y, 2 = x) excluded with force2D
     */
    static int[][] pyradiomics(int[] distances, int[] boxSize, boolean force2D, int force2DDimension) {
        int max = 0;
        for (int d : distances) {
            requirePositive(d);
            max = Math.max(max, d);
        }
        int excludedAxis = force2D ? indexAxis(force2DDimension) : -1;
        List<int[]> all = new ArrayList<>();
        for (int z = max; z >= -max; z--) {
            for (int y = max; y >= -max; y--) {
                for (int x = max; x >= -max; x--) {
                    int norm = Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z)));
                    if (contains(distances, norm)) {
                        all.add(new int[] {x, y, z});
                    }
                }
            }
        }
        // the list is antisymmetric (entry n and entry size-1-n are opposite): keep the first half
        List<int[]> out = new ArrayList<>();
        for (int[] d : all.subList(0, all.size() / 2)) {
            boolean ok = true;
            for (int a = 0; a < 3; a++) {
                if (Math.abs(d[a]) >= boxSize[a] || (a == excludedAxis && d[a] != 0)) {
                    ok = false;
                }
            }
            if (ok) {
                out.add(d);
            }
        }
        return out.toArray(new int[0][]);
    }

    /** {@code half} followed by the opposite of each of its vectors. */
    static int[][] withOpposites(int[][] half) {
        int[][] out = Arrays.copyOf(half, 2 * half.length);
        for (int n = 0; n < half.length; n++) {
            out[half.length + n] = new int[] {-half[n][0], -half[n][1], -half[n][2]};
        }
        return out;
    }

    /** Chebyshev (infinity) norm of an offset. */
    static int chebyshev(int[] d) {
        return Math.max(Math.abs(d[0]), Math.max(Math.abs(d[1]), Math.abs(d[2])));
    }

    /**
     * Length of the offset in mm under a PyRadiomics {@code weightingNorm}: {@code infinity}
     * max |d_a s_a|, {@code euclidean} sqrt(sum (d_a s_a)^2), {@code manhattan} sum |d_a s_a|;
     * {@code no_weighting} (or null) gives NaN (no distance).
     */
    static double length(int[] d, double[] spacing, String norm) {
        if (norm == null || norm.equals("no_weighting")) {
            return Double.NaN;
        }
        double max = 0;
        double sumSq = 0;
        double sumAbs = 0;
        for (int a = 0; a < 3; a++) {
            double v = Math.abs(d[a] * spacing[a]);
            max = Math.max(max, v);
            sumSq += v * v;
            sumAbs += v;
        }
        switch (norm) {
            case "infinity": return max;
            case "euclidean": return Math.sqrt(sumSq);
            case "manhattan": return sumAbs;
            default: throw new IllegalArgumentException("unknown weightingNorm " + norm);
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static void requirePositive(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("distance must be >= 1, was " + d);
        }
    }
}
