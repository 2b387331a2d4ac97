package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/** NRRD reading rules (hand-written headers) and writer round trips. */
class NrrdIOTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(VoxelType.class)
    void everyTypeAndEncodingRoundTripsBitIdentically(VoxelType type) throws Exception {
        for (Geometry g : new Geometry[] {NiftiIOTest.permutedGeometry(3, 4, 5), NiftiIOTest.reflectedGeometry(3, 4, 5),
            new Geometry(new int[] {3, 4, 5}, new double[] {0.7, 1.1, 3.3}, new double[] {0.1, -0.2, 0.3},
                new double[] {1, 0, 0, 0, -1, 0, 0, 0, 1})}) {
            Volume v = Volume.wrap(g, NiftiIOTest.valuesFor(type, g.voxelCount()));
            for (NrrdWriter.Encoding enc : NrrdWriter.Encoding.values()) {
                for (String name : new String[] {"a.nrrd", "a.nhdr"}) {
                    Path f = tmp.resolve(type + "-" + enc + "-" + name);
                    NrrdWriter.write(v, f, type, enc);
                    Volume back = NrrdReader.readVolume(f);
                    assertEquals(g, back.geometry(), enc + " " + name);
                    assertTrue(Arrays.equals(v.data(), back.data()), type + " " + enc + " " + name);
                }
            }
        }
    }

    @Test
    void writerHeaderIsLpsWithSpaceDirectionsAndOrigin() throws Exception {
        Path f = tmp.resolve("h.nrrd");
        NrrdWriter.write(Volume.wrap(NiftiIOTest.permutedGeometry(2, 2, 2), new double[8]), f, VoxelType.INT16,
            NrrdWriter.Encoding.RAW);
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("NRRD0004\n"));
        assertTrue(text.contains("space: left-posterior-superior\n"));
        assertTrue(text.contains("space directions: (0,0.5,0) (-0.75,0,0) (0,0,2.5)\n"), text);
        assertTrue(text.contains("space origin: (-10.25,3.5,100)\n"), text);
        assertTrue(text.contains("type: short\n") && text.contains("endian: little\n") && text.contains("encoding: raw\n"));
        assertEquals(text.indexOf("\n\n") + 2 + 16, text.length(), "8 shorts follow the blank line");
    }

    @Test
    void segmentationKeepsNamesAndWritesSlicerKeys() throws Exception {
        Geometry g = Geometry.of(4, 3, 2, 1, 1, 1);
        int[] labels = new int[24];
        labels[1] = 1;
        labels[2] = 1;
        labels[23] = 3;
        Mask m = Mask.wrap(g, labels, Map.of(1, "tumour", 3, "vertebra L1"));
        Path f = tmp.resolve("s.seg.nrrd");
        ImageIO.writeMask(m, f);
        Mask back = ImageIO.readMask(f);
        assertArrayEquals(labels, back.labels());
        assertEquals(Map.of(1, "tumour", 3, "vertebra L1"), back.segmentNames());
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String key : new String[] {"Segment0_Name:=tumour", "Segment0_LabelValue:=1", "Segment0_Layer:=0",
            "Segment1_Name:=vertebra L1", "Segment1_LabelValue:=3", "Segment1_Layer:=0", "Segment0_Extent:=1 2 0 0 0 0",
            "Segment1_Extent:=3 3 2 2 1 1", "Segmentation_MasterRepresentation:=Binary labelmap", "type: uchar"}) {
            assertTrue(text.contains(key + "\n"), key);
        }
    }

    private Path file(String name, String header, byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(data);
        Path f = tmp.resolve(name);
        Files.write(f, out.toByteArray());
        return f;
    }

    private static byte[] shorts(ByteOrder order, int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(order);
        for (int x : v) {
            b.putShort((short) x);
        }
        return b.array();
    }

    @Test
    void rasAndLasSpacesAreConvertedToLps() throws Exception {
        String common = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: raw\n"
            + "space directions: (2,0,0) (0,3,0) (0,0,4)\nspace origin: (10,20,30)\n";
        Geometry ras = NrrdReader.readVolume(file("ras.nrrd", common + "space: right-anterior-superior\n\n",
            shorts(ByteOrder.LITTLE_ENDIAN, 1, 2))).geometry();
        assertArrayEquals(new double[] {-10, -20, 30}, ras.origin(), 0);
        assertArrayEquals(new double[] {-1, 0, 0, 0, -1, 0, 0, 0, 1}, ras.direction(), 0);
        assertArrayEquals(new double[] {2, 3, 4}, ras.spacing(), 0);
        Geometry las = NrrdReader.readVolume(file("las.nrrd", common + "space: LAS\n\n",
            shorts(ByteOrder.LITTLE_ENDIAN, 1, 2))).geometry();
        assertArrayEquals(new double[] {10, -20, 30}, las.origin(), 0);
        Geometry lps = NrrdReader.readVolume(file("lps.nrrd", common + "space: left-posterior-superior\n\n",
            shorts(ByteOrder.LITTLE_ENDIAN, 1, 2))).geometry();
        assertArrayEquals(new double[] {10, 20, 30}, lps.origin(), 0);
    }

    @Test
    void oldStyleSpacingsAndBigEndian() throws Exception {
        Volume v = NrrdReader.readVolume(file("old.nrrd", "NRRD0001\n# comment\ntype: unsigned short\ndimension: 3\n"
            + "sizes: 3 1 1\nspacings: 0.5 nan 2\nendian: big\nencoding: raw\n\n", shorts(ByteOrder.BIG_ENDIAN, 1, 65535, 3)));
        assertArrayEquals(new double[] {1, 65535, 3}, v.data(), 0);
        assertArrayEquals(new double[] {0.5, 1, 2}, v.geometry().spacing(), 0);
    }

    @Test
    void leadingSizeOneAxisFrom3dSlicer() throws Exception {
        String h = "NRRD0004\ntype: unsigned char\ndimension: 4\nspace: left-posterior-superior\nsizes: 1 2 2 1\n"
            + "space directions: none (1,0,0) (0,1,0) (0,0,1)\nkinds: list domain domain domain\nencoding: raw\n"
            + "space origin: (0,0,0)\nSegment0_Name:=liver\nSegment0_LabelValue:=2\nSegment0_Layer:=0\n\n";
        Mask m = NrrdReader.readMask(file("four.seg.nrrd", h, new byte[] {0, 2, 2, 0}));
        assertArrayEquals(new int[] {2, 2, 1}, m.geometry().size());
        assertEquals(Map.of(2, 2), m.labelCounts());
        assertEquals(Map.of(2, "liver"), m.segmentNames());
        // trailing size-1 axis identified by kinds only
        String t = "NRRD0004\ntype: uchar\ndimension: 4\nsizes: 2 2 1 1\nkinds: domain domain domain list\n"
            + "encoding: raw\n\n";
        assertArrayEquals(new int[] {2, 2, 1}, NrrdReader.readVolume(file("t.nrrd", t, new byte[4])).geometry().size());
    }

    @Test
    void detachedHeaderWithLineAndByteSkip() throws Exception {
        Files.write(tmp.resolve("data.raw"), concat("two lines\nof text\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {9, 9, 9}, shorts(ByteOrder.LITTLE_ENDIAN, -7, 8)));
        Path h = tmp.resolve("d.nhdr");
        Files.writeString(h, "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: raw\n"
            + "line skip: 2\nbyte skip: 3\ndata file: data.raw\n");
        assertArrayEquals(new double[] {-7, 8}, NrrdReader.readVolume(h).data(), 0);
        Files.writeString(h, "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 1 1\nendian: little\nencoding: raw\n"
            + "byte skip: -1\ndata file: data.raw\n");
        assertArrayEquals(new double[] {-7, 8}, NrrdReader.readVolume(h).data(), 0);
    }

    @Test
    void gzipWithByteSkipAppliesAfterDecompression() throws Exception {
        byte[] gz = NiftiBytes.gzip(concat(new byte[] {1, 2, 3, 4}, shorts(ByteOrder.LITTLE_ENDIAN, 300, -300)));
        Volume v = NrrdReader.readVolume(file("g.nrrd", "NRRD0005\ntype: int16\ndimension: 3\nsizes: 1 2 1\n"
            + "endian: little\nencoding: gzip\nbyte skip: 4\n\n", gz));
        assertArrayEquals(new double[] {300, -300}, v.data(), 0);
    }

    @Test
    void asciiEncoding() throws Exception {
        Volume v = NrrdReader.readVolume(file("a.nrrd", "NRRD0004\ntype: float\ndimension: 3\nsizes: 2 2 1\n"
            + "encoding: ascii\n\n", "1.5 -2\n3e2\t4\n".getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(new double[] {1.5, -2, 300, 4}, v.data(), 0);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
