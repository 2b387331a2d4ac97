package org.radtab.radiomics.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the NIfTI, NRRD and DICOM parsers: random bytes and mutated valid files (bit flips,
 * truncation, header fields set to extreme values) must give an image or an
 * {@link ImageFormatException}, never another exception (no IndexOutOfBounds,
 * NegativeArraySize, OutOfMemoryError, NumberFormatException...).
 */
class HeaderFuzzTest {
    private static final Path NIFTI = Path.of("fuzz.nii");
    private static final Path NRRD = Path.of("fuzz.nrrd");
    private static final Path DICOM = Path.of("fuzz.dcm");

    private static Path folder;

    @BeforeContainer
    static void makeFolder() throws Exception {
        folder = Files.createTempDirectory("radtab-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws Exception {
        try (var s = Files.walk(folder)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs a read; only success or ImageFormatException are allowed. */
    interface Read {
        void run() throws Exception;
    }

    private static void onlyFormatErrors(Read read, byte[] input) {
        try {
            read.run();
            Statistics.collect("read");
        } catch (ImageFormatException expected) {
            Statistics.collect("ImageFormatException");
        } catch (Throwable t) {
            fail("unexpected " + t + " for input of " + input.length + " bytes starting "
                + Arrays.toString(Arrays.copyOf(input, Math.min(24, input.length))), t);
        }
    }

    // ---- base files ----

    private static final List<byte[]> NIFTI_BASES = List.of(
        NiftiBytes.uint8(2, 3, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}).spacing(1, 1, 2, 3)
            .qform(1, 0, 0, 1, 5, 6, 7).build(),
        NiftiBytes.gzip(NiftiBytes.uint8(2, 2, 2, new byte[8]).spacing(-1, 1, 1, 1).qform(2, 0, 0, 0, 1, 2, 3)
            .sform(1, new float[][] {{-1, 0, 0, 1}, {0, -1, 0, 2}, {0, 0, 1, 3}}).build()),
        int16Nifti());

    private static byte[] int16Nifti() {
        NiftiBytes b = NiftiBytes.uint8(3, 1, 1, new byte[6]);
        b.datatype = 4;
        b.bitpix = 16;
        b.order = ByteOrder.BIG_ENDIAN;
        b.slope = 2;
        return b.build();
    }

    private static final int[] NIFTI_FIELDS = {0, 40, 42, 44, 46, 48, 70, 72, 76, 80, 84, 88, 108, 112, 116, 252, 254,
        256, 260, 264, 268, 280, 284, 296, 312, 344};

    private static final List<byte[]> NRRD_BASES = List.of(
        NrrdIOTest.concat(("NRRD0004\ntype: short\ndimension: 3\nspace: left-posterior-superior\nsizes: 2 2 1\n"
            + "space directions: (1,0,0) (0,1,0) (0,0,2)\nkinds: domain domain domain\nendian: little\nencoding: raw\n"
            + "space origin: (1,2,3)\n\n").getBytes(StandardCharsets.ISO_8859_1), new byte[8]),
        NrrdIOTest.concat(("NRRD0004\ntype: uchar\ndimension: 4\nsizes: 1 2 2 1\nspace: RAS\n"
            + "space directions: none (1,0,0) (0,1,0) (0,0,2)\nkinds: list domain domain domain\nencoding: gzip\n"
            + "byte skip: 2\nSegment0_Name:=a\nSegment0_LabelValue:=1\n\n").getBytes(StandardCharsets.ISO_8859_1),
            NiftiBytes.gzip(new byte[] {9, 9, 0, 1, 1, 0})),
        ("NRRD0001\ntype: float\ndimension: 3\nsizes: 2 1 1\nspacings: 1 nan 2\nencoding: ascii\n\n1.5 2\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    private static final List<String> NRRD_VALUES = List.of("", "-1", "0", "1", "99999999999999999999", "nan", "inf",
        "(1,2)", "(nan,0,0)", "none", "none none none none", "abc", "1e400", "2 2", "3", "4", "-1 2 2", "raw", "gzip",
        "ascii", "big", "double", "int64", "LIST", "../../nothere", "%d", "(0,0,0) (0,0,0) (0,0,0)");

    private static List<byte[]> dicomBases() {
        DicomTestWriter.Slice a = new DicomTestWriter.Slice();
        DicomTestWriter.Slice b = new DicomTestWriter.Slice();
        b.transferSyntax = DicomFile.IMPLICIT_LE;
        b.pixelRepresentation = 1;
        b.slope = 2.0;
        b.intercept = -1024.0;
        DicomTestWriter.Slice c = new DicomTestWriter.Slice();
        c.transferSyntax = DicomFile.DEFLATED_LE;
        DicomTestWriter.Slice d = new DicomTestWriter.Slice();
        d.transferSyntax = DicomFile.EXPLICIT_BE;
        d.bitsAllocated = 8;
        d.bitsStored = 8;
        d.highBit = 7;
        return List.of(DicomTestWriter.write(a), DicomTestWriter.write(b), DicomTestWriter.write(c),
            DicomTestWriter.write(d));
    }

    private static final List<byte[]> DICOM_BASES = dicomBases();

    // ---- mutations ----

    private static final long[] EXTREMES = {0, 1, -1, 2, 3, 4, 7, 255, 256, 348, 352, 32767, -32768, 65535, 0x7FFFFFFFL,
        0x80000000L, 0xFFFFFFFFL, Float.floatToIntBits(Float.NaN), Float.floatToIntBits(Float.POSITIVE_INFINITY),
        Float.floatToIntBits(1e30f), Float.floatToIntBits(-0.5f)};

    /** kind 0: flip bits; 1: truncate; 2: set a 2- or 4-byte field; 3: several of these. */
    private static byte[] mutate(byte[] base, int kind, int pos, long value, int[] fields, boolean little) {
        byte[] b = base.clone();
        switch (kind) {
            case 0:
                for (int i = 0; i < 1 + (int) (Math.abs(value) % 4); i++) {
                    int p = Math.floorMod(pos * 31 + i * 977, b.length);
                    b[p] ^= (byte) (1 << Math.floorMod(value + i, 8));
                }
                return b;
            case 1:
                return Arrays.copyOf(b, Math.floorMod(pos, b.length));
            case 2: {
                int at = fields != null ? fields[Math.floorMod(pos, fields.length)] : Math.floorMod(pos, b.length);
                long v = EXTREMES[Math.floorMod(value, EXTREMES.length)];
                ByteBuffer bb = ByteBuffer.wrap(b).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                if (at + 4 <= b.length && (value & 1) == 0) {
                    bb.putInt(at, (int) v);
                } else if (at + 2 <= b.length) {
                    bb.putShort(at, (short) v);
                }
                return b;
            }
            default: {
                byte[] m = mutate(b, 0, pos, value, fields, little);
                return mutate(m, 2, pos / 3 + 1, value / 7, fields, little);
            }
        }
    }

    private static Arbitrary<byte[]> mutations(List<byte[]> bases, int[] fields) {
        return Combinators.combine(Arbitraries.of(bases), Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 1 << 20), Arbitraries.longs().between(0, 1 << 30))
            .as((base, kind, pos, value) -> mutate(base, kind, pos, value, fields, true));
    }

    @Provide
    Arbitrary<byte[]> niftiMutations() {
        return mutations(NIFTI_BASES, NIFTI_FIELDS);
    }

    @Provide
    Arbitrary<byte[]> nrrdMutations() {
        Arbitrary<byte[]> binary = mutations(NRRD_BASES, null);
        Arbitrary<byte[]> fieldValues = Combinators.combine(Arbitraries.of(NRRD_BASES),
            Arbitraries.integers().between(1, 12), Arbitraries.of(NRRD_VALUES)).as(HeaderFuzzTest::replaceLine);
        return Arbitraries.oneOf(binary, fieldValues);
    }

    /** Replaces the value of header line {@code line} (if it is a field) by {@code value}. */
    private static byte[] replaceLine(byte[] base, int line, String value) {
        String s = new String(base, StandardCharsets.ISO_8859_1);
        int headerEnd = s.indexOf("\n\n");
        String[] lines = s.substring(0, headerEnd).split("\n", -1);
        int l = Math.floorMod(line, lines.length);
        int colon = lines[l].indexOf(':');
        if (colon > 0) {
            lines[l] = lines[l].substring(0, Math.min(colon + 2, lines[l].length())) + value;
        }
        return (String.join("\n", lines) + s.substring(headerEnd)).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Provide
    Arbitrary<byte[]> dicomMutations() {
        return mutations(DICOM_BASES, null);
    }

    // ---- properties ----

    @Property(tries = 300)
    void niftiRandomBytes(@ForAll @Size(max = 700) byte[] bytes) {
        onlyFormatErrors(() -> NiftiReader.read(NIFTI, bytes), bytes);
        if (bytes.length > 350) {
            // also behind a valid magic and sizeof_hdr
            byte[] b = bytes.clone();
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 348);
            b[344] = 'n';
            b[345] = '+';
            b[346] = '1';
            onlyFormatErrors(() -> NiftiReader.read(NIFTI, b), b);
        }
    }

    @Property(tries = 500)
    void niftiMutatedHeaders(@ForAll("niftiMutations") byte[] bytes) {
        onlyFormatErrors(() -> NiftiReader.read(NIFTI, bytes), bytes);
    }

    @Property(tries = 300)
    void nrrdRandomBytes(@ForAll @Size(max = 400) byte[] bytes) {
        onlyFormatErrors(() -> NrrdReader.read(NRRD, bytes), bytes);
        byte[] withMagic = NrrdIOTest.concat("NRRD0004\n".getBytes(StandardCharsets.ISO_8859_1), bytes);
        onlyFormatErrors(() -> NrrdReader.read(NRRD, withMagic), withMagic);
    }

    @Property(tries = 600)
    void nrrdMutatedHeaders(@ForAll("nrrdMutations") byte[] bytes) {
        Path inFolder = folder.resolve("fuzz.nrrd");
        onlyFormatErrors(() -> NrrdReader.read(inFolder, bytes), bytes);
    }

    @Property(tries = 300)
    void dicomRandomBytes(@ForAll @Size(max = 700) byte[] bytes) {
        onlyFormatErrors(() -> DicomFile.parse(DICOM, bytes).pixels(), bytes);
        if (bytes.length > 140) {
            byte[] b = bytes.clone();
            b[128] = 'D';
            b[129] = 'I';
            b[130] = 'C';
            b[131] = 'M';
            b[132] = 2;
            b[133] = 0;
            onlyFormatErrors(() -> DicomFile.parse(DICOM, b).pixels(), b);
        }
    }

    @Property(tries = 600)
    void dicomMutatedFiles(@ForAll("dicomMutations") byte[] bytes) {
        onlyFormatErrors(() -> DicomFile.parse(DICOM, bytes).pixels(), bytes);
    }

    @Property(tries = 40)
    void dicomSeriesWithOneMutatedSlice(@ForAll("dicomMutations") byte[] bytes) throws Exception {
        Path dir = Files.createTempDirectory(folder, "series");
        for (int k = 0; k < 2; k++) {
            DicomTestWriter.Slice s = new DicomTestWriter.Slice();
            s.position = new double[] {0, 0, k};
            s.instance = k + 1;
            Files.write(dir.resolve("s" + k), DicomTestWriter.write(s));
        }
        Files.write(dir.resolve("s2"), bytes);
        onlyFormatErrors(() -> DicomSeriesReader.read(dir), bytes);
    }
}
