package org.radtab.radiomics.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.radtab.radiomics.conformance.PyRadiomicsBaseline;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.feature.TextureOptions;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;

/**
 * Test support: prepares a PyRadiomics baseline configuration (a column of the baseline CSVs)
 * without resampling, following PyRadiomics' order (normalise the whole image, crop to the
 * label's bounding box, re-segment, discretise). Independent of the production extractor so that
 * feature families can be checked against the baseline on their own. Configurations that
 * resample ({@code _resampling}) are not handled here. The baseline tables themselves are read
 * with the main reader, {@link PyRadiomicsBaseline}.
 */
public final class BaselineCases {
    private static PyRadiomicsBaseline baseline;

    private BaselineCases() {
    }

    /** The PyRadiomics baseline tables of the conformance data ({@code pyradiomics/baseline}), read once. */
    public static synchronized PyRadiomicsBaseline baseline() throws IOException {
        if (baseline == null) {
            baseline = PyRadiomicsBaseline.read(TestData.file("pyradiomics/baseline"));
        }
        return baseline;
    }

    /**
     * The columns of {@code featureClass}'s table whose test-case image is in the conformance data
     * (brain1, brain2, breast1; the lung cases are absent), in file order.
     */
    public static List<String> availableColumns(String featureClass) throws IOException {
        PyRadiomicsBaseline b = baseline();
        Path dir = TestData.dir().resolve("pyradiomics");
        List<String> out = new ArrayList<>();
        for (String column : b.columns(featureClass)) {
            if (Files.exists(dir.resolve(b.testCase(column) + "_image.nrrd"))) {
                out.add(column);
            }
        }
        return out;
    }

    /** A prepared case: the cropped ROI and its settings. */
    public record Prepared(RoiImage roi, Map<String, Object> settings) {

        /** Discretised with the column's binWidth (default 25) or binCount. */
        public GreyLevelImage greyLevels() {
            Object binCount = settings.get("binCount");
            if (binCount != null) {
                return Discretiser.pyradiomicsBinCount(roi, ((Number) binCount).intValue());
            }
            Object bw = settings.get("binWidth");
            return Discretiser.pyradiomicsBinWidth(roi, bw == null ? 25.0 : ((Number) bw).doubleValue());
        }

        /** Texture options from the column's settings. */
        public TextureOptions textureOptions() {
            TextureOptions o = TextureOptions.defaults();
            Object d = settings.get("distances");
            if (d instanceof List) {
                List<?> l = (List<?>) d;
                int[] dist = new int[l.size()];
                for (int i = 0; i < dist.length; i++) {
                    dist[i] = ((Number) l.get(i)).intValue();
                }
                o = o.withDistances(dist);
            }
            if (Boolean.TRUE.equals(settings.get("force2D"))) {
                Object dim = settings.get("force2Ddimension");
                o = o.withForce2D(true, dim == null ? 0 : ((Number) dim).intValue());
            }
            if (settings.get("weightingNorm") != null) {
                o = o.withWeightingNorm((String) settings.get("weightingNorm"));
            }
            if (settings.get("gldm_a") != null) {
                o = o.withGldmAlpha(((Number) settings.get("gldm_a")).intValue());
            }
            if (settings.get("symmetricalGLCM") != null) {
                o = o.withSymmetricalGlcm((Boolean) settings.get("symmetricalGLCM"));
            }
            return o;
        }
    }

