package org.radtab.radiomics.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes NIfTI-1 single files: {@code .nii}, or gzip-compressed when the name ends in
 * {@code .gz}. Little-endian, {@code vox_offset} 352, no extensions.
 *
 * <p>Geometry: the LPS {@link Geometry} is converted to RAS (x and y rows of direction and
 * origin negated) and written twice, as ITK does: as the sform ({@code srow_x/y/z} = RAS
 * direction times spacing, plus origin; {@code sform_code = 1}, scanner anatomical) and as the
 * qform (quaternion of the rotation, {@code qfac = pixdim[0] = -1} when the direction is a
 * reflection; {@code qform_code = 1}). {@code pixdim[1..3]} holds the spacing. All of these are
 * float32 fields: a geometry survives a round trip exactly when its values are float32 numbers
 * (for example after reading a NIfTI file), otherwise to float32 precision.
 *
 * <p>Intensities: written in the chosen {@link VoxelType} with {@code scl_slope = 1},
 * {@code scl_inter = 0}. Integer types refuse values they cannot hold exactly. Units: mm and
 * seconds ({@code xyzt_units = 10}). The output is deterministic (gzip header without a
 * timestamp).
 */
public final class NiftiWriter {
    private static final Logger LOG = LoggerFactory.getLogger(NiftiWriter.class);
    private static final int VOX_OFFSET = 352;

    private NiftiWriter() {
    }

    /** Writes {@code volume} with the smallest type that holds every value exactly. */
    public static void write(Volume volume, Path file) throws IOException {
        write(volume, file, VoxelType.smallestExact(volume.data()));
    }

    /** Writes {@code volume} as {@code type}. */
    public static void write(Volume volume, Path file, VoxelType type) throws IOException {
        double[] d = volume.data();
        writeFile(file, volume.geometry(), type, d.length, (buf, from, to) -> {
            for (int n = from; n < to; n++) {
                type.put(buf, d[n], n);
            }
        });
    }

    /** Writes a label mask as uint8, int16 or int32, whichever is smallest for its labels. */
    public static void writeMask(Mask mask, Path file) throws IOException {
        int[] l = mask.labels();
        VoxelType type = VoxelType.forLabels(l);
        writeFile(file, mask.geometry(), type, l.length, (buf, from, to) -> {
            for (int n = from; n < to; n++) {
                type.put(buf, l[n], n);
            }
        });
    }

    /** Fills {@code buf} with voxels {@code from} (inclusive) to {@code to} (exclusive). */
    interface VoxelSource {
        void fill(ByteBuffer buf, int from, int to);
    }

