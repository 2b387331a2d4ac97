package org.radtab.radiomics.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * One DICOM Part-10 file, parsed far enough to build a CT/MR volume: the attributes listed in
 * {@link #parse}, and the location of the native (uncompressed) pixel data. Package-private;
 * {@link DicomSeriesReader} is the public entry point.
 *
 * <p>Transfer syntaxes: implicit VR little endian ({@code 1.2.840.10008.1.2}), explicit VR little
 * endian ({@code 1.2.840.10008.1.2.1}), deflated explicit VR little endian
 * ({@code 1.2.840.10008.1.2.1.99}) and explicit VR big endian ({@code 1.2.840.10008.1.2.2},
 * retired). The header of any other (compressed) transfer syntax is still read, so that the
 * series can be identified, but its pixels are refused with the transfer syntax UID named.
 * Files without the 128-byte preamble and "DICM" are accepted when they start with a group
 * 0x0002 or 0x0008 element (old raw data sets; implicit or explicit VR little endian guessed
 * from the first element).
 */
final class DicomFile {
    static final String IMPLICIT_LE = "1.2.840.10008.1.2";
    static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    static final String DEFLATED_LE = "1.2.840.10008.1.2.1.99";
    static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";

    private static final int PIXEL_DATA = 0x7FE00010;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 32;

    private static final Map<String, String> COMPRESSED_NAMES = Map.ofEntries(
        Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
        Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
        Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
        Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless SV1"),
        Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
        Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
        Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
        Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
        Map.entry("1.2.840.10008.1.2.4.201", "HTJ2K Lossless"),
        Map.entry("1.2.840.10008.1.2.4.203", "HTJ2K"),
        Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    final Path file;
    String transferSyntax;
    boolean explicitVr;
    ByteOrder order;
    String sopClassUid;
    String modality;
    String seriesUid;
    Integer instanceNumber;
    double[] position;
    double[] orientation;
    double[] pixelSpacing;
    Double sliceThickness;
    Double spacingBetweenSlices;
    int rows = -1;
    int columns = -1;
    int samplesPerPixel = 1;
    String photometric;
    int numberOfFrames = 1;
    int bitsAllocated = -1;
    int bitsStored = -1;
    int highBit = -1;
    int pixelRepresentation = 0;
    double slope = 1;
    double intercept = 0;
    /** The bytes holding the data set (the file itself, or the inflated data set). */
    byte[] data;
    int pixelOffset = -1;
    long pixelLength = -1;
    boolean encapsulated;

    private DicomFile(Path file) {
        this.file = file;
    }

    /** True when the bytes look like DICOM (preamble + DICM, or a raw data set start). */
    static boolean looksLikeDicom(byte[] b) {
        if (b.length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M') {
            return true;
        }
        if (b.length < 8) {
            return false;
        }
        int group = (b[0] & 0xff) | (b[1] & 0xff) << 8;
        return group == 0x0002 || group == 0x0008;
    }

    /**
     * Parses the attributes: Transfer Syntax UID (0002,0010), SOP Class UID (0008,0016), Modality
     * (0008,0060), Slice Thickness (0018,0050), Spacing Between Slices (0018,0088), Series
     * Instance UID (0020,000E), Instance Number (0020,0013), Image Position (Patient) (0020,0032),
     * Image Orientation (Patient) (0020,0037), Samples per Pixel (0028,0002), Photometric
     * Interpretation (0028,0004), Number of Frames (0028,0008), Rows (0028,0010), Columns
     * (0028,0011), Pixel Spacing (0028,0030), Bits Allocated / Stored, High Bit, Pixel
     * Representation (0028,0100..0103), Rescale Intercept / Slope (0028,1052 / 1053) and the
     * position of Pixel Data (7FE0,0010). Stops at Pixel Data.
     */
    static DicomFile parse(Path file, byte[] bytes) throws ImageFormatException {
        DicomFile d = new DicomFile(file);
        int pos;
        if (bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M') {
            pos = d.parseMeta(bytes, 132);
        } else if (looksLikeDicom(bytes)) {
            int group = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8;
            if (group == 0x0002) {
                pos = d.parseMeta(bytes, 0);
            } else {
                pos = 0;
                boolean vrLike = Character.isUpperCase(bytes[4]) && Character.isUpperCase(bytes[5]);
                d.transferSyntax = vrLike ? EXPLICIT_LE : IMPLICIT_LE;
            }
        } else {
            throw new ImageFormatException(file, "preamble", "not a DICOM file (no \"DICM\" at offset 128)");
        }
        switch (d.transferSyntax) {
            case IMPLICIT_LE: d.explicitVr = false; d.order = ByteOrder.LITTLE_ENDIAN; break;
            case EXPLICIT_BE: d.explicitVr = true; d.order = ByteOrder.BIG_ENDIAN; break;
            default: d.explicitVr = true; d.order = ByteOrder.LITTLE_ENDIAN; break;
        }
        if (d.transferSyntax.equals(DEFLATED_LE)) {
            d.data = inflate(file, bytes, pos);
            pos = 0;
        } else {
            d.data = bytes;
        }
        Reader r = new Reader(d, d.data, pos, d.data.length, d.explicitVr, d.order);
        r.readDataSet();
        return d;
    }

    private int parseMeta(byte[] b, int start) throws ImageFormatException {
        Reader r = new Reader(this, b, start, b.length, true, ByteOrder.LITTLE_ENDIAN);
        int pos = start;
        while (pos + 8 <= b.length) {
            int group = (b[pos] & 0xff) | (b[pos + 1] & 0xff) << 8;
            if (group != 0x0002) {
                break;
            }
            r.pos = pos;
            r.readElement(0, true);
            pos = r.pos;
        }
        if (transferSyntax == null) {
            throw new ImageFormatException(file, "TransferSyntaxUID", "file meta information has no Transfer Syntax UID "
                + "(0002,0010)");
        }
        return pos;
    }

    private static byte[] inflate(Path file, byte[] bytes, int pos) throws ImageFormatException {
        Inflater inf = new Inflater(true);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(bytes, pos, bytes.length - pos), inf)) {
            long limit = Math.min(Streams.MAX_ARRAY, Streams.maxInflated(bytes.length - pos));
            byte[] out = Streams.readUpTo(in, limit);
            if (out.length == limit && !Streams.atEnd(in)) {
                throw new ImageFormatException(file, "TransferSyntaxUID", "deflated data set inflates beyond "
                    + limit + " bytes");
            }
            return out;
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, "TransferSyntaxUID", "corrupt deflated data set (" + e.getMessage() + ")",
                e);
        } finally {
            inf.end();
        }
    }

    /** True for the transfer syntaxes whose pixel data RadTab decodes. */
    boolean nativePixels() {
        return transferSyntax.equals(IMPLICIT_LE) || transferSyntax.equals(EXPLICIT_LE)
            || transferSyntax.equals(DEFLATED_LE) || transferSyntax.equals(EXPLICIT_BE);
    }

    static String transferSyntaxName(String uid) {
        switch (uid) {
            case IMPLICIT_LE: return "Implicit VR Little Endian";
            case EXPLICIT_LE: return "Explicit VR Little Endian";
            case DEFLATED_LE: return "Deflated Explicit VR Little Endian";
            case EXPLICIT_BE: return "Explicit VR Big Endian";
            default:
                String n = COMPRESSED_NAMES.get(uid);
                return n != null ? n : uid.startsWith("1.2.840.10008.1.2.4.") ? "a JPEG-family compressed syntax"
                    : "an unsupported transfer syntax";
        }
    }

    /** Checks the attributes a volume needs (everything except geometry, which the series checks). */
    void requireImage() throws ImageFormatException {
        if (pixelOffset < 0) {
            throw new ImageFormatException(file, "PixelData", "the file has no Pixel Data (7FE0,0010)");
        }
        if (!nativePixels() || encapsulated) {
            throw new ImageFormatException(file, "TransferSyntaxUID", "compressed transfer syntax " + transferSyntax
                + " (" + transferSyntaxName(transferSyntax) + ") is not supported; RadTab reads uncompressed DICOM "
                + "(implicit/explicit VR little endian, deflated, explicit big endian). Decompress first, e.g. with "
                + "dcmdjpeg or gdcmconv --raw");
        }
        if (rows < 1 || columns < 1) {
            throw new ImageFormatException(file, rows < 1 ? "Rows" : "Columns", "missing or < 1 (Rows " + rows
                + ", Columns " + columns + ")");
        }
        if (samplesPerPixel != 1) {
            throw new ImageFormatException(file, "SamplesPerPixel", samplesPerPixel + ": colour images are not supported");
        }
        if (photometric != null && !photometric.equals("MONOCHROME1") && !photometric.equals("MONOCHROME2")) {
            throw new ImageFormatException(file, "PhotometricInterpretation", photometric + " is not supported "
                + "(MONOCHROME1/2 only)");
        }
        if (numberOfFrames != 1) {
            throw new ImageFormatException(file, "NumberOfFrames", numberOfFrames + ": multi-frame images are not "
                + "supported (one slice per file)");
        }
        if (bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new ImageFormatException(file, "BitsAllocated", (bitsAllocated < 0 ? "missing" : bitsAllocated
                + " is not supported") + " (8, 16 or 32)");
        }
        int stored = bitsStored < 0 ? bitsAllocated : bitsStored;
        int high = highBit < 0 ? stored - 1 : highBit;
        if (stored < 1 || stored > bitsAllocated || high >= bitsAllocated || high + 1 < stored) {
            throw new ImageFormatException(file, "BitsStored", "inconsistent: BitsAllocated " + bitsAllocated
                + ", BitsStored " + bitsStored + ", HighBit " + highBit);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new ImageFormatException(file, "PixelRepresentation", "must be 0 or 1, was " + pixelRepresentation);
        }
        if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new ImageFormatException(file, "RescaleSlope", "invalid rescale: slope " + slope + ", intercept "
                + intercept);
        }
        long expected = (long) rows * columns * (bitsAllocated / 8);
        if (pixelLength < expected) {
            throw new ImageFormatException(file, "PixelData", "truncated: " + pixelLength + " bytes, Rows x Columns x "
                + "BitsAllocated need " + expected);
        }
        if (pixelLength > expected + 1) {
            throw new ImageFormatException(file, "PixelData", pixelLength + " bytes, but Rows " + rows + " x Columns "
                + columns + " x " + bitsAllocated + " bits is " + expected + ": header and data do not match");
        }
    }

    /**
     * The slice's values, {@code stored * slope + intercept}, row by row (column index fastest).
     * The stored value is the {@code BitsStored} bits ending at {@code HighBit}, sign-extended when
     * {@code PixelRepresentation} is 1.
     */
    double[] pixels() throws ImageFormatException {
        requireImage();
        int n = rows * columns;
        int stored = bitsStored < 0 ? bitsAllocated : bitsStored;
        int high = highBit < 0 ? stored - 1 : highBit;
        int shift = high + 1 - stored;
        long mask = stored == 64 ? -1L : (1L << stored) - 1;
        long signBit = 1L << (stored - 1);
        boolean signed = pixelRepresentation == 1;
        ByteBuffer b = ByteBuffer.wrap(data).order(order);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            long word;
            switch (bitsAllocated) {
                case 8: word = data[pixelOffset + i] & 0xffL; break;
                case 16: word = b.getShort(pixelOffset + 2 * i) & 0xffffL; break;
                default: word = b.getInt(pixelOffset + 4 * i) & 0xffffffffL; break;
            }
            long v = (word >>> shift) & mask;
            if (signed && (v & signBit) != 0) {
                v -= 1L << stored;
            }
            out[i] = v * slope + intercept;
        }
        return out;
    }

    /** Sequential reader of data elements. */
    private static final class Reader {
        final DicomFile d;
        final byte[] b;
        int pos;
        final int end;
        final boolean explicit;
        final ByteOrder order;

        Reader(DicomFile d, byte[] b, int pos, int end, boolean explicit, ByteOrder order) {
            this.d = d;
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.explicit = explicit;
            this.order = order;
        }

        ImageFormatException error(String field, String problem) {
            return new ImageFormatException(d.file, field, problem);
        }

        int u16(int at) throws ImageFormatException {
            if (at < 0 || at + 2 > end) {
                throw error("data set", "truncated at byte " + at);
            }
            return order == ByteOrder.LITTLE_ENDIAN ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8
                : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
        }

        long u32(int at) throws ImageFormatException {
            return order == ByteOrder.LITTLE_ENDIAN ? u16(at) | (long) u16(at + 2) << 16
                : (long) u16(at) << 16 | u16(at + 2);
        }

        void readDataSet() throws ImageFormatException {
            while (pos < end) {
                if (end - pos < 8) {
                    // trailing padding shorter than an element header
                    return;
                }
                if (readElement(0, false)) {
                    return;
                }
            }
        }

        /** Reads one element at {@link #pos}; returns true at Pixel Data (which ends the parse). */
        boolean readElement(int depth, boolean meta) throws ImageFormatException {
            int start = pos;
            int tag = u16(pos) << 16 | u16(pos + 2);
            String where = String.format("(%04X,%04X)", tag >>> 16, tag & 0xffff);
            if ((tag >>> 16) == 0xFFFE) {
                throw error("data set", "unexpected item tag " + where + " at byte " + start);
            }
            String vr = null;
            long len;
            if (explicit) {
                if (pos + 8 > end) {
                    throw error("data set", "truncated element header " + where + " at byte " + start);
                }
                vr = new String(b, pos + 4, 2, StandardCharsets.ISO_8859_1);
                if (isLongVr(vr)) {
                    len = u32(pos + 8);
                    pos += 12;
                } else if (vr.chars().allMatch(Character::isUpperCase)) {
                    len = u16(pos + 6);
                    pos += 8;
                } else {
                    throw error("data set", "element " + where + " at byte " + start + " has invalid VR \""
                        + Streams.printable(vr, 2) + "\"");
                }
            } else {
                len = u32(pos + 4);
                pos += 8;
            }
            if (tag == PIXEL_DATA && depth == 0) {
                if (len == UNDEFINED) {
                    d.encapsulated = true;
                    d.pixelOffset = pos;
                    d.pixelLength = 0;
                    return true;
                }
                if (len > end - pos) {
                    throw error("PixelData", "truncated: element length " + len + " but only " + (end - pos)
                        + " bytes remain");
                }
                d.pixelOffset = pos;
                d.pixelLength = len;
                pos += (int) len;
                return true;
            }
            if (len == UNDEFINED) {
                if (explicit && !"SQ".equals(vr) && !"UN".equals(vr)) {
                    throw error("data set", "element " + where + " (VR " + vr + ") has undefined length");
                }
                // UN with undefined length holds an implicit VR little endian sequence (PS3.5 6.2.2)
                boolean nestedExplicit = explicit && !"UN".equals(vr);
                skipSequence(depth + 1, nestedExplicit, where);
                return false;
            }
            if (len > end - pos) {
                throw error(where, "element length " + len + " exceeds the " + (end - pos) + " bytes left (truncated file?)");
            }
            int vstart = pos;
            pos += (int) len;
            if (depth == 0) {
                store(tag, vstart, (int) len, where, meta);
            }
            return false;
        }

        void skipSequence(int depth, boolean nestedExplicit, String where) throws ImageFormatException {
            if (depth > MAX_DEPTH) {
                throw error(where, "sequences nested deeper than " + MAX_DEPTH);
            }
            Reader inner = new Reader(d, b, pos, end, nestedExplicit, nestedExplicit ? order : ByteOrder.LITTLE_ENDIAN);
            while (true) {
                if (inner.pos + 8 > end) {
                    throw error(where, "sequence is not terminated (truncated file?)");
                }
                int tag = inner.u16(inner.pos) << 16 | inner.u16(inner.pos + 2);
                long len = inner.u32(inner.pos + 4);
                inner.pos += 8;
                if (tag == SEQUENCE_END) {
                    break;
                }
                if (tag != ITEM) {
                    throw error(where, String.format("expected an item (FFFE,E000) in the sequence, found (%04X,%04X)",
                        tag >>> 16, tag & 0xffff));
                }
                if (len != UNDEFINED) {
                    if (len > end - inner.pos) {
                        throw error(where, "item length " + len + " exceeds the bytes left");
                    }
                    inner.pos += (int) len;
                    continue;
                }
                while (true) {
                    if (inner.pos + 8 > end) {
                        throw error(where, "item is not terminated (truncated file?)");
                    }
                    int t = inner.u16(inner.pos) << 16 | inner.u16(inner.pos + 2);
                    if (t == ITEM_END) {
                        inner.pos += 8;
                        break;
                    }
                    inner.readElement(depth, false);
                }
            }
            pos = inner.pos;
        }

        private void store(int tag, int at, int len, String where, boolean meta) throws ImageFormatException {
            switch (tag) {
                case 0x00020010: d.transferSyntax = text(at, len); break;
                case 0x00080016: d.sopClassUid = text(at, len); break;
                case 0x00080060: d.modality = text(at, len); break;
                case 0x00180050: d.sliceThickness = decimal(at, len, "SliceThickness"); break;
                case 0x00180088: d.spacingBetweenSlices = decimal(at, len, "SpacingBetweenSlices"); break;
                case 0x0020000E: d.seriesUid = text(at, len); break;
                case 0x00200013: {
                    Double v = decimal(at, len, "InstanceNumber");
                    d.instanceNumber = v == null ? null : (int) Math.max(Integer.MIN_VALUE,
                        Math.min(Integer.MAX_VALUE, v));
                    break;
                }
                case 0x00200032: d.position = decimals(at, len, 3, "ImagePositionPatient"); break;
                case 0x00200037: d.orientation = decimals(at, len, 6, "ImageOrientationPatient"); break;
                case 0x00280002: d.samplesPerPixel = us(at, len, "SamplesPerPixel"); break;
                case 0x00280004: d.photometric = text(at, len); break;
                case 0x00280008: {
                    Double v = decimal(at, len, "NumberOfFrames");
                    d.numberOfFrames = v == null ? 1 : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, v));
                    break;
                }
                case 0x00280010: d.rows = us(at, len, "Rows"); break;
                case 0x00280011: d.columns = us(at, len, "Columns"); break;
                case 0x00280030: d.pixelSpacing = decimals(at, len, 2, "PixelSpacing"); break;
                case 0x00280100: d.bitsAllocated = us(at, len, "BitsAllocated"); break;
                case 0x00280101: d.bitsStored = us(at, len, "BitsStored"); break;
                case 0x00280102: d.highBit = us(at, len, "HighBit"); break;
                case 0x00280103: d.pixelRepresentation = us(at, len, "PixelRepresentation"); break;
                case 0x00281052: {
                    Double v = decimal(at, len, "RescaleIntercept");
                    d.intercept = v == null ? 0 : v;
                    break;
                }
                case 0x00281053: {
                    Double v = decimal(at, len, "RescaleSlope");
                    d.slope = v == null ? 1 : v;
                    break;
                }
                default:
                    break;
            }
        }

        private String text(int at, int len) {
            String s = new String(b, at, len, StandardCharsets.ISO_8859_1);
            int e = s.length();
            while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\0')) {
                e--;
            }
            int st = 0;
            while (st < e && s.charAt(st) == ' ') {
                st++;
            }
            return s.substring(st, e);
        }

        private int us(int at, int len, String field) throws ImageFormatException {
            if (len != 2) {
                throw error(field, "expected a 2-byte US value, element length is " + len);
            }
            return u16(at);
        }

        private Double decimal(int at, int len, String field) throws ImageFormatException {
            double[] v = decimals(at, len, -1, field);
            if (v == null) {
                return null;
            }
            return v[0];
        }

        /** A multi-valued DS/IS; {@code count} -1 = at least one value (the first is used). */
        private double[] decimals(int at, int len, int count, String field) throws ImageFormatException {
            String s = text(at, len);
            if (s.isEmpty()) {
                return null;
            }
            String[] parts = s.split("\\\\", -1);
            if (count > 0 && parts.length != count) {
                throw error(field, "expected " + count + " values, found " + parts.length + ": \""
                    + Streams.printable(s, 80) + "\"");
            }
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw error(field, "not a number: \"" + Streams.printable(parts[i].trim(), 40) + "\"");
                }
                if (!Double.isFinite(v[i])) {
                    throw error(field, "value " + i + " is not finite");
                }
            }
            return v;
        }

        private static boolean isLongVr(String vr) {
            switch (vr) {
                case "OB": case "OD": case "OF": case "OL": case "OV": case "OW": case "SQ": case "SV": case "UC":
                case "UN": case "UR": case "UT": case "UV":
                    return true;
                default:
                    return false;
            }
        }
    }
}
