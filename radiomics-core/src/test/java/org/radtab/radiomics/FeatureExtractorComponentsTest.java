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
}
