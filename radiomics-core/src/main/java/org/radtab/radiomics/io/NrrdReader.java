package org.radtab.radiomics.io;

import java.io.ByteArrayInputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads 3D NRRD images: {@code .nrrd} (attached data) and {@code .nhdr} (detached header whose
 * {@code data file} is resolved against the header's folder).
 *
 * <h2>What is accepted</h2>
 * <ul>
 *   <li>Magic {@code NRRD0001}..{@code NRRD0005}; fields {@code key: value}, key/value pairs
 *       {@code key:=value}, comments {@code #}; the header ends at the first empty line.</li>
 *   <li>Encodings {@code raw}, {@code gzip} ({@code gz}) and {@code ascii} ({@code text},
 *       {@code txt}); {@code line skip} (lines skipped in the data file, before decompression)
 *       and {@code byte skip} (bytes skipped after decompression; {@code -1} = data at the end of
 *       a raw file).</li>
 *   <li>Every signed/unsigned 8/16/32/64-bit integer type, {@code float}, {@code double};
 *       {@code endian} is required for multi-byte binary data.</li>
 *   <li>{@code dimension: 3}, or {@code dimension: 4} with one non-spatial axis of size 1 (first
 *       or last), as 3D Slicer writes for single-layer segmentations and vectors of length 1.
 *       The non-spatial axis is the one whose {@code space directions} entry is {@code none},
 *       else whose {@code kinds} entry is not {@code domain}/{@code space}, else the single
 *       axis of size 1. Anything else is "not a 3D image".</li>
 *   <li>Geometry from {@code space directions} (column = axis direction times spacing) and
 *       {@code space origin}, or, without space directions, from {@code spacings} (NaN = 1) with
 *       identity directions. {@code space} {@code right-anterior-superior} / {@code RAS}
 *       (x and y negated) and {@code left-anterior-superior} / {@code LAS} (y negated) are
 *       converted to LPS; {@code left-posterior-superior} / {@code LPS}, {@code scanner-xyz},
 *       {@code 3D-right-handed}, {@code 3D-left-handed}, a bare {@code space dimension: 3} or no
 *       space at all are taken as LPS as they stand (what ITK does).</li>
 *   <li>3D Slicer segmentation keys {@code Segment<N>_Name}, {@code Segment<N>_LabelValue}
 *       (default N + 1) become the mask's segment names.</li>
 * </ul>
 * Sizes are checked against the data actually present before anything large is allocated;
 * attached raw data must have exactly the declared size, compressed data must decompress to
 * exactly {@code byte skip} + the declared size. Every problem is an
 * {@link ImageFormatException} naming the file and the field.
 */
public final class NrrdReader {
    private static final Logger LOG = LoggerFactory.getLogger(NrrdReader.class);
    private static final Pattern SEGMENT_KEY = Pattern.compile("Segment(\\d+)_(Name|LabelValue|Layer)");

    /** A parsed header plus where its attached data starts. */
    static final class Header {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> keyValues = new LinkedHashMap<>();
        int dataOffset;
    }

    private NrrdReader() {
    }

    public static Volume readVolume(Path file) throws IOException {
        byte[] bytes = readFile(file);
        return decode(file, parseHeader(file, bytes), bytes);
    }

    /** Reads a label image; Slicer segment names are attached to the mask. */
    public static Mask readMask(Path file) throws IOException {
        byte[] bytes = readFile(file);
        Header h = parseHeader(file, bytes);
        Mask m = LabelImage.toMask(decode(file, h, bytes), file);
        Map<Integer, String> names = segmentNames(file, h);
        return names.isEmpty() ? m : Mask.wrap(m.geometry(), m.labels(), names);
    }

    /** A one-line description of the header (type, encoding, space). */
    public static String describe(Path file) throws IOException {
        Header h = parseHeader(file, readFile(file));
        Map<String, String> f = h.fields;
        return "NRRD, " + f.getOrDefault("type", "?") + ", " + f.getOrDefault("encoding", "?") + " encoding"
            + (f.containsKey("data file") || f.containsKey("datafile") ? ", detached data" : "")
            + ", space " + f.getOrDefault("space", "(none)");
    }

    /** The stored pixel type (NRRD {@code type} field, e.g. {@code short}, {@code float}). */
    public static String storedPixelType(Path file) throws IOException {
        Header h = parseHeader(file, readFile(file));
        String t = h.fields.get("type");
        if (t == null) {
            throw new ImageFormatException(file, "type", "required field is missing");
        }
        return t;
    }

    /** Parses a NRRD file held in memory (detached data is resolved against {@code file}'s folder). */
    static Volume read(Path file, byte[] bytes) throws ImageFormatException {
        try {
            return decode(file, parseHeader(file, bytes), bytes);
        } catch (ImageFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ImageFormatException(file, "data", "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readFile(Path file) throws IOException {
        Streams.requireRegularFile(file);
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
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (lineNo == 0) {
                if (!line.matches("NRRD000[1-5]")) {
                    throw new ImageFormatException(file, "magic", "expected NRRD0001..NRRD0005, found \""
                        + Streams.printable(line, 16) + "\": not a NRRD file");
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
                    String key = line.substring(0, f).trim().toLowerCase(Locale.ROOT);
                    if (h.fields.put(key, line.substring(f + 2).trim()) != null) {
                        throw new ImageFormatException(file, key, "field appears twice in the header");
                    }
                } else {
                    throw new ImageFormatException(file, "header line " + (lineNo + 1), "cannot parse \""
                        + Streams.printable(line, 60) + "\" (expected \"field: value\" or \"key:=value\")");
                }
            }
            lineNo++;
            pos = end + 1;
            if (end >= bytes.length) {
                // no blank line: only valid for a detached header
                h.dataOffset = bytes.length;
                break;
            }
        }
        return h;
    }

    /** Where the spatial axes are among the NRRD axes. */
    private static int spatialStart(Path file, Map<String, String> f, int dimension, long[] sizes)
        throws ImageFormatException {
        if (dimension == 3) {
            String[] kinds = kinds(file, f, dimension);
            for (int a = 0; a < 3; a++) {
                if (kinds != null && !isSpatialKind(kinds[a])) {
                    throw new ImageFormatException(file, "kinds", "not a 3D scalar image: axis " + a + " is of kind "
                        + kinds[a]);
                }
            }
            return 0;
        }
        if (dimension != 4) {
            throw new ImageFormatException(file, "dimension", "not a 3D image (dimension " + dimension + ", sizes "
                + f.get("sizes") + ")");
        }
        int nonSpatial = -1;
        String directions = f.get("space directions");
        if (directions != null) {
            String[] vecs = splitDirections(directions);
            for (int a = 0; a < vecs.length; a++) {
                if (vecs[a].equalsIgnoreCase("none")) {
                    nonSpatial = nonSpatial < 0 ? a : -2;
                }
            }
        }
        String[] kinds = kinds(file, f, dimension);
        if (nonSpatial == -1 && kinds != null) {
            for (int a = 0; a < 4; a++) {
                if (!isSpatialKind(kinds[a])) {
                    nonSpatial = nonSpatial == -1 ? a : -2;
                }
            }
        }
        if (nonSpatial == -1) {
            int ones = 0;
            for (int a = 0; a < 4; a++) {
                if (sizes[a] == 1 && (a == 0 || a == 3)) {
                    nonSpatial = a;
                    ones++;
                }
            }
            if (ones != 1) {
                nonSpatial = -1;
            }
        }
        if (nonSpatial != 0 && nonSpatial != 3) {
            throw new ImageFormatException(file, "dimension", "not a 3D image: dimension 4 (sizes " + f.get("sizes")
                + ") without a single non-spatial first or last axis");
        }
        if (sizes[nonSpatial] != 1) {
            throw new ImageFormatException(file, "sizes", "not a 3D image: non-spatial axis " + nonSpatial
                + (kinds != null ? " (kind " + kinds[nonSpatial] + ")" : "") + " has " + sizes[nonSpatial]
                + " entries (a multi-layer segmentation or a vector image); RadTab reads one 3D scalar volume");
        }
        return nonSpatial == 0 ? 1 : 0;
    }

    private static String[] kinds(Path file, Map<String, String> f, int dimension) throws ImageFormatException {
        String k = f.get("kinds");
        if (k == null) {
            return null;
        }
        String[] t = k.trim().split("\\s+");
        if (t.length != dimension) {
            throw new ImageFormatException(file, "kinds", "has " + t.length + " entries, dimension is " + dimension);
        }
        return t;
    }

    private static boolean isSpatialKind(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        return k.equals("domain") || k.equals("space") || k.equals("???") || k.equals("none");
    }

    static Volume decode(Path file, Header h, byte[] bytes) throws IOException {
        Map<String, String> f = h.fields;
        int dimension = parseInt(file, f, "dimension");
        if (dimension < 1 || dimension > 16) {
            throw new ImageFormatException(file, "dimension", "must be 1..16, was " + dimension);
        }
        String[] sizeTokens = require(file, f, "sizes").trim().split("\\s+");
        if (sizeTokens.length != dimension) {
            throw new ImageFormatException(file, "sizes", "has " + sizeTokens.length + " entries, dimension is "
                + dimension);
        }
        long[] sizes = new long[dimension];
        for (int a = 0; a < dimension; a++) {
            try {
                sizes[a] = Long.parseLong(sizeTokens[a]);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, "sizes", "not an integer: \"" + Streams.printable(sizeTokens[a], 20)
                    + "\"");
            }
            if (sizes[a] < 1 || sizes[a] > Integer.MAX_VALUE) {
                throw new ImageFormatException(file, "sizes", "must be 1.." + Integer.MAX_VALUE + ", was " + sizes[a]);
            }
        }
        int s0 = spatialStart(file, f, dimension, sizes);
        int[] size = {(int) sizes[s0], (int) sizes[s0 + 1], (int) sizes[s0 + 2]};
        String type = normaliseType(require(file, f, "type"));
        int bytesPer = bytesPer(type);
        if (bytesPer < 0) {
            throw new ImageFormatException(file, "type", "unsupported type \"" + Streams.printable(type, 30) + "\"");
        }
        long n = (long) size[0] * size[1] * size[2];
        long expected = n * bytesPer;
        if (n > Integer.MAX_VALUE - 16 || expected > Streams.MAX_ARRAY) {
            throw new ImageFormatException(file, "sizes", "image too large for one array: " + size[0] + " x " + size[1]
                + " x " + size[2] + " voxels of " + bytesPer + " bytes");
        }
        String encoding = require(file, f, "encoding").toLowerCase(Locale.ROOT);
        boolean ascii = encoding.equals("ascii") || encoding.equals("text") || encoding.equals("txt");
        boolean gzip = encoding.equals("gzip") || encoding.equals("gz");
        if (!ascii && !gzip && !encoding.equals("raw")) {
            throw new ImageFormatException(file, "encoding", "unsupported encoding \"" + Streams.printable(encoding, 20)
                + "\" (supported: raw, gzip, ascii)");
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String endian = f.get("endian");
        if (endian != null) {
            if (endian.equalsIgnoreCase("big")) {
                order = ByteOrder.BIG_ENDIAN;
            } else if (!endian.equalsIgnoreCase("little")) {
                throw new ImageFormatException(file, "endian", "must be little or big, was \""
                    + Streams.printable(endian, 20) + "\"");
            }
        } else if (bytesPer > 1 && !ascii) {
            throw new ImageFormatException(file, "endian", "missing (required for multi-byte binary data)");
        }
        long lineSkip = optionalLong(file, f, "line skip", "lineskip");
        long byteSkip = optionalLong(file, f, "byte skip", "byteskip");
        if (lineSkip < 0) {
            throw new ImageFormatException(file, "line skip", "must be >= 0, was " + lineSkip);
        }
        if (byteSkip < -1 || (byteSkip == -1 && !encoding.equals("raw"))) {
            throw new ImageFormatException(file, "byte skip", "must be >= 0 (or -1 for raw data), was " + byteSkip);
        }

        // the data file's bytes (after line skip) as a stream, and their length
        String dataFile = f.containsKey("data file") ? f.get("data file") : f.get("datafile");
        boolean attached = dataFile == null;
        byte[] source;
        int start;
        Path dataPath = file;
        if (attached) {
            source = bytes;
            start = h.dataOffset;
        } else {
            dataPath = detachedPath(file, dataFile);
            long len = Files.size(dataPath);
            long limit = len;
            if (!gzip && !ascii && lineSkip == 0 && byteSkip >= 0) {
                limit = Math.min(len, byteSkip + expected); // the rest of a raw data file is not needed
            }
            if (limit > Streams.MAX_ARRAY) {
                throw new ImageFormatException(file, "data file", dataPath + " is too large (" + len + " bytes)");
            }
            try (InputStream in = Streams.open(dataPath)) {
                source = Streams.readUpTo(in, limit);
            }
            start = 0;
        }
        for (long l = 0; l < lineSkip; l++) {
            while (start < source.length && source[start] != '\n') {
                start++;
            }
            if (start >= source.length) {
                throw new ImageFormatException(file, "line skip", "data ends before " + lineSkip + " lines were skipped");
            }
            start++;
        }
        int available = source.length - start;

        double[] data = new double[(int) n];
        if (ascii) {
            readAscii(file, source, start, type, data);
            return Volume.wrap(geometry(file, f, s0, dimension, size), data);
        }
        byte[] payload;
        int off;
        if (gzip) {
            long need = Math.max(byteSkip, 0) + expected;
            if (need > Streams.maxInflated(available)) {
                throw new ImageFormatException(file, "data", "truncated or corrupt: " + need + " bytes of data declared, "
                    + available + " bytes of gzip data cannot hold more than " + Streams.maxInflated(available));
            }
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(source, start, available), 1 << 16)) {
                payload = Streams.readUpTo(in, need);
                if (payload.length == need && !Streams.atEnd(in)) {
                    throw new ImageFormatException(file, "data", "gzip data decompresses to more than byte skip + sizes x "
                        + "type (" + need + " bytes): header and data do not match");
                }
            } catch (ImageFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new ImageFormatException(file, "encoding", "corrupt or truncated gzip data (" + e.getMessage() + ")",
                    e);
            }
            off = (int) Math.max(byteSkip, 0);
            if (payload.length < need) {
                throw new ImageFormatException(file, "data", "truncated: expected " + expected + " bytes of " + type
                    + " data for sizes " + size[0] + "x" + size[1] + "x" + size[2] + " after byte skip " + off
                    + ", gzip data holds " + Math.max(0, payload.length - off));
            }
        } else {
            payload = source;
            long skip = byteSkip == -1 ? available - expected : byteSkip;
            if (skip < 0 || available - skip < expected) {
                throw new ImageFormatException(file, "data", "truncated: expected " + expected + " bytes of " + type
                    + " data for sizes " + size[0] + "x" + size[1] + "x" + size[2] + ", found "
                    + Math.max(0, available - Math.max(skip, 0)) + (attached ? "" : " in " + dataPath));
            }
            if (attached && available - skip > expected) {
                throw new ImageFormatException(file, "data", "has " + (available - skip - expected)
                    + " bytes more than sizes x type require: header and data do not match");
            }
            off = (int) (start + skip);
        }
        decodeBinary(ByteBuffer.wrap(payload).order(order), off, type, data);
        return Volume.wrap(geometry(file, f, s0, dimension, size), data);
    }

    private static Path detachedPath(Path file, String dataFile) throws ImageFormatException {
        String df = dataFile.trim();
        if (df.startsWith("LIST") || df.contains("%") || df.contains(" ")) {
            throw new ImageFormatException(file, "data file", "multi-file data (\"" + Streams.printable(df, 60)
                + "\") is not supported");
        }
        Path parent = file.toAbsolutePath().getParent();
        Path p;
        try {
            p = parent == null ? Path.of(df) : parent.resolve(df);
        } catch (RuntimeException e) {
            throw new ImageFormatException(file, "data file", "invalid path \"" + Streams.printable(df, 60) + "\"");
        }
        if (!Files.isRegularFile(p)) {
            throw new ImageFormatException(file, "data file", "detached data file not found: " + p);
        }
        return p;
    }

    private static void readAscii(Path file, byte[] src, int start, String type, double[] out)
        throws ImageFormatException {
        int pos = start;
        boolean integer = !type.equals("float") && !type.equals("double");
        for (int i = 0; i < out.length; i++) {
            while (pos < src.length && isSeparator(src[pos])) {
                pos++;
            }
            int s = pos;
            while (pos < src.length && !isSeparator(src[pos])) {
                pos++;
            }
            if (s == pos) {
                throw new ImageFormatException(file, "data", "truncated: ascii data has " + i + " values, sizes need "
                    + out.length);
            }
            String tok = new String(src, s, pos - s, StandardCharsets.ISO_8859_1);
            try {
                out[i] = Double.parseDouble(tok);
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, "data", "ascii value " + i + " is not a number: \""
                    + Streams.printable(tok, 20) + "\"");
            }
            if (integer && out[i] != Math.rint(out[i])) {
                throw new ImageFormatException(file, "data", "ascii value " + i + " (" + tok + ") is not a whole number"
                    + " but the type is " + type);
            }
        }
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',';
    }

    private static void decodeBinary(ByteBuffer b, int off, String type, double[] out) {
        int n = out.length;
        switch (type) {
            case "int8": for (int i = 0; i < n; i++) { out[i] = b.get(off + i); } break;
            case "uint8": for (int i = 0; i < n; i++) { out[i] = b.get(off + i) & 0xff; } break;
            case "int16": for (int i = 0; i < n; i++) { out[i] = b.getShort(off + 2 * i); } break;
            case "uint16": for (int i = 0; i < n; i++) { out[i] = b.getShort(off + 2 * i) & 0xffff; } break;
            case "int32": for (int i = 0; i < n; i++) { out[i] = b.getInt(off + 4 * i); } break;
            case "uint32": for (int i = 0; i < n; i++) { out[i] = b.getInt(off + 4 * i) & 0xffffffffL; } break;
            case "int64": for (int i = 0; i < n; i++) { out[i] = b.getLong(off + 8 * i); } break;
            case "uint64":
                for (int i = 0; i < n; i++) {
                    long v = b.getLong(off + 8 * i);
                    out[i] = v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
                }
                break;
            case "float": for (int i = 0; i < n; i++) { out[i] = b.getFloat(off + 4 * i); } break;
            case "double": for (int i = 0; i < n; i++) { out[i] = b.getDouble(off + 8 * i); } break;
            default: throw new IllegalStateException("type " + type);
        }
    }

    private static Geometry geometry(Path file, Map<String, String> f, int s0, int dimension, int[] size)
        throws ImageFormatException {
        double[] spacing = new double[3];
        double[] origin = new double[3];
        double[] dir = new double[9];
        String directions = f.get("space directions");
        if (directions != null) {
            String[] vecs = splitDirections(directions);
            if (vecs.length != dimension) {
                throw new ImageFormatException(file, "space directions", "has " + vecs.length + " entries, dimension is "
                    + dimension);
            }
            for (int a = 0; a < 3; a++) {
                double[] v = parseVector(file, "space directions", vecs[s0 + a]);
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
            for (int a = 0; a < 3; a++) {
                dir[4 * a] = 1;
                spacing[a] = 1;
            }
            String sp = f.get("spacings");
            if (sp != null) {
                String[] t = sp.trim().split("\\s+");
                if (t.length != dimension) {
                    throw new ImageFormatException(file, "spacings", "has " + t.length + " entries, dimension is "
                        + dimension);
                }
                for (int a = 0; a < 3; a++) {
                    String tok = t[s0 + a];
                    double v;
                    try {
                        v = tok.equalsIgnoreCase("nan") ? 1 : Double.parseDouble(tok);
                    } catch (NumberFormatException e) {
                        throw new ImageFormatException(file, "spacings", "not a number: \"" + Streams.printable(tok, 20)
                            + "\"");
                    }
                    if (!(v != 0) || !Double.isFinite(v)) {
                        throw new ImageFormatException(file, "spacings", "axis " + a + " spacing must be finite and "
                            + "non-zero, was " + tok);
                    }
                    spacing[a] = Math.abs(v);
                }
            }
        }
        double sx = 1;
        double sy = 1;
        String space = f.get("space");
        if (space != null) {
            switch (space.trim().toLowerCase(Locale.ROOT)) {
                case "left-posterior-superior": case "lps": case "scanner-xyz": case "3d-right-handed":
                case "3d-left-handed":
                    break;
                case "right-anterior-superior": case "ras":
                    sx = -1;
                    sy = -1;
                    break;
                case "left-anterior-superior": case "las":
                    sy = -1;
                    break;
                default:
                    throw new ImageFormatException(file, "space", "unsupported space \"" + Streams.printable(space, 40)
                        + "\" (3D spaces only: LPS, RAS, LAS, scanner-xyz, 3D-right-handed, 3D-left-handed)");
            }
        } else if (f.containsKey("space dimension") && !f.get("space dimension").trim().equals("3")) {
            throw new ImageFormatException(file, "space dimension", "must be 3, was " + f.get("space dimension"));
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

    private static String[] splitDirections(String directions) {
        return directions.trim().split("\\s+(?=\\(|none|NONE)");
    }

    private static double[] parseVector(Path file, String field, String text) throws ImageFormatException {
        String t = text.trim();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new ImageFormatException(file, field, "expected a vector like (x,y,z), found \""
                + Streams.printable(t, 60) + "\"");
        }
        String[] parts = t.substring(1, t.length() - 1).split(",", -1);
        if (parts.length != 3) {
            throw new ImageFormatException(file, field, "expected 3 components, found " + parts.length);
        }
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ImageFormatException(file, field, "not a number: \"" + Streams.printable(parts[i].trim(), 30)
                    + "\"");
            }
            if (!Double.isFinite(v[i])) {
                throw new ImageFormatException(file, field, "component " + i + " is not finite");
            }
        }
        return v;
    }

    /** Segment names by label value from 3D Slicer's {@code Segment<N>_*} keys. */
    static Map<Integer, String> segmentNames(Path file, Header h) {
        Map<Integer, String> names = new TreeMap<>();
        Map<Integer, String[]> segs = new TreeMap<>();
        for (Map.Entry<String, String> e : h.keyValues.entrySet()) {
            Matcher m = SEGMENT_KEY.matcher(e.getKey());
            if (m.matches()) {
                int idx;
                try {
                    idx = Integer.parseInt(m.group(1));
                } catch (NumberFormatException ex) {
                    continue;
                }
                String[] s = segs.computeIfAbsent(idx, k -> new String[3]);
                int slot = m.group(2).equals("Name") ? 0 : m.group(2).equals("LabelValue") ? 1 : 2;
                s[slot] = e.getValue().trim();
            }
        }
        for (Map.Entry<Integer, String[]> e : segs.entrySet()) {
            String[] s = e.getValue();
            if (s[0] == null) {
                continue;
            }
            int label = e.getKey() + 1;
            if (s[1] != null) {
                try {
                    label = Integer.parseInt(s[1]);
                } catch (NumberFormatException ex) {
                    LOG.warn("{}: Segment{}_LabelValue \"{}\" is not an integer; using {}", file, e.getKey(), s[1], label);
                }
            }
            if (s[2] != null && !s[2].equals("0")) {
                LOG.warn("{}: Segment{} is on layer {}; a single-layer file was read, its name may not apply", file,
                    e.getKey(), s[2]);
            }
            names.put(label, s[0]);
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
            throw new ImageFormatException(file, key, "not an integer: \"" + Streams.printable(v, 20) + "\"");
        }
    }

    private static long optionalLong(Path file, Map<String, String> f, String key, String alias)
        throws ImageFormatException {
        String v = f.containsKey(key) ? f.get(key) : f.get(alias);
        if (v == null) {
            return 0;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ImageFormatException(file, key, "not an integer: \"" + Streams.printable(v, 20) + "\"");
        }
    }

    /** Canonical type name (int8, uint8, ..., float, double) or the input lower-cased if unknown. */
    static String normaliseType(String type) {
        String t = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        switch (t) {
            case "signed char": case "int8": case "int8_t": return "int8";
            case "uchar": case "unsigned char": case "uint8": case "uint8_t": return "uint8";
            case "short": case "short int": case "signed short": case "signed short int": case "int16": case "int16_t":
                return "int16";
            case "ushort": case "unsigned short": case "unsigned short int": case "uint16": case "uint16_t":
                return "uint16";
            case "int": case "signed int": case "int32": case "int32_t": return "int32";
            case "uint": case "unsigned int": case "uint32": case "uint32_t": return "uint32";
            case "longlong": case "long long": case "long long int": case "signed long long":
            case "signed long long int": case "int64": case "int64_t":
                return "int64";
            case "ulonglong": case "unsigned long long": case "unsigned long long int": case "uint64": case "uint64_t":
                return "uint64";
            case "float": return "float";
            case "double": return "double";
            default: return t;
        }
    }

    static int bytesPer(String canonicalType) {
        switch (canonicalType) {
            case "int8": case "uint8": return 1;
            case "int16": case "uint16": return 2;
            case "int32": case "uint32": case "float": return 4;
            case "int64": case "uint64": case "double": return 8;
            default: return -1;
        }
    }
}
