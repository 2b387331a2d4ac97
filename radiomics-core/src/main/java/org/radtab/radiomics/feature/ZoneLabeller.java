package org.radtab.radiomics.feature;

import java.util.Arrays;

/**
 * Finds zones: connected groups of ROI voxels with the same grey level (GLSZM, GLDZM), by an
 * iterative flood fill with one reusable int stack (no recursion, no per-voxel allocation).
 *
 * <p>Voxels are seeded in flat-index order (x fastest, slices last), so with an in-plane
 * connectivity the zones of slice {@code k} form one contiguous range, in slice order.
 */
final class ZoneLabeller {

    /** The zones found, {@code 0 <= z < count}. */
    static final class Zones {
        int count;
        /** Grey level of each zone. */
        int[] level = new int[64];
        /** Number of voxels of each zone. */
        int[] size = new int[64];
        /** Slice index k of the zone's first voxel (its only slice when the connectivity lies in the slice plane). */
        int[] slice = new int[64];
        /** Smallest value of the distance map over the zone's voxels (0 when no map was given). */
        int[] distance = new int[64];

        private void add(int l, int s, int k, int d) {
            if (count == level.length) {
                int n = 2 * count;
                level = Arrays.copyOf(level, n);
                size = Arrays.copyOf(size, n);
                slice = Arrays.copyOf(slice, n);
                distance = Arrays.copyOf(distance, n);
            }
            level[count] = l;
            size[count] = s;
            slice[count] = k;
            distance[count] = d;
            count++;
        }

        /** Zones of slice k are {@code start[k] .. start[k + 1] - 1} (for connectivity within the slice plane only). */
        int[] sliceStarts(int nz) {
            int[] start = new int[nz + 1];
            for (int z = 0; z < count; z++) {
                start[slice[z] + 1]++;
            }
            for (int k = 0; k < nz; k++) {
                start[k + 1] += start[k];
            }
            return start;
        }
    }

    private ZoneLabeller() {
    }

    /**
     * Labels the zones of {@code grid} (which is not modified).
     *
     * @param grid         padded grey levels, 0 = outside the ROI
     * @param connectivity neighbour offsets linking voxels (26 or 8 with Chebyshev distance 1)
     * @param distanceMap  optional per-voxel distance on the same padded grid (GLDZM), or null
     */
    static Zones label(PaddedLevels grid, int[][] connectivity, int[] distanceMap) {
        int[] steps = grid.steps(connectivity);
        int[] work = grid.values.clone();
        int[] stack = new int[256];
        Zones zones = new Zones();
        for (int k = 0; k < grid.nz; k++) {
            for (int j = 0; j < grid.ny; j++) {
                int q0 = grid.index(0, j, k);
                for (int i = 0; i < grid.nx; i++) {
                    int seed = q0 + i;
                    int level = work[seed];
                    if (level <= 0) {
                        continue;
                    }
                    // visited voxels are marked by negating their level
                    work[seed] = -level;
                    stack[0] = seed;
                    int top = 1;
                    int size = 0;
                    int minDistance = Integer.MAX_VALUE;
                    while (top > 0) {
                        int p = stack[--top];
                        size++;
                        if (distanceMap != null && distanceMap[p] < minDistance) {
                            minDistance = distanceMap[p];
                        }
                        for (int s : steps) {
                            int r = p + s;
                            if (work[r] == level) {
                                work[r] = -level;
                                if (top == stack.length) {
                                    stack = Arrays.copyOf(stack, 2 * top);
                                }
                                stack[top++] = r;
                            }
                        }
                    }
                    zones.add(level, size, k, distanceMap == null ? 0 : minDistance);
                }
            }
        }
        return zones;
    }
}
