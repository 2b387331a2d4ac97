package org.radtab.radiomics.conformance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radtab.radiomics.FeatureExtractor;
import org.radtab.radiomics.FeatureVector;
import org.radtab.radiomics.IbsiExtractor;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.filter.Ibsi2Phase1;
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
