package org.radtab.radiomics.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads NIfTI-1 single files ({@code .nii}, {@code .nii.gz}; either byte order).
 *
 * <h2>Which transform is used (same rule as ITK 5, hence SimpleITK and PyRadiomics)</h2>
 * <ol>
 *   <li>{@code qform_code = sform_code = 0}: origin 0, identity direction (in LPS), spacing from
 *       {@code pixdim}. (ITK does not apply NIfTI "method 1" RAS axes here.)</li>
 *   <li>The sform is <em>usable</em> when {@code sform_code > 0} and its 3x3 part, with each
 *       column scaled to unit length, is orthonormal within 1e-4 (no shear).</li>
 *   <li>The sform is used when it is usable and {@code qform_code = 0}, or
 *       {@code sform_code = 1} (scanner anatomical), or the qform describes the same grid
 *       (directions and column lengths within 1e-4, offsets within 1e-4 mm); it is also used
 *       when both matrices agree element by element (3x3 within 1e-5, offset within 1e-7).</li>
 *   <li>Otherwise the qform is used when {@code qform_code > 0}: rotation from the quaternion
 *       {@code (a, b, c, d)} with {@code a = sqrt(1 - b^2 - c^2 - d^2)} (a 180 degree rotation,
 *       {@code b^2 + c^2 + d^2 > 1 - 1e-7}, is renormalised with {@code a = 0}), third column
 *       times {@code qfac = pixdim[0] < 0 ? -1 : 1}, offset {@code qoffset_x/y/z}.</li>
 *   <li>Otherwise (a sheared sform and no qform) the file is refused: RadTab's {@link Geometry},
 *       like ITK's, has orthonormal directions only.</li>
 * </ol>
 * Spacing is always {@code |pixdim[1..3]|} (ITK); direction = the chosen matrix's columns,
 * normalised; origin = its translation column. NIfTI world coordinates are RAS and RadTab's
 * LPS, so the x and y rows of direction and origin are negated.
 *
 * <h2>Intensities</h2>
 * Supported datatypes: int8 (256), uint8 (2), int16 (4), uint16 (512), int32 (8), uint32 (768),
 * float32 (16), float64 (64). When {@code scl_slope} is finite and non-zero, every value
 * becomes {@code value * scl_slope + scl_inter} (NIfTI rule; a zero or non-finite slope means
 * "no scaling").
 *
 * <h2>Validation</h2>
 * {@code dim[0]} 1..7, dimensions beyond the third must be 1 (a 4D series is "not a 3D image"),
 * {@code vox_offset} a whole number >= 348, and the data must be exactly
 * {@code dim[1] * dim[2] * dim[3] * bytes} long after {@code vox_offset}: a shorter file is
 * truncated, a longer one does not match its header. Every failure is an
 * {@link ImageFormatException} naming the file and field; sizes are checked against the file
 * length before anything is allocated.
 */
public final class NiftiReader {
    static final int HEADER_SIZE = 348;
    private static final Logger LOG = LoggerFactory.getLogger(NiftiReader.class);

    private NiftiReader() {
    }

    /** Reads an intensity image. */
    public static Volume readVolume(Path file) throws IOException {
        long length = Files.isRegularFile(file) ? Files.size(file) : 0;
        try (InputStream in = Streams.open(file)) {
            return parse(file, in, length);
        }
    }

    /** Reads a label image (values must be whole numbers). */
    public static Mask readMask(Path file) throws IOException {
        return LabelImage.toMask(readVolume(file), file);
    }

    /** A one-line description of the file's header (datatype, compression, transform used). */
    public static String describe(Path file) throws IOException {
        long length = Files.isRegularFile(file) ? Files.size(file) : 0;
        try (InputStream in = Streams.open(file)) {
            in.mark(2);
            byte[] magic = Streams.readUpTo(in, 2);
            in.reset();
            boolean gz = Streams.isGzip(magic);
            InputStream src = gz ? gunzip(file, in) : in;
            Header h = Header.parse(file, readHeaderBytes(file, src, gz));
            h.checkData(file, length, gz);
            return "NIfTI-1, " + datatypeName(h.datatype) + (gz ? ", gzip" : "") + ", "
                + (h.byteOrder == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian") + ", geometry from "
                + h.transformSource(file);
        }
    }

    /**
     * The pixel type as ITK/SimpleITK would load it: the stored datatype ({@code int16}, {@code uint8},
     * {@code float32}, ...), or {@code float32} when a non-identity {@code scl_slope}/{@code scl_inter}
     * rescales the values.
     */
    public static String storedPixelType(Path file) throws IOException {
        try (InputStream in = Streams.open(file)) {
            in.mark(2);
            byte[] magic = Streams.readUpTo(in, 2);
            in.reset();
            boolean gz = Streams.isGzip(magic);
            InputStream src = gz ? gunzip(file, in) : in;
            Header h = Header.parse(file, readHeaderBytes(file, src, gz));
            boolean rescaled = h.slope != 0 && Float.isFinite(h.slope) && !(h.slope == 1 && h.inter == 0);
            return rescaled && h.datatype != 64 ? "float32" : datatypeName(h.datatype);
        }
    }

    /** Parses a whole NIfTI-1 file (possibly gzip-compressed) held in memory. */
    static Volume read(Path file, byte[] fileBytes) throws ImageFormatException {
        try {
            return parse(file, new ByteArrayInputStream(fileBytes), fileBytes.length);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, "data", "cannot read: " + e.getMessage(), e);
        }
    }

