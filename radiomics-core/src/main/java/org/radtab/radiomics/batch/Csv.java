package org.radtab.radiomics.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal RFC 4180 CSV for the batch files: comma separated, fields quoted with {@code "} when
 * they hold a comma, a quote, CR or LF (Python's {@code csv.QUOTE_MINIMAL}), quotes doubled,
 * records ended by LF (CR LF accepted on input), UTF-8 (a leading byte-order mark is skipped).
 * The reader works on bytes so that every record's byte offsets are known, which lets
 * {@link BatchExtractor} re-read single rows of a large output file without holding it in memory.
 */
final class Csv {
    private Csv() {
    }

    /** One record: its fields, its byte range and the line it starts on. */
    static final class Record {
        final List<String> fields;
        final long start;
        final long end;
        final int line;
        /** False for a last record not ended by a line break (e.g. a write that was interrupted). */
        final boolean terminated;

        Record(List<String> fields, long start, long end, int line, boolean terminated) {
            this.fields = fields;
            this.start = start;
            this.end = end;
            this.line = line;
            this.terminated = terminated;
        }

        /** A blank line (one empty, unquoted field). */
        boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** Thrown for a quoted field that never ends; the message names the line. */
    static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Streams records from bytes, tracking byte offsets (relative to {@code startOffset}) and line numbers. */
    static final class Reader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int len;
        private int pos;
        private long offset;
        private int line = 1;
        private boolean first;

        Reader(InputStream in, long startOffset) {
            this.in = in;
            this.offset = startOffset;
            this.first = startOffset == 0;
        }

        private int read() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            offset++;
            return buf[pos++] & 0xff;
        }

        private int peek() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return -1;
                }
            }
            return buf[pos] & 0xff;
        }

        /** The next record, or null at the end of the input. */
        Record next() throws IOException {
            if (first) {
                first = false;
                if (peek() == 0xEF) {
                    // UTF-8 byte-order mark (Excel writes one)
                    read();
                    if (read() != 0xBB || read() != 0xBF) {
                        throw new MalformedCsvException(1, "line 1: not UTF-8 text (bad byte-order mark)");
                    }
                }
            }
            long start = offset;
            int startLine = line;
            int b = read();
            if (b == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            boolean inQuotes = false;
            boolean quoted = false;
            while (true) {
                if (inQuotes) {
                    if (b == -1) {
                        throw new MalformedCsvException(startLine, "line " + startLine
                            + ": a quoted field is not closed before the end of the file");
                    }
                    if (b == '"') {
                        if (peek() == '"') {
                            read();
                            field.write('"');
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        if (b == '\n') {
                            line++;
                        }
                        field.write(b);
                    }
                } else if (b == ',') {
                    fields.add(field.toString(StandardCharsets.UTF_8));
                    field.reset();
                    quoted = false;
                } else if (b == '\n' || b == '\r' || b == -1) {
                    if (b == '\r' && peek() == '\n') {
                        read();
                    }
                    if (b != -1) {
                        line++;
                    }
                    fields.add(field.toString(StandardCharsets.UTF_8));
                    return new Record(fields, start, offset, startLine, b != -1);
                } else if (b == '"' && field.size() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    field.write(b);
                }
                b = read();
            }
        }
    }

    /** Appends one field, quoted when needed. */
    static void appendField(StringBuilder sb, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(value);
            return;
        }
        sb.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** One record with its terminating LF. */
    static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            appendField(sb, fields.get(i));
        }
        return sb.append('\n').toString();
    }
}