    static void writeFile(Path file, Geometry g, VoxelType type, int count, VoxelSource source) throws IOException {
        byte[] header = header(g, type);
        boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = gz ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            out.write(header);
            writeVoxels(out, type, count, source, ByteOrder.LITTLE_ENDIAN);
        }
    }

    static void writeVoxels(OutputStream out, VoxelType type, int count, VoxelSource source, ByteOrder order)
        throws IOException {
        int perChunk = Math.max(1, (1 << 16) / type.bytes());
        ByteBuffer buf = ByteBuffer.allocate(perChunk * type.bytes()).order(order);
        for (int from = 0; from < count; from += perChunk) {
            int to = Math.min(count, from + perChunk);
            buf.clear();
            source.fill(buf, from, to);
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** The 348-byte header plus the 4-byte empty extension flag. */
    static byte[] header(Geometry g, VoxelType type) {
        ByteBuffer b = ByteBuffer.allocate(VOX_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, NiftiReader.HEADER_SIZE);
        b.putShort(40, (short) 3);
        for (int a = 0; a < 3; a++) {
            if (g.size(a) > Short.MAX_VALUE) {
                throw new IllegalArgumentException("NIfTI-1 cannot store a size of " + g.size(a) + " (max 32767)");
            }
            b.putShort(42 + 2 * a, (short) g.size(a));
        }
        for (int a = 4; a <= 7; a++) {
            b.putShort(40 + 2 * a, (short) 1);
        }
        b.putShort(70, (short) type.niftiCode());
        b.putShort(72, (short) (8 * type.bytes()));

        // RAS direction = diag(-1, -1, 1) * LPS direction; origin likewise
        double[] d = g.direction();
        double[] ras = {-d[0], -d[1], -d[2], -d[3], -d[4], -d[5], d[6], d[7], d[8]};
        double[] origin = g.origin();
        double[] rasOrigin = {-origin[0], -origin[1], origin[2]};
        double det = ras[0] * (ras[4] * ras[8] - ras[5] * ras[7]) - ras[1] * (ras[3] * ras[8] - ras[5] * ras[6])
            + ras[2] * (ras[3] * ras[7] - ras[4] * ras[6]);
        double qfac = det < 0 ? -1 : 1;

        b.putFloat(76, (float) qfac);
        for (int a = 0; a < 3; a++) {
            b.putFloat(80 + 4 * a, (float) g.spacing(a));
        }
        for (int a = 4; a < 8; a++) {
            b.putFloat(76 + 4 * a, 1f);
        }
        b.putFloat(108, VOX_OFFSET);
        b.putFloat(112, 1f); // scl_slope
        b.putFloat(116, 0f); // scl_inter
        b.put(123, (byte) 10); // xyzt_units: mm + s
        byte[] descrip = "RadTab".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < descrip.length; i++) {
            b.put(148 + i, descrip[i]);
        }
        b.putShort(252, (short) 1); // qform_code: scanner anatomical
        b.putShort(254, (short) 1); // sform_code: scanner anatomical

        double[] rot = orthonormalise(new double[] {ras[0], ras[1], ras[2] * qfac, ras[3], ras[4], ras[5] * qfac,
            ras[6], ras[7], ras[8] * qfac});
        double[] q = quaternion(rot);
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, (float) q[i + 1]);
            b.putFloat(268 + 4 * i, (float) rasOrigin[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                b.putFloat(280 + 16 * r + 4 * c, (float) (ras[3 * r + c] * g.spacing(c)));
            }
            b.putFloat(280 + 16 * r + 12, (float) rasOrigin[r]);
        }
        b.put(344, (byte) 'n');
        b.put(345, (byte) '+');
        b.put(346, (byte) '1');
        return b.array();
    }

    /** Gram-Schmidt on the columns (a no-op, up to rounding, for a proper rotation). */
    private static double[] orthonormalise(double[] m) {
        double[][] c = new double[3][3];
        for (int j = 0; j < 3; j++) {
            for (int r = 0; r < 3; r++) {
                c[j][r] = m[3 * r + j];
            }
        }
        double before = Math.abs(dot(c[0], c[1])) + Math.abs(dot(c[0], c[2])) + Math.abs(dot(c[1], c[2]));
        if (before > 1e-4) {
            LOG.warn("direction is not orthonormal (off-diagonal dot products sum to {}); the qform stores the nearest "
                + "rotation, the sform keeps the exact axes", before);
        }
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < j; k++) {
                double p = dot(c[j], c[k]);
                for (int r = 0; r < 3; r++) {
                    c[j][r] -= p * c[k][r];
                }
            }
            double len = Math.sqrt(dot(c[j], c[j]));
            for (int r = 0; r < 3; r++) {
                c[j][r] /= len;
            }
        }
        double[] out = new double[9];
        for (int j = 0; j < 3; j++) {
            for (int r = 0; r < 3; r++) {
                out[3 * r + j] = c[j][r];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    /**
     * Unit quaternion (a, b, c, d), a >= 0, of a proper rotation matrix R (row-major), such that
     * R = [[a2+b2-c2-d2, 2(bc-ad), 2(bd+ac)], [2(bc+ad), a2+c2-b2-d2, 2(cd-ab)],
     * [2(bd-ac), 2(cd+ab), a2+d2-b2-c2]] (the NIfTI-1 convention). The branch on the largest
     * diagonal term keeps the division well conditioned.
     */
    static double[] quaternion(double[] r) {
        double trace = r[0] + r[4] + r[8];
        double a;
        double b;
        double c;
        double d;
        if (trace > 0) {
            double s = 2 * Math.sqrt(1 + trace); // s = 4a
            a = 0.25 * s;
            b = (r[7] - r[5]) / s;
            c = (r[2] - r[6]) / s;
            d = (r[3] - r[1]) / s;
        } else if (r[0] > r[4] && r[0] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[0] - r[4] - r[8]); // s = 4b
            a = (r[7] - r[5]) / s;
            b = 0.25 * s;
            c = (r[1] + r[3]) / s;
            d = (r[2] + r[6]) / s;
        } else if (r[4] > r[8]) {
            double s = 2 * Math.sqrt(1 + r[4] - r[0] - r[8]); // s = 4c
            a = (r[2] - r[6]) / s;
            b = (r[1] + r[3]) / s;
            c = 0.25 * s;
            d = (r[5] + r[7]) / s;
        } else {
            double s = 2 * Math.sqrt(1 + r[8] - r[0] - r[4]); // s = 4d
            a = (r[3] - r[1]) / s;
            b = (r[2] + r[6]) / s;
            c = (r[5] + r[7]) / s;
            d = 0.25 * s;
        }
        double norm = Math.sqrt(a * a + b * b + c * c + d * d);
        double sign = a < 0 ? -1 : 1;
        return new double[] {sign * a / norm, sign * b / norm, sign * c / norm, sign * d / norm};
    }
}
