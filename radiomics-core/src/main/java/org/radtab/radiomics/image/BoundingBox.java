package org.radtab.radiomics.image;

/**
 * An axis-aligned box of voxel indices, bounds inclusive: {@code lo[a] <= index[a] <= hi[a]}.
 */
public final class BoundingBox {
    private final int[] lo;
    private final int[] hi;

    public BoundingBox(int[] lo, int[] hi) {
        if (lo.length != 3 || hi.length != 3) {
            throw new IllegalArgumentException("bounding box needs 3 lower and 3 upper indices");
        }
        for (int a = 0; a < 3; a++) {
            if (hi[a] < lo[a]) {
                throw new IllegalArgumentException("empty bounding box on axis " + a + ": " + lo[a] + ".." + hi[a]);
            }
        }
        this.lo = lo.clone();
        this.hi = hi.clone();
    }

    /**
     * The tight box of the voxels equal to {@code label} in a flat label array on an
     * {@code nx x ny x nz} grid (x fastest), or null when there is none. Each row is searched from
     * its start for the first such voxel and, only if there is one, from its end for the last, so
     * the scan does little more than one comparison per voxel.
     */
    public static BoundingBox ofLabel(int[] labels, int nx, int ny, int nz, int label) {
        return tight(n -> labels[n] == label, nx, ny, nz);
    }

    /**
     * The tight box of the true voxels of a flat mask on an {@code nx x ny x nz} grid (x fastest),
     * or null when there is none; rows are scanned as in {@link #ofLabel}.
     */
    public static BoundingBox ofMask(boolean[] mask, int nx, int ny, int nz) {
        if ((long) nx * ny * nz != mask.length) {
            throw new IllegalArgumentException("mask has " + mask.length + " voxels, grid " + nx + " x " + ny + " x "
                + nz + " has " + (long) nx * ny * nz);
        }
        return tight(n -> mask[n], nx, ny, nz);
    }

    /** Which flat indices belong to the region whose box is sought. */
    private interface Region {
        boolean contains(int n);
    }

    /** The row-wise first / last search of {@link #ofLabel} and {@link #ofMask}. */
    private static BoundingBox tight(Region region, int nx, int ny, int nz) {
        int lox = Integer.MAX_VALUE;
        int hix = -1;
        int loy = Integer.MAX_VALUE;
        int hiy = -1;
        int loz = Integer.MAX_VALUE;
        int hiz = -1;
        for (int k = 0; k < nz; k++) {
            for (int j = 0; j < ny; j++) {
                int row = nx * (j + ny * k);
                int first = 0;
                while (first < nx && !region.contains(row + first)) {
                    first++;
                }
                if (first == nx) {
                    continue;
                }
                int last = nx - 1;
                while (!region.contains(row + last)) {
                    last--;
                }
                lox = Math.min(lox, first);
                hix = Math.max(hix, last);
                loy = Math.min(loy, j);
                hiy = Math.max(hiy, j);
                loz = Math.min(loz, k);
                hiz = Math.max(hiz, k);
            }
        }
        return hix < 0 ? null : new BoundingBox(new int[] {lox, loy, loz}, new int[] {hix, hiy, hiz});
    }

    /** Number of entries of {@code labels} equal to {@code label} (a branch-free, vectorisable count). */
    public static int count(int[] labels, int label) {
        int c = 0;
        for (int n = 0; n < labels.length; n++) {
            int d = labels[n] - label;
            c += ((d | -d) >>> 31) ^ 1;
        }
        return c;
    }

    public int[] lo() { return lo.clone(); }

    public int[] hi() { return hi.clone(); }

    public int lo(int a) { return lo[a]; }

    public int hi(int a) { return hi[a]; }

    /** Number of voxels along axis {@code a}. */
    public int size(int a) { return hi[a] - lo[a] + 1; }

    public int[] size() { return new int[] {size(0), size(1), size(2)}; }

    /** Number of axes along which the box is more than one voxel thick. */
    public int dimensionality() {
        int d = 0;
        for (int a = 0; a < 3; a++) {
            if (size(a) > 1) {
                d++;
            }
        }
        return d;
    }

    /** This box grown by {@code pad[a]} voxels on each side, clipped to the grid. */
    public BoundingBox padded(int[] pad, Geometry grid) {
        int[] l = new int[3];
        int[] h = new int[3];
        for (int a = 0; a < 3; a++) {
            l[a] = Math.max(0, lo[a] - pad[a]);
            h[a] = Math.min(grid.size(a) - 1, hi[a] + pad[a]);
        }
        return new BoundingBox(l, h);
    }

    /** This box grown by {@code pad} voxels on every side, clipped to the grid. */
    public BoundingBox padded(int pad, Geometry grid) {
        return padded(new int[] {pad, pad, pad}, grid);
    }

    public boolean fitsIn(Geometry grid) {
        for (int a = 0; a < 3; a++) {
            if (lo[a] < 0 || hi[a] >= grid.size(a)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundingBox && java.util.Arrays.equals(lo, ((BoundingBox) o).lo)
            && java.util.Arrays.equals(hi, ((BoundingBox) o).hi);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(lo) + java.util.Arrays.hashCode(hi);
    }

    @Override
    public String toString() {
        return "BoundingBox[" + lo[0] + ".." + hi[0] + ", " + lo[1] + ".." + hi[1] + ", " + lo[2] + ".." + hi[2] + "]";
    }
}
