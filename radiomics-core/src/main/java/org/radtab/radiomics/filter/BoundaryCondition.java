package org.radtab.radiomics.filter;

import java.util.Locale;

/**
 * How a convolution filter sees the voxels outside the image. With an image row
 * {@code a b c d} the virtual voxels are:
 *
 * <table>
 *   <caption>boundary conditions</caption>
 *   <tr><th>constant</th><th>padding</th><th>IBSI 2</th><th>numpy.pad</th><th>scipy.ndimage</th></tr>
 *   <tr><td>{@link #ZERO}</td><td>{@code 0 0 | a b c d | 0 0}</td><td>zero</td><td>constant</td><td>constant</td></tr>
 *   <tr><td>{@link #NEAREST}</td><td>{@code a a | a b c d | d d}</td><td>nearest</td><td>edge</td><td>nearest</td></tr>
 *   <tr><td>{@link #PERIODIC}</td><td>{@code c d | a b c d | a b}</td><td>periodic</td><td>wrap</td><td>wrap</td></tr>
 *   <tr><td>{@link #MIRROR_EDGE_REPEATED}</td><td>{@code b a | a b c d | d c}</td><td>mirror / reflect</td>
 *       <td>symmetric</td><td>reflect</td></tr>
 * </table>
 *
 * <p>The IBSI mirror repeats the edge voxel. The other mirror ({@code c b | a b c d | c b},
 * numpy {@code reflect}, scipy {@code mirror}) is not offered: it fails IBSI 2 tests 2.b, 2.c and
 * 4.b.1. The word "reflect" means opposite things in numpy and scipy, so RadTab names the
 * constant after what it does.
 *
 * <p>Kernels longer than the image are handled by repeating the extension rule (periodic and
 * mirror are periodic with period {@code n} and {@code 2n}).
 */
public enum BoundaryCondition {
    /** Zero outside the image (IBSI "zero", numpy/scipy "constant" with value 0). */
    ZERO,
    /** The edge voxel repeated (IBSI "nearest", numpy "edge", scipy "nearest"). */
    NEAREST,
    /** The image repeated periodically (IBSI "periodic", numpy/scipy "wrap"). */
    PERIODIC,
    /** Mirror image with the edge voxel repeated (IBSI "mirror", numpy "symmetric", scipy "reflect"). */
    MIRROR_EDGE_REPEATED;

    /**
     * The index inside {@code [0, n)} that stands for the virtual position {@code p}, or
     * {@code -1} when the value there is zero ({@link #ZERO} outside the image).
     */
    public int sourceIndex(int p, int n) {
        if (p >= 0 && p < n) {
            return p;
        }
        switch (this) {
            case ZERO:
                return -1;
            case NEAREST:
                return p < 0 ? 0 : n - 1;
            case PERIODIC:
                return Math.floorMod(p, n);
            case MIRROR_EDGE_REPEATED: {
                int q = Math.floorMod(p, 2 * n);
                return q < n ? q : 2 * n - 1 - q;
            }
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Parses a boundary name: {@code zero}/{@code constant}; {@code nearest}/{@code edge};
     * {@code periodic}/{@code wrap}; {@code mirror}/{@code reflect}/{@code symmetric} (all three in
     * the IBSI sense, edge voxel repeated: scipy's meaning of "reflect", numpy's "symmetric").
     *
     * @throws IllegalArgumentException naming the unknown value
     */
    public static BoundaryCondition parse(String name) {
        switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "zero": case "constant": return ZERO;
            case "nearest": case "edge": return NEAREST;
            case "periodic": case "wrap": return PERIODIC;
            case "mirror": case "reflect": case "symmetric": case "mirror_edge_repeated": return MIRROR_EDGE_REPEATED;
            default:
                throw new IllegalArgumentException("unknown boundary condition '" + name
                    + "' (expected zero, nearest, periodic or mirror)");
        }
    }
}
