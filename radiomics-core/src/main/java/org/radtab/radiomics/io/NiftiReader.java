package org.radtab.radiomics.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Reads NIfTI-1 single files ({@code .nii}, {@code .nii.gz}).
 *
 * <p>Geometry: the qform is used when {@code qform_code > 0}, else the sform when
 * {@code sform_code > 0}, else the plain pixdim grid (NIfTI method 1). NIfTI world coordinates
 * are RAS; RadTab's are LPS, so the first two rows of the affine are negated. Intensities are
 * multiplied by {@code scl_slope} and offset by {@code scl_inter} when the slope is non-zero
 * (NIfTI rule). Supported datatypes: int8, uint8, int16, uint16, int32, uint32, float32,
 * float64. A 4th dimension of size 1 is accepted; anything else is not a 3D image.
 */
public final class NiftiReader {
    static final int HEADER_SIZE = 348;

    private NiftiReader() {
    }

    /** Reads an intensity image. */
    public static Volume readVolume(Path file) throws IOException {
        return read(file, readAll(file));
    }

    /** Reads a label image (values must be whole numbers). */
    public static Mask readMask(Path file) throws IOException {
        return LabelImage.toMask(readVolume(file), file);
    }

    static byte[] readAll(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(file, null, "no such file");
        }
        byte[] raw = Files.readAllBytes(file);
        if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
                in.transferTo(out);
                return out.toByteArray();
            } catch (IOException e) {
                throw new ImageFormatException(file, "gzip", "corrupt or truncated gzip stream (" + e.getMessage() + ")",
                    e);
            }
        }
        return raw;
    }

    /** Parses a whole (decompressed) NIfTI-1 file held in memory. */
    static Volume read(Path file, byte[] bytes) throws ImageFormatException {
        if (bytes.length < HEADER_SIZE) {
            throw new ImageFormatException(file, "header", "file has " + bytes.length + " bytes, a NIfTI-1 header needs "
                + HEADER_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != HEADER_SIZE) {
            b.order(ByteOrder.BIG_ENDIAN);
            if (b.getInt(0) != HEADER_SIZE) {
                throw new ImageFormatException(file, "sizeof_hdr", "is not 348 in either byte order: not a NIfTI-1 file");
            }
        }
        String magic = new String(bytes, 344, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!"n+1".equals(magic)) {
            if ("ni1".equals(magic)) {
                throw new ImageFormatException(file, "magic", "two-file NIfTI (.hdr/.img) is not supported; convert to .nii");
            }
            throw new ImageFormatException(file, "magic", "expected \"n+1\", found \"" + printable(magic) + "\"");
        }
        int ndim = b.getShort(40);
        if (ndim < 1 || ndim > 7) {
            throw new ImageFormatException(file, "dim[0]", "must be 1..7, was " + ndim);
        }
        int[] dim = new int[8];
        for (int a = 1; a <= 7; a++) {
            dim[a] = a <= ndim ? b.getShort(40 + 2 * a) : 1;
            if (dim[a] < 1) {
                throw new ImageFormatException(file, "dim[" + a + "]", "must be >= 1, was " + dim[a]);
            }
        }
        for (int a = 4; a <= 7; a++) {
            if (dim[a] != 1) {
                throw new ImageFormatException(file, "dim", "not a 3D image: dim[" + a + "] = " + dim[a]
                    + " (RadTab reads 3D volumes; split 4D series first)");
            }
        }
        int datatype = b.getShort(70);
        int bytesPer = bytesPerVoxel(datatype);
        if (bytesPer < 0) {
            throw new ImageFormatException(file, "datatype", "unsupported datatype code " + datatype
                + " (supported: int8 256, uint8 2, int16 4, uint16 512, int32 8, uint32 768, float32 16, float64 64)");
        }
        float[] pixdim = new float[8];
        for (int a = 0; a < 8; a++) {
            pixdim[a] = b.getFloat(76 + 4 * a);
        }
        float voxOffset = b.getFloat(108);
        float slope = b.getFloat(112);
        float inter = b.getFloat(116);
        int qformCode = b.getShort(252);
        int sformCode = b.getShort(254);

        long n = (long) dim[1] * dim[2] * dim[3];
        if (n > Integer.MAX_VALUE - 8) {
            throw new ImageFormatException(file, "dim", "image too large: " + n + " voxels");
        }
        if (!(voxOffset >= HEADER_SIZE) || voxOffset != Math.floor(voxOffset)) {
            throw new ImageFormatException(file, "vox_offset", "must be a whole number >= 348 for a .nii file, was "
                + voxOffset);
        }
        long offset = (long) voxOffset;
        long needed = offset + n * bytesPer;
        if (needed > bytes.length) {
            throw new ImageFormatException(file, "data", "truncated: header needs " + needed + " bytes (vox_offset "
                + offset + " + " + n + " voxels x " + bytesPer + " bytes), file has " + bytes.length);
        }

        Geometry geometry = geometry(file, b, dim, pixdim, qformCode, sformCode);
        double[] data = new double[(int) n];
        decode(b, (int) offset, datatype, data);
        if (slope != 0 && Float.isFinite(slope) && Float.isFinite(inter) && !(slope == 1 && inter == 0)) {
            for (int i = 0; i < data.length; i++) {
                data[i] = data[i] * slope + inter;
            }
        }
        return Volume.wrap(geometry, data);
    }

    private static Geometry geometry(Path file, ByteBuffer b, int[] dim, float[] pixdim, int qformCode, int sformCode)
        throws ImageFormatException {
        int[] size = {dim[1], dim[2], dim[3]};
        double[] spacing = new double[3];
        double[] origin = new double[3];
        double[] dir = new double[9];
        if (qformCode > 0) {
            double qb = b.getFloat(256);
            double qc = b.getFloat(260);
            double qd = b.getFloat(264);
            double qa2 = 1.0 - (qb * qb + qc * qc + qd * qd);
            double qa;
            if (qa2 < 1e-7) {
                // numerically a 180-degree rotation: normalise (b, c, d), a = 0 (NIfTI reference rule)
                double norm = Math.sqrt(qb * qb + qc * qc + qd * qd);
                qb /= norm;
                qc /= norm;
                qd /= norm;
                qa = 0;
            } else {
                qa = Math.sqrt(qa2);
            }
            double qfac = pixdim[0] < 0 ? -1 : 1;
            double[] r = {
                qa * qa + qb * qb - qc * qc - qd * qd, 2 * (qb * qc - qa * qd), 2 * (qb * qd + qa * qc),
                2 * (qb * qc + qa * qd), qa * qa + qc * qc - qb * qb - qd * qd, 2 * (qc * qd - qa * qb),
                2 * (qb * qd - qa * qc), 2 * (qc * qd + qa * qb), qa * qa + qd * qd - qb * qb - qc * qc,
            };
            for (int row = 0; row < 3; row++) {
                r[3 * row + 2] *= qfac;
            }
            for (int a = 0; a < 3; a++) {
                spacing[a] = Math.abs(pixdim[a + 1]);
            }
            origin[0] = b.getFloat(268);
            origin[1] = b.getFloat(272);
            origin[2] = b.getFloat(276);
            dir = r;
        } else if (sformCode > 0) {
            double[][] srow = new double[3][4];
            for (int row = 0; row < 3; row++) {
                for (int c = 0; c < 4; c++) {
                    srow[row][c] = b.getFloat(280 + 16 * row + 4 * c);
                }
            }
            for (int c = 0; c < 3; c++) {
                double len = Math.sqrt(srow[0][c] * srow[0][c] + srow[1][c] * srow[1][c] + srow[2][c] * srow[2][c]);
                if (!(len > 0) || !Double.isFinite(len)) {
                    throw new ImageFormatException(file, "srow", "sform column " + c + " has zero or invalid length");
                }
                spacing[c] = len;
                for (int row = 0; row < 3; row++) {
                    dir[3 * row + c] = srow[row][c] / len;
                }
            }
            for (int row = 0; row < 3; row++) {
                origin[row] = srow[row][3];
            }
        } else {
            for (int a = 0; a < 3; a++) {
                spacing[a] = Math.abs(pixdim[a + 1]);
                dir[4 * a] = 1;
            }
        }
        for (int a = 0; a < 3; a++) {
            if (!(spacing[a] > 0) || !Double.isFinite(spacing[a])) {
                throw new ImageFormatException(file, "pixdim[" + (a + 1) + "]", "voxel size must be finite and > 0, was "
                    + spacing[a]);
            }
            if (!Double.isFinite(origin[a])) {
                throw new ImageFormatException(file, "qoffset/srow", "origin is not finite");
            }
        }
        // RAS -> LPS: negate the x and y rows
        for (int c = 0; c < 3; c++) {
            dir[c] = -dir[c];
            dir[3 + c] = -dir[3 + c];
        }
        origin[0] = -origin[0];
        origin[1] = -origin[1];
        for (double d : dir) {
            if (!Double.isFinite(d)) {
                throw new ImageFormatException(file, "qform/sform", "direction is not finite");
            }
        }
        try {
            return new Geometry(size, spacing, origin, dir);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, "geometry", e.getMessage(), e);
        }
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

    private static void decode(ByteBuffer b, int offset, int datatype, double[] out) {
        int n = out.length;
        switch (datatype) {
            case 2: for (int i = 0; i < n; i++) { out[i] = b.get(offset + i) & 0xff; } break;
            case 256: for (int i = 0; i < n; i++) { out[i] = b.get(offset + i); } break;
            case 4: for (int i = 0; i < n; i++) { out[i] = b.getShort(offset + 2 * i); } break;
            case 512: for (int i = 0; i < n; i++) { out[i] = b.getShort(offset + 2 * i) & 0xffff; } break;
            case 8: for (int i = 0; i < n; i++) { out[i] = b.getInt(offset + 4 * i); } break;
            case 768: for (int i = 0; i < n; i++) { out[i] = b.getInt(offset + 4 * i) & 0xffffffffL; } break;
            case 16: for (int i = 0; i < n; i++) { out[i] = b.getFloat(offset + 4 * i); } break;
            case 64: for (int i = 0; i < n; i++) { out[i] = b.getDouble(offset + 8 * i); } break;
            default: throw new IllegalStateException("datatype " + datatype);
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return sb.toString();
    }
}
