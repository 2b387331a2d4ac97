package org.radtab.radiomics.image;

import java.util.Arrays;
import java.util.Locale;

/**
 * The voxel grid of a 3D image: size, spacing, origin and direction cosines, in the LPS
 * patient coordinate system used by DICOM and ITK.
 *
 * <p>Voxel index (i, j, k) maps to the physical point {@code p = origin + D * diag(spacing) * (i, j, k)},
 * where column {@code c} of the 3x3 matrix {@code D} is the unit direction of index axis {@code c}.
 * The direction is stored row-major: {@code direction[3 * r + c]}. Voxels are stored with i (x)
 * varying fastest: flat index {@code i + nx * (j + ny * k)}, the order of NIfTI and NRRD files.
 *
 * <p>Instances are immutable.
 */
public final class Geometry {

    /** Default absolute tolerance, in mm (spacing, origin) and in direction cosine units. */
    public static final double DEFAULT_TOLERANCE = 1e-4;

    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    private final int nx;
    private final int ny;
    private final int nz;
    private final double[] spacing;
    private final double[] origin;
    private final double[] direction;

    /**
     * @param size      number of voxels along i, j, k (each at least 1)
     * @param spacing   voxel size along i, j, k in mm (each finite and positive)
     * @param origin    physical position (LPS, mm) of the centre of voxel (0, 0, 0)
     * @param direction 3x3 direction cosines, row-major, columns = index axes
     */
    public Geometry(int[] size, double[] spacing, double[] origin, double[] direction) {
        requireLength("size", size.length, 3);
        requireLength("spacing", spacing.length, 3);
        requireLength("origin", origin.length, 3);
        requireLength("direction", direction.length, 9);
        for (int a = 0; a < 3; a++) {
            if (size[a] < 1) {
                throw new IllegalArgumentException("size[" + a + "] must be >= 1, was " + size[a]);
            }
            if (!(spacing[a] > 0) || !Double.isFinite(spacing[a])) {
                throw new IllegalArgumentException("spacing[" + a + "] must be finite and > 0, was " + spacing[a]);
            }
            if (!Double.isFinite(origin[a])) {
                throw new IllegalArgumentException("origin[" + a + "] must be finite, was " + origin[a]);
            }
        }
        for (double d : direction) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("direction must be finite: " + Arrays.toString(direction));
            }
        }
        long n = (long) size[0] * size[1] * size[2];
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + n + " voxels");
        }
        this.nx = size[0];
        this.ny = size[1];
        this.nz = size[2];
        this.spacing = spacing.clone();
        this.origin = origin.clone();
        this.direction = direction.clone();
    }

    /** A grid with unit directions. */
    public static Geometry of(int[] size, double[] spacing, double[] origin) {
        return new Geometry(size, spacing, origin, IDENTITY);
    }

    /** A grid with origin 0, unit directions and the given spacing. */
    public static Geometry of(int nx, int ny, int nz, double sx, double sy, double sz) {
        return new Geometry(new int[] {nx, ny, nz}, new double[] {sx, sy, sz}, new double[3], IDENTITY);
    }

    private static void requireLength(String what, int len, int expected) {
        if (len != expected) {
            throw new IllegalArgumentException(what + " must have " + expected + " elements, had " + len);
        }
    }

    public int nx() { return nx; }

    public int ny() { return ny; }

    public int nz() { return nz; }

    /** Size along axis {@code a} (0 = i/x, 1 = j/y, 2 = k/z). */
    public int size(int a) {
        return a == 0 ? nx : a == 1 ? ny : nz;
    }

    public int[] size() { return new int[] {nx, ny, nz}; }

    public int voxelCount() { return nx * ny * nz; }

    public double[] spacing() { return spacing.clone(); }

    public double spacing(int a) { return spacing[a]; }

    public double[] origin() { return origin.clone(); }

    /** Direction cosines, row-major; column c is the direction of index axis c. */
    public double[] direction() { return direction.clone(); }

    /** Volume of one voxel in mm^3. */
    public double voxelVolume() { return spacing[0] * spacing[1] * spacing[2]; }

    /** Flat index of voxel (i, j, k). No bounds check. */
    public int index(int i, int j, int k) { return i + nx * (j + ny * k); }

    public boolean contains(int i, int j, int k) {
        return i >= 0 && j >= 0 && k >= 0 && i < nx && j < ny && k < nz;
    }

    /** Physical point (LPS, mm) of the continuous index (i, j, k). */
    public double[] indexToPhysical(double i, double j, double k) {
        double a = i * spacing[0];
        double b = j * spacing[1];
        double c = k * spacing[2];
        return new double[] {
            origin[0] + direction[0] * a + direction[1] * b + direction[2] * c,
            origin[1] + direction[3] * a + direction[4] * b + direction[5] * c,
            origin[2] + direction[6] * a + direction[7] * b + direction[8] * c,
        };
    }

    /**
     * Continuous index of a physical point. The direction matrix is inverted exactly (it need
     * not be orthonormal, although it is for every image RadTab reads).
     */
    public double[] physicalToIndex(double x, double y, double z) {
        double[] inv = invert3x3(direction);
        double dx = x - origin[0];
        double dy = y - origin[1];
        double dz = z - origin[2];
        return new double[] {
            (inv[0] * dx + inv[1] * dy + inv[2] * dz) / spacing[0],
            (inv[3] * dx + inv[4] * dy + inv[5] * dz) / spacing[1],
            (inv[6] * dx + inv[7] * dy + inv[8] * dz) / spacing[2],
        };
    }

    /** The sub-grid starting at index {@code lo} with the given size; spacing and direction are kept. */
    public Geometry subGrid(int[] lo, int[] newSize) {
        return new Geometry(newSize, spacing, indexToPhysical(lo[0], lo[1], lo[2]), direction);
    }

    /** Same grid with another size (origin, spacing and direction kept). */
    public Geometry withSize(int[] newSize) {
        return new Geometry(newSize, spacing, origin, direction);
    }

    /** Same grid with another spacing. */
    public Geometry withSpacing(double[] newSpacing) {
        return new Geometry(size(), newSpacing, origin, direction);
    }

    /** Same grid with another origin. */
    public Geometry withOrigin(double[] newOrigin) {
        return new Geometry(size(), spacing, newOrigin, direction);
    }

    /** True when {@link #requireSameGrid(Geometry, double)} would pass. */
    public boolean sameGrid(Geometry other, double tolerance) {
        return firstDifference(other, tolerance) == null;
    }

    /**
     * Checks that {@code other} describes the same voxel grid (size exactly; spacing, origin and
     * direction within an absolute tolerance).
     *
     * @throws GeometryMismatchException naming the first field that differs and both values
     */
    public void requireSameGrid(Geometry other, double tolerance) {
        String diff = firstDifference(other, tolerance);
        if (diff != null) {
            throw new GeometryMismatchException(diff);
        }
    }

    private String firstDifference(Geometry o, double tol) {
        if (nx != o.nx || ny != o.ny || nz != o.nz) {
            return "size differs: " + Arrays.toString(size()) + " vs " + Arrays.toString(o.size());
        }
        if (!close(spacing, o.spacing, tol)) {
            return "spacing differs: " + fmt(spacing) + " vs " + fmt(o.spacing) + " (tolerance " + tol + ")";
        }
        if (!close(origin, o.origin, tol)) {
            return "origin differs: " + fmt(origin) + " vs " + fmt(o.origin) + " (tolerance " + tol + ")";
        }
        if (!close(direction, o.direction, tol)) {
            return "direction differs: " + fmt(direction) + " vs " + fmt(o.direction) + " (tolerance " + tol + ")";
        }
        return null;
    }

    private static boolean close(double[] a, double[] b, double tol) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > tol) {
                return false;
            }
        }
        return true;
    }

    static String fmt(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%.6g", v[i]));
        }
        return sb.append(')').toString();
    }

    static double[] invert3x3(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double A = e * i - f * h;
        double B = -(d * i - f * g);
        double C = d * h - e * g;
        double det = a * A + b * B + c * C;
        if (Math.abs(det) < 1e-12) {
            throw new IllegalStateException("direction matrix is singular: " + Arrays.toString(m));
        }
        double s = 1.0 / det;
        return new double[] {
            A * s, -(b * i - c * h) * s, (b * f - c * e) * s,
            B * s, (a * i - c * g) * s, -(a * f - c * d) * s,
            C * s, -(a * h - b * g) * s, (a * e - b * d) * s,
        };
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Geometry)) {
            return false;
        }
        Geometry g = (Geometry) o;
        return nx == g.nx && ny == g.ny && nz == g.nz && Arrays.equals(spacing, g.spacing)
            && Arrays.equals(origin, g.origin) && Arrays.equals(direction, g.direction);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(size()) + Arrays.hashCode(spacing)) + Arrays.hashCode(origin))
            + Arrays.hashCode(direction);
    }

    @Override
    public String toString() {
        return "Geometry[size=" + nx + "x" + ny + "x" + nz + ", spacing=" + fmt(spacing) + ", origin=" + fmt(origin)
            + ", direction=" + fmt(direction) + "]";
    }
}
