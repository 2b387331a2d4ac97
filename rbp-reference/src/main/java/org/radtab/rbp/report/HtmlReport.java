package org.radtab.rbp.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML report (inline CSS and SVG, no scripts, no network): headings,
 * paragraphs, tables and figures, in the order they are added.
 */
public final class HtmlReport {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private int figures;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(int level, String text) {
        int l = Math.max(1, Math.min(4, level));
        String id = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        body.append("<h").append(l).append(" id=\"").append(id).append("\">").append(Svg.escape(text)).append("</h")
            .append(l).append(">\n");
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(Svg.escape(text)).append("</p>\n");
        return this;
    }

    /** A table; the first row is the header. */
    public HtmlReport table(String caption, List<List<String>> rows) {
        body.append("<table>\n");
        if (caption != null) {
            body.append("<caption>").append(Svg.escape(caption)).append("</caption>\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            body.append("<tr>");
            for (String c : rows.get(r)) {
                String tag = r == 0 ? "th" : "td";
                body.append('<').append(tag).append('>').append(Svg.escape(c == null ? "" : c)).append("</")
                    .append(tag).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A figure holding one or more SVG charts side by side, with a numbered caption. */
    public HtmlReport figure(String caption, List<String> svgs) {
        figures++;
        body.append("<figure class=\"fig\" id=\"figure-").append(figures).append("\">\n<div class=\"row\">\n");
        for (String s : svgs) {
            body.append("<div class=\"chart\">").append(s).append("</div>\n");
        }
        body.append("</div>\n<figcaption>Figure ").append(figures).append(". ").append(Svg.escape(caption))
            .append("</figcaption>\n</figure>\n");
        return this;
    }

    /** Preformatted text (settings, versions). */
    public HtmlReport pre(String text) {
        body.append("<pre>").append(Svg.escape(text)).append("</pre>\n");
        return this;
    }

    public String toHtml() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Svg.escape(title)
            + "</title>\n<style>\n"
            + "body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}\n"
            + "table{border-collapse:collapse;margin:1em 0;font-size:13px}\n"
            + "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}\n"
            + "th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}\n"
            + "caption{caption-side:top;text-align:left;font-weight:bold;padding:4px 0}\n"
            + ".row{display:flex;flex-wrap:wrap;gap:12px}.fig{margin:1.5em 0}\n"
            + "figcaption{font-size:13px;color:#444;margin-top:4px}pre{background:#f7f7f7;padding:8px;font-size:12px;"
            + "overflow-x:auto}\n</style>\n</head>\n<body>\n<h1>" + Svg.escape(title) + "</h1>\n" + body
            + "</body>\n</html>\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
    }
}
