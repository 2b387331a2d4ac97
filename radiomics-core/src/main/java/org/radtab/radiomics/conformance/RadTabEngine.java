package org.radtab.radiomics.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.feature.FirstOrderFamily;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.filter.Ibsi2Phase1;
import org.radtab.radiomics.filter.Ibsi2Phase2;
import org.radtab.radiomics.filter.ImageFilter;
import org.radtab.radiomics.preprocess.IbsiPreprocessing;
import org.radtab.radiomics.preprocess.Interpolator;
import org.radtab.radiomics.image.BoundingBox;
import org.radtab.radiomics.image.Geometry;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.OutputCast;

/**
 * RadTab's own feature and filter code behind the conformance harness: PyRadiomics baseline
 * columns through {@link FeatureExtractor} with the column's settings, and IBSI 2 phase-1
 * response maps through the {@link Ibsi2Phase1} filter table.
 */
public final class RadTabEngine implements ConformanceEngine {

    @Override
    public String name() {
        return "RadTab";
    }

    @Override
    public Map<String, Double> pyradiomics(PyRadiomicsRequest r) throws Exception {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("setting", r.settings());
        top.put("imageType", r.imageTypes());
        top.put("featureClass", Map.of(r.featureClass(), List.of()));
        RadiomicsSettings settings = RadiomicsSettings.fromMap(top, r.column());
        OutputCast cast = OutputCast.forPixelType(ImageIO.storedPixelType(r.imageFile()));
        FeatureVector v = new FeatureExtractor(settings).extract(r.image(), r.mask(), cast);
        return v.asMap();
    }

    @Override
    public Map<String, Double> ibsi1(Ibsi1Request r) {
        IbsiExtractor.Config config = r.ibsiCase() == Ibsi1Case.DIGITAL_PHANTOM
            ? IbsiExtractor.Config.digitalPhantom() : IbsiExtractor.Config.ctPhantom(r.ibsiCase().configuration());
        return new IbsiExtractor(config).extract(r.image(), r.mask());
    }

    /**
     * IBSI 2 phase 2: re-segment the (interpolated, for B) CT phantom to [-1000, 400] HU on the
     * unfiltered image, filter the whole image, and take the intensity statistics of the filtered
     * values at the re-segmented ROI voxels.
     */
    @Override
    public Map<String, Double> ibsi2Phase2(Ibsi2Phase2Request r) {
        Optional<ImageFilter> filter = Ibsi2Phase2.filter(r.filter(), r.configuration());
        if (filter.isEmpty()) {
            return Map.of();
        }
        IbsiPreprocessing.Settings pre = IbsiPreprocessing.Settings.none().withRange(-1000, 400);
        if (Character.toUpperCase(r.configuration()) == 'B') {
            pre = pre.withInterpolation(new double[] {1, 1, 1}, Interpolator.BSPLINE_IBSI, true);
        }
        RoiImage roi = IbsiPreprocessing.run(r.image(), r.mask(), pre).roi();
        Geometry g = roi.geometry();
        BoundingBox region = BoundingBox.ofMask(roi.intensityMask(), g.nx(), g.ny(), g.nz());
        if (region == null) {
            throw new IllegalArgumentException("the re-segmented ROI is empty");
        }
        Volume filtered = filter.get().apply(roi.image(), region);
        return FirstOrderFamily.ibsi(new RoiImage(filtered, roi.morphologicalMask(), roi.intensityMask()));
    }

    @Override
    public Optional<Volume> ibsi2ResponseMap(Ibsi2Phase1Request r) {
        Ibsi2Phase1 test;
        try {
            test = Ibsi2Phase1.byId(r.testId());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (r.phantomImage() == null) {
            return Optional.empty();
        }
        return Optional.of(test.filter().apply(r.phantomImage()));
    }
}
