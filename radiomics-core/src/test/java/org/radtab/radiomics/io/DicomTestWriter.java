package org.radtab.radiomics.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A tiny test-only DICOM Part-10 writer for single-frame slices, so that the expected volume
 * (geometry and values) is known by construction. Elements are written in tag order; the data
 * set optionally carries a nested undefined-length sequence before the pixel data.
 */
final class DicomTestWriter {
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    /** One slice's attributes; public fields, defaults for a 4 x 3 axial CT slice. */
    static final class Slice {
        String transferSyntax = DicomFile.EXPLICIT_LE;
        boolean preamble = true;
        boolean withSequence = true;
        String seriesUid = "1.2.3.4.5";
        int instance = 1;
        double[] position = {0, 0, 0};
        double[] orientation = {1, 0, 0, 0, 1, 0};
        double[] pixelSpacing = {0.5, 0.25};
        int rows = 3;
        int columns = 4;
        int bitsAllocated = 16;
        int bitsStored = 16;
        int highBit = 15;
        int pixelRepresentation = 0;
        Double slope = null;
        Double intercept = null;
        Integer frames = null;
        /** Raw words as stored (already including any bits above HighBit). */
        long[] words = new long[12];
    }

    private DicomTestWriter() {
    }

    static byte[] write(Slice s) {
        boolean explicit = !s.transferSyntax.equals(DicomFile.IMPLICIT_LE);
        ByteOrder order = s.transferSyntax.equals(DicomFile.EXPLICIT_BE) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Map<Integer, Object[]> el = new TreeMap<>(Integer::compareUnsigned);
        el.put(0x00080016, new Object[] {"UI", "1.2.840.10008.5.1.4.1.1.2"});
        el.put(0x00080018, new Object[] {"UI", s.seriesUid + "." + s.instance});
        el.put(0x00080060, new Object[] {"CS", "CT"});
        el.put(0x00100010, new Object[] {"PN", "Test^Phantom"});
        el.put(0x00180050, new Object[] {"DS", "2"});
        el.put(0x0020000E, new Object[] {"UI", s.seriesUid});
        el.put(0x00200013, new Object[] {"IS", Integer.toString(s.instance)});
        el.put(0x00200032, new Object[] {"DS", ds(s.position)});
        el.put(0x00200037, new Object[] {"DS", ds(s.orientation)});
        el.put(0x00280002, new Object[] {"US", 1});
        el.put(0x00280004, new Object[] {"CS", "MONOCHROME2"});
        if (s.frames != null) {
            el.put(0x00280008, new Object[] {"IS", s.frames.toString()});
        }
        el.put(0x00280010, new Object[] {"US", s.rows});
        el.put(0x00280011, new Object[] {"US", s.columns});
        el.put(0x00280030, new Object[] {"DS", ds(s.pixelSpacing)});
        el.put(0x00280100, new Object[] {"US", s.bitsAllocated});
        el.put(0x00280101, new Object[] {"US", s.bitsStored});
        el.put(0x00280102, new Object[] {"US", s.highBit});
        el.put(0x00280103, new Object[] {"US", s.pixelRepresentation});
        if (s.intercept != null) {
            el.put(0x00281052, new Object[] {"DS", ds(new double[] {s.intercept})});
        }
        if (s.slope != null) {
            el.put(0x00281053, new Object[] {"DS", ds(new double[] {s.slope})});
        }
        ByteArrayOutputStream ds = new ByteArrayOutputStream();
        boolean sequenceDone = false;
        for (Map.Entry<Integer, Object[]> e : el.entrySet()) {
            if (s.withSequence && !sequenceDone && Integer.compareUnsigned(e.getKey(), 0x00081140) > 0) {
                writeSequence(ds, explicit, order);
                sequenceDone = true;
            }
            writeElement(ds, e.getKey(), (String) e.getValue()[0], value(e.getValue(), order), explicit, order);
        }
        byte[] pixels = pixels(s, order);
        if (s.transferSyntax.equals(JPEG_BASELINE)) {
            // encapsulated: undefined length, an empty offset table item, one fragment, sequence end
            header(ds, 0x7FE00010, "OB", 0xFFFFFFFFL, explicit, order);
            item(ds, 0xFFFEE000, 0, order);
            item(ds, 0xFFFEE000, 4, order);
            ds.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
            item(ds, 0xFFFEE0DD, 0, order);
        } else {
            writeElement(ds, 0x7FE00010, s.bitsAllocated == 8 ? "OB" : "OW", pixels, explicit, order);
        }
        byte[] dataSet = ds.toByteArray();
        if (s.transferSyntax.equals(DicomFile.DEFLATED_LE)) {
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(z, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
                out.write(dataSet);
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
            dataSet = z.toByteArray();
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (s.preamble) {
            file.writeBytes(new byte[128]);
            file.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream meta = new ByteArrayOutputStream();
            writeElement(meta, 0x00020001, "OB", new byte[] {0, 1}, true, ByteOrder.LITTLE_ENDIAN);
            writeElement(meta, 0x00020002, "UI", uid("1.2.840.10008.5.1.4.1.1.2"), true, ByteOrder.LITTLE_ENDIAN);
            writeElement(meta, 0x00020003, "UI", uid(s.seriesUid + "." + s.instance), true, ByteOrder.LITTLE_ENDIAN);
            writeElement(meta, 0x00020010, "UI", uid(s.transferSyntax), true, ByteOrder.LITTLE_ENDIAN);
            byte[] m = meta.toByteArray();
            writeElement(file, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(m.length)
                .array(), true, ByteOrder.LITTLE_ENDIAN);
            file.writeBytes(m);
        }
        file.writeBytes(dataSet);
        return file.toByteArray();
    }

    /** (0008,1140) Referenced Image Sequence, undefined length, with two items, one nesting another sequence. */
    private static void writeSequence(ByteArrayOutputStream out, boolean explicit, ByteOrder order) {
        header(out, 0x00081140, "SQ", 0xFFFFFFFFL, explicit, order);
        item(out, 0xFFFEE000, 0xFFFFFFFFL, order);
        writeElement(out, 0x00081150, "UI", uid("1.2.840.10008.5.1.4.1.1.2"), explicit, order);
        header(out, 0x00089215, "SQ", 0xFFFFFFFFL, explicit, order);
        item(out, 0xFFFEE000, 0xFFFFFFFFL, order);
        writeElement(out, 0x00080100, "SH", text("T-D0050"), explicit, order);
        // a decoy Pixel Data tag inside a nested item must not be taken for the real one
        writeElement(out, 0x7FE00010, "OB", new byte[] {1, 2}, explicit, order);
        item(out, 0xFFFEE00D, 0, order);
        item(out, 0xFFFEE0DD, 0, order);
        item(out, 0xFFFEE00D, 0, order);
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        writeElement(inner, 0x00081155, "UI", uid("9.8.7"), explicit, order);
        byte[] in = inner.toByteArray();
        item(out, 0xFFFEE000, in.length, order);
        out.writeBytes(in);
        item(out, 0xFFFEE0DD, 0, order);
    }

    private static void item(ByteArrayOutputStream out, int tag, long len, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8).order(order);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).putInt((int) len);
        out.writeBytes(b.array());
    }