    private static Volume parse(Path file, InputStream raw, long fileLength) throws IOException {
        InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
        in.mark(2);
        byte[] magic = Streams.readUpTo(in, 2);
        in.reset();
        boolean gz = Streams.isGzip(magic);
        InputStream src = gz ? gunzip(file, in) : in;
        try {
            Header h = Header.parse(file, readHeaderBytes(file, src, gz));
            long dataBytes = h.checkData(file, fileLength, gz);
            long extension = h.voxOffset - HEADER_SIZE;
            if (Streams.skipUpTo(src, extension) < extension) {
                throw new ImageFormatException(file, "vox_offset", "file ends before vox_offset " + h.voxOffset);
            }
            byte[] data = Streams.readUpTo(src, dataBytes);
            if (data.length < dataBytes) {
                throw new ImageFormatException(file, "data", "truncated: the header needs " + dataBytes
                    + " bytes of voxel data (" + h.voxelCount() + " voxels x " + h.bytesPerVoxel + " bytes, "
                    + datatypeName(h.datatype) + ") after vox_offset " + h.voxOffset + ", the file has " + data.length);
            }
            if (!Streams.atEnd(src)) {
                throw new ImageFormatException(file, "data", "the file holds more data than dim and datatype describe ("
                    + h.voxelCount() + " voxels x " + h.bytesPerVoxel + " bytes after vox_offset " + h.voxOffset
                    + "): header and data do not match");
            }
            Geometry geometry = h.geometry(file);
            double[] values = new double[(int) h.voxelCount()];
            decode(ByteBuffer.wrap(data).order(h.byteOrder), h.datatype, values);
            double slope = h.slope;
            double inter = Double.isFinite(h.inter) ? h.inter : 0;
            if (slope != 0 && Double.isFinite(slope) && !(slope == 1 && inter == 0)) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = values[i] * slope + inter;
                }
            }
            return Volume.wrap(geometry, values);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, gz ? "gzip" : "data", "corrupt or truncated "
                + (gz ? "gzip stream" : "file") + " (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream gunzip(Path file, InputStream in) throws ImageFormatException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (IOException e) {
            throw new ImageFormatException(file, "gzip", "corrupt gzip header (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readHeaderBytes(Path file, InputStream src, boolean gz) throws ImageFormatException {
        byte[] header;
        try {
            header = Streams.readUpTo(src, HEADER_SIZE);
        } catch (IOException e) {
            throw new ImageFormatException(file, gz ? "gzip" : "header", "cannot read the header ("
                + e.getMessage() + ")", e);
        }
        if (header.length < HEADER_SIZE) {
            throw new ImageFormatException(file, "header", (gz ? "decompressed data has " : "file has ")
                + header.length + " bytes, a NIfTI-1 header needs " + HEADER_SIZE + " (truncated or not NIfTI)");
        }
        return header;
    }

    /** The fields of a NIfTI-1 header that RadTab uses. */
    static final class Header {
        ByteOrder byteOrder;
        int[] dim = new int[8];
        int datatype;
        int bytesPerVoxel;
        float[] pixdim = new float[8];
        long voxOffset;
        float slope;
        float inter;
        int qformCode;
        int sformCode;
        double[] quatern = new double[3];
        double[] qoffset = new double[3];
        double[][] srow = new double[3][4];

