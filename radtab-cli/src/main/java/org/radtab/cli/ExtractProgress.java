package org.radtab.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.radtab.radiomics.batch.BatchListener;
import org.radtab.radiomics.batch.BatchProgress;
import org.radtab.radiomics.batch.BatchSummary;
import org.radtab.radiomics.batch.CaseResult;

/**
 * Progress of {@code radtab extract} on stderr: on a terminal a bar redrawn in place
 * ({@code [#####-----]  12/20 cases  1 failed  elapsed 0:42  ETA 0:28}), with failed cases
 * printed above it; otherwise one plain line per case.
 */
final class ExtractProgress implements BatchListener {
    private static final int BAR = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private int skipped;
    private int lastWidth;

    ExtractProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void batchStarted(int total, int toExtract, int skipped, int threads) {
        this.skipped = skipped;
        err.println("radtab extract: " + total + (total == 1 ? " case" : " cases") + ", " + toExtract + " to extract"
            + (skipped > 0 ? ", " + skipped + " already done" : "") + ", " + threads
            + (threads == 1 ? " thread" : " threads"));
        if (terminal && toExtract > 0) {
            draw(new BatchProgress(toExtract, 0, 0, Duration.ZERO));
        }
        err.flush();
    }

    @Override
    public void caseFinished(CaseResult r, BatchProgress p) {
        if (terminal) {
            if (r.failed()) {
                clear();
                err.println("FAILED " + r.batchCase().describe() + ": " + r.error());
            }
            draw(p);
        } else {
            err.println("radtab extract: " + p.done() + "/" + p.toExtract() + " " + (r.failed() ? "FAILED " : "ok ")
                + r.batchCase().describe() + " in " + seconds(r.duration()) + (r.failed() ? ": " + r.error() : "")
                + "; " + p.failed() + " failed; elapsed " + time(p.elapsed()) + ", ETA "
                + p.eta().map(ExtractProgress::time).orElse("?"));
        }
        err.flush();
    }

    @Override
    public void batchFinished(BatchSummary s) {
        if (terminal && lastWidth > 0) {
            err.println();
            err.flush();
        }
    }

    /** The bar line for a progress state (without the leading carriage return). */
    static String bar(BatchProgress p) {
        int filled = (int) Math.round(p.fraction() * BAR);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < BAR; i++) {
            sb.append(i < filled ? '#' : '-');
        }
        sb.append("]  ").append(p.done()).append('/').append(p.toExtract()).append(" cases");
        if (p.failed() > 0) {
            sb.append("  ").append(p.failed()).append(" failed");
        }
        sb.append("  elapsed ").append(time(p.elapsed()));
        sb.append("  ETA ").append(p.eta().map(ExtractProgress::time).orElse("?"));
        return sb.toString();
    }

    private void draw(BatchProgress p) {
        String line = bar(p);
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            sb.append(' ');
        }
        err.print(sb);
        lastWidth = line.length();
    }

    private void clear() {
        StringBuilder sb = new StringBuilder("\r");
        for (int i = 0; i < lastWidth; i++) {
            sb.append(' ');
        }
        err.print(sb.append('\r'));
        lastWidth = 0;
    }

    /** {@code m:ss}, or {@code h:mm:ss} from one hour. */
    static String time(Duration d) {
        long s = Math.round(d.toMillis() / 1000.0);
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
