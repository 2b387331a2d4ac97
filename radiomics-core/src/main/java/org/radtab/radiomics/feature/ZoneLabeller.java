package org.radtab.radiomics.feature;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.radtab.radiomics.math.WorkArrays;

/**
 * Finds zones: connected groups of ROI voxels with the same grey level (GLSZM, GLDZM), with
 * primitive arrays only (no recursion, no per-voxel allocation; see {@link #label}).
 *
 * <p>Zones are ordered by their first voxel in flat-index order (x fastest, slices last), so
 * with an in-plane connectivity the zones of slice {@code k} form one contiguous range, in slice
 * order.
 */
final class ZoneLabeller {

    /** The zones found, {@code 0 <= z < count}. */
    static final class Zones {
        int count;
        /** Grey level of each zone. */
        int[] level;
        /** Number of voxels of each zone. */
        int[] size;
        /** Slice index k of the zone's first voxel (its only slice when the connectivity lies in the slice plane). */
        int[] slice;
        /** Smallest value of the distance map over the zone's voxels (0 when no map was given). */
        int[] distance;

        Zones(int capacity) {
            int c = Math.max(capacity, 16);
            level = new int[c];
            size = new int[c];
            slice = new int[c];
            distance = new int[c];
        }

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
     * Labels the zones of {@code grid} (which is not modified); zones come out in the order of
     * their first voxel in raster order (x fastest, slices last).
     *
     * <p>For a symmetric connectivity of at most 64 offsets (each offset's opposite included, as in
     * every Chebyshev neighbourhood) the neighbour tests are done first, for the offsets pointing
     * backwards in raster order, all voxels at once and one offset at a time
     * ({@link #sameLevelMasks}, vectorised). One raster pass with union-find then joins each voxel
     * to the labels of its same-level backward neighbours, one per group of neighbours linked to
     * each other ({@link #representatives}), merging labels into the smaller one, so that a zone's
     * root is the label of its first voxel; each root carries its zone's voxel count and smallest
     * distance. The pass reads memory in order, which matters on large ROIs (a flood fill's jumps
     * miss the cache). Otherwise a flood fill seeded in raster order compares each popped voxel
     * with its neighbours.
     *
     * @param grid         padded grey levels, 0 = outside the ROI
     * @param connectivity neighbour offsets linking voxels (26 or 8 with Chebyshev distance 1)
     * @param distanceMap  optional per-voxel distance on the same padded grid (GLDZM), or null
     */
    static Zones label(PaddedLevels grid, int[][] connectivity, int[] distanceMap) {
        int[] steps = grid.steps(connectivity);
        int[] back = backwardHalf(steps);
        if (back == null || back.length > 32) {
            return floodFill(grid, steps, distanceMap);
        }
        int[] representatives = back.length <= MAX_TABLE_BITS ? representatives(grid, connectivity, back) : null;
        return unionFind(grid, back, representatives, distanceMap);
    }

    /** Largest backward neighbourhood with a table of {@link #representatives} (2^13 entries for 26-connectivity). */
    private static final int MAX_TABLE_BITS = 13;

    private static final ConcurrentHashMap<String, int[]> REPRESENTATIVES = new ConcurrentHashMap<>();

    /**
     * For each set of same-level backward neighbours (bit t for {@code back[t]}), one neighbour of
     * each group of them that are linked to one another by the connectivity. Two linked
     * neighbours of the same level are already in one zone when the voxel is reached (both precede
     * it, so the later was joined to the earlier), so joining the voxel to one neighbour per group
     * joins it to all: with 26-connectivity the neighbour below, {@code (0, 0, -1)}, is linked to
     * the 12 others, and most voxels need one union instead of up to 13. Cached per connectivity.
     */
    private static int[] representatives(PaddedLevels grid, int[][] connectivity, int[] back) {
        // the offset of each backward step (steps are distinct, so the offset is found by its step)
        int n = back.length;
        int[][] offsets = new int[n][];
        for (int[] o : connectivity) {
            int st = grid.step(o);
            for (int t = 0; t < n; t++) {
                if (back[t] == st) {
                    offsets[t] = o;
                }
            }
        }
        StringBuilder key = new StringBuilder();
        for (int[] o : offsets) {
            key.append(o[0]).append(',').append(o[1]).append(',').append(o[2]).append(';');
        }
        for (int[] o : connectivity) {
            key.append('|').append(o[0]).append(',').append(o[1]).append(',').append(o[2]);
        }
        return REPRESENTATIVES.computeIfAbsent(key.toString(), k -> representativeTable(offsets, connectivity));
    }

    static int[] representativeTable(int[][] offsets, int[][] connectivity) {
        int n = offsets.length;
        int[] linked = new int[n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b && contains(connectivity, offsets[b][0] - offsets[a][0], offsets[b][1] - offsets[a][1],
                    offsets[b][2] - offsets[a][2])) {
                    linked[a] |= 1 << b;
                }
            }
        }
        int[] table = new int[1 << n];
        for (int set = 1; set < table.length; set++) {
            int rest = set;
            int reps = 0;
            while (rest != 0) {
                int first = rest & -rest;
                int group = first;
                while (true) { // grow the group through links inside the set
                    int grown = group;
                    for (int bits = group; bits != 0; bits &= bits - 1) {
                        grown |= linked[Integer.numberOfTrailingZeros(bits)];
                    }
                    grown &= set;
                    if (grown == group) {
                        break;
                    }
                    group = grown;
                }
                reps |= first;
                rest &= ~group;
            }
            table[set] = reps;
        }
        return table;
    }

    private static boolean contains(int[][] offsets, int x, int y, int z) {
        for (int[] o : offsets) {
            if (o[0] == x && o[1] == y && o[2] == z) {
                return true;
            }
        }
        return false;
    }

    private static Zones unionFind(PaddedLevels grid, int[] back, int[] representatives, int[] distanceMap) {
        int[] masks = grid.sameLevelMasks(back);
        int[] values = grid.values;
        int[] label = WorkArrays.zeroedInts(values.length); // 0 = not in the ROI
        // per label 1..labels (at most one per ROI voxel), each entry written when its label is
        // made: work arrays of the pool, with any contents
        int capacity = grid.voxelCount + 1;
        int[] parent = WorkArrays.ints(capacity);
        int[] firstLevel = WorkArrays.ints(capacity);
        int[] firstSlice = WorkArrays.ints(capacity);
        // voxel count and smallest distance of each label's voxels; a root holds those of its whole set
        int[] count = WorkArrays.ints(capacity);
        int[] nearest = distanceMap == null ? null : WorkArrays.ints(capacity);
        int labels = 0;
        for (int k = 0; k < grid.nz; k++) {
            for (int j = 0; j < grid.ny; j++) {
                int q0 = grid.index(0, j, k);
                for (int p = q0; p < q0 + grid.nx; p++) {
                    int level = values[p];
                    if (level <= 0) {
                        continue;
                    }
                    int own = 0;
                    int last = 0;
                    int same = masks[p];
                    for (int bits = representatives == null ? same : representatives[same]; bits != 0; bits &= bits - 1) {
                        int l = label[p + back[Integer.numberOfTrailingZeros(bits)]];
                        if (l == last || l == own) {
                            continue; // neighbouring voxels mostly share a label: no find needed
                        }
                        last = l;
                        int root = find(parent, l);
                        if (own == 0) {
                            own = root;
                        } else if (root != own) {
                            // the larger root joins the smaller, which takes over its count and distance
                            int keep = Math.min(root, own);
                            int gone = Math.max(root, own);
                            parent[gone] = keep;
                            count[keep] += count[gone];
                            if (nearest != null) {
                                nearest[keep] = Math.min(nearest[keep], nearest[gone]);
                            }
                            own = keep;
                        }
                    }
                    if (own == 0) {
                        own = ++labels;
                        if (own >= capacity) {
                            throw new IllegalStateException("grid holds more ROI voxels than its count " + grid.voxelCount);
                        }
                        parent[own] = own;
                        firstLevel[own] = level;
                        firstSlice[own] = k;
                        count[own] = 0;
                        if (nearest != null) {
                            nearest[own] = Integer.MAX_VALUE;
                        }
                    }
                    label[p] = own;
                    count[own]++;
                    if (nearest != null) {
                        nearest[own] = Math.min(nearest[own], distanceMap[p]);
                    }
                }
            }
        }
        WorkArrays.give(label); // no longer needed
        int roots = 0;
        for (int l = 1; l <= labels; l++) {
            roots += parent[l] == l ? 1 : 0;
        }
        // roots in increasing label order = zones in order of their first voxel
        Zones zones = new Zones(roots);
        for (int l = 1; l <= labels; l++) {
            if (parent[l] == l) {
                zones.add(firstLevel[l], count[l], firstSlice[l], nearest == null ? 0 : nearest[l]);
            }
        }
        WorkArrays.give(parent);
        WorkArrays.give(firstLevel);
        WorkArrays.give(firstSlice);
        WorkArrays.give(count);
        WorkArrays.give(nearest);
        return zones;
    }

    /** Root of label l, halving the path on the way. */
    private static int find(int[] parent, int l) {
        while (parent[l] != l) {
            int g = parent[parent[l]];
            parent[l] = g;
            l = g;
        }
        return l;
    }

    /**
     * The negative steps (neighbours earlier in raster order) when the step set is symmetric and
     * excludes 0; otherwise null.
     */
    static int[] backwardHalf(int[] steps) {
        int[] sorted = steps.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int s : sorted) {
            if (s == 0 || Arrays.binarySearch(sorted, -s) < 0) {
                return null;
            }
            n += s < 0 ? 1 : 0;
        }
        return Arrays.copyOf(sorted, n);
    }

    /** Flood fill seeded in raster order, comparing each popped voxel with its neighbours. */
    private static Zones floodFill(PaddedLevels grid, int[] steps, int[] distanceMap) {
        int[] work = grid.values.clone();
        int[] stack = new int[256];
        Zones zones = new Zones(64);
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
                        for (int s : steps) {
                            int r = p + s;
                            if (work[r] == level) {
                                work[r] = -level;
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

    /**
     * Bit t of {@code masks[p]} is set when voxel {@code p + steps[t]} has the same value as
     * {@code p} (for every voxel of the ROI box; the padding is 0). Computed a slice at a time and
     * one offset at a time over the whole slice, adding a shifted copy of the neighbour slab so that
     * every array is read at the loop index (the JIT vectorises such loops).
     */
    static int[] sameLevelMasks(PaddedLevels grid, int[] steps) {
        int[] v = grid.values;
        int[] masks = WorkArrays.zeroedInts(v.length); // the planes of the padding stay 0
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
