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
     * Labels the zones of {@code grid} (which is not modified): a flood fill seeded in raster
     * order. With at most 32 connectivity offsets the neighbour tests are done first, for all voxels
     * and one offset at a time ({@link #sameLevelMasks}, vectorised), and the fill then follows only
     * the set bits of each voxel's mask; otherwise each popped voxel compares its neighbours.
     *
     * @param grid         padded grey levels, 0 = outside the ROI
     * @param connectivity neighbour offsets linking voxels (26 or 8 with Chebyshev distance 1)
     * @param distanceMap  optional per-voxel distance on the same padded grid (GLDZM), or null
     */
    static Zones label(PaddedLevels grid, int[][] connectivity, int[] distanceMap) {
        int[] steps = grid.steps(connectivity);
        int[] masks = steps.length <= 32 ? sameLevelMasks(grid, steps) : null;
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
                        if (stack.length - top < steps.length) {
                            stack = Arrays.copyOf(stack, 2 * stack.length + steps.length);
                        }
                        if (masks != null) {
                            // branch-free push: the neighbour has the same level (its bit is set);
                            // it is pushed (top advances) only if not yet visited (level still > 0)
                            for (int bits = masks[p]; bits != 0; bits &= bits - 1) {
                                int r = p + steps[Integer.numberOfTrailingZeros(bits)];
                                stack[top] = r;
                                top += -work[r] >>> 31;
                                work[r] = -level;
                            }
                        } else {
                            for (int s : steps) {
                                int r = p + s;
                                if (work[r] == level) {
                                    work[r] = -level;
                                    stack[top++] = r;
                                }
                            }
                        }
                    }
                    zones.add(level, size, k, distanceMap == null ? 0 : minDistance);
                }
            }
        }
        return zones;
    }

    /**
     * Bit t of {@code masks[p]} is set when voxel {@code p + steps[t]} has the same value as
     * {@code p} (for every voxel of the ROI box; the padding is 0). Computed a slice at a time and
     * one offset at a time over the whole slice, adding a shifted copy of the neighbour slab so that
     * every array is read at the loop index (the JIT vectorises such loops).
     */
    static int[] sameLevelMasks(PaddedLevels grid, int[] steps) {
        int[] v = grid.values;
        int[] masks = new int[v.length];
        int span = (grid.ny - 1) * grid.sy + grid.nx;
        int[] centre = new int[span];
        int[] neighbour = new int[span];
        int[] bits = new int[span];
        for (int k = 0; k < grid.nz; k++) {
            int base = grid.index(0, 0, k);
            System.arraycopy(v, base, centre, 0, span);
            Arrays.fill(bits, 0);
            for (int t = 0; t < steps.length; t++) {
                System.arraycopy(v, base + steps[t], neighbour, 0, span);
                for (int i = 0; i < span; i++) {
                    int d = centre[i] - neighbour[i];
                    bits[i] |= (((d | -d) >>> 31) ^ 1) << t;
                }
            }
            System.arraycopy(bits, 0, masks, base, span);
        }
        return masks;
    }
}
