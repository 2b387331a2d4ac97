package org.radtab.rbp.report;

import java.util.List;
import java.util.Locale;

/**
 * The report's figures as SVG: line charts (ROC, calibration, decision curves), horizontal bar
 * charts (feature importance), a correlation heatmap, confusion matrices and a PCA scree plot.
 * Every chart is self-contained SVG text.
 */
public final class Charts {
    /** Colour-blind-safe palette (Okabe-Ito). */
    public static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
        "#F0E442", "#000000"};

    private static final int W = 520;
    private static final int H = 400;
    private static final int ML = 62;
    private static final int MR = 20;
    private static final int MT = 36;
    private static final int MB = 52;
    private static final int LEGEND = 190;

    private Charts() {
    }

    /** One curve of a line chart. */
    public record Series(String name, double[] x, double[] y, boolean dashed) {
        public Series(String name, double[] x, double[] y) {
            this(name, x, y, false);
        }
    }

    /**
     * A line chart with axes, ticks, a legend and an optional dashed diagonal (y = x).
     *
     * @param xRange {min, max} of the x axis, or null to fit the data
     * @param yRange {min, max} of the y axis, or null to fit the data
     */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series,
                                   double[] xRange, double[] yRange, boolean diagonal) {
        double[] xr = xRange != null ? xRange : range(series, true);
        double[] yr = yRange != null ? yRange : range(series, false);
        Svg svg = new Svg(W + LEGEND, H);
        Frame f = new Frame(xr, yr);
        axes(svg, f, title, xLabel, yLabel);
        if (diagonal) {
            double lo = Math.max(xr[0], yr[0]);
            double hi = Math.min(xr[1], yr[1]);
            svg.line(f.px(lo), f.py(lo), f.px(hi), f.py(hi), "#999", 1, "4,4");
        }
        int legendY = MT + 8;
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String colour = PALETTE[s % PALETTE.length];
            double[] px = new double[se.x().length];
            double[] py = new double[se.y().length];
            for (int i = 0; i < px.length; i++) {
                px[i] = f.px(clamp(se.x()[i], xr));
                py[i] = f.py(clamp(se.y()[i], yr));
            }
            svg.polyline(px, py, colour, 2, se.dashed() ? "6,3" : null);
            double lx = W + 4; // legend outside the plot area, so it never hides a curve
            svg.line(lx, legendY, lx + 18, legendY, colour, 2.5, se.dashed() ? "6,3" : null);
            svg.text(lx + 24, legendY + 4, se.name(), 11, "start");
            legendY += 16;
        }
        return svg.toSvg(title);
    }

    /** Horizontal bars, largest first as given (e.g. top-10 feature importance). */
    public static String barChart(String title, String xLabel, List<String> labels, double[] values) {
        int rowH = 22;
        int labelW = 300;
        int h = MT + rowH * labels.size() + MB;
        int w = 760;
        Svg svg = new Svg(w, h);
        svg.text(w / 2.0, 20, title, 14, "middle");
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (max <= 0) {
            max = 1;
        }
        double plotW = w - labelW - 70;
        for (int i = 0; i < labels.size(); i++) {
            double y = MT + i * rowH;
            double bw = plotW * Math.max(0, values[i]) / max;
            svg.text(labelW - 6, y + rowH * 0.65, shorten(labels.get(i), 48), 11, "end");
            svg.rect(labelW, y + 3, bw, rowH - 6, PALETTE[0], null, labels.get(i) + ": " + fmt(values[i]));
            svg.text(labelW + bw + 4, y + rowH * 0.65, fmt(values[i]), 10, "start");
        }
        svg.text(labelW + plotW / 2, h - 14, xLabel, 12, "middle");
        return svg.toSvg(title);
    }

    /** A symmetric matrix as a heatmap with a blue-white-red scale over [-1, 1]. */
    public static String heatmap(String title, List<String> labels, double[][] m) {
        int n = labels.size();
        int cell = Math.max(8, Math.min(28, 560 / Math.max(1, n)));
        int labelW = 240;
        int w = labelW + n * cell + 90;
        int h = MT + n * cell + 20;
        Svg svg = new Svg(w, h);
        svg.text(w / 2.0, 20, title, 14, "middle");
        for (int i = 0; i < n; i++) {
            svg.text(labelW - 4, MT + i * cell + cell * 0.7, shorten(labels.get(i), 40), Math.min(11, cell * 0.8),
                "end");
            for (int j = 0; j < n; j++) {
                svg.rect(labelW + j * cell, MT + i * cell, cell, cell, diverging(m[i][j]), "#fff",
                    labels.get(i) + " / " + labels.get(j) + ": " + fmt(m[i][j]));
            }
        }
        // colour bar
        double bx = labelW + n * cell + 24;
        for (int k = 0; k < 20; k++) {
            double v = 1 - k / 19.5 * 2;
            svg.rect(bx, MT + k * (n * cell / 20.0), 14, n * cell / 20.0 + 0.5, diverging(v), null);
        }
        svg.text(bx + 18, MT + 8, "+1", 10, "start");
        svg.text(bx + 18, MT + n * cell / 2.0 + 4, "0", 10, "start");
        svg.text(bx + 18, MT + n * cell, "-1", 10, "start");
        return svg.toSvg(title);
    }

    /** A 2 x 2 confusion matrix (rows: actual, columns: predicted) with counts and shares. */
    public static String confusionMatrix(String title, long tn, long fp, long fn, long tp) {
        int w = 300;
        int h = 270;
        Svg svg = new Svg(w, h);
        svg.text(w / 2.0, 20, title, 13, "middle");
        long[][] c = {{tn, fp}, {fn, tp}};
        long total = tn + fp + fn + tp;
        long max = Math.max(Math.max(tn, fp), Math.max(fn, tp));
        double x0 = 90;
        double y0 = 50;
        double s = 90;
        String[] names = {"no RBP", "RBP"};
        for (int i = 0; i < 2; i++) {
            svg.text(x0 - 8, y0 + i * s + s / 2 + 4, names[i], 11, "end");
            svg.text(x0 + i * s + s / 2, y0 + 2 * s + 18, names[i], 11, "middle");
            for (int j = 0; j < 2; j++) {
                double share = max == 0 ? 0 : (double) c[i][j] / max;
                int shade = (int) Math.round(245 - 170 * share);
                String fill = String.format(Locale.ROOT, "rgb(%d,%d,%d)", shade, Math.min(255, shade + 10), 255);
                svg.rect(x0 + j * s, y0 + i * s, s, s, fill, "#fff");
                svg.text(x0 + j * s + s / 2, y0 + i * s + s / 2, Long.toString(c[i][j]), 18, "middle", 0,
                    share > 0.6 ? "#fff" : "#222");
                svg.text(x0 + j * s + s / 2, y0 + i * s + s / 2 + 18,
                    total == 0 ? "" : String.format(Locale.ROOT, "%.1f%%", 100.0 * c[i][j] / total), 10, "middle", 0,
                    share > 0.6 ? "#fff" : "#444");
            }
        }
        svg.text(x0 + s, y0 + 2 * s + 36, "predicted", 11, "middle");
        svg.text(20, y0 + s, "actual", 11, "middle", -90, "#222");
        return svg.toSvg(title);
    }

    /** PCA explained variance: bars per component and the cumulative share as a line. */
    public static String scree(String title, double[] explainedRatio) {
        int n = explainedRatio.length;
        Svg svg = new Svg(W, H);
        Frame f = new Frame(new double[] {0.5, n + 0.5}, new double[] {0, 1});
        axes(svg, f, title, "principal component", "explained variance ratio");
        double cum = 0;
        double[] px = new double[n];
        double[] py = new double[n];
        double bw = (W - ML - MR) / (double) n * 0.7;
        for (int i = 0; i < n; i++) {
            double x = f.px(i + 1);
            svg.rect(x - bw / 2, f.py(explainedRatio[i]), bw, f.py(0) - f.py(explainedRatio[i]), PALETTE[0], null,
                "PC" + (i + 1) + ": " + fmt(explainedRatio[i]));
            cum += explainedRatio[i];
            px[i] = x;
            py[i] = f.py(Math.min(1, cum));
        }
        svg.polyline(px, py, PALETTE[1], 2, null);
        svg.text(W - MR - 8, MT + 14, "cumulative", 11, "end", 0, PALETTE[1]);
        return svg.toSvg(title);
    }

    private static final class Frame {
        final double[] xr;
        final double[] yr;

        Frame(double[] xr, double[] yr) {
            this.xr = xr[1] > xr[0] ? xr : new double[] {xr[0] - 0.5, xr[0] + 0.5};
            this.yr = yr[1] > yr[0] ? yr : new double[] {yr[0] - 0.5, yr[0] + 0.5};
        }

        double px(double x) {
            return ML + (x - xr[0]) / (xr[1] - xr[0]) * (W - ML - MR);
        }

        double py(double y) {
            return H - MB - (y - yr[0]) / (yr[1] - yr[0]) * (H - MT - MB);
        }
    }

    private static void axes(Svg svg, Frame f, String title, String xLabel, String yLabel) {
        svg.text(W / 2.0, 20, title, 14, "middle");
        svg.rect(ML, MT, W - ML - MR, H - MT - MB, "#fff", "#444");
        for (double t : ticks(f.xr[0], f.xr[1])) {
            svg.line(f.px(t), H - MB, f.px(t), H - MB + 5, "#444", 1, null);
            svg.line(f.px(t), MT, f.px(t), H - MB, "#eee", 1, null);
            svg.text(f.px(t), H - MB + 18, fmt(t), 10, "middle");
        }
        for (double t : ticks(f.yr[0], f.yr[1])) {
            svg.line(ML - 5, f.py(t), ML, f.py(t), "#444", 1, null);
            svg.line(ML, f.py(t), W - MR, f.py(t), "#eee", 1, null);
            svg.text(ML - 8, f.py(t) + 3, fmt(t), 10, "end");
        }
        svg.text(ML + (W - ML - MR) / 2.0, H - 12, xLabel, 12, "middle");
        svg.text(16, MT + (H - MT - MB) / 2.0, yLabel, 12, "middle", -90, "#222");
    }

    /** "Nice" tick positions (1, 2, 5 x 10^k steps), about 5 of them. */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return new double[] {lo};
        }
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double start = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - start) / step + 1e-9) + 1;
        double[] t = new double[Math.max(1, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = start + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    private static double[] range(List<Series> series, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            return new double[] {0, 1};
        }
        return new double[] {lo, hi};
    }

    private static double clamp(double v, double[] r) {
        return Double.isFinite(v) ? Math.max(r[0], Math.min(r[1], v)) : r[0];
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return String.format(Locale.ROOT, a < 10 ? "%.3f" : "%.1f", v).replaceAll("\\.?0+$", "");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** Blue (-1) - white (0) - red (+1). */
    static String diverging(double v) {
        double t = Double.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
        int r;
        int g;
        int b;
        if (t >= 0) {
            r = 255;
            g = (int) Math.round(255 - 175 * t);
            b = (int) Math.round(255 - 200 * t);
        } else {
            r = (int) Math.round(255 + 200 * t);
            g = (int) Math.round(255 + 120 * t);
            b = 255;
        }
        return String.format(Locale.ROOT, "rgb(%d,%d,%d)", r, g, b);
    }
}
