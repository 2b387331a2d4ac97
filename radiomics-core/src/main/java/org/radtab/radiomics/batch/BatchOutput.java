package org.radtab.radiomics.batch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output CSV of a batch while it is written: rows are appended in input order as they are
 * flushed (so an interrupted run leaves every finished row on disk for {@code --resume}), and
 * the file is rewritten once at the end when rows must be merged, re-ordered or given extra
 * columns. Not thread-safe: {@link BatchExtractor} calls it under its lock.
 */
final class BatchOutput {
    private static final Logger LOG = LoggerFactory.getLogger(BatchOutput.class);

    /** A finished case: an error, or diagnostics and features. */
    record Row(BatchCase batchCase, String error, Map<String, String> diagnostics, List<String> names, double[] values) {
    }

    /** What makes two rows the same case for resume: resolved image and mask paths and the effective label. */
    private record Key(Path image, Path mask, int label) {
    }

    private final Path out;
    private final CaseList cases;
    private final List<String> inputColumns;

    /** The header of the file being appended to; null until known. */
    private List<String> journalHeader;
    private Map<String, Integer> journalIndex;
    private OutputStream journal;
    private long journalLength;
    /** Byte offset of each case's row in the journal, -1 when not written. */
    private final long[] rowOffset;
    /** Cells of a case that have no column in the journal header (e.g. a diagnostic first seen later). */
    private final Map<Integer, Map<String, String>> extras = new HashMap<>();
    private final boolean[] done;
    private int skipped;
    /** Feature columns (null until the first successful case in input order, or the resumed output, defines them). */
    private List<String> features;
    private final LinkedHashSet<String> diagnostics = new LinkedHashSet<>();
    /** Error rows that precede the first success in a new file (the header is not known yet). */
    private final List<Row> leading = new ArrayList<>();
    private boolean rewrite;

    private BatchOutput(Path out, CaseList cases) {
        this.out = out;
        this.cases = cases;
        this.inputColumns = cases.columns();
        this.rowOffset = new long[cases.size()];
        Arrays.fill(rowOffset, -1);
        this.done = new boolean[cases.size()];
    }

