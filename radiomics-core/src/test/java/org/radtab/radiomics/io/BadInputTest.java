package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Every reader, every kind of bad input: a typed exception naming the file and the field,
 * never a wrong image.
 */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = tmp.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    private static void fails(String field, String text, Executable read, Path file) {
        ImageFormatException e = assertThrows(ImageFormatException.class, read);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(text), "message says \"" + text + "\": " + e.getMessage());
    }

    private static byte[] validNifti() {
        return NiftiBytes.uint8(2, 2, 2, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).qform(1, 0, 0, 1, 0, 0, 0).build();
    }

    // ---- NIfTI ----

    @Test
    void niftiTruncated() throws Exception {
        byte[] ok = validNifti();
        Path f = write("trunc.nii", Arrays.copyOf(ok, ok.length - 3));
        fails("data", "truncated", () -> NiftiReader.readVolume(f), f);
        Path h = write("half.nii", Arrays.copyOf(ok, 200));
        fails("header", "348", () -> NiftiReader.readVolume(h), h);
        byte[] gz = NiftiBytes.gzip(ok);
        Path g = write("trunc.nii.gz", Arrays.copyOf(gz, gz.length - 12));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> NiftiReader.readVolume(g));
        assertTrue(e.getMessage().contains("trunc.nii.gz"), e.getMessage());
        Path empty = write("empty.nii", new byte[0]);
        fails("header", "0 bytes", () -> NiftiReader.readVolume(empty), empty);
        Path none = tmp.resolve("absent.nii");
        assertThrows(ImageFormatException.class, () -> NiftiReader.readVolume(none));
    }

    @Test
    void niftiWrongMagic() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]);
        b.magic = "xyz";
        Path f = write("magic.nii", b.build());
        fails("magic", "n+1", () -> NiftiReader.readVolume(f), f);
        b.magic = "ni1";
        Path pair = write("pair.nii", b.build());
        fails("magic", "two-file", () -> NiftiReader.readVolume(pair), pair);
        NiftiBytes s = NiftiBytes.uint8(2, 2, 2, new byte[8]);
        s.sizeofHdr = 1234;
        Path size = write("size.nii", s.build());
        fails("sizeof_hdr", "not a NIfTI-1", () -> NiftiReader.readVolume(size), size);
    }

    @Test
    void niftiHeaderDataMismatch() throws Exception {
        byte[] ok = validNifti();
        byte[] longer = Arrays.copyOf(ok, ok.length + 8);
        Path f = write("long.nii", longer);
        fails("data", "do not match", () -> NiftiReader.readVolume(f), f);
        // a header that claims a huge image: refused before allocating
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[8]);
        b.dim = new short[] {3, 32767, 32767, 32767, 1, 1, 1, 1};
        Path big = write("big.nii", b.build());
        fails("dim", "too large", () -> NiftiReader.readVolume(big), big);
        b.dim = new short[] {3, 1000, 1000, 100, 1, 1, 1, 1};
        Path gz = write("big.nii.gz", NiftiBytes.gzip(b.build()));
        fails("data", "cannot hold", () -> NiftiReader.readVolume(gz), gz);
        NiftiBytes off = NiftiBytes.uint8(2, 2, 2, new byte[8]);
        off.voxOffset = 100;
        Path o = write("offset.nii", off.build());
        fails("vox_offset", ">= 348", () -> NiftiReader.readVolume(o), o);
    }

    @Test
    void niftiUnsupportedDatatype() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[24]);
        b.datatype = 128; // RGB24
        Path f = write("rgb.nii", b.build());
        fails("datatype", "unsupported datatype code 128", () -> NiftiReader.readVolume(f), f);
    }

    @Test
    void niftiNot3D() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 2, 2, new byte[16]);
        b.dim = new short[] {4, 2, 2, 2, 2, 1, 1, 1};
        Path f = write("four.nii", b.build());
        fails("dim", "not a 3D image", () -> NiftiReader.readVolume(f), f);
        b.dim = new short[] {9, 2, 2, 2, 1, 1, 1, 1};
        Path g = write("nine.nii", b.build());
        fails("dim[0]", "1..7", () -> NiftiReader.readVolume(g), g);
        b.dim = new short[] {3, 2, -2, 2, 1, 1, 1, 1};
        Path h = write("neg.nii", b.build());
        fails("dim[2]", ">= 1", () -> NiftiReader.readVolume(h), h);
        NiftiBytes p = NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(1, 1, 0, 1);
        Path z = write("pix.nii", p.build());
        fails("pixdim[2]", "> 0", () -> NiftiReader.readVolume(z), z);
    }

    @Test
    void niftiMaskWithFractionalLabels() throws Exception {
        NiftiBytes b = NiftiBytes.uint8(2, 1, 1, new byte[] {0, 1});
        b.slope = 0.5f;
        Path f = write("frac.nii", b.build());
        fails("data", "non-integer label", () -> NiftiReader.readMask(f), f);
    }

    // ---- NRRD ----

    private static final String HEADER = "NRRD0004\ntype: short\ndimension: 3\nsizes: 2 2 1\nendian: little\n"
        + "encoding: raw\n\n";

    private static byte[] nrrd(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(h, h.length + dataBytes);
    }

    @Test
    void nrrdTruncated() throws Exception {
        Path f = write("t.nrrd", nrrd(HEADER, 6));
        fails("data", "truncated", () -> NrrdReader.readVolume(f), f);
        byte[] gz = NiftiBytes.gzip(new byte[8]);
        byte[] h = HEADER.replace("raw", "gzip").getBytes(StandardCharsets.ISO_8859_1);
        Path g = write("t.gz.nrrd", NrrdIOTest.concat(h, Arrays.copyOf(gz, gz.length - 6)));
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> NrrdReader.readVolume(g));
        assertTrue(e.getMessage().contains("t.gz.nrrd"));
        Path shortGz = write("s.gz.nrrd", NrrdIOTest.concat(h, NiftiBytes.gzip(new byte[6])));
        fails("data", "truncated", () -> NrrdReader.readVolume(shortGz), shortGz);
    }

    @Test
    void nrrdWrongMagic() throws Exception {
        Path f = write("m.nrrd", nrrd(HEADER.replace("NRRD0004", "NRRD9"), 8));
        fails("magic", "not a NRRD file", () -> NrrdReader.readVolume(f), f);
        Path bin = write("b.nrrd", new byte[] {0x1f, (byte) 0x8b, 8, 0});
        fails("magic", "not a NRRD file", () -> NrrdReader.readVolume(bin), bin);
    }

    @Test
    void nrrdHeaderDataMismatch() throws Exception {
        Path f = write("x.nrrd", nrrd(HEADER, 10));
        fails("data", "do not match", () -> NrrdReader.readVolume(f), f);
        byte[] h = HEADER.replace("raw", "gzip").getBytes(StandardCharsets.ISO_8859_1);
        Path g = write("x.gz.nrrd", NrrdIOTest.concat(h, NiftiBytes.gzip(new byte[12])));
        fails("data", "do not match", () -> NrrdReader.readVolume(g), g);
        Path big = write("big.nrrd", nrrd(HEADER.replace("2 2 1", "100000 100000 100"), 8));
        fails("sizes", "too large", () -> NrrdReader.readVolume(big), big);
        Path hdr = write("d.nhdr", (HEADER.trim() + "\ndata file: nothere.raw\n").getBytes(StandardCharsets.US_ASCII));
        fails("data file", "not found", () -> NrrdReader.readVolume(hdr), hdr);
        Path dup = write("dup.nrrd", nrrd(HEADER.replace("endian: little\n", "endian: little\nendian: big\n"), 8));
        fails("endian", "twice", () -> NrrdReader.readVolume(dup), dup);
        Path noEndian = write("ne.nrrd", nrrd(HEADER.replace("endian: little\n", ""), 8));
        fails("endian", "missing", () -> NrrdReader.readVolume(noEndian), noEndian);
        Path badSize = write("bs.nrrd", nrrd(HEADER.replace("2 2 1", "2 x 1"), 8));
        fails("sizes", "not an integer", () -> NrrdReader.readVolume(badSize), badSize);
        Path skip = write("sk.nrrd", nrrd(HEADER.replace("raw\n", "raw\nbyte skip: many\n"), 8));
        fails("byte skip", "not an integer", () -> NrrdReader.readVolume(skip), skip);
    }

    @Test
    void nrrdUnsupportedType() throws Exception {
        Path f = write("ty.nrrd", nrrd(HEADER.replace("short", "block"), 8));
        fails("type", "unsupported type", () -> NrrdReader.readVolume(f), f);
        Path e = write("enc.nrrd", nrrd(HEADER.replace("raw", "bzip2"), 8));
        fails("encoding", "unsupported encoding", () -> NrrdReader.readVolume(e), e);
    }

    @Test
    void nrrdNot3D() throws Exception {
        Path two = write("2d.nrrd", nrrd(HEADER.replace("dimension: 3", "dimension: 2").replace("2 2 1", "2 2"), 8));
        fails("dimension", "not a 3D image", () -> NrrdReader.readVolume(two), two);
        String layers = "NRRD0004\ntype: uchar\ndimension: 4\nsizes: 3 2 2 1\nkinds: list domain domain domain\n"
            + "encoding: raw\n\n";
        Path four = write("layers.seg.nrrd", nrrd(layers, 12));
        fails("sizes", "multi-layer", () -> NrrdReader.readMask(four), four);
        Path rgb = write("rgb.nrrd", nrrd("NRRD0004\ntype: uchar\ndimension: 3\nsizes: 3 2 2\n"
            + "kinds: RGB-color domain domain\nencoding: raw\n\n", 12));
        fails("kinds", "not a 3D scalar image", () -> NrrdReader.readVolume(rgb), rgb);
    }

    // ---- DICOM ----

    @Test
    void dicomBadFiles() throws Exception {
        DicomTestWriter.Slice s = new DicomTestWriter.Slice();
        byte[] ok = DicomTestWriter.write(s);
        Path notDicom = tmp.resolve("plain");
        fails("preamble", "not a DICOM file", () -> DicomFile.parse(notDicom, new byte[300]), notDicom);
        Path trunc = tmp.resolve("trunc");
        ImageFormatException e = assertThrows(ImageFormatException.class,
            () -> DicomFile.parse(trunc, Arrays.copyOf(ok, 200)));
        assertTrue(e.getMessage().contains("trunc"), e.getMessage());

        s.bitsAllocated = 12;
        Path bits = tmp.resolve("bits");
        fails("BitsAllocated", "12 is not supported", () -> DicomFile.parse(bits, DicomTestWriter.write(s)).pixels(), bits);

        DicomTestWriter.Slice m = new DicomTestWriter.Slice();
        m.rows = 4; // 16 pixels declared, 12 stored
        Path mismatch = tmp.resolve("mismatch");
        fails("PixelData", "truncated", () -> DicomFile.parse(mismatch, DicomTestWriter.write(m)).pixels(), mismatch);
        DicomTestWriter.Slice l = new DicomTestWriter.Slice();
        l.rows = 2; // 8 pixels declared, 12 stored
        Path longer = tmp.resolve("longer");
        fails("PixelData", "do not match", () -> DicomFile.parse(longer, DicomTestWriter.write(l)).pixels(), longer);

        DicomTestWriter.Slice c = new DicomTestWriter.Slice();
        c.orientation = new double[] {1, 0, 0, 0.5, 0.5, 0};
        Path dir = Files.createDirectories(tmp.resolve("skew"));
        Files.write(dir.resolve("a"), DicomTestWriter.write(c));
        fails("ImageOrientationPatient", "unit vector", () -> DicomSeriesReader.read(dir), dir.resolve("a"));

        Path nf = tmp.resolve("nofolder.dcm");
        Files.write(nf, ok);
        assertThrows(ImageFormatException.class, () -> DicomSeriesReader.read(nf));
    }

    // ---- image / mask pairs ----

    @Test
    void maskOnAnotherGrid() throws Exception {
        Path img = tmp.resolve("i.nrrd");
        Path msk = tmp.resolve("m.nii.gz");
        NrrdWriter.write(Volume.wrap(Geometry.of(2, 2, 2, 1, 1, 1), new double[8]), img);
        ImageIO.writeMask(Mask.wrap(Geometry.of(2, 2, 3, 1, 1, 1), new int[12]), msk);
        GeometryMismatchException e = assertThrows(GeometryMismatchException.class,
            () -> ImageIO.readImageAndMask(img, msk));
        assertTrue(e.getMessage().contains("size differs") && e.getMessage().contains("i.nrrd"), e.getMessage());
        ImageIO.writeMask(Mask.wrap(new Geometry(new int[] {2, 2, 2}, new double[] {1, 1, 1}, new double[] {0, 0, 0.5},
            new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}), new int[8]), msk);
        assertTrue(assertThrows(GeometryMismatchException.class, () -> ImageIO.readImageAndMask(img, msk)).getMessage()
            .contains("origin differs"));
    }

    @Test
    void unknownFileTypes() throws Exception {
        Path f = write("image.png", new byte[] {1, 2, 3});
        assertThrows(ImageFormatException.class, () -> ImageIO.readVolume(f));
        assertThrows(ImageFormatException.class, () -> ImageIO.writeVolume(Volume.zeros(Geometry.of(1, 1, 1, 1, 1, 1)), f));
    }
}
