package org.radtab.radiomics.batch;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.RadiomicsSettingsException;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.GeometryMismatchException;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.ImageFormatException;
import org.radtab.radiomics.preprocess.InvalidRoiException;
import org.radtab.radiomics.preprocess.OutputCast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts the features of many cases into one CSV in PyRadiomics' batch layout. See the
 * {@linkplain org.radtab.radiomics.batch package documentation} for the file formats.
 *
 * <p>Cases run in parallel on {@link #threads()} worker threads; each thread extracts one case
 * at a time (reading, preprocessing, filtering and features of a case stay on its thread), so
 * the memory in use is about {@code threads} times that of one case. Finished rows are written
 * in input order whatever the completion order: a row that finishes early waits in memory for
 * the rows before it, and a worker does not start a case more than {@code max(64, 4 threads)}
 * positions ahead of the last written row, which bounds that buffer.
 *
 * <p>A failing case never stops the batch: it becomes a row whose {@code diagnostics_Error} cell
 * holds the reason ({@code invalid ROI: label 1: the ROI is a single voxel}, {@code image/mask
 * grid mismatch: ...}, {@code file not found: ...}, ...) and whose diagnostics and feature cells
 * are empty. The output is the same for any thread count (rows, columns and values).
 *
 * <p>Instances are immutable; {@code with...} methods return modified copies.
 */
public final class BatchExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchExtractor.class);

    /** The output column holding a failed case's error text (empty for a successful case). */
    public static final String ERROR_COLUMN = "diagnostics_Error";

    private final RadiomicsSettings settings;
    private final FeatureExtractor extractor;
    private final int threads;
    private final boolean resume;
    private final BatchListener listener;
    private final Map<Integer, FeatureExtractor> byLabel;

    /**
     * A batch extractor with {@code Runtime.availableProcessors()} threads, no resume, no listener.
     *
     * @throws RadiomicsSettingsException when the settings name an unsupported image type or feature
     */
    public BatchExtractor(RadiomicsSettings settings) {
        this(settings, new FeatureExtractor(settings), Runtime.getRuntime().availableProcessors(), false,
            BatchListener.NONE, new ConcurrentHashMap<>());
    }

    private BatchExtractor(RadiomicsSettings settings, FeatureExtractor extractor, int threads, boolean resume,
                           BatchListener listener, Map<Integer, FeatureExtractor> byLabel) {
        this.settings = settings;
        this.extractor = extractor;
        this.threads = threads;
        this.resume = resume;
        this.listener = listener;
        this.byLabel = byLabel;
    }

    /** A copy with {@code n >= 1} worker threads. */
    public BatchExtractor withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + n);
        }
        return new BatchExtractor(settings, extractor, n, resume, listener, byLabel);
    }

    /**
     * A copy that resumes: cases whose image, mask and label already appear in a successful row of the existing
     * output are not extracted again; failed rows are retried. The output is then rewritten in input order.
     */
    public BatchExtractor withResume(boolean on) {
        return new BatchExtractor(settings, extractor, threads, on, listener, byLabel);
    }

    /** A copy that reports progress to {@code l}. */
    public BatchExtractor withListener(BatchListener l) {
        return new BatchExtractor(settings, extractor, threads, resume, l == null ? BatchListener.NONE : l, byLabel);
    }

    public RadiomicsSettings settings() {
        return settings;
    }

    public int threads() {
        return threads;
    }

    public boolean resume() {
        return resume;
    }

    /** Reads the case list ({@link CaseList#read}) and runs it. */
    public BatchSummary run(Path casesCsv, Path output) throws IOException {
        CaseList cases = CaseList.read(casesCsv);
        if (output.toAbsolutePath().normalize().equals(casesCsv.toAbsolutePath().normalize())) {
            throw new BatchInputException(output, 0, null, "the output would overwrite the case list");
        }
        return run(cases, output);
    }

    /**
     * Extracts every case (or, with resume, every case not yet done) and writes {@code output}.
     *
     * @return counts, failures and timing
     * @throws BatchInputException for an existing output that cannot be resumed, or reserved input column names
     * @throws IOException         when the output cannot be written (the batch stops; finished rows stay on disk)
     */
    public BatchSummary run(CaseList cases, Path output) throws IOException {
        long t0 = System.nanoTime();
        int settingsLabel = settings.getInt("label");
        BatchOutput out = BatchOutput.open(output, cases, settingsLabel, resume);
        List<BatchCase> todo = new ArrayList<>();
        for (BatchCase c : cases.cases()) {
            if (!out.done(c.index())) {
                todo.add(c);
            }
        }
        int workers = Math.max(1, Math.min(threads, todo.size()));
        Sink sink = new Sink(out, todo.size(), Math.max(64, 4 * workers), t0);
        synchronized (sink) {
            listener.batchStarted(cases.size(), todo.size(), out.skipped(), workers);
        }
        LOG.info("batch: {} cases, {} to extract, {} already done, {} threads", cases.size(), todo.size(),
            out.skipped(), workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    for (int pos = next.getAndIncrement(); pos < todo.size(); pos = next.getAndIncrement()) {
                        if (!sink.awaitTurn(pos)) {
                            return null;
                        }
                        sink.complete(pos, extractCase(todo.get(pos)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.abort();
            out.abandon();
            throw new IOException("batch interrupted; finished rows are in " + output + " (use resume)", e);
        } catch (ExecutionException e) {
            sink.abort();
            out.abandon();
            Throwable c = e.getCause();
            if (c instanceof IOException) {
                throw (IOException) c;
            }
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IOException(c);
        } finally {
            pool.shutdownNow();
        }
        out.finish();
        BatchSummary summary = new BatchSummary(output, cases.size(), out.skipped(), sink.done - sink.failures.size(),
            sink.failures, out.featureCount(), Duration.ofNanos(System.nanoTime() - t0), workers);
        synchronized (sink) {
            listener.batchFinished(summary);
        }
        LOG.info("batch: {} extracted, {} failed, {} skipped in {} s -> {}", summary.extracted(), summary.failed(),
            summary.skipped(), summary.elapsed().toMillis() / 1000.0, output);
        return summary;
    }

    /** Extracts one case; every failure becomes an error row. */
    private Timed extractCase(BatchCase c) {
        long t = System.nanoTime();
        BatchOutput.Row row;
        if (c.problem() != null) {
            LOG.warn("{}: {}", c.describe(), c.problem());
            row = new BatchOutput.Row(c, "invalid row: " + c.problem(), Map.of(), null, null);
        } else {
            try {
                requireExists(CaseList.IMAGE, c.image());
                requireExists(CaseList.MASK, c.mask());
                FeatureExtractor fx = c.label() == null ? extractor
                    : byLabel.computeIfAbsent(c.label(), l -> new FeatureExtractor(settings.with(Map.of("label", l))));
                Volume image = ImageIO.readVolume(c.image());
                Mask mask = ImageIO.readMask(c.mask());
                OutputCast cast = OutputCast.forPixelType(ImageIO.storedPixelType(c.image()));
                FeatureVector v;
                try {
                    v = fx.extract(image, mask, cast);
                } catch (InvalidRoiException e) {
                    throw withGridHint(e, image, mask);
                }
                row = new BatchOutput.Row(c, null, v.diagnostics(), v.names(), v.values());
                LOG.debug("{}: {} features in {} ms", c.describe(), v.size(), (System.nanoTime() - t) / 1_000_000);
            } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                String msg = errorText(e);
                if (isExpected(e)) {
                    LOG.warn("{}: {}", c.describe(), msg);
                } else {
                    LOG.error("{}: {}", c.describe(), msg, e);
                }
                row = new BatchOutput.Row(c, msg, Map.of(), null, null);
            }
        }
        return new Timed(row, Duration.ofNanos(System.nanoTime() - t));
    }

    /** An ROI error on a mask whose grid differs from the image's says so (the likely cause). */
    private static InvalidRoiException withGridHint(InvalidRoiException e, Volume image, Mask mask) {
        String diff;
        try {
            mask.geometry().requireSameGrid(image.geometry(), Geometry.DEFAULT_TOLERANCE);
            return e;
        } catch (GeometryMismatchException g) {
            diff = g.getMessage();
        }
        InvalidRoiException x = new InvalidRoiException(e.getMessage() + "; the mask is not on the image's grid ("
            + diff + ", mask vs image)");
        x.initCause(e);
        return x;
    }

    private static void requireExists(String column, Path file) throws NoSuchFileException {
        if (!java.nio.file.Files.exists(file)) {
            throw new NoSuchFileException(column + " " + file);
        }
    }

    private static boolean isExpected(Throwable e) {
        return e instanceof IOException || e instanceof InvalidRoiException || e instanceof GeometryMismatchException
            || e instanceof RadiomicsSettingsException;
    }

    /** The text of a case's {@code diagnostics_Error} cell: a category and the exception's message. */
    static String errorText(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String text;
        if (e instanceof NoSuchFileException) {
            text = "file not found: " + m;
        } else if (e instanceof ImageFormatException) {
            text = "cannot read image: " + m;
        } else if (e instanceof IOException) {
            text = "I/O error: " + m;
        } else if (e instanceof InvalidRoiException) {
            text = "invalid ROI: " + m;
        } else if (e instanceof GeometryMismatchException) {
            text = "image/mask grid mismatch: " + m;
        } else if (e instanceof RadiomicsSettingsException) {
            text = "invalid settings for this case: " + m;
        } else if (e instanceof OutOfMemoryError) {
            text = "out of memory (give Java more heap with -Xmx, or use fewer threads)";
        } else {
            text = "internal error: " + e.getClass().getName() + (m.isEmpty() ? "" : ": " + m);
        }
        // one line in the CSV cell
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** Formats a feature value for the CSV: {@link Double#toString} ({@code NaN}, {@code Infinity} included). */
    public static String formatValue(double v) {
        return Double.toString(v);
    }

    private record Timed(BatchOutput.Row row, Duration duration) {
    }

    /** Orders finished rows, bounds the look-ahead, writes and reports. All methods run under the sink's lock. */
    private final class Sink {
        private final BatchOutput out;
        private final int total;
        private final int window;
        private final long t0;
        private final Map<Integer, Timed> pending = new HashMap<>();
        private int nextToWrite;
        private int done;
        private final List<CaseResult> failures = new ArrayList<>();
        private boolean aborted;

        Sink(BatchOutput out, int total, int window, long t0) {
            this.out = out;
            this.total = total;
            this.window = window;
            this.t0 = t0;
        }

        /** Waits until case {@code pos} may start; false when the batch was aborted. */
        synchronized boolean awaitTurn(int pos) throws InterruptedException {
            while (!aborted && pos >= nextToWrite + window) {
                wait();
            }
            return !aborted;
        }

        synchronized void complete(int pos, Timed row) throws IOException {
            if (aborted) {
                return;
            }
            pending.put(pos, row);
            try {
                for (Timed t = pending.remove(nextToWrite); t != null; t = pending.remove(nextToWrite)) {
                    String error = out.write(t.row());
                    nextToWrite++;
                    done++;
                    CaseResult r = new CaseResult(t.row().batchCase(), error, t.duration());
                    if (error != null) {
                        failures.add(r);
                    }
                    listener.caseFinished(r, new BatchProgress(total, done, failures.size(),
                        Duration.ofNanos(System.nanoTime() - t0)));
                }
            } catch (IOException | RuntimeException | Error e) {
                aborted = true;
                throw e;
            } finally {
                notifyAll();
            }
        }

        synchronized void abort() {
            aborted = true;
            notifyAll();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "radtab-extract-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
