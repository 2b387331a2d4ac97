package org.radtab.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radtab.radiomics.RadiomicsSettings;
import org.radtab.radiomics.feature.Aggregation;
import org.radtab.radiomics.feature.GldzmFamily;
import org.radtab.radiomics.feature.GlcmFamily;
import org.radtab.radiomics.feature.GlrlmFamily;
import org.radtab.radiomics.feature.GlszmFamily;
import org.radtab.radiomics.feature.GreyLevelImage;
import org.radtab.radiomics.feature.NgldmFamily;
import org.radtab.radiomics.feature.NgtdmFamily;
import org.radtab.radiomics.feature.TextureFamily;
import org.radtab.radiomics.feature.TextureOptions;
import org.radtab.rbp.cohort.VertebraPhantom;

/**
 * Each texture family, matrix construction and feature derivation together, on two inputs:
 * {@code vertebra} = the synthetic vertebra at 1 mm after the paper's normalisation, bin width 25
 * (the paper's texture input); {@code large} = the same vertebra resampled to about 80k ROI
 * voxels with 48 grey levels. {@code pyradiomics}: PyRadiomics semantics and defaults (13
 * angles, distance 1); {@code ibsi3D}: IBSI 3D aggregation (both 3D methods; GLDZM with the
 * intensity mask as morphological mask). Each call gets a fresh {@link GreyLevelImage} (same
 * arrays), so grids the families share through the image are built in every call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TextureBenchmarks {

    /** The grey-level image of an input. */
    static GreyLevelImage levels(String input) {
        VertebraPhantom.Rendered v = BenchmarkInputs.vertebra(BenchmarkInputs.VERTEBRA);
        GreyLevelImage g = input.equals("vertebra")
            ? BenchmarkInputs.vertebraLevels(BenchmarkInputs.vertebraPreprocessed(v, RadiomicsSettings.paperRbp()))
            : BenchmarkInputs.largeLevels(v);
        System.err.printf("%n%s: %d ROI voxels, %d grey levels present (max level %d), box %dx%dx%d%n", input,
            g.roiVoxelCount(), presentLevels(g), g.maxLevelPresent(), g.nx(), g.ny(), g.nz());
        return g;
    }

    static TextureFamily family(String name) {
        return switch (name) {
            case "glcm" -> new GlcmFamily();
            case "glrlm" -> new GlrlmFamily();
            case "glszm" -> new GlszmFamily();
            case "gldm", "ngldm" -> new NgldmFamily();
            case "ngtdm" -> new NgtdmFamily();
            case "gldzm" -> new GldzmFamily();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** PyRadiomics classes (gldm = NGLDM with alpha 0). */
    @State(Scope.Benchmark)
    public static class PyRadiomicsInput {
        @Param({"vertebra", "large"})
        public String input;
        @Param({"glcm", "glrlm", "glszm", "gldm", "ngtdm"})
        public String family;
        GreyLevelImage source;
        GreyLevelImage levels;
        TextureFamily texture;
        final TextureOptions options = TextureOptions.defaults();

        @Setup
        public void setUp() {
            source = levels(input);
            texture = family(family);
        }

        /** A fresh image per call, so that nothing built from it (padded grids) is reused across calls. */
        @Setup(Level.Invocation)
        public void fresh() {
            levels = copy(source);
        }
    }

    /** IBSI families, 3D aggregation. */
    @State(Scope.Benchmark)
    public static class IbsiInput {
        @Param({"vertebra", "large"})
        public String input;
        @Param({"glcm", "glrlm", "glszm", "gldzm", "ngtdm", "ngldm"})
        public String family;
        GreyLevelImage source;
        GreyLevelImage levels;
        TextureFamily texture;
        final TextureOptions options = TextureOptions.defaults()
            .withAggregations(java.util.EnumSet.of(Aggregation.AVG_3D, Aggregation.MERGED_3D));

        @Setup
        public void setUp() {
            source = levels(input);
            texture = family(family);
        }

        @Setup(Level.Invocation)
        public void fresh() {
            levels = copy(source);
        }
    }

    /** PyRadiomics semantics and default settings (13 angles at distance 1, symmetric GLCM). */
    @Benchmark
    public Map<String, Double> pyradiomics(PyRadiomicsInput s) {
        return s.texture.pyradiomics(s.levels, s.options);
    }

    /** IBSI semantics, 3D aggregation (averaged and merged over the 13 directions). */
    @Benchmark
    public Map<String, Double> ibsi3D(IbsiInput s) {
        return s.texture.ibsi(s.levels, s.options);
    }

    /** The same levels as a new image (with no cached padded grids). */
    static GreyLevelImage copy(GreyLevelImage g) {
        return new GreyLevelImage(g.levels(), g.size(), g.spacing(), g.numLevels());
    }

    static int presentLevels(GreyLevelImage g) {
        boolean[] seen = new boolean[g.maxLevelPresent() + 1];
        int n = 0;
        for (int l : g.levels()) {
            if (l > 0 && !seen[l]) {
                seen[l] = true;
                n++;
            }
        }
        return n;
    }
}