    private static void header(ByteArrayOutputStream out, int tag, String vr, long len, boolean explicit, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(12).order(order);
        b.putShort((short) (tag >>> 16)).putShort((short) tag);
        if (explicit) {
            b.put(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN") || vr.equals("UT")) {
                b.putShort((short) 0).putInt((int) len);
            } else {
                b.putShort((short) len);
            }
        } else {
            b.putInt((int) len);
        }
        out.write(b.array(), 0, b.position());
    }

    static void writeElement(ByteArrayOutputStream out, int tag, String vr, byte[] value, boolean explicit,
                             ByteOrder order) {
        header(out, tag, vr, value.length, explicit, order);
        out.writeBytes(value);
    }

    private static byte[] value(Object[] e, ByteOrder order) {
        String vr = (String) e[0];
        if (vr.equals("US")) {
            return ByteBuffer.allocate(2).order(order).putShort((short) (int) (Integer) e[1]).array();
        }
        return vr.equals("UI") ? uid((String) e[1]) : text((String) e[1]);
    }

    private static byte[] uid(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return b.length % 2 == 0 ? b : java.util.Arrays.copyOf(b, b.length + 1); // NUL padding
    }

    private static byte[] text(String s) {
        return (s.length() % 2 == 0 ? s : s + " ").getBytes(StandardCharsets.US_ASCII);
    }

    private static String ds(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double x : v) {
            if (sb.length() > 0) {
                sb.append('\\');
            }
            String t = String.format(Locale.ROOT, "%.10g", x);
            if (t.contains(".")) {
                t = t.replaceAll("0+(?=$|e)", "").replaceAll("\\.(?=$|e)", "");
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private static byte[] pixels(Slice s, ByteOrder order) {
        int n = s.words.length; // normally rows x columns; tests use other lengths for mismatches
        int bytes = s.bitsAllocated / 8;
        ByteBuffer b = ByteBuffer.allocate(n * bytes).order(order);
        for (int i = 0; i < n; i++) {
            long w = s.words[i];
            switch (bytes) {
                case 1: b.put((byte) w); break;
                case 2: b.putShort((short) w); break;
                default: b.putInt((int) w); break;
            }
        }
        return b.array();
    }
}