    /**
     * Opens the output. Without {@code resume} (or when the file has no successful row) the file is started afresh;
     * with it, the successful rows of the existing file mark their cases as done, a trailing half-written line is cut
     * off, and new rows are appended under the existing header.
     */
    static BatchOutput open(Path out, CaseList cases, int settingsLabel, boolean resume) throws IOException {
        for (String c : cases.columns()) {
            if (c.startsWith("diagnostics_")) {
                throw new BatchInputException(cases.source() != null ? cases.source() : out, 0, c,
                    "input column names starting with 'diagnostics_' are reserved for the output");
            }
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BatchOutput o = new BatchOutput(out, cases);
        if (resume && Files.isRegularFile(out) && Files.size(out) > 0) {
            long keep = o.readExisting(settingsLabel);
            if (o.skipped > 0) {
                try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE)) {
                    if (ch.size() > keep) {
                        LOG.warn("{}: dropping an incomplete last line ({} bytes) before appending", out, ch.size() - keep);
                        ch.truncate(keep);
                    }
                }
                o.journal = new BufferedOutputStream(Files.newOutputStream(out, StandardOpenOption.APPEND), 1 << 16);
                o.journalLength = keep;
                o.rewrite = true;
                return o;
            }
            LOG.info("{} has no successful row: starting it afresh", out);
            Arrays.fill(o.rowOffset, -1);
            Arrays.fill(o.done, false);
            o.journalHeader = null;
            o.journalIndex = null;
            o.features = null;
            o.diagnostics.clear();
        } else if (resume) {
            LOG.info("{} does not exist yet: nothing to resume", out);
        }
        o.journal = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        return o;
    }

    /** Indexes the existing output; returns the byte length of its complete records. */
    private long readExisting(int settingsLabel) throws IOException {
        Map<Key, Long> successful = new HashMap<>();
        long keep;
        try (InputStream in = Files.newInputStream(out)) {
            Csv.Reader r = new Csv.Reader(in, 0);
            Csv.Record h = r.next();
            if (h == null || !h.terminated) {
                return 0;
            }
            List<String> header = h.fields;
            int ii = header.indexOf(CaseList.IMAGE);
            int mi = header.indexOf(CaseList.MASK);
            if (ii < 0 || mi < 0) {
                throw new BatchInputException(out, 1, ii < 0 ? CaseList.IMAGE : CaseList.MASK,
                    "the existing output has no such column, so it is not a batch output and cannot be resumed "
                        + "(remove it or run without --resume)");
            }
            int li = header.indexOf(CaseList.LABEL);
            int ei = header.indexOf(BatchExtractor.ERROR_COLUMN);
            int lastDiag = -1;
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).startsWith("diagnostics_")) {
                    lastDiag = c;
                    if (c != ei) {
                        diagnostics.add(header.get(c));
                    }
                }
            }
            List<String> feats = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                boolean isFeature = lastDiag >= 0 ? c > lastDiag
                    : !inputColumns.contains(header.get(c)) && c != ii && c != mi && c != li;
                if (isFeature) {
                    feats.add(header.get(c));
                }
            }
            for (String f : feats) {
                if (inputColumns.contains(f)) {
                    throw new BatchInputException(out, 1, f, "the existing output has this column among its features, "
                        + "but it is also a column of the case list");
                }
            }
            journalHeader = List.copyOf(header);
            journalIndex = index(header);
            features = feats.isEmpty() ? null : List.copyOf(feats);
            keep = h.end;
            for (Csv.Record rec = r.next(); rec != null; rec = r.next()) {
                if (!rec.terminated) {
                    break;
                }
                keep = rec.end;
                if (rec.fields.size() != header.size()) {
                    if (!rec.blank()) {
                        LOG.warn("{}, line {}: {} cells for {} columns: ignored (the case is extracted again)", out,
                            rec.line, rec.fields.size(), header.size());
                    }
                    continue;
                }
                List<String> f = rec.fields;
                if (ei >= 0 && !f.get(ei).isEmpty() || feats.isEmpty()) {
                    continue;
                }
                boolean complete = true;
                for (int c = header.size() - feats.size(); c < header.size() && complete; c++) {
                    complete = !f.get(c).isEmpty();
                }
                if (!complete || f.get(ii).isBlank() || f.get(mi).isBlank()) {
                    continue;
                }
                Integer label = settingsLabel;
                if (li >= 0 && !f.get(li).isBlank()) {
                    label = CaseList.parseLabel(f.get(li).strip());
                    if (label == null) {
                        continue;
                    }
                }
                Key k = new Key(CaseList.resolve(cases.baseDir(), f.get(ii).strip()),
                    CaseList.resolve(cases.baseDir(), f.get(mi).strip()), label);
                successful.putIfAbsent(k, rec.start);
            }
        } catch (Csv.MalformedCsvException e) {
            throw new BatchInputException(out, e.line, null, "the existing output is not valid CSV: " + e.getMessage()
                + " (remove it or run without --resume)", e);
        }
        for (BatchCase c : cases.cases()) {
            if (c.problem() != null) {
                continue;
            }
            Long at = successful.get(new Key(c.image(), c.mask(), c.label() != null ? c.label() : settingsLabel));
            if (at != null) {
                rowOffset[c.index()] = at;
                done[c.index()] = true;
                skipped++;
            }
        }
        LOG.info("{}: {} successful rows, {} of {} cases already done", out, successful.size(), skipped, cases.size());
        return keep;
    }

    /** True when the case's successful row is already in the output (resume). */
    boolean done(int caseIndex) {
        return done[caseIndex];
    }

    int skipped() {
        return skipped;
    }

    int featureCount() {
        return features == null ? 0 : features.size();
    }

    /**
     * Writes a finished case (called in input order). A successful case whose feature names differ from the output's
     * feature columns is written as an error row instead.
     *
     * @return the case's error text as written, null for a successful row
     */
    String write(Row row) throws IOException {
        if (row.error() == null) {
            if (features == null) {
                defineColumns(row);
            } else if (!features.equals(row.names())) {
                row = new Row(row.batchCase(), featureSetDiffers(row.names()), Map.of(), null, null);
            }
        }
        if (row.error() == null) {
            for (String d : row.diagnostics().keySet()) {
                if (diagnostics.add(d)) {
                    rewrite = true;
                }
            }
        }
        if (journalHeader == null) {
            leading.add(row);
        } else {
            append(row);
        }
        return row.error();
    }

    private String featureSetDiffers(List<String> names) {
        String first = null;
        for (int i = 0; i < Math.max(names.size(), features.size()) && first == null; i++) {
            String a = i < features.size() ? features.get(i) : "(none)";
            String b = i < names.size() ? names.get(i) : "(none)";
            if (!a.equals(b)) {
                first = "column " + (i + 1) + " is " + a + " in the output but " + b + " here";
            }
        }
        return "feature set differs from the output's feature columns (" + names.size() + " features here, "
            + features.size() + " in the output; " + first + "); check that every case uses the same settings "
            + "(e.g. a LoG sigma too large for a small image is skipped)";
    }

    /** The first successful case of a new file: its diagnostics and features fix the header, which is written now. */
    private void defineColumns(Row row) throws IOException {
        for (String f : row.names()) {
            if (inputColumns.contains(f)) {
                throw new BatchInputException(cases.source() != null ? cases.source() : out, 0, f,
                    "an input column has the name of a feature");
            }
        }
        features = List.copyOf(row.names());
        diagnostics.addAll(row.diagnostics().keySet());
        journalHeader = finalHeader();
        journalIndex = index(journalHeader);
        writeRaw(Csv.line(journalHeader));
        for (Row r : leading) {
            append(r);
        }
        leading.clear();
    }

    private List<String> finalHeader() {
        List<String> h = new ArrayList<>(inputColumns);
        h.add(BatchExtractor.ERROR_COLUMN);
        h.addAll(diagnostics);
        if (features != null) {
            h.addAll(features);
        }
        return h;
    }

    private void append(Row row) throws IOException {
        Map<String, String> cells = cells(row);
        List<String> line = new ArrayList<>(journalHeader.size());
        for (String c : journalHeader) {
            String v = cells.remove(c);
            line.add(v == null ? "" : v);
        }
        cells.values().removeIf(String::isEmpty);
        for (String c : inputColumns) {
            cells.remove(c);
        }
        if (!cells.isEmpty()) {
            extras.put(row.batchCase().index(), cells);
            rewrite = true;
        }
        rowOffset[row.batchCase().index()] = journalLength;
        writeRaw(Csv.line(line));
    }

    /** Every cell of a row by column name. */
    private Map<String, String> cells(Row row) {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> v = row.batchCase().values();
        for (int i = 0; i < inputColumns.size(); i++) {
            m.put(inputColumns.get(i), v.get(i));
        }
        m.put(BatchExtractor.ERROR_COLUMN, row.error() == null ? "" : row.error());
        if (row.error() == null) {
            m.putAll(row.diagnostics());
            for (int i = 0; i < row.names().size(); i++) {
                m.put(row.names().get(i), BatchExtractor.formatValue(row.values()[i]));
            }
        }
        return m;
    }

    private void writeRaw(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        journal.write(b);
        journal.flush();
        journalLength += b.length;
    }

    /**
     * Completes the file: writes buffered error rows when no case succeeded, and rewrites the file in input order with
     * the final header when rows were merged (resume) or a later case brought a new diagnostics column.
     */
    void finish() throws IOException {
        if (journalHeader == null) {
            journalHeader = finalHeader();
            journalIndex = index(journalHeader);
            writeRaw(Csv.line(journalHeader));
            for (Row r : leading) {
                append(r);
            }
            leading.clear();
        }
        journal.close();
        List<String> header = finalHeader();
        if (!rewrite && header.equals(journalHeader)) {
            return;
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (FileChannel src = FileChannel.open(out, StandardOpenOption.READ);
             OutputStream dst = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            dst.write(Csv.line(header).getBytes(StandardCharsets.UTF_8));
            for (BatchCase c : cases.cases()) {
                long at = rowOffset[c.index()];
                if (at < 0) {
                    throw new IllegalStateException("no row was written for " + c.describe());
                }
                src.position(at);
                Csv.Record rec = new Csv.Reader(Channels.newInputStream(src), at).next();
                Map<String, String> extra = extras.getOrDefault(c.index(), Map.of());
                List<String> line = new ArrayList<>(header.size());
                for (String col : header) {
                    int ci = inputColumns.indexOf(col);
                    if (ci >= 0) {
                        line.add(c.values().get(ci));
                        continue;
                    }
                    Integer ji = journalIndex.get(col);
                    String v = ji != null ? rec.fields.get(ji) : extra.get(col);
                    line.add(Objects.requireNonNullElse(v, ""));
                }
                dst.write(Csv.line(line).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Closes the file without completing it (the run was aborted); finished rows stay for a resume. */
    void abandon() {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("{}: {}", out, e.getMessage());
        }
    }

    private static Map<String, Integer> index(List<String> header) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.putIfAbsent(header.get(i), i);
        }
        return m;
    }
}
