package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Neighbour offsets on the voxel grid, for every texture family: the direction vectors of the
 * directional families (GLCM, GLRLM) and the neighbourhoods of the others (GLSZM, GLDZM, NGTDM,
 * NGLDM/GLDM).
 *
 * <p>Every offset is an {@code int[3]} {@code {di, dj, dk}} in the index order of
 * {@link GreyLevelImage}: 0 = x (i), 1 = y (j), 2 = z (k, slices). PyRadiomics states its offsets
 * and its {@code force2Ddimension} in array order (0 = z, 1 = y, 2 = x); {@link #indexAxis(int)}
 * converts an array dimension to an index axis.
 *
 * <h2>Direction vectors (GLCM, GLRLM): one of each {@code +-} pair</h2>
 * <ul>
 *   <li>{@link #ibsiDirections3D(int)}: the 13 IBSI direction vectors of the 26-neighbourhood,
 *       scaled by the distance.</li>
 *   <li>{@link #ibsiDirections2D(int)}: the 4 in-slice vectors (dk = 0) of the 8-neighbourhood.</li>
 *   <li>{@link #pyradiomicsAngles}: PyRadiomics' angles: all offsets whose Chebyshev norm is one of
 *       {@code distances}, generated with each array-order component running from {@code +max}
 *       down to {@code -max} (z slowest), the first of each {@code +-} pair kept; an offset
 *       survives only if each component is smaller in magnitude than the ROI bounding box along
 *       that axis, and (with {@code force2D}) if its component along the {@code force2Ddimension}
 *       axis is 0. For distance 1 in 3D these are, in (z, y, x): (1,1,1), (1,1,0), (1,1,-1),
 *       (1,0,1), (1,0,0), (1,0,-1), (1,-1,1), (1,-1,0), (1,-1,-1), (0,1,1), (0,1,0), (0,1,-1),
 *       (0,0,1).</li>
 *   <li>{@link #withOpposites}: both members of every pair (a full, symmetric neighbourhood).</li>
 * </ul>
 *
 * <h2>Neighbourhoods (GLSZM, GLDZM, NGTDM, NGLDM): both members of every pair</h2>
 * A "fixed axis" restricts offsets to a plane: offsets with a non-zero component along that axis
 * are dropped (IBSI 2D / 2.5D: {@link #SLICE_AXIS}; PyRadiomics {@code force2D}: the axis of
 * {@code force2Ddimension}, {@link #fixedAxis(TextureOptions)}). {@link #NONE} keeps all three axes.
 * <ul>
 *   <li>{@link #chebyshevShells}: PyRadiomics, every offset whose Chebyshev norm equals one of the
 *       distances (distance 1: the 26, or 8 in-plane, neighbours).</li>
 *   <li>{@link #chebyshevBall}: IBSI, every offset with Chebyshev norm at most the radius.</li>
 *   <li>{@link #faceNeighbours}: the 6 (3D) or 4 (in-plane) face neighbours (zone distance maps).</li>
 * </ul>
 */
final class Neighbourhood {
    /** No fixed axis: 3D neighbourhoods. */
    static final int NONE = -1;
    /** The slice axis (k), fixed by IBSI 2D and 2.5D aggregation. */
    static final int SLICE_AXIS = 2;

    private Neighbourhood() {
    }

    // ---- axes -----------------------------------------------------------------------------

    /** Index axis (0 = x, 1 = y, 2 = z) of a PyRadiomics array dimension (0 = z, 1 = y, 2 = x). */
    static int indexAxis(int arrayDimension) {
        if (arrayDimension < 0 || arrayDimension > 2) {
            throw new IllegalArgumentException("array dimension must be 0, 1 or 2, was " + arrayDimension);
        }
        return 2 - arrayDimension;
    }

    /**
     * The fixed axis for PyRadiomics settings: {@link #NONE} without {@code force2D}; else the
     * index axis normal to the planes ({@link #indexAxis} of {@code force2Ddimension}).
     */
    static int fixedAxis(TextureOptions options) {
        return options.force2D() ? indexAxis(options.force2DDimension()) : NONE;
    }

    // ---- direction vectors (one of each +- pair) --------------------------------------------

    /** The 13 IBSI 3D direction vectors times {@code distance}, in PyRadiomics' generation order. */
    static int[][] ibsiDirections3D(int distance) {
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
    static int[][] ibsiDirections2D(int distance) {
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
    static int[][] pyradiomicsAngles(int[] distances, int[] boxSize, boolean force2D, int force2DDimension) {
        int max = 0;
        for (int d : distances) {
            requirePositive(d);
            max = Math.max(max, d);
        }
        int excludedAxis = force2D ? indexAxis(force2DDimension) : NONE;
        List<int[]> all = new ArrayList<>();
        for (int z = max; z >= -max; z--) {
            for (int y = max; y >= -max; y--) {
                for (int x = max; x >= -max; x--) {
                    if (contains(distances, chebyshev(x, y, z))) {
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

    // ---- neighbourhoods (both members of every pair) ----------------------------------------

    /**
     * PyRadiomics: every offset whose Chebyshev (infinity) norm equals one of {@code distances},
     * in both directions, z slowest and x fastest from {@code -max} up. Distance 1 gives the 26
     * (3D) or 8 (in-plane) neighbours.
     */
    static int[][] chebyshevShells(int[] distances, int fixedAxis) {
        int max = 0;
        for (int d : distances) {
            max = Math.max(max, d);
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : cube(max, fixedAxis)) {
            if (contains(distances, chebyshev(m))) {
                out.add(m);
            }
        }
        return out.toArray(new int[0][]);
    }

    /**
     * IBSI: every offset {@code m != 0} with Chebyshev norm at most {@code radius} (the full
     * {@code (2 radius + 1)^3 - 1} cube, or the {@code (2 radius + 1)^2 - 1} square in a plane).
     */
    static int[][] chebyshevBall(int radius, int fixedAxis) {
        return cube(radius, fixedAxis).toArray(new int[0][]);
    }

    /** The face neighbours: 6 in 3D, 4 in a plane (Manhattan distance 1). */
    static int[][] faceNeighbours(int fixedAxis) {
        List<int[]> out = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            if (a == fixedAxis) {
                continue;
            }
            for (int s = -1; s <= 1; s += 2) {
                int[] m = new int[3];
                m[a] = s;
                out.add(m);
            }
        }
        return out.toArray(new int[0][]);
    }

    // ---- norms ------------------------------------------------------------------------------

    /** Chebyshev (infinity) norm of an offset. */
    static int chebyshev(int[] d) {
        return chebyshev(d[0], d[1], d[2]);
    }

    /** Largest Chebyshev norm among {@code offsets} (the padding a {@link PaddedLevels} needs); 0 if none. */
    static int reach(int[][] offsets) {
        int r = 0;
        for (int[] m : offsets) {
            r = Math.max(r, chebyshev(m));
        }
        return r;
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

    private static int chebyshev(int x, int y, int z) {
        return Math.max(Math.abs(x), Math.max(Math.abs(y), Math.abs(z)));
    }

    private static List<int[]> cube(int radius, int fixedAxis) {
        List<int[]> out = new ArrayList<>();
        for (int dz = -radius; dz <= radius; dz++) {
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    if (dx == 0 && dy == 0 && dz == 0) {
                        continue;
                    }
                    int[] m = {dx, dy, dz};
                    if (fixedAxis != NONE && m[fixedAxis] != 0) {
                        continue;
                    }
                    out.add(m);
                }
            }
        }
        return out;
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
