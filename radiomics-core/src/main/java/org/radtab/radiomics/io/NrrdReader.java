package org.radtab.radiomics.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;

/**
 * Reads 3D NRRD files (attached or detached data; {@code raw} and {@code gzip} encodings;
 * {@code space directions} / {@code space origin}, or the older {@code spacings}). Coordinates
 * in a RAS or LAS space are converted to LPS. 3D Slicer {@code .seg.nrrd} files stored as a
 * 3D label map (one layer) are read as a {@link Mask} with segment names from the
 * {@code SegmentN_Name} / {@code SegmentN_LabelValue} keys.
 */
public final class NrrdReader {

    /** A parsed header plus where its data starts. */
    static final class Header {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> keyValues = new LinkedHashMap<>();
        int dataOffset;
    }

    private NrrdReader() {
    }

    public static Volume readVolume(Path file) throws IOException {
        byte[] bytes = readFile(file);
        Header h = parseHeader(file, bytes);
        return decode(file, h, bytes);
    }

    public static Mask readMask(Path file) throws IOException {
        byte[] bytes = readFile(file);
        Header h = parseHeader(file, bytes);
        Volume v = decode(file, h, bytes);
        Mask m = LabelImage.toMask(v, file);
        Map<Integer, String> names = segmentNames(h);
        return names.isEmpty() ? m : Mask.wrap(m.geometry(), m.labels(), names);
    }

