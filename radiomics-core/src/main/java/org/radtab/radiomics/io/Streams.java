package org.radtab.radiomics.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Size-guarded reading shared by the readers. Nothing here allocates more than the data that
 * is actually present: a header that claims a huge image in a small file fails with a clear
 * message instead of an {@link OutOfMemoryError}.
 */
final class Streams {
    /** Largest Java byte array we allocate. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;

    /**
     * Deflate cannot expand data by more than about 1032:1 (RFC 1951: the longest match, 258
     * bytes, costs at least 2 bits). A gzip file of L bytes therefore decompresses to at most
     * {@code 1032 * L} bytes; a header demanding more is rejected before any allocation.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    private static final int CHUNK = 1 << 16;

    private Streams() {
    }

    /** Upper bound of the decompressed size of {@code compressedLength} bytes of deflate data. */
    static long maxInflated(long compressedLength) {
        return MAX_DEFLATE_RATIO * compressedLength + 1024;
    }

    /**
     * Reads up to {@code n} bytes. The result is shorter than {@code n} only at end of stream.
     * The buffer grows with the data that arrives, never to {@code n} up front.
     */
    static byte[] readUpTo(InputStream in, long n) throws IOException {
        if (n < 0 || n > MAX_ARRAY) {
            throw new IllegalArgumentException("cannot read " + n + " bytes into one array");
        }
        int cap = (int) Math.min(n, 1 << 20);
        byte[] buf = new byte[cap];
        int len = 0;
        while (len < n) {
            if (len == buf.length) {
                long next = Math.min(n, Math.max(2L * buf.length, CHUNK));
                buf = Arrays.copyOf(buf, (int) next);
            }
            int r = in.read(buf, len, buf.length - len);
            if (r < 0) {
                break;
            }
            len += r;
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    /** Skips exactly {@code n} bytes; returns how many could be skipped (less at end of stream). */
    static long skipUpTo(InputStream in, long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
        long done = 0;
        while (done < n) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** True when the stream has no more bytes. */
    static boolean atEnd(InputStream in) throws IOException {
        return in.read() < 0;
    }

    /** True when the file starts with the gzip magic bytes 1f 8b. */
    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    /** Opens a buffered stream on a regular file, or fails with "no such file". */
    static InputStream open(Path file) throws IOException {
        requireRegularFile(file);
        return new BufferedInputStream(Files.newInputStream(file), CHUNK);
    }

    static void requireRegularFile(Path file) throws ImageFormatException {
        if (!Files.isRegularFile(file)) {
            throw new ImageFormatException(file, null, Files.isDirectory(file) ? "is a folder, not a file"
                : "no such file");
        }
    }

    /** Printable form of possibly binary text, for error messages. */
    static String printable(String s, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < max; i++) {
            char c = s.charAt(i);
            sb.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c & 0xff));
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }
}
