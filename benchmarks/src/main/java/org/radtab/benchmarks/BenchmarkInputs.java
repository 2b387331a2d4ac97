package org.radtab.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.conformance.ConformanceData;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.image.Mask;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.io.ImageIO;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.preprocess.OutputCast;
import org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing;
import org.radtab.rbp.cohort.CohortGenerator;
import org.radtab.rbp.cohort.Patient;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * The realistic inputs of the benchmarks, built deterministically:
 * <ul>
 *   <li>a synthetic vertebra: patient {@link #VERTEBRA} of the cohort generated with seed
 *       {@link #SEED} (856 patients, 102 events), reader 1's mask, 93 x 79 x 16 voxels at
 *       0.7 x 0.7 x 3 mm, int16 HU values; at 1 mm its ROI has 41 754 voxels in a 49 x 39 x 30 box
 *       (the first 40 patients: median 31 809, range 13 167 - 57 558);</li>
 *   <li>PyRadiomics' brain1 and the IBSI 1 CT phantom from the conformance data folder
 *       ({@link ConformanceData#locate()}, e.g. {@code -Dradtab.conformance.dir=...}): a benchmark
 *       that needs them fails in its setup with a message saying the data is absent.</li>
 * </ul>
 */
public final class BenchmarkInputs {
    /** Seed of the synthetic cohort. */
    public static final long SEED = 20250101L;
    /** The cohort patient used as "the vertebra" (RBP-0002). */
    public static final int VERTEBRA = 1;
    /** ROI voxel count of the large texture input. */
    public static final int LARGE_ROI_VOXELS = 80_000;
    /** Grey levels (PyRadiomics binCount) of the large texture input. */
    public static final int LARGE_BIN_COUNT = 48;

    private BenchmarkInputs() {
    }

    /** The synthetic vertebra CT and reader-1 mask of cohort patient {@code index}. */
    public static VertebraPhantom.Rendered vertebra(int index) {
        List<Patient> cohort = new CohortGenerator().generate(SEED, CohortGenerator.PAPER_PATIENTS,
            CohortGenerator.PAPER_EVENTS);
        return VertebraPhantom.render(cohort.get(index));
    }

    /** The paper's settings' preprocessing (normalise, 1 mm B-spline) of a vertebra, int16 source. */
    public static PyRadiomicsPreprocessing.Result vertebraPreprocessed(VertebraPhantom.Rendered v, RadiomicsSettings s) {
        PyRadiomicsPreprocessing.Settings pre = PyRadiomicsPreprocessing.Settings.fromPyRadiomics(s.settings())
            .withSourcePixelType(OutputCast.INT16);
        return PyRadiomicsPreprocessing.run(v.ct(), v.reader1(), pre);
    }

    /** Vertebra 0 preprocessed with the paper's settings (1 mm) and discretised with bin width 25. */
    public static GreyLevelImage vertebraLevels(PyRadiomicsPreprocessing.Result prep) {
        return Discretiser.pyradiomicsBinWidth(prep.roi(), 25);
    }

    /**
     * Vertebra 0 resampled to the isotropic spacing that gives about {@link #LARGE_ROI_VOXELS} ROI
     * voxels, normalised as in the paper, discretised into {@link #LARGE_BIN_COUNT} bins.
     */
    public static GreyLevelImage largeLevels(VertebraPhantom.Rendered v) {
        int at1mm = vertebraPreprocessed(v, RadiomicsSettings.paperRbp()).roi().intensityVoxelCount();
        double s = Math.cbrt((double) at1mm / LARGE_ROI_VOXELS);
        RadiomicsSettings fine = RadiomicsSettings.paperRbp().with(Map.of("resampledPixelSpacing", List.of(s, s, s)));
        return Discretiser.pyradiomicsBinCount(vertebraPreprocessed(v, fine).roi(), LARGE_BIN_COUNT);
    }

    /** An image and mask read from the conformance data, with the image's stored pixel type. */
    public record Case(Volume image, Mask mask, OutputCast cast) {
    }

    /** PyRadiomics' brain1 case. */
    public static Case brain1() {
        return read("pyradiomics/brain1_image.nrrd", "pyradiomics/brain1_label.nrrd");
    }

    /** The IBSI 1 CT phantom (radiomics phantom, lung tumour ROI). */
    public static Case ctPhantom() {
        return read("ibsi1/ct_phantom/image.nii.gz", "ibsi1/ct_phantom/mask.nii.gz");
    }

    private static Case read(String image, String mask) {
        Path dir = ConformanceData.locate().orElseThrow(() -> new IllegalStateException(
            "conformance data absent: benchmark skipped (set -D" + ConformanceData.PROPERTY
                + "=<folder with ibsi1/ and pyradiomics/>, or run from the repository beside ../shared/data)"));
        Path img = dir.resolve(image);
        Path msk = dir.resolve(mask);
        if (!Files.isRegularFile(img) || !Files.isRegularFile(msk)) {
            throw new IllegalStateException(img + " or " + msk + " absent: benchmark skipped");
        }
        try {
            return new Case(ImageIO.readVolume(img), ImageIO.readMask(msk),
                OutputCast.forPixelType(ImageIO.storedPixelType(img)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
