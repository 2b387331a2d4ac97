package org.radtab.radiomics.feature;

import java.util.ArrayList;
import java.util.List;

/**
 * Neighbour offsets {@code (dx, dy, dz)} on the voxel grid, for the non-directional texture
 * families (GLSZM, GLDZM, NGTDM, NGLDM/GLDM). Axes are in {@link GreyLevelImage} order: 0 = x
 * (i), 1 = y (j), 2 = z (k, slices).
 *
 * <p>A "fixed axis" restricts offsets to a plane: offsets with a non-zero component along that
 * axis are dropped (IBSI 2D / 2.5D: axis 2, the slice axis; PyRadiomics {@code force2D}: the
 * axis of {@code force2Ddimension}). {@link #NONE} keeps all three axes.
 */
final class Neighbourhood {
    /** No fixed axis: 3D neighbourhoods. */
    static final int NONE = -1;
    /** The slice axis (k), fixed by IBSI 2D and 2.5D aggregation. */
    static final int SLICE_AXIS = 2;

    private Neighbourhood() {
    }

    /**
     * PyRadiomics: every offset whose Chebyshev (infinity) norm equals one of {@code distances},
     * in both directions. Distance 1 gives the 26 (3D) or 8 (in-plane) neighbours.
     */
    static int[][] chebyshevShells(int[] distances, int fixedAxis) {
        int max = 0;
        for (int d : distances) {
            max = Math.max(max, d);
        }
        List<int[]> out = new ArrayList<>();
        for (int[] m : cube(max, fixedAxis)) {
            int norm = Math.max(Math.abs(m[0]), Math.max(Math.abs(m[1]), Math.abs(m[2])));
            for (int d : distances) {
                if (norm == d) {
                    out.add(m);
                    break;
                }
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

    /**
     * The fixed axis for PyRadiomics settings: {@link #NONE} without {@code force2D}; else the
     * axis normal to the planes, converting {@code force2Ddimension} (array order z, y, x) to
     * grid order (x, y, z).
     */
    static int pyradiomicsFixedAxis(TextureOptions options) {
        return options.force2D() ? 2 - options.force2DDimension() : NONE;
    }

    /** Largest Chebyshev norm among {@code offsets} (the padding a {@link PaddedLevels} needs). */
    static int reach(int[][] offsets) {
        int r = 0;
        for (int[] m : offsets) {
            r = Math.max(r, Math.max(Math.abs(m[0]), Math.max(Math.abs(m[1]), Math.abs(m[2]))));
        }
        return r;
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
}
