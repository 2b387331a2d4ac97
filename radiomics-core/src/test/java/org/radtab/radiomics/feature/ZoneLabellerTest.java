package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of union representatives, checked against its definition by brute force. */
class ZoneLabellerTest {

    /** The 13 backward offsets of 26-connectivity (negative flat step in x-fastest raster order). */
    private static int[][] backward26() {
        List<int[]> back = new ArrayList<>();
        for (int[] o : Neighbourhood.chebyshevBall(1, Neighbourhood.NONE)) {
            if (o[2] < 0 || (o[2] == 0 && (o[1] < 0 || (o[1] == 0 && o[0] < 0)))) {
                back.add(o);
            }
        }
        return back.toArray(new int[0][]);
    }

    @Test
    void oneRepresentativePerLinkedGroupOfNeighbours() {
        int[][] ball = Neighbourhood.chebyshevBall(1, Neighbourhood.NONE);
        int[][] back = backward26();
        assertEquals(13, back.length);
        int[] table = ZoneLabeller.representativeTable(back, ball);
        for (int set = 1; set < table.length; set++) {
            int reps = table[set];
            assertEquals(reps, reps & set, "representatives are members of the set");
            // every member is linked (by a chain of 26-neighbours inside the set) to exactly one representative
            for (int t = 0; t < back.length; t++) {
                if ((set >> t & 1) == 0) {
                    continue;
                }
                int reached = 0;
                for (int r = 0; r < back.length; r++) {
                    if ((reps >> r & 1) != 0 && connected(back, set, t, r)) {
                        reached++;
                    }
                }
                assertEquals(1, reached, "set " + Integer.toBinaryString(set) + " member " + t);
            }
        }
        // (0, 0, -1) neighbours every other backward offset: with it, one union suffices
        int below = -1;
        for (int t = 0; t < back.length; t++) {
            if (back[t][0] == 0 && back[t][1] == 0 && back[t][2] == -1) {
                below = t;
            }
        }
        assertTrue(below >= 0);
        assertEquals(1, Integer.bitCount(table[(1 << 13) - 1]));
    }

    /** Breadth-first search from member a to member b through members whose offsets differ by at most 1. */
    private static boolean connected(int[][] back, int set, int a, int b) {
        int seen = 1 << a;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int u = 0; u < back.length; u++) {
                if ((seen >> u & 1) == 0) {
                    continue;
                }
                for (int v = 0; v < back.length; v++) {
                    if ((set >> v & 1) != 0 && (seen >> v & 1) == 0
                        && Math.abs(back[u][0] - back[v][0]) <= 1 && Math.abs(back[u][1] - back[v][1]) <= 1
                        && Math.abs(back[u][2] - back[v][2]) <= 1) {
                        seen |= 1 << v;
                        grew = true;
                    }
                }
            }
        }
        return (seen >> b & 1) != 0;
    }
}
