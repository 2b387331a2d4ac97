package org.radtab.radiomics.preprocess;

/**
 * What happens to each interpolated value before it is stored.
 *
 * <ul>
 *   <li>{@link #NONE}: kept in double precision.</li>
 *   <li>{@link #ROUND}: rounded to the nearest integer, halves to even (IBSI: CT intensities
 *       are rounded after interpolation; NumPy's {@code round} rule).</li>
 *   <li>{@link #FLOAT32}: rounded to the nearest float (SimpleITK writing a 32-bit float image).</li>
 *   <li>{@link #INT8} .. {@link #UINT32}: SimpleITK casting back to an integer input pixel type:
 *       clamped to the type's range, then <em>truncated toward zero</em> (C cast). PyRadiomics
 *       resamples with output type = input type, so an int16 CT comes back truncated.</li>
 * </ul>
 */
public enum OutputCast {
    NONE(Double.NaN, Double.NaN),
    ROUND(Double.NaN, Double.NaN),
    FLOAT32(Double.NaN, Double.NaN),
    INT8(-128, 127),
    UINT8(0, 255),
    INT16(-32768, 32767),
    UINT16(0, 65535),
    INT32(Integer.MIN_VALUE, Integer.MAX_VALUE),
    UINT32(0, 4294967295.0);

    private final double min;
    private final double max;

    OutputCast(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** True for the integer pixel types (clamp and truncate). */
    public boolean isInteger() {
        return !Double.isNaN(min);
    }

    /** The stored value for interpolated value {@code v}. */
    public double apply(double v) {
        switch (this) {
            case NONE:
                return v;
            case ROUND:
                return Math.rint(v);
            case FLOAT32:
                return (float) v;
            default:
                if (v <= min) {
                    return min;
                }
                if (v >= max) {
                    return max;
                }
                return v < 0 ? Math.ceil(v) : Math.floor(v);
        }
    }

    /** Applies the cast to every element, in place. */
    void applyInPlace(double[] data) {
        if (this == NONE) {
            return;
        }
        for (int n = 0; n < data.length; n++) {
            data[n] = apply(data[n]);
        }
    }

    /**
     * The cast for a NRRD {@code type} or NIfTI datatype name as SimpleITK would keep it:
     * {@code short}/{@code int16} -> {@link #INT16}, {@code float} -> {@link #FLOAT32},
     * {@code double} -> {@link #NONE}, and so on.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static OutputCast forPixelType(String type) {
        switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "signed char": case "int8": case "int8_t": case "char":
                return INT8;
            case "uchar": case "unsigned char": case "uint8": case "uint8_t":
                return UINT8;
            case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t":
                return INT16;
            case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t":
                return UINT16;
            case "int": case "signed int": case "int32": case "int32_t":
                return INT32;
            case "uint": case "unsigned int": case "uint32": case "uint32_t":
                return UINT32;
            case "float": case "float32":
                return FLOAT32;
            case "double": case "float64":
                return NONE;
            default:
                throw new IllegalArgumentException("unknown pixel type '" + type + "'");
        }
    }
}
