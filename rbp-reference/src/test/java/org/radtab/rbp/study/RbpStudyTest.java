package org.radtab.rbp.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.io.VoxelType;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;
import org.w3c.dom.Document;

/**
 * A small study run (140 patients, 2 x 2-fold searches), checked for internal consistency and
 * determinism, as the full run would be.
 */
class RbpStudyTest {

    @TempDir
    static Path tmp;

    private static RbpStudy.Result first;
    private static Path out1;
    private static Path out2;

    private static StudyConfig tiny(int threads) {
        return new StudyConfig(11, 140, 24, 20, 0.1, 0.85, 0.1, 10, 0.3, 2, 2, StudyConfig.PAPER_MODELS, threads);
    }

    @BeforeAll
    static void runTwice() throws Exception {
        out1 = tmp.resolve("run1");
        out2 = tmp.resolve("run2");
        first = new RbpStudy(tiny(2), StudyListener.SILENT).run(out1);
        new RbpStudy(tiny(1), StudyListener.SILENT).run(out2);
    }

    private static List<String[]> csv(Path f) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    void sameSeedSameTablesWhateverTheThreadCount() throws Exception {
        for (String f : List.of("table1.csv", "table2.csv", "table3.csv", "predictions.csv", "selection.csv")) {
            assertEquals(Files.readString(out1.resolve(f)), Files.readString(out2.resolve(f)), f);
        }
    }

    @Test
    void table2FollowsFromThePredictions() throws Exception {
        List<String[]> pred = csv(out1.resolve("predictions.csv"));
        List<String[]> t2 = csv(out1.resolve("table2.csv"));
        String[] header = pred.get(0);
        for (int m = 1; m < t2.size(); m++) {
            String model = t2.get(m)[0];
            int col = List.of(header).indexOf("p_" + model);
            int tp = 0;
            int tn = 0;
            int fp = 0;
            int fn = 0;
            List<double[]> pos = new ArrayList<>();
            List<double[]> neg = new ArrayList<>();
            for (String[] row : pred.subList(1, pred.size())) {
                int y = Integer.parseInt(row[1]);
                double p = Double.parseDouble(row[col]);
                boolean predicted = p >= 0.5;
                if (y == 1 && predicted) { tp++; }
                if (y == 0 && !predicted) { tn++; }
                if (y == 0 && predicted) { fp++; }
                if (y == 1 && !predicted) { fn++; }
                (y == 1 ? pos : neg).add(new double[] {p});
            }
            int n = tp + tn + fp + fn;
            double acc = (tp + tn) / (double) n;
            double prec = tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
            double rec = tp / (double) (tp + fn);
            double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
            double po = acc;
            double pe = ((tp + fp) / (double) n) * ((tp + fn) / (double) n) + ((tn + fn) / (double) n) * ((tn + fp) / (double) n);
            double kappa = (po - pe) / (1 - pe);
            // AUROC: share of (positive, negative) pairs ranked correctly, ties half
            double wins = 0;
            for (double[] a : pos) {
                for (double[] b : neg) {
                    wins += a[0] > b[0] ? 1 : a[0] == b[0] ? 0.5 : 0;
                }
            }
            double auc = wins / (pos.size() * (double) neg.size());
            String[] r = t2.get(m);
            assertEquals(acc, Double.parseDouble(r[1]), 5e-4, model + " accuracy");
            if (!Double.isNaN(prec)) {
                assertEquals(prec, Double.parseDouble(r[2]), 5e-4, model + " precision");
            }
            assertEquals(rec, Double.parseDouble(r[3]), 5e-4, model + " recall");
            assertEquals(f1, Double.parseDouble(r[4]), 5e-4, model + " F1");
            assertEquals(kappa, Double.parseDouble(r[5]), 5e-4, model + " kappa");
            assertEquals(auc, Double.parseDouble(r[6]), 5e-4, model + " AUROC");
        }
    }

    @Test
    void reportHasEveryFigureWithContent() throws Exception {
        String html = Files.readString(out1.resolve("report.html"));
        Matcher fig = Pattern.compile("<figure.*?</figure>", Pattern.DOTALL).matcher(html);
        int figures = 0;
        while (fig.find()) {
            figures++;
            Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(fig.group());
            int charts = 0;
            while (svg.find()) {
                charts++;
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.group()
                    .getBytes(StandardCharsets.UTF_8)));
                int marks = d.getElementsByTagName("polyline").getLength() + d.getElementsByTagName("rect").getLength();
                assertTrue(marks > 0, "empty chart in figure " + figures);
            }
            assertTrue(charts > 0, "figure " + figures + " has no chart");
        }
        // ROC, calibration + DCA, confusion matrices, correlation + PCA, TabNet importance
        assertEquals(5, figures);
        for (String t : List.of("Table 1", "Table 2", "Table 3", "Time per stage")) {
            assertTrue(html.contains(t), t);
        }
        assertTrue(!html.contains("<script"));
    }

    @Test
    void studyModelPredictsWhatTheStudyPredicted() throws Exception {
        // the first test patient: render the CT, store it as int16 NIfTI, predict with the saved study model
        List<String[]> pred = csv(out1.resolve("predictions.csv"));
        String id = pred.get(1)[0];
        int tabnet = List.of(pred.get(0)).indexOf("p_tabnet");
        double expected = Double.parseDouble(pred.get(1)[tabnet]);
        Patient p = first.patients().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        VertebraPhantom.Rendered r = VertebraPhantom.render(p);
        Path ct = tmp.resolve(id + "_ct.nii.gz");
        Path seg = tmp.resolve(id + "_seg.nii.gz");
        ImageIO.writeVolume(r.ct(), ct, VoxelType.INT16);
        ImageIO.writeMask(r.reader1(), seg);
        StudyModel model = StudyModel.load(out1.resolve("model"));
        Map<String, Double> clinical = new HashMap<>();
        double[] row = ClinicalTable.row(p);
        for (int i = 0; i < row.length; i++) {
            clinical.put(ClinicalTable.columns().get(i), row[i]);
        }
        StudyModel.Prediction got = model.predict(ImageIO.readVolume(ct), ImageIO.readMask(seg),
            OutputCast.forPixelType(ImageIO.storedPixelType(ct)), clinical);
        assertEquals(expected, got.probability(), 1e-9);
        assertTrue(!got.topFeatures().isEmpty());
    }
}
