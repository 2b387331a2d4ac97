package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** NIfTI-1 reading rules (built byte by byte) and writer round trips. */
class NiftiIOTest {
    private static final Path NAME = Path.of("test.nii");

    @TempDir
    Path tmp;

    /** A 90 degree rotation (i -> -y in LPS) with float-exact spacing and origin. */
    static Geometry permutedGeometry(int nx, int ny, int nz) {
        // columns: i -> (0, 1, 0), j -> (-1, 0, 0), k -> (0, 0, 1); det = +1
        double[] dir = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        return new Geometry(new int[] {nx, ny, nz}, new double[] {0.5, 0.75, 2.5}, new double[] {-10.25, 3.5, 100.0},
            dir);
    }

    /** A reflection: the k axis points inferior (det = -1). */
    static Geometry reflectedGeometry(int nx, int ny, int nz) {
        double[] dir = {1, 0, 0, 0, 1, 0, 0, 0, -1};
        return new Geometry(new int[] {nx, ny, nz}, new double[] {0.9765625, 0.9765625, 3.0},
            new double[] {-250.0, -180.5, 1200.0}, dir);
    }

    static double[] valuesFor(VoxelType t, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (t) {
                case UINT8: v[i] = (i * 37) % 256; break;
                case INT16: v[i] = i % 2 == 0 ? -32768 + i * 911 : 32767 - i * 523; break;
                case UINT16: v[i] = 65535 - i * 1021; break;
                case INT32: v[i] = i % 2 == 0 ? Integer.MIN_VALUE + i : Integer.MAX_VALUE - 7L * i; break;
                case FLOAT32: v[i] = (float) (Math.sin(i) * 1000); break;
                default: v[i] = Math.sin(i) * 1e-3 + Math.PI * i; break;
            }
        }
        if (t == VoxelType.FLOAT32 || t == VoxelType.FLOAT64) {
            v[1] = Double.NaN;
            v[2] = Double.NEGATIVE_INFINITY;
            v[3] = -0.0;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(VoxelType.class)
    void everyTypeRoundTripsBitIdentically(VoxelType type) throws Exception {
        for (Geometry g : new Geometry[] {permutedGeometry(3, 4, 5), reflectedGeometry(3, 4, 5)}) {
            Volume v = Volume.wrap(g, valuesFor(type, g.voxelCount()));
            for (String name : new String[] {"a.nii", "a.nii.gz"}) {
                Path f = tmp.resolve(type + name);
                NiftiWriter.write(v, f, type);
                Volume back = NiftiReader.readVolume(f);
                assertEquals(g, back.geometry(), name);
                assertTrue(Arrays.equals(v.data(), back.data()), type + " " + name + " voxels differ");
                byte[] raw = readDecompressed(f);
                ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(type.niftiCode(), b.getShort(70), "datatype");
                assertEquals(8 * type.bytes(), b.getShort(72), "bitpix");
                assertEquals(1, b.getShort(252), "qform_code");
                assertEquals(1, b.getShort(254), "sform_code");
                assertEquals(1f, b.getFloat(112), "scl_slope");
                assertEquals(0f, b.getFloat(116), "scl_inter");
                assertEquals(352f, b.getFloat(108), "vox_offset");
                assertEquals(352 + g.voxelCount() * type.bytes(), raw.length);
            }
        }
    }

    @Test
    void qformWrittenByTheWriterDescribesTheSameGrid() throws Exception {
        // rotate 30 degrees about an oblique axis; the qform alone (sform_code zeroed) must give the grid
        double t = Math.toRadians(30);
        double[] u = {1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        double c = Math.cos(t);
        double s = Math.sin(t);
        double[] rot = new double[9];
        for (int r = 0; r < 3; r++) {
            for (int k = 0; k < 3; k++) {
                double cross = 0;
                if (r != k) {
                    int o = 3 - r - k;
                    double sign = ((r + 1) % 3 == k) ? -1 : 1;
                    cross = sign * u[o];
                }
                rot[3 * r + k] = (r == k ? c : 0) + (1 - c) * u[r] * u[k] + s * cross;
            }
        }
        for (double[] dir : new double[][] {rot, flipK(rot)}) {
            Geometry g = new Geometry(new int[] {4, 3, 2}, new double[] {0.7, 1.3, 2.2}, new double[] {12.5, -7.25, 33},
                dir);
            Volume v = Volume.wrap(g, new double[24]);
            Path f = tmp.resolve("oblique.nii");
            NiftiWriter.write(v, f, VoxelType.UINT8);
            assertGeometryClose(g, NiftiReader.readVolume(f).geometry(), 1e-6);
            byte[] bytes = Files.readAllBytes(f);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(254, (short) 0);
            assertGeometryClose(g, NiftiReader.read(NAME, bytes).geometry(), 1e-6);
        }
    }

    private static double[] flipK(double[] d) {
        return new double[] {d[0], d[1], -d[2], d[3], d[4], -d[5], d[6], d[7], -d[8]};
    }

    static void assertGeometryClose(Geometry expected, Geometry actual, double tol) {
        assertArrayEquals(expected.size(), actual.size());
        assertArrayEquals(expected.spacing(), actual.spacing(), tol * 10, "spacing");
        assertArrayEquals(expected.origin(), actual.origin(), tol * 100, "origin");
        assertArrayEquals(expected.direction(), actual.direction(), tol, "direction");
    }

    @Test
    void maskTypeIsChosenFromTheLabels() throws Exception {
        Geometry g = Geometry.of(2, 2, 1, 1, 1, 1);
        Object[][] cases = {{new int[] {0, 1, 2, 255}, 2}, {new int[] {0, -1, 2, 300}, 4}, {new int[] {0, 70000, 1, 2}, 8}};
        for (Object[] cs : cases) {
            int[] labels = (int[]) cs[0];
            Path f = tmp.resolve("m.nii.gz");
            NiftiWriter.writeMask(Mask.wrap(g, labels.clone()), f);
            assertEquals((int) cs[1], ByteBuffer.wrap(readDecompressed(f)).order(ByteOrder.LITTLE_ENDIAN).getShort(70));
            assertArrayEquals(labels, NiftiReader.readMask(f).labels());
        }
    }

    @Test
    void automaticTypeIsLossless() throws Exception {
        Geometry g = Geometry.of(2, 2, 1, 1, 1, 1);
        Object[][] cases = {{new double[] {0, 1, 2, 255}, VoxelType.UINT8}, {new double[] {-1024, 0, 3071, 5}, VoxelType.INT16},
            {new double[] {0.5, 1, 2, 3}, VoxelType.FLOAT32}, {new double[] {0.1, 1, 2, 3}, VoxelType.FLOAT64}};
        for (Object[] cs : cases) {
            double[] d = (double[]) cs[0];
            assertEquals(cs[1], VoxelType.smallestExact(d));
            Path f = tmp.resolve("auto.nii");
            NiftiWriter.write(Volume.wrap(g, d.clone()), f);
            assertArrayEquals(d, NiftiReader.readVolume(f).data(), 0.0);
        }
    }

    @Test
    void integerTypesRefuseValuesTheyCannotHold() {
        Geometry g = Geometry.of(2, 1, 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class,
            () -> NiftiWriter.write(Volume.wrap(g, new double[] {1, 256}), tmp.resolve("x.nii"), VoxelType.UINT8));
        assertThrows(IllegalArgumentException.class,
            () -> NiftiWriter.write(Volume.wrap(g, new double[] {1, 0.5}), tmp.resolve("x.nii"), VoxelType.INT32));
    }

    // ---- reading rules, on headers built by hand ----

    @Test
    void qformRotationQfacAndRasToLps() throws Exception {
        // 90 degrees about z: a = cos 45, d = sin 45 -> RAS R = [[0,-1,0],[1,0,0],[0,0,1]]
        float d = (float) Math.sin(Math.PI / 4);
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 1, 2, 3).qform(1, 0, 0, d, 10, 20, 30);
        Geometry g = NiftiReader.read(NAME, b.build()).geometry();
        assertArrayEquals(new double[] {1, 2, 3}, g.spacing(), 0);
        assertArrayEquals(new double[] {-10, -20, 30}, g.origin(), 1e-6);
        // LPS = diag(-1,-1,1) * RAS
        assertArrayEquals(new double[] {0, 1, 0, -1, 0, 0, 0, 0, 1}, g.direction(), 1e-6);

        // qfac -1 with the identity quaternion: k axis points inferior
        NiftiBytes r = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(-1, 1, 1, 1).qform(2, 0, 0, 0, 0, 0, 0);
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, NiftiReader.read(NAME, r.build()).geometry()
            .direction(), 0);
    }