        static Header parse(Path file, byte[] bytes) throws ImageFormatException {
            Header h = new Header();
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(0) != HEADER_SIZE) {
                b.order(ByteOrder.BIG_ENDIAN);
                if (b.getInt(0) != HEADER_SIZE) {
                    int le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
                    if (le == 540 || b.getInt(0) == 540) {
                        throw new ImageFormatException(file, "sizeof_hdr", "540: a NIfTI-2 file; RadTab reads NIfTI-1");
                    }
                    throw new ImageFormatException(file, "sizeof_hdr", "is not 348 in either byte order: not a NIfTI-1 file");
                }
            }
            h.byteOrder = b.order();
            String magic = new String(bytes, 344, 3, StandardCharsets.ISO_8859_1);
            if (!"n+1".equals(magic)) {
                if ("ni1".equals(magic)) {
                    throw new ImageFormatException(file, "magic", "two-file NIfTI (.hdr/.img) is not supported; "
                        + "convert it to a single .nii file");
                }
                throw new ImageFormatException(file, "magic", "expected \"n+1\", found \""
                    + Streams.printable(magic, 3) + "\"");
            }
            int ndim = b.getShort(40);
            if (ndim < 1 || ndim > 7) {
                throw new ImageFormatException(file, "dim[0]", "must be 1..7, was " + ndim);
            }
            for (int a = 1; a <= 7; a++) {
                h.dim[a] = a <= ndim ? b.getShort(40 + 2 * a) : 1;
                if (h.dim[a] < 1) {
                    throw new ImageFormatException(file, "dim[" + a + "]", "must be >= 1, was " + h.dim[a]);
                }
            }
            h.dim[0] = ndim;
            for (int a = 4; a <= 7; a++) {
                if (h.dim[a] != 1) {
                    throw new ImageFormatException(file, "dim", "not a 3D image: dim[" + a + "] = " + h.dim[a]
                        + " (RadTab reads 3D volumes; split a 4D series into 3D files first)");
                }
            }
            h.datatype = b.getShort(70);
            h.bytesPerVoxel = bytesPerVoxel(h.datatype);
            if (h.bytesPerVoxel < 0) {
                throw new ImageFormatException(file, "datatype", "unsupported datatype code " + h.datatype
                    + " (supported: int8 256, uint8 2, int16 4, uint16 512, int32 8, uint32 768, float32 16, float64 64)");
            }
            int bitpix = b.getShort(72);
            if (bitpix != 0 && bitpix != 8 * h.bytesPerVoxel) {
                LOG.warn("{}: bitpix {} does not match datatype {}; using the datatype", file, bitpix,
                    datatypeName(h.datatype));
            }
            for (int a = 0; a < 8; a++) {
                h.pixdim[a] = b.getFloat(76 + 4 * a);
            }
            float voxOffset = b.getFloat(108);
            if (!(voxOffset >= HEADER_SIZE) || voxOffset != Math.floor(voxOffset) || voxOffset > 1e9f) {
                throw new ImageFormatException(file, "vox_offset", "must be a whole number >= 348 for a .nii file, was "
                    + voxOffset);
            }
            h.voxOffset = (long) voxOffset;
            h.slope = b.getFloat(112);
            h.inter = b.getFloat(116);
            h.qformCode = b.getShort(252);
            h.sformCode = b.getShort(254);
            for (int i = 0; i < 3; i++) {
                h.quatern[i] = b.getFloat(256 + 4 * i);
                h.qoffset[i] = b.getFloat(268 + 4 * i);
            }
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 4; c++) {
                    h.srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
                }
            }
            return h;
        }

        long voxelCount() {
            return (long) dim[1] * dim[2] * dim[3];
        }

        /** Checks the declared data size against what the file can hold; returns the data size in bytes. */
        long checkData(Path file, long fileLength, boolean gz) throws ImageFormatException {
            long n = voxelCount();
            long bytes = n * bytesPerVoxel;
            if (n > Integer.MAX_VALUE - 16 || bytes > Streams.MAX_ARRAY) {
                throw new ImageFormatException(file, "dim", "image too large for one array: " + dim[1] + " x " + dim[2]
                    + " x " + dim[3] + " voxels of " + bytesPerVoxel + " bytes");
            }
            long needed = voxOffset + bytes;
            if (!gz && needed > fileLength) {
                throw new ImageFormatException(file, "data", "truncated: the header needs " + needed + " bytes (vox_offset "
                    + voxOffset + " + " + n + " voxels x " + bytesPerVoxel + " bytes), the file has " + fileLength);
            }
            if (gz && needed > Streams.maxInflated(fileLength)) {
                throw new ImageFormatException(file, "data", "truncated or corrupt: the header needs " + needed
                    + " bytes but a gzip file of " + fileLength + " bytes cannot hold more than "
                    + Streams.maxInflated(fileLength));
            }
            return bytes;
        }

        /** 3x3 (RAS) and offset of the qform, with spacing applied: columns = R * diag(dx, dy, qfac * dz). */
        double[][] qformMatrix() {
            double qb = quatern[0];
            double qc = quatern[1];
            double qd = quatern[2];
            double qa2 = 1.0 - (qb * qb + qc * qc + qd * qd);
            double qa;
            if (qa2 < 1e-7) {
                double norm = Math.sqrt(qb * qb + qc * qc + qd * qd);
                qb /= norm;
                qc /= norm;
                qd /= norm;
                qa = 0;
            } else {
                qa = Math.sqrt(qa2);
            }
            double[] r = {
                qa * qa + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - qa * qd), 2 * (qb * qd + qa * qc),
                2 * (qb * qc + qa * qd), qa * qa + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - qa * qb),
                2 * (qb * qd - qa * qc), 2 * (qc * qd + qa * qb), qa * qa + qd * qd - qb * qb - qc * qc,
            };
            double qfac = pixdim[0] < 0 ? -1 : 1;
            double[] s = {Math.abs(pixdim[1]), Math.abs(pixdim[2]), Math.abs(pixdim[3]) * qfac};
            double[][] m = new double[3][4];
            for (int row = 0; row < 3; row++) {
                for (int c = 0; c < 3; c++) {
                    m[row][c] = r[3 * row + c] * s[c];
                }
                m[row][3] = qoffset[row];
            }
            return m;
        }

        /** Decides between sform and qform as ITK does; returns "sform", "qform" or "none". */
        String chooseTransform(Path file) throws ImageFormatException {
            if (qformCode <= 0 && sformCode <= 0) {
                return "none";
            }
            boolean sformUsable = sformCode > 0 && orthonormalColumns(srow);
            if (sformUsable) {
                if (qformCode <= 0 || sformCode == 1) {
                    return "sform";
                }
                double[][] q = qformMatrix();
                if (elementwiseClose(q, srow) || sameGrid(q, srow)) {
                    return "sform";
                }
            }
            if (qformCode > 0) {
                return "qform";
            }
            throw new ImageFormatException(file, "srow", "the sform (sform_code " + sformCode + ") has sheared or "
                + "non-orthogonal axes and there is no qform: RadTab, like ITK, supports rotations only");
        }

        String transformSource(Path file) throws ImageFormatException {
            String t = chooseTransform(file);
            switch (t) {
                case "sform": return "sform (sform_code " + sformCode + ")";
                case "qform": return "qform (qform_code " + qformCode + ")";
                default: return "pixdim only (no qform or sform)";
            }
        }

        Geometry geometry(Path file) throws ImageFormatException {
            int[] size = {dim[1], dim[2], dim[3]};
            double[] spacing = new double[3];
            for (int a = 0; a < 3; a++) {
                spacing[a] = Math.abs((double) pixdim[a + 1]);
                if (!(spacing[a] > 0) || !Double.isFinite(spacing[a])) {
                    throw new ImageFormatException(file, "pixdim[" + (a + 1) + "]", "voxel size must be finite and > 0, was "
                        + pixdim[a + 1]);
                }
            }
            String source = chooseTransform(file);
            double[] origin = new double[3];
            double[] dir = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            if (!source.equals("none")) {
                double[][] m = source.equals("sform") ? srow : qformMatrix();
                for (int c = 0; c < 3; c++) {
                    double len = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
                    if (!(len > 0) || !Double.isFinite(len)) {
                        throw new ImageFormatException(file, source, "column " + c + " has zero or invalid length");
                    }
                    if (source.equals("sform") && Math.abs(len - spacing[c]) > 1e-3 * Math.max(1, spacing[c])) {
                        LOG.warn("{}: sform column {} has length {} but pixdim[{}] = {}; using pixdim as the spacing",
                            file, c, len, c + 1, spacing[c]);
                    }
                    for (int r = 0; r < 3; r++) {
                        dir[3 * r + c] = m[r][c] / len;
                    }
                }
                for (int r = 0; r < 3; r++) {
                    origin[r] = m[r][3];
                }
                // RAS -> LPS: negate the x and y rows (0.0 - v also turns -0.0 into +0.0)
                for (int c = 0; c < 3; c++) {
                    dir[c] = 0.0 - dir[c];
                    dir[3 + c] = 0.0 - dir[3 + c];
                }
                origin[0] = 0.0 - origin[0];
                origin[1] = 0.0 - origin[1];
            }
            for (int a = 0; a < 3; a++) {
                if (!Double.isFinite(origin[a])) {
                    throw new ImageFormatException(file, source.equals("sform") ? "srow" : "qoffset", "origin is not finite");
                }
            }
            for (double d : dir) {
                if (!Double.isFinite(d)) {
                    throw new ImageFormatException(file, source, "direction is not finite");
                }
            }
            try {
                Geometry g = new Geometry(size, spacing, origin, dir);
                if (Math.abs(determinant(dir)) < 1e-6) {
                    throw new ImageFormatException(file, source, "direction matrix is singular");
                }
                return g;
            } catch (IllegalArgumentException e) {
                throw new ImageFormatException(file, "geometry", e.getMessage(), e);
            }
        }
    }

    private static boolean orthonormalColumns(double[][] m) {
        double[][] u = new double[3][3];
        for (int c = 0; c < 3; c++) {
            double len = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
            if (!(len > 0) || !Double.isFinite(len)) {
                return false;
            }
            for (int r = 0; r < 3; r++) {
                u[r][c] = m[r][c] / len;
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double dot = u[0][i] * u[0][j] + u[1][i] * u[1][j] + u[2][i] * u[2][j];
                if (Math.abs(dot - (i == j ? 1 : 0)) > 1e-4) {
                    return false;
                }
            }
        }
        return Double.isFinite(m[0][3]) && Double.isFinite(m[1][3]) && Double.isFinite(m[2][3]);
    }

    private static boolean elementwiseClose(double[][] a, double[][] b) {
        double offset = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                if (!(Math.abs(a[r][c] - b[r][c]) <= 1e-5)) {
                    return false;
                }
            }
            offset += Math.abs(a[r][3] - b[r][3]);
        }
        return offset <= 1e-7;
    }

    /** Same directions and column lengths within 1e-4, same offsets within 1e-4 mm. */
    private static boolean sameGrid(double[][] a, double[][] b) {
        for (int c = 0; c < 3; c++) {
            double la = Math.sqrt(a[0][c] * a[0][c] + a[1][c] * a[1][c] + a[2][c] * a[2][c]);
            double lb = Math.sqrt(b[0][c] * b[0][c] + b[1][c] * b[1][c] + b[2][c] * b[2][c]);
            if (!(Math.abs(la - lb) <= 1e-4)) {
                return false;
            }
            for (int r = 0; r < 3; r++) {
                if (!(Math.abs(a[r][c] / la - b[r][c] / lb) <= 1e-4)) {
                    return false;
                }
            }
        }
        for (int r = 0; r < 3; r++) {
            if (!(Math.abs(a[r][3] - b[r][3]) <= 1e-4)) {
                return false;
            }
        }
        return true;
    }

    private static double determinant(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    static int bytesPerVoxel(int datatype) {
        switch (datatype) {
            case 2: case 256: return 1;
            case 4: case 512: return 2;
            case 8: case 768: case 16: return 4;
            case 64: return 8;
            default: return -1;
        }
    }

    static String datatypeName(int datatype) {
        switch (datatype) {
            case 2: return "uint8";
            case 256: return "int8";
            case 4: return "int16";
            case 512: return "uint16";
            case 8: return "int32";
            case 768: return "uint32";
            case 16: return "float32";
            case 64: return "float64";
            default: return "datatype " + datatype;
        }
    }

    private static void decode(ByteBuffer b, int datatype, double[] out) {
        int n = out.length;
        switch (datatype) {
            case 2: for (int i = 0; i < n; i++) { out[i] = b.get(i) & 0xff; } break;
            case 256: for (int i = 0; i < n; i++) { out[i] = b.get(i); } break;
            case 4: for (int i = 0; i < n; i++) { out[i] = b.getShort(2 * i); } break;
            case 512: for (int i = 0; i < n; i++) { out[i] = b.getShort(2 * i) & 0xffff; } break;
            case 8: for (int i = 0; i < n; i++) { out[i] = b.getInt(4 * i); } break;
            case 768: for (int i = 0; i < n; i++) { out[i] = b.getInt(4 * i) & 0xffffffffL; } break;
            case 16: for (int i = 0; i < n; i++) { out[i] = b.getFloat(4 * i); } break;
            case 64: for (int i = 0; i < n; i++) { out[i] = b.getDouble(8 * i); } break;
            default: throw new IllegalStateException("datatype " + datatype);
        }
    }
}
