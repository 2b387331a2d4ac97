package org.radtab.rbp.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ChartsTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void niceTicks() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}, Charts.ticks(0, 1), 1e-12);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, Charts.ticks(0, 100), 1e-9);
        assertArrayEquals(new double[] {-0.1, 0, 0.1, 0.2, 0.3}, Charts.ticks(-0.12, 0.33), 1e-12);
    }

    @Test
    void chartsAreWellFormedSvgWithTheirElements() throws Exception {
        String roc = Charts.lineChart("ROC <test> & more", "1 - specificity", "sensitivity",
            List.of(new Charts.Series("A (AUROC 0.9)", new double[] {0, 0.1, 1}, new double[] {0, 0.8, 1}),
                new Charts.Series("B", new double[] {0, 1}, new double[] {0, 1}, true)),
            new double[] {0, 1}, new double[] {0, 1}, true);
        Document d = parse(roc);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals(2, d.getElementsByTagName("polyline").getLength());
        assertTrue(roc.contains("ROC &lt;test&gt; &amp; more"));

        Document bar = parse(Charts.barChart("Importance", "share", List.of("a", "b", "c"), new double[] {0.5, 0.3, 0.2}));
        // 3 bars + 0 frame rectangles
        assertEquals(3, bar.getElementsByTagName("rect").getLength());

        Document heat = parse(Charts.heatmap("corr", List.of("x", "y"), new double[][] {{1, -0.5}, {-0.5, 1}}));
        assertTrue(heat.getElementsByTagName("rect").getLength() >= 4);

        Document cm = parse(Charts.confusionMatrix("cm", 50, 5, 3, 12));
        String text = cm.getDocumentElement().getTextContent();
        assertTrue(text.contains("50") && text.contains("12") && text.contains("17.1%"), text);

        Document scree = parse(Charts.scree("pca", new double[] {0.5, 0.3, 0.2}));
        assertEquals(1, scree.getElementsByTagName("polyline").getLength());
    }

    @Test
    void divergingScaleEnds() {
        assertEquals("rgb(255,255,255)", Charts.diverging(0));
        assertEquals("rgb(255,80,55)", Charts.diverging(1));
        assertEquals("rgb(55,135,255)", Charts.diverging(-1));
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        HtmlReport r = new HtmlReport("Study");
        r.heading(2, "Table 2").table("Models", List.of(List.of("model", "AUROC"), List.of("TabNet", "0.93")))
            .figure("ROC", List.of(Charts.scree("pca", new double[] {1})));
        String html = r.toHtml();
        assertTrue(html.contains("<figcaption>Figure 1. ROC</figcaption>"));
        assertTrue(!html.contains("<script") && !html.contains("http://") || html.contains("http://www.w3.org/2000/svg"));
        assertTrue(!html.contains("<script"));
    }
}
