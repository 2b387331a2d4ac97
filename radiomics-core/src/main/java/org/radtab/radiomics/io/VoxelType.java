package org.radtab.radiomics.io;

import java.nio.ByteBuffer;

/**
 * The voxel types RadTab writes, with their NIfTI-1 datatype codes and NRRD type names.
 *
 * <p>Integer types store a value only if it is a whole number inside the type's range; anything
 * else is refused (a writer never silently clips or rounds to an integer). {@link #FLOAT32}
 * rounds each double to the nearest float, {@link #FLOAT64} is exact.
 */
public enum VoxelType {
    /** Unsigned 8-bit integer, 0..255 (NIfTI {@code DT_UINT8} = 2, NRRD {@code uchar}). */
    UINT8(2, 1, "uchar", 0, 255),
    /** Signed 16-bit integer (NIfTI {@code DT_INT16} = 4, NRRD {@code short}). */
    INT16(4, 2, "short", Short.MIN_VALUE, Short.MAX_VALUE),
    /** Unsigned 16-bit integer (NIfTI {@code DT_UINT16} = 512, NRRD {@code ushort}). */
    UINT16(512, 2, "ushort", 0, 65535),
    /** Signed 32-bit integer (NIfTI {@code DT_INT32} = 8, NRRD {@code int}). */
    INT32(8, 4, "int", Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** IEEE 32-bit float (NIfTI {@code DT_FLOAT32} = 16, NRRD {@code float}). */
    FLOAT32(16, 4, "float", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
    /** IEEE 64-bit float (NIfTI {@code DT_FLOAT64} = 64, NRRD {@code double}). */
    FLOAT64(64, 8, "double", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    private final int niftiCode;
    private final int bytes;
    private final String nrrdName;
    private final double min;
    private final double max;

    VoxelType(int niftiCode, int bytes, String nrrdName, double min, double max) {
        this.niftiCode = niftiCode;
        this.bytes = bytes;
        this.nrrdName = nrrdName;
        this.min = min;
        this.max = max;
    }

    /** NIfTI-1 {@code datatype} code. */
    public int niftiCode() { return niftiCode; }

    /** Bytes per voxel. */
    public int bytes() { return bytes; }

    /** NRRD {@code type} field value. */
    public String nrrdName() { return nrrdName; }

    /** True for the integer types. */
    public boolean isInteger() { return this != FLOAT32 && this != FLOAT64; }

    /** True when {@code v} is stored exactly by this type. */
    public boolean holdsExactly(double v) {
        if (this == FLOAT64) {
            return true;
        }
        if (this == FLOAT32) {
            return Double.isNaN(v) || (double) (float) v == v;
        }
        return v == Math.rint(v) && v >= min && v <= max;
    }

    /**
     * The smallest type that stores every value exactly: UINT8, INT16, INT32 for whole numbers
     * in their ranges (UINT16 is not chosen automatically: INT16 or INT32 is preferred for
     * portability), else FLOAT32 when every value is a float, else FLOAT64.
     */
    public static VoxelType smallestExact(double[] values) {
        VoxelType[] candidates = {UINT8, INT16, INT32, FLOAT32};
        for (VoxelType t : candidates) {
            boolean ok = true;
            for (double v : values) {
                if (!t.holdsExactly(v)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return t;
            }
        }
        return FLOAT64;
    }

    /** The smallest of UINT8, INT16, INT32 that stores every label. */
    public static VoxelType forLabels(int[] labels) {
        int lo = 0;
        int hi = 0;
        for (int l : labels) {
            lo = Math.min(lo, l);
            hi = Math.max(hi, l);
        }
        if (lo >= 0 && hi <= 255) {
            return UINT8;
        }
        if (lo >= Short.MIN_VALUE && hi <= Short.MAX_VALUE) {
            return INT16;
        }
        return INT32;
    }

    /**
     * Appends {@code v} to {@code out} in this type.
     *
     * @throws IllegalArgumentException if an integer type cannot hold {@code v} exactly
     */
    void put(ByteBuffer out, double v, long voxelIndex) {
        if (isInteger() && !holdsExactly(v)) {
            throw new IllegalArgumentException("voxel " + voxelIndex + " has value " + v + ", which " + name()
                + " cannot store exactly (range " + (long) min + ".." + (long) max
                + ", whole numbers only); choose a wider or floating-point type");
        }
        switch (this) {
            case UINT8: out.put((byte) (int) v); break;
            case INT16: case UINT16: out.putShort((short) (int) v); break;
            case INT32: out.putInt((int) v); break;
            case FLOAT32: out.putFloat((float) v); break;
            default: out.putDouble(v); break;
        }
    }
}
