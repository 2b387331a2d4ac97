package org.radtab.radiomics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;

/** The diagnostics' 26-connected component count on hand-built label maps. */
class FeatureExtractorComponentsTest {

    private static Mask mask(Geometry g, int[]... voxels) {
        int[] labels = new int[g.voxelCount()];
        for (int[] v : voxels) {
            labels[g.index(v[0], v[1], v[2])] = v.length > 3 ? v[3] : 1;
        }
        return Mask.wrap(g, labels);
    }

    @Test
    void cornerContactJoinsComponentsAndGridEdgesAreNotNeighbours() {
        Geometry g = Geometry.of(5, 4, 3, 1, 1, 1);
        Mask m = mask(g,
            new int[] {0, 0, 0}, new int[] {1, 1, 1},       // corner contact: one component
            new int[] {4, 3, 2}, new int[] {4, 2, 2},       // a second component at the far corner
            new int[] {0, 3, 2},                            // isolated, at an edge
            new int[] {4, 0, 0},                            // isolated; (0,0,0) is not its neighbour across the grid
            new int[] {2, 2, 0, 2});                        // another label, ignored
        assertEquals(4, FeatureExtractor.connectedComponents(m, 1));
        assertEquals(1, FeatureExtractor.connectedComponents(m, 2));
        assertEquals(0, FeatureExtractor.connectedComponents(m, 3));
    }

    @Test
    void aFullGridIsOneComponent() {
        Geometry g = Geometry.of(3, 3, 3, 1, 1, 1);
        int[] labels = new int[27];
        java.util.Arrays.fill(labels, 1);
        assertEquals(1, FeatureExtractor.connectedComponents(Mask.wrap(g, labels), 1));
    }

    /** Random label maps against a breadth-first search over the 26 neighbours written here. */
    @Test
    void randomMapsMatchABreadthFirstSearch() {
        java.util.Random r = new java.util.Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int nx = 1 + r.nextInt(9);
            int ny = 1 + r.nextInt(9);
            int nz = 1 + r.nextInt(6);
            double fill = 0.1 + 0.8 * r.nextDouble();
            Geometry g = Geometry.of(nx, ny, nz, 1, 1, 1);
            int[] labels = new int[g.voxelCount()];
            for (int n = 0; n < labels.length; n++) {
                labels[n] = r.nextDouble() < fill ? 1 : r.nextInt(3) == 0 ? 2 : 0;
            }
            assertEquals(bfsComponents(labels, nx, ny, nz, 1), FeatureExtractor.connectedComponents(Mask.wrap(g, labels), 1),
                "trial " + trial);
        }
    }

    private static int bfsComponents(int[] labels, int nx, int ny, int nz, int label) {
        boolean[] seen = new boolean[labels.length];
        int components = 0;
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int n = i + nx * (j + ny * k);
                    if (labels[n] != label || seen[n]) {
                        continue;
                    }
                    components++;
                    seen[n] = true;
                    queue.add(new int[] {i, j, k});
                    while (!queue.isEmpty()) {
                        int[] v = queue.poll();
                        for (int dz = -1; dz <= 1; dz++) {
                            for (int dy = -1; dy <= 1; dy++) {
                                for (int dx = -1; dx <= 1; dx++) {
                                    int x = v[0] + dx;
                                    int y = v[1] + dy;
                                    int z = v[2] + dz;
                                    if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) {
                                        continue;
                                    }
                                    int m = x + nx * (y + ny * z);
                                    if (labels[m] == label && !seen[m]) {
                                        seen[m] = true;
                                        queue.add(new int[] {x, y, z});
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return components;
    }
}
