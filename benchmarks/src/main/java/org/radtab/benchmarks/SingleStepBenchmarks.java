package org.radtab.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.feature.FirstOrderFamily;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.RoiImage;
import org.radtab.radiomics.feature.ShapeFamily;
import org.radtab.radiomics.filter.GradientMagnitude;
import org.radtab.radiomics.filter.PyRadiomicsWavelet;
import org.radtab.radiomics.filter.RecursiveLaplacianOfGaussian;
import org.radtab.radiomics.image.Volume;
import org.radtab.radiomics.preprocess.Discretiser;
import org.radtab.radiomics.preprocess.PyRadiomicsPreprocessing;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * The single steps of the paper's extraction on the synthetic vertebra: preprocessing
 * (normalisation and 1 mm B-spline resampling of image and mask), the filters on the resampled
 * image (LoG at 1, 3, 5 mm; the 8 coif1 wavelet bands; gradient magnitude), cropping and
 * discretisation, shape (marching-cubes mesh, hull, diameters) and first order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SingleStepBenchmarks {
    private VertebraPhantom.Rendered vertebra;
    private RadiomicsSettings paper;
    private PyRadiomicsPreprocessing.Result prep;
    private RoiImage roi;
    private GreyLevelImage levels;
    private final PyRadiomicsWavelet wavelet = new PyRadiomicsWavelet(PyRadiomicsWavelet.Parameters.defaults());
    private final GradientMagnitude gradient = new GradientMagnitude(true);
    private final List<RecursiveLaplacianOfGaussian> log = List.of(RecursiveLaplacianOfGaussian.pyRadiomics(1),
        RecursiveLaplacianOfGaussian.pyRadiomics(3), RecursiveLaplacianOfGaussian.pyRadiomics(5));

    @Setup
    public void setUp() {
        vertebra = BenchmarkInputs.vertebra(BenchmarkInputs.VERTEBRA);
        paper = RadiomicsSettings.paperRbp();
        prep = BenchmarkInputs.vertebraPreprocessed(vertebra, paper);
        roi = prep.roi();
        levels = BenchmarkInputs.vertebraLevels(prep);
        int[] s = prep.image().geometry().size();
        System.err.printf("%nresampled image %dx%dx%d, ROI box %s, %d ROI voxels%n", s[0], s[1], s[2],
            java.util.Arrays.toString(roi.geometry().size()), roi.intensityVoxelCount());
    }

    /** Normalisation, B-spline resampling to 1 mm (image) and nearest-neighbour (mask), ROI checks. */
    @Benchmark
    public PyRadiomicsPreprocessing.Result preprocess() {
        return BenchmarkInputs.vertebraPreprocessed(vertebra, paper);
    }

    /** LoG at sigma 1, 3 and 5 mm on the resampled (padded) image. */
    @Benchmark
    public void logThreeSigmas(Blackhole bh) {
        for (RecursiveLaplacianOfGaussian f : log) {
            bh.consume(f.apply(prep.image()));
        }
    }

    /**
     * LoG at sigma 1, 3 and 5 mm as the extraction runs it: the response on the ROI box only
     * ({@code applyWithin}: later passes skip lines and line ends that the box does not need).
     */
    @Benchmark
    public void logThreeSigmasRoiBox(Blackhole bh) {
        for (RecursiveLaplacianOfGaussian f : log) {
            bh.consume(f.applyWithin(prep.image(), prep.boundingBox()));
        }
    }

    /** The 8 wavelet sub-bands as the extraction computes them: on the ROI box only. */
    @Benchmark
    public LinkedHashMap<String, Volume> wavelet8BandsRoiBox() {
        return wavelet.applyAllWithin(prep.image(), prep.boundingBox());
    }

    /** The 8 undecimated coif1 sub-bands (level 1). */
    @Benchmark
    public LinkedHashMap<String, Volume> wavelet8Bands() {
        return wavelet.applyAll(prep.image());
    }

    /** Gradient magnitude (with spacing). */
    @Benchmark
    public Volume gradient() {
        return gradient.apply(prep.image());
    }

    /** Crop a derived image to the ROI box and discretise it (bin width 25): once per derived image. */
    @Benchmark
    public GreyLevelImage cropAndDiscretise() {
        return Discretiser.pyradiomicsBinWidth(prep.crop(prep.image()), 25);
    }

    /** The 14 PyRadiomics shape features. */
    @Benchmark
    public Map<String, Double> shape() {
        return ShapeFamily.pyradiomics(roi);
    }

    /** The 18 PyRadiomics first-order features. */
    @Benchmark
    public Map<String, Double> firstOrder() {
        return FirstOrderFamily.pyradiomics(roi, levels, 0);
    }
}
