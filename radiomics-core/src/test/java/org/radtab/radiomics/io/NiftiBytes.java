package org.radtab.radiomics.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.GZIPOutputStream;

/**
 * Builds NIfTI-1 files byte by byte for tests, independently of {@link NiftiWriter}: every field
 * is set explicitly, so expected geometry and values are known by construction.
 */
final class NiftiBytes {
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    short[] dim = {3, 2, 2, 2, 1, 1, 1, 1};
    short datatype = 2;
    short bitpix = 8;
    float[] pixdim = {1, 1, 1, 1, 0, 0, 0, 0};
    float voxOffset = 352;
    float slope = 1;
    float inter = 0;
    short qformCode = 0;
    short sformCode = 0;
    float[] quatern = new float[3];
    float[] qoffset = new float[3];
    float[][] srow = new float[3][4];
    String magic = "n+1";
    byte[] data = new byte[8];

    static NiftiBytes uint8(int nx, int ny, int nz, byte[] data) {
        NiftiBytes b = new NiftiBytes();
        b.dim = new short[] {3, (short) nx, (short) ny, (short) nz, 1, 1, 1, 1};
        b.data = data;
        return b;
    }

    NiftiBytes qform(int code, float qb, float qc, float qd, float x, float y, float z) {
        qformCode = (short) code;
        quatern = new float[] {qb, qc, qd};
        qoffset = new float[] {x, y, z};
        return this;
    }

    NiftiBytes sform(int code, float[][] rows) {
        sformCode = (short) code;
        srow = rows;
        return this;
    }

    NiftiBytes spacing(float qfac, float dx, float dy, float dz) {
        pixdim = new float[] {qfac, dx, dy, dz, 0, 0, 0, 0};
        return this;
    }

    byte[] build() {
        int off = (int) voxOffset;
        ByteBuffer b = ByteBuffer.allocate(Math.max(348, off) + data.length).order(order);
        b.putInt(0, sizeofHdr);
        for (int i = 0; i < 8; i++) {
            b.putShort(40 + 2 * i, dim[i]);
        }
        b.putShort(70, datatype);
        b.putShort(72, bitpix);
        for (int i = 0; i < 8; i++) {
            b.putFloat(76 + 4 * i, pixdim[i]);
        }
        b.putFloat(108, voxOffset);
        b.putFloat(112, slope);
        b.putFloat(116, inter);
        b.putShort(252, qformCode);
        b.putShort(254, sformCode);
        for (int i = 0; i < 3; i++) {
            b.putFloat(256 + 4 * i, quatern[i]);
            b.putFloat(268 + 4 * i, qoffset[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(280 + 16 * r + 4 * c, srow[r][c]);
            }
        }
        byte[] m = magic.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < m.length && i < 4; i++) {
            b.put(344 + i, m[i]);
        }
        b.position(Math.max(348, off));
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }
}