    @Test
    void qformOf180DegreesAboutZIsTheLpsIdentity() throws Exception {
        // the IBSI 2 phantoms' header: qform_code 1, quaternion (0, 0, 1), no sform
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2).qform(1, 0, 0, 1, 0, 0, 0);
        Geometry g = NiftiReader.read(NAME, b.build()).geometry();
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 0);
        assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(g.origin()[0]), "origin is +0, not -0");
    }

    private static float[][] srow(double[] m) {
        float[][] s = new float[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                s[r][c] = (float) m[4 * r + c];
            }
        }
        return s;
    }

    @Test
    void sformWithCode1WinsOverADifferentQform() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2).qform(1, 0, 0, 0, 5, 5, 5)
            .sform(1, srow(new double[] {2, 0, 0, 1, 0, 2, 0, 2, 0, 0, 2, 3}));
        assertArrayEquals(new double[] {-1, -2, 3}, NiftiReader.read(NAME, b.build()).geometry().origin(), 0);
    }

    @Test
    void qformWinsOverADifferentAlignedSform() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2).qform(1, 0, 0, 0, 5, 5, 5)
            .sform(2, srow(new double[] {2, 0, 0, 1, 0, 2, 0, 2, 0, 0, 2, 3}));
        assertArrayEquals(new double[] {-5, -5, 5}, NiftiReader.read(NAME, b.build()).geometry().origin(), 0);
    }

    @Test
    void sformIsUsedWithoutQformAndSpacingComesFromPixdim() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2)
            .sform(2, srow(new double[] {0, 2, 0, 1, -2, 0, 0, 2, 0, 0, 2, 3}));
        Geometry g = NiftiReader.read(NAME, b.build()).geometry();
        assertArrayEquals(new double[] {-1, -2, 3}, g.origin(), 0);
        // RAS columns i -> (0,-1,0), j -> (1,0,0); LPS negates x and y rows
        assertArrayEquals(new double[] {0, -1, 0, 1, 0, 0, 0, 0, 1}, g.direction(), 0);
        assertArrayEquals(new double[] {2, 2, 2}, g.spacing(), 0);
    }

    @Test
    void shearedSformFallsBackToQformOrIsRefused() throws Exception {
        double[] sheared = {2, 1, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0};
        NiftiBytes withQ = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2).qform(1, 0, 0, 0, 7, 8, 9)
            .sform(1, srow(sheared));
        assertArrayEquals(new double[] {-7, -8, 9}, NiftiReader.read(NAME, withQ.build()).geometry().origin(), 0);
        NiftiBytes noQ = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 2, 2, 2).sform(1, srow(sheared));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> NiftiReader.read(NAME, noQ.build()));
        assertEquals("srow", e.field());
    }

    @Test
    void noTransformGivesIdentityAndZeroOrigin() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 0.5f, 0.25f, 4);
        Geometry g = NiftiReader.read(NAME, b.build()).geometry();
        assertEquals(Geometry.of(2, 2, 2, 0.5, 0.25, 4), g);
    }

    @Test
    void bigEndianScalingExtensionsAnd2D() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(3, 1, 1, null);
        b.order = ByteOrder.BIG_ENDIAN;
        b.datatype = 4;
        b.bitpix = 16;
        b.dim = new short[] {2, 3, 1, 0, 0, 0, 0, 0};
        b.voxOffset = 400; // 48 bytes of extension space
        b.slope = 2;
        b.inter = -5;
        b.data = ByteBuffer.allocate(6).order(ByteOrder.BIG_ENDIAN).putShort((short) -300).putShort((short) 0)
            .putShort((short) 1000).array();
        Volume v = NiftiReader.read(NAME, b.build());
        assertArrayEquals(new int[] {3, 1, 1}, v.geometry().size());
        assertArrayEquals(new double[] {-605, -5, 1995}, v.data(), 0);
        b.slope = 0; // slope 0 means no scaling
        assertArrayEquals(new double[] {-300, 0, 1000}, NiftiReader.read(NAME, b.build()).data(), 0);
    }

    @Test
    void gzipAndPlainGiveTheSameImage() throws Exception {
        byte[] plain = NiftiBytes.uint8(2, 2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).qform(1, 0, 0, 1, 0, 0, 0).build();
        Volume a = NiftiReader.read(NAME, plain);
        Volume b = NiftiReader.read(NAME, NiftiBytes.gzip(plain));
        assertEquals(a.geometry(), b.geometry());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, b.data(), 0);
        assertTrue(ImageIO.describe(write("d.nii.gz", NiftiBytes.gzip(plain))).contains("uint8, gzip"));
    }

    @Test
    void a4dFileWithOneVolumeIsRead() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]);
        b.dim = new short[] {4, 2, 2, 2, 1, 1, 1, 1};
        assertEquals(8, NiftiReader.read(NAME, b.build()).data().length);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    static byte[] readDecompressed(Path f) throws Exception {
        byte[] raw = Files.readAllBytes(f);
        if (f.toString().endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
                return in.readAllBytes();
            }
        }
        return raw;
    }

    @Test
    void imageAndMaskOnDifferentGridsAreRejectedNamingBothFiles() throws Exception {
        Path img = tmp.resolve("img.nii");
        Path msk = tmp.resolve("msk.nii");
        NiftiWriter.write(Volume.wrap(Geometry.of(2, 2, 2, 1, 1, 1), new double[8]), img, VoxelType.INT16);
        NiftiWriter.writeMask(Mask.wrap(Geometry.of(2, 2, 2, 1, 1, 2), new int[8]), msk);
        var e = assertThrows(org.radtab.radiomics.image.GeometryMismatchException.class,
            () -> ImageIO.readImageAndMask(img, msk));
        assertTrue(e.getMessage().contains("img.nii") && e.getMessage().contains("msk.nii")
            && e.getMessage().contains("spacing"), e.getMessage());
        NiftiWriter.writeMask(Mask.wrap(Geometry.of(2, 2, 2, 1, 1, 1), new int[8]), msk);
        assertEquals(Map.of(), ImageIO.readImageAndMask(img, msk).mask().labelCounts());
    }
}
