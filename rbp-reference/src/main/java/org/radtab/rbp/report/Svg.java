package org.radtab.rbp.report;

import java.util.Locale;

/** A minimal SVG document builder (no dependencies): shapes, text and groups, with escaping. */
public final class Svg {
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;

    public Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** XML text escaping. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&#39;"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        body.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
            .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
            .append("\" stroke-width=\"").append(num(width)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append("/>\n");
        return this;
    }

    public Svg polyline(double[] xs, double[] ys, String stroke, double width, String dash) {
        body.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"")
            .append(num(width)).append('"');
        if (dash != null) {
            body.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        body.append(" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                body.append(' ');
            }
            body.append(num(xs[i])).append(',').append(num(ys[i]));
        }
        body.append("\"/>\n");
        return this;
    }

    public Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
            .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            body.append(" stroke=\"").append(stroke).append('"');
        }
        body.append("/>\n");
        return this;
    }

    /** A rectangle with a tooltip. */
    public Svg rect(double x, double y, double w, double h, String fill, String stroke, String title) {
        body.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
            .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            body.append(" stroke=\"").append(stroke).append('"');
        }
        body.append("><title>").append(escape(title)).append("</title></rect>\n");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill) {
        body.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
            .append(num(r)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /**
     * Text at (x, y).
     *
     * @param anchor start, middle or end
     * @param rotate degrees (0 for none), about (x, y)
     */
    public Svg text(double x, double y, String text, double size, String anchor, double rotate, String fill) {
        body.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
            .append(num(size)).append("\" text-anchor=\"").append(anchor).append("\" fill=\"").append(fill).append('"');
        if (rotate != 0) {
            body.append(" transform=\"rotate(").append(num(rotate)).append(' ').append(num(x)).append(' ')
                .append(num(y)).append(")\"");
        }
        body.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    public Svg text(double x, double y, String text, double size, String anchor) {
        return text(x, y, text, size, anchor, 0, "#222");
    }

    /** The complete document (self-contained, inline-able in HTML). */
    public String toSvg(String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
            + "\" viewBox=\"0 0 " + width + " " + height + "\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">"
            + "<title>" + escape(title) + "</title>\n" + body + "</svg>\n";
    }
}
