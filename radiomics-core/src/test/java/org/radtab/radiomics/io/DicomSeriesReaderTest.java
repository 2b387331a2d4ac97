package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;

/** DICOM series on synthetic slices whose geometry and values are known by construction. */
class DicomSeriesReaderTest {
    @TempDir
    Path tmp;

    /** Slice k of a stack: position = origin + k * gap * normal; words = 100 k + pixel index. */
    private static DicomTestWriter.Slice slice(int k, double[] origin, double[] iop, double gap) {
        DicomTestWriter.Slice s = new DicomTestWriter.Slice();
        double[] r = {iop[0], iop[1], iop[2]};
        double[] c = {iop[3], iop[4], iop[5]};
        double[] n = {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
        s.orientation = iop;
        s.position = new double[] {origin[0] + k * gap * n[0], origin[1] + k * gap * n[1], origin[2] + k * gap * n[2]};
        s.instance = k + 1;
        for (int i = 0; i < 12; i++) {
            s.words[i] = 100L * k + i;
        }
        return s;
    }

    private Path folder(String name, int count, double gap, Consumer<DicomTestWriter.Slice> edit, boolean reverseNames)
        throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int k = 0; k < count; k++) {
            DicomTestWriter.Slice s = slice(k, new double[] {-50, 20.5, 100}, new double[] {1, 0, 0, 0, 1, 0}, gap);
            edit.accept(s);
            int fileIndex = reverseNames ? count - 1 - k : k;
            Files.write(dir.resolve(String.format("IM%04d", fileIndex)), DicomTestWriter.write(s));
        }
        return dir;
    }

    private static double[] expectedValues(int count, double slope, double intercept) {
        double[] v = new double[12 * count];
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < 12; i++) {
                v[12 * k + i] = (100.0 * k + i) * slope + intercept;
            }
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {DicomFile.EXPLICIT_LE, DicomFile.IMPLICIT_LE, DicomFile.DEFLATED_LE, DicomFile.EXPLICIT_BE})
    void axialStackInEveryTransferSyntax(String syntax) throws Exception {
        Path dir = folder("ax", 4, 2.5, s -> s.transferSyntax = syntax, false);
        Volume v = DicomSeriesReader.read(dir);
        Geometry g = v.geometry();
        assertArrayEquals(new int[] {4, 3, 4}, g.size());
        // PixelSpacing 0.5 (rows) \ 0.25 (columns): i spacing 0.25, j spacing 0.5
        assertArrayEquals(new double[] {0.25, 0.5, 2.5}, g.spacing(), 1e-12);
        assertArrayEquals(new double[] {-50, 20.5, 100}, g.origin(), 1e-9);
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, g.direction(), 1e-12);
        assertArrayEquals(expectedValues(4, 1, 0), v.data(), 0);
        // voxel (i, j, k) = column i, row j of slice k
        assertEquals(100 * 2 + 4 * 1 + 3, v.get(3, 1, 2), 0);
    }

    @Test
    void reversedFileOrderIsSortedByPosition() throws Exception {
        Path dir = folder("rev", 5, 3.0, s -> { }, true);
        Volume v = DicomSeriesReader.read(dir);
        assertArrayEquals(expectedValues(5, 1, 0), v.data(), 0);
        assertArrayEquals(new double[] {-50, 20.5, 100}, v.geometry().origin(), 1e-9);
    }

    @Test
    void signedDataWithSlopeAndInterceptAndMaskedHighBits() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("signed"));
        long[] stored = {-2048, -1, 0, 1, 2047, -1000, 500, 7, -7, 12, -12, 0};
        for (int k = 0; k < 2; k++) {
            DicomTestWriter.Slice s = slice(k, new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, 1.0);
            s.transferSyntax = DicomFile.IMPLICIT_LE;
            s.pixelRepresentation = 1;
            s.bitsStored = 12;
            s.highBit = 11;
            s.slope = 2.0;
            s.intercept = -1024.0;
            for (int i = 0; i < 12; i++) {
                // 12-bit two's complement in the low bits, garbage (0xA) in the 4 unused high bits
                s.words[i] = (stored[i] & 0xFFF) | 0xA000;
            }
            Files.write(dir.resolve("s" + k), DicomTestWriter.write(s));
        }
        Volume v = DicomSeriesReader.read(dir);
        for (int i = 0; i < 12; i++) {
            assertEquals(stored[i] * 2.0 - 1024, v.data()[i], 0, "voxel " + i);
            assertEquals(stored[i] * 2.0 - 1024, v.data()[12 + i], 0, "voxel " + i + " slice 1");
        }
    }

    @Test
    void eightBitUnsignedWithoutPreamble() throws Exception {
        Path dir = folder("eight", 2, 1.0, s -> {
            s.bitsAllocated = 8;
            s.bitsStored = 8;
            s.highBit = 7;
            s.preamble = false;
            s.transferSyntax = DicomFile.IMPLICIT_LE;
            s.withSequence = false;
            for (int i = 0; i < 12; i++) {
                s.words[i] = 250 - i - s.instance;
            }
        }, false);
        Volume v = DicomSeriesReader.read(dir);
        assertEquals(249, v.data()[0], 0);
        assertEquals(250 - 11 - 2, v.data()[23], 0);
    }

    @Test
    void obliqueOrientation() throws Exception {
        double t = Math.toRadians(25);
        // rows along (cos t, sin t, 0); columns tilted about x: (-sin t cos u, cos t cos u, sin u)
        double u = Math.toRadians(10);
        double[] r = {Math.cos(t), Math.sin(t), 0};
        double[] c = {-Math.sin(t) * Math.cos(u), Math.cos(t) * Math.cos(u), Math.sin(u)};
        double[] iop = {r[0], r[1], r[2], c[0], c[1], c[2]};
        double[] n = {r[1] * c[2] - r[2] * c[1], r[2] * c[0] - r[0] * c[2], r[0] * c[1] - r[1] * c[0]};
        Path dir = Files.createDirectories(tmp.resolve("obl"));
        double[] origin = {12.5, -40, 7};
        for (int k = 0; k < 3; k++) {
            DicomTestWriter.Slice s = slice(k, origin, iop, 1.25);
            Files.write(dir.resolve("f" + (2 - k)), DicomTestWriter.write(s));
        }
        Geometry g = DicomSeriesReader.read(dir).geometry();
        double[] expected = {r[0], c[0], n[0], r[1], c[1], n[1], r[2], c[2], n[2]};
        assertArrayEquals(expected, g.direction(), 1e-9);
        assertArrayEquals(origin, g.origin(), 1e-8);
        assertEquals(1.25, g.spacing(2), 1e-8);
        // the physical point of voxel (1, 2, 2) by construction
        double[] p = g.indexToPhysical(1, 2, 2);
        for (int a = 0; a < 3; a++) {
            assertEquals(origin[a] + 0.25 * r[a] + 2 * 0.5 * c[a] + 2 * 1.25 * n[a], p[a], 1e-8);
        }
    }

    @Test
    void missingSliceIsRejectedNamingTheNeighbours() throws Exception {
        Path dir = folder("gap", 5, 2.0, s -> { }, false);
        Files.delete(dir.resolve("IM0002"));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(dir));
        assertTrue(e.getMessage().contains("IM0001") && e.getMessage().contains("IM0003")
            && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void spacingWithinOnePercentIsAcceptedAndBeyondRejected() throws Exception {
        Path ok = folder("ok", 3, 2.0, s -> {
            if (s.instance == 3) {
                s.position[2] += 0.015; // gap 2.015: 0.75% off
            }
        }, false);
        assertEquals(3, DicomSeriesReader.read(ok).geometry().nz());
        Path bad = folder("bad", 4, 2.0, s -> {
            if (s.instance == 4) {
                s.position[2] += 0.1; // gap 2.1: 5% off
            }
        }, false);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(bad));
        assertTrue(e.getMessage().contains("uneven slice spacing") && e.getMessage().contains("IM0003")
            && e.getMessage().contains("IM0002"), e.getMessage());
    }

    @Test
    void duplicatePositionAndGantryTiltAreRejected() throws Exception {
        Path dup = folder("dup", 3, 2.0, s -> {
            if (s.instance == 3) {
                s.position[2] -= 2.0;
            }
        }, false);
        assertTrue(assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(dup)).getMessage()
            .contains("same position"));
        Path tilt = folder("tilt", 3, 2.0, s -> s.position[1] += 0.5 * (s.instance - 1), false);
        assertTrue(assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(tilt)).getMessage()
            .contains("gantry tilt"));
    }

    @Test
    void mixedSeriesAreRejectedUnlessOneIsChosen() throws Exception {
        Path dir = folder("mixed", 3, 2.0, s -> { }, false);
        for (int k = 0; k < 2; k++) {
            DicomTestWriter.Slice s = slice(k, new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, 4.0);
            s.seriesUid = "1.2.3.99";
            Files.write(dir.resolve("other" + k), DicomTestWriter.write(s));
        }
        Files.writeString(dir.resolve("README.txt"), "not DICOM");
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(dir));
        assertTrue(e.getMessage().contains("1.2.3.4.5 (3 files)") && e.getMessage().contains("1.2.3.99 (2 files)"),
            e.getMessage());
        assertEquals(Map.of("1.2.3.4.5", 3, "1.2.3.99", 2), DicomSeriesReader.listSeries(dir));
        assertEquals(2, DicomSeriesReader.read(dir, "1.2.3.99").geometry().nz());
        assertEquals(4.0, DicomSeriesReader.read(dir, "1.2.3.99").geometry().spacing(2), 1e-12);
        assertEquals(3, DicomSeriesReader.read(dir, "1.2.3.4.5").geometry().nz());
    }

    @Test
    void compressedTransferSyntaxIsNamed() throws Exception {
        Path dir = folder("jpeg", 2, 1.0, s -> s.transferSyntax = DicomTestWriter.JPEG_BASELINE, false);
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(dir));
        assertEquals("TransferSyntaxUID", e.field());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.50") && e.getMessage().contains("JPEG Baseline"),
            e.getMessage());
    }

    @Test
    void multiFrameAndTruncatedFilesAreRejected() throws Exception {
        Path mf = folder("mf", 1, 1.0, s -> s.frames = 3, false);
        assertEquals("NumberOfFrames", assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(mf)).field());
        Path tr = folder("tr", 2, 1.0, s -> { }, false);
        byte[] b = Files.readAllBytes(tr.resolve("IM0001"));
        Files.write(tr.resolve("IM0001"), java.util.Arrays.copyOf(b, b.length - 5));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(tr));
        assertTrue(e.getMessage().contains("IM0001") && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void emptyFolderAndSingleSlice() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(empty));
        Path one = folder("one", 1, 1.0, s -> { }, false);
        Volume v = ImageIO.readVolume(one);
        assertEquals(2.0, v.geometry().spacing(2), 0, "single slice: SliceThickness");
        assertTrue(ImageIO.describe(one).contains("Explicit VR Little Endian"));
    }
}