    /**
     * Prepares {@code column} with its settings in {@code featureClass}'s table.
     *
     * @throws IllegalArgumentException for a configuration that resamples
     */
    public static Prepared prepare(String featureClass, String column) throws IOException {
        Map<String, Object> s = baseline().settings(featureClass, column);
        if (s.get("resampledPixelSpacing") != null) {
            throw new IllegalArgumentException(column + " resamples; BaselineCases does not");
        }
        String testCase = baseline().testCase(column);
        Path dir = TestData.dir().resolve("pyradiomics");
        Volume image = ImageIO.readVolume(dir.resolve(testCase + "_image.nrrd"));
        Mask mask = ImageIO.readMask(dir.resolve(testCase + "_label.nrrd"));
        int label = s.get("label") == null ? 1 : ((Number) s.get("label")).intValue();
        mask.requireSameGrid(image, 1e-4);

        if (Boolean.TRUE.equals(s.get("normalize"))) {
            image = normalise(image, s);
        }
        BoundingBox box = mask.boundingBox(label);
        Volume img = image.crop(box);
        Mask m = mask.crop(box);
        boolean[] morph = new boolean[m.labels().length];
        for (int n = 0; n < morph.length; n++) {
            morph[n] = m.labels()[n] == label;
        }
        boolean[] intensity = morph;
        Object range = s.get("resegmentRange");
        if (range != null) {
            intensity = resegment(img, morph, (List<?>) range, (String) s.getOrDefault("resegmentMode", "absolute"));
            // PyRadiomics re-crops to the bounding box of the re-segmented mask
            int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
            int[] hi = {-1, -1, -1};
            int nx = img.geometry().nx();
            int ny = img.geometry().ny();
            for (int n = 0; n < intensity.length; n++) {
                if (intensity[n]) {
                    int[] ijk = {n % nx, n / nx % ny, n / nx / ny};
                    for (int a = 0; a < 3; a++) {
                        lo[a] = Math.min(lo[a], ijk[a]);
                        hi[a] = Math.max(hi[a], ijk[a]);
                    }
                }
            }
            BoundingBox rb = new BoundingBox(lo, hi);
            Mask im = Mask.of(img.geometry(), intensity).crop(rb);
            Mask mm = Mask.of(img.geometry(), morph).crop(rb);
            img = img.crop(rb);
            intensity = toBool(im);
            morph = toBool(mm);
        }
        return new Prepared(new RoiImage(img, morph, intensity), s);
    }

    private static boolean[] toBool(Mask m) {
        boolean[] b = new boolean[m.labels().length];
        for (int n = 0; n < b.length; n++) {
            b[n] = m.labels()[n] != 0;
        }
        return b;
    }

    /** Whole-image z-score with the sample SD, clip to +-removeOutliers, times normalizeScale. */
    private static Volume normalise(Volume image, Map<String, Object> s) {
        double[] d = image.data();
        double mean = 0;
        for (double v : d) {
            mean += v;
        }
        mean /= d.length;
        double ss = 0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (d.length - 1));
        double scale = s.get("normalizeScale") == null ? 1 : ((Number) s.get("normalizeScale")).doubleValue();
        Object out = s.get("removeOutliers");
        double[] r = new double[d.length];
        for (int n = 0; n < d.length; n++) {
            double z = (d[n] - mean) / sd;
            if (out != null) {
                double k = ((Number) out).doubleValue();
                z = Math.max(-k, Math.min(k, z));
            }
            r[n] = z * scale;
        }
        return image.withData(r);
    }

    private static boolean[] resegment(Volume img, boolean[] roi, List<?> range, String mode) {
        double[] d = img.data();
        double[] t = new double[range.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = ((Number) range.get(i)).doubleValue();
        }
        java.util.Arrays.sort(t);
        if (mode.equals("sigma")) {
            double mean = 0;
            int n = 0;
            for (int i = 0; i < d.length; i++) {
                if (roi[i]) {
                    mean += d[i];
                    n++;
                }
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < d.length; i++) {
                if (roi[i]) {
                    ss += (d[i] - mean) * (d[i] - mean);
                }
            }
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < t.length; i++) {
                t[i] = mean + t[i] * sd;
            }
        } else if (mode.equals("relative")) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d.length; i++) {
                if (roi[i]) {
                    max = Math.max(max, d[i]);
                }
            }
            for (int i = 0; i < t.length; i++) {
                t[i] *= max;
            }
        }
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = roi[i] && d[i] >= t[0] && (t.length < 2 || d[i] <= t[1]);
        }
        return out;
    }
}