    private static byte[] readFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(file, null, "no such file");
        }
        return Files.readAllBytes(file);
    }

    static Header parseHeader(Path file, byte[] bytes) throws ImageFormatException {
        Header h = new Header();
        int pos = 0;
        int lineNo = 0;
        while (true) {
            int end = pos;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            if (end >= bytes.length && lineNo == 0) {
                throw new ImageFormatException(file, "magic", "no header line found: not a NRRD file");
            }
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (lineNo == 0) {
                if (!line.startsWith("NRRD000") || line.length() != 8) {
                    throw new ImageFormatException(file, "magic", "expected NRRD000x, found \""
                        + line.substring(0, Math.min(line.length(), 16)).replaceAll("[^\\x20-\\x7e]", "?") + "\"");
                }
            } else if (line.isEmpty()) {
                h.dataOffset = Math.min(end + 1, bytes.length);
                break;
            } else if (!line.startsWith("#")) {
                int kv = line.indexOf(":=");
                int f = line.indexOf(": ");
                if (kv >= 0 && (f < 0 || kv < f)) {
                    h.keyValues.put(line.substring(0, kv), line.substring(kv + 2));
                } else if (f > 0) {
                    h.fields.put(line.substring(0, f).trim().toLowerCase(Locale.ROOT), line.substring(f + 2).trim());
                } else {
                    throw new ImageFormatException(file, "header line " + (lineNo + 1), "cannot parse \"" + line + "\"");
                }
            }
            lineNo++;
            pos = end + 1;
            if (end >= bytes.length) {
                // header without the blank line: allowed only for detached data
                h.dataOffset = bytes.length;
                break;
            }
        }
        return h;
    }

    static Volume decode(Path file, Header h, byte[] bytes) throws IOException {
        Map<String, String> f = h.fields;
        int dimension = parseInt(file, f, "dimension");
        String[] sizeTokens = require(file, f, "sizes").split("\\s+");
        if (sizeTokens.length != dimension) {
            throw new ImageFormatException(file, "sizes", "has " + sizeTokens.length + " entries, dimension is "
                + dimension);
        }
        int[] sizes = new int[dimension];
        for (int a = 0; a < dimension; a++) {
            try {
                sizes[a] = Integer.parseInt(sizeTokens[a]);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, "sizes", "not an integer: " + sizeTokens[a]);
            }
            if (sizes[a] < 1) {
                throw new ImageFormatException(file, "sizes", "must be >= 1, was " + sizes[a]);
            }
        }
        int spatialStart = 0;
        if (dimension == 4 && sizes[0] == 1) {
            spatialStart = 1; // a single-layer segmentation or a vector of length 1
        } else if (dimension != 3) {
            throw new ImageFormatException(file, "dimension", "not a 3D image (dimension " + dimension
                + ", sizes " + String.join(" ", sizeTokens) + ")");
        }
        int[] size = {sizes[spatialStart], sizes[spatialStart + 1], sizes[spatialStart + 2]};
        String type = require(file, f, "type").toLowerCase(Locale.ROOT);
        int bytesPer = bytesPer(type);
        if (bytesPer < 0) {
            throw new ImageFormatException(file, "type", "unsupported type \"" + type + "\"");
        }
        String encoding = require(file, f, "encoding").toLowerCase(Locale.ROOT);
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String endian = f.get("endian");
        if (endian != null) {
            if (endian.equalsIgnoreCase("big")) {
                order = ByteOrder.BIG_ENDIAN;
            } else if (!endian.equalsIgnoreCase("little")) {
                throw new ImageFormatException(file, "endian", "must be little or big, was " + endian);
            }
        } else if (bytesPer > 1 && !encoding.equals("ascii") && !encoding.equals("text") && !encoding.equals("txt")) {
            throw new ImageFormatException(file, "endian", "missing (required for multi-byte types)");
        }

        byte[] payload;
        String dataFile = f.containsKey("data file") ? f.get("data file") : f.get("datafile");
        if (dataFile != null) {
            if (dataFile.startsWith("LIST") || dataFile.contains("%")) {
                throw new ImageFormatException(file, "data file", "multi-file data (" + dataFile + ") is not supported");
            }
            Path parent = file.toAbsolutePath().getParent();
            Path df = parent.resolve(dataFile);
            if (!Files.isRegularFile(df)) {
                throw new ImageFormatException(file, "data file", "detached data file not found: " + df);
            }
            payload = Files.readAllBytes(df);
        } else {
            payload = java.util.Arrays.copyOfRange(bytes, h.dataOffset, bytes.length);
        }
        long n = (long) size[0] * size[1] * size[2];
        long expected = n * bytesPer;
        switch (encoding) {
            case "raw":
                break;
            case "gzip":
            case "gz":
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(expected, Integer.MAX_VALUE - 8));
                    in.transferTo(out);
                    payload = out.toByteArray();
                } catch (IOException e) {
                    throw new ImageFormatException(file, "encoding", "corrupt or truncated gzip data (" + e.getMessage()
                        + ")", e);
                }
                break;
            default:
                throw new ImageFormatException(file, "encoding", "unsupported encoding \"" + encoding
                    + "\" (supported: raw, gzip)");
        }
        String byteSkip = f.get("byte skip");
        int skip = 0;
        if (byteSkip != null) {
            skip = Integer.parseInt(byteSkip.trim());
            if (skip == -1) {
                skip = (int) (payload.length - expected);
            }
        }
        if (skip < 0 || payload.length - skip < expected) {
            throw new ImageFormatException(file, "data", "truncated: expected " + expected + " bytes of " + type
                + " data for sizes " + size[0] + "x" + size[1] + "x" + size[2] + ", found " + (payload.length - skip));
        }
        if (payload.length - skip > expected && dataFile == null && encoding.equals("raw")) {
            throw new ImageFormatException(file, "data", "has " + (payload.length - skip - expected)
                + " bytes more than sizes x type require");
        }
        ByteBuffer b = ByteBuffer.wrap(payload).order(order);
        double[] data = new double[(int) n];
        for (int i = 0; i < n; i++) {
            int o = skip + i * bytesPer;
            switch (type) {
                case "signed char": case "int8": case "int8_t": data[i] = b.get(o); break;
                case "uchar": case "unsigned char": case "uint8": case "uint8_t": data[i] = b.get(o) & 0xff; break;
                case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t":
                    data[i] = b.getShort(o); break;
                case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t":
                    data[i] = b.getShort(o) & 0xffff; break;
                case "int": case "signed int": case "int32": case "int32_t": data[i] = b.getInt(o); break;
                case "uint": case "unsigned int": case "uint32": case "uint32_t": data[i] = b.getInt(o) & 0xffffffffL; break;
                case "longlong": case "long long": case "long long int": case "signed long long":
                case "signed long long int": case "int64": case "int64_t": data[i] = b.getLong(o); break;
                case "float": data[i] = b.getFloat(o); break;
                case "double": data[i] = b.getDouble(o); break;
                default: throw new ImageFormatException(file, "type", "unsupported type \"" + type + "\"");
            }
        }
        return Volume.wrap(geometry(file, f, spatialStart), data).withData(data);
    }

    private static Geometry geometry(Path file, Map<String, String> f, int spatialStart) throws ImageFormatException {
        int dimension = parseInt(file, f, "dimension");
        String[] sizeTokens = f.get("sizes").split("\\s+");
        int[] size = new int[3];
        for (int a = 0; a < 3; a++) {
            size[a] = Integer.parseInt(sizeTokens[spatialStart + a]);
        }
        double[] spacing = new double[3];
        double[] origin = new double[3];
        double[] dir = new double[9];
        String space = f.containsKey("space") ? f.get("space").toLowerCase(Locale.ROOT) : null;
        String directions = f.get("space directions");
        if (directions != null) {
            String[] vecs = directions.trim().split("\\s+(?=\\(|none)");
            if (vecs.length != dimension) {
                throw new ImageFormatException(file, "space directions", "has " + vecs.length + " entries, dimension is "
                    + dimension);
            }
            for (int a = 0; a < 3; a++) {
                double[] v = parseVector(file, "space directions", vecs[spatialStart + a]);
                double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
                if (!(len > 0) || !Double.isFinite(len)) {
                    throw new ImageFormatException(file, "space directions", "axis " + a + " has zero or invalid length");
                }
                spacing[a] = len;
                for (int r = 0; r < 3; r++) {
                    dir[3 * r + a] = v[r] / len;
                }
            }
            String o = f.get("space origin");
            if (o != null) {
                origin = parseVector(file, "space origin", o);
            }
        } else {
            String sp = f.get("spacings");
            for (int a = 0; a < 3; a++) {
                dir[4 * a] = 1;
                spacing[a] = 1;
            }
            if (sp != null) {
                String[] t = sp.trim().split("\\s+");
                if (t.length != dimension) {
                    throw new ImageFormatException(file, "spacings", "has " + t.length + " entries, dimension is "
                        + dimension);
                }
                for (int a = 0; a < 3; a++) {
                    try {
                        spacing[a] = t[spatialStart + a].equalsIgnoreCase("nan") ? 1 : Double.parseDouble(t[spatialStart + a]);
                    } catch (NumberFormatException e) {
                        throw new ImageFormatException(file, "spacings", "not a number: " + t[spatialStart + a]);
                    }
                }
            }
        }
        double sx = 1;
        double sy = 1;
        if (space != null) {
            switch (space) {
                case "left-posterior-superior": case "lps": case "3d-left-handed": break;
                case "right-anterior-superior": case "ras": case "3d-right-handed": sx = -1; sy = -1; break;
                case "left-anterior-superior": case "las": sy = -1; break;
                default:
                    throw new ImageFormatException(file, "space", "unsupported space \"" + space + "\"");
            }
        }
        for (int c = 0; c < 3; c++) {
            dir[c] *= sx;
            dir[3 + c] *= sy;
        }
        origin[0] *= sx;
        origin[1] *= sy;
        try {
            return new Geometry(size, spacing, origin, dir);
        } catch (IllegalArgumentException e) {
            throw new ImageFormatException(file, "geometry", e.getMessage(), e);
        }
    }

    private static double[] parseVector(Path file, String field, String text) throws ImageFormatException {
        String t = text.trim();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new ImageFormatException(file, field, "expected a vector like (x,y,z), found \"" + t + "\"");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",");
        if (parts.length != 3) {
            throw new ImageFormatException(file, field, "expected 3 components, found " + parts.length);
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, field, "not a number: \"" + parts[i].trim() + "\"");
            }
            if (!Double.isFinite(v[i])) {
                throw new ImageFormatException(file, field, "component is not finite");
            }
        }
        return v;
    }

    private static Map<Integer, String> segmentNames(Header h) {
        Map<Integer, String> names = new TreeMap<>();
        for (int s = 0; ; s++) {
            String name = h.keyValues.get("Segment" + s + "_Name");
            if (name == null) {
                break;
            }
            String label = h.keyValues.get("Segment" + s + "_LabelValue");
            try {
                names.put(label == null ? s + 1 : Integer.parseInt(label.trim()), name);
            } catch (NumberFormatException e) {
                names.put(s + 1, name);
            }
        }
        return names;
    }

    private static String require(Path file, Map<String, String> f, String key) throws ImageFormatException {
        String v = f.get(key);
        if (v == null) {
            throw new ImageFormatException(file, key, "required field is missing");
        }
        return v;
    }

    private static int parseInt(Path file, Map<String, String> f, String key) throws ImageFormatException {
        String v = require(file, f, key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(file, key, "not an integer: \"" + v + "\"");
        }
    }

    static int bytesPer(String type) {
        switch (type) {
            case "signed char": case "int8": case "int8_t": case "uchar": case "unsigned char": case "uint8": case "uint8_t":
                return 1;
            case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t":
            case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t":
                return 2;
            case "int": case "signed int": case "int32": case "int32_t": case "uint": case "unsigned int": case "uint32":
            case "uint32_t": case "float":
                return 4;
            case "longlong": case "long long": case "long long int": case "signed long long": case "signed long long int":
            case "int64": case "int64_t": case "double":
                return 8;
            default:
                return -1;
        }
    }
}
