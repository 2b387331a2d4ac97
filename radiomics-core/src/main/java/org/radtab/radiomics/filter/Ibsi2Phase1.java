package org.radtab.radiomics.filter;

import static org.radtab.radiomics.filter.BoundaryCondition.MIRROR_EDGE_REPEATED;
import static org.radtab.radiomics.filter.BoundaryCondition.NEAREST;
import static org.radtab.radiomics.filter.BoundaryCondition.PERIODIC;
import static org.radtab.radiomics.filter.BoundaryCondition.ZERO;
import static org.radtab.radiomics.filter.FilterDimension.THREE_D;
import static org.radtab.radiomics.filter.FilterDimension.TWO_D;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The IBSI 2 phase-1 tests (digital phantoms, 64^3 voxels of 2 mm) that have a consensus response
 * map (9.b.2, 10.a and 10.b.2 have none), each mapped to its phantom, its reference map file and the filter configuration, in
 * one place for the conformance harness. A test passes when every voxel of the response differs
 * from the reference map by at most 1 % of the reference map's range.
 *
 * <p>Phantom images live in {@code ibsi2/phantoms/<phantom>/image.nii.gz} and reference maps in
 * {@code ibsi2/response_maps/<file>} of the conformance data folder.
 *
 * <p>The Riesz tests pad the image before the DFT (the IBSI consensus did not filter periodically):
 * with zeros for the LoG-based 9.a and 9.b.1 (worst error 4.7e-4 and 3.2e-3 of the range; 4.7e-4
 * and 6.4e-3 without padding), with the edge value for 10.b.1 (1.5e-3).
 */
public enum Ibsi2Phase1 {
    T1_A_1("1.a.1", "checkerboard", "mean, M = 15, 3D, zero padding",
        () -> new MeanFilter(15, THREE_D, ZERO)),
    T1_A_2("1.a.2", "checkerboard", "mean, M = 15, 3D, nearest",
        () -> new MeanFilter(15, THREE_D, NEAREST)),
    T1_A_3("1.a.3", "checkerboard", "mean, M = 15, 3D, periodic",
        () -> new MeanFilter(15, THREE_D, PERIODIC)),
    T1_A_4("1.a.4", "checkerboard", "mean, M = 15, 3D, mirror",
        () -> new MeanFilter(15, THREE_D, MIRROR_EDGE_REPEATED)),
    T1_B_1("1.b.1", "impulse", "mean, M = 15, 2D, zero padding",
        () -> new MeanFilter(15, TWO_D, ZERO)),
    T2_A("2.a", "impulse", "LoG, sigma 3 mm, 4 sigma, 3D, zero padding",
        () -> new LaplacianOfGaussian(3.0, 4.0, THREE_D, ZERO)),
    T2_B("2.b", "checkerboard", "LoG, sigma 5 mm, 4 sigma, 3D, mirror",
        () -> new LaplacianOfGaussian(5.0, 4.0, THREE_D, MIRROR_EDGE_REPEATED)),
    T2_C("2.c", "checkerboard", "LoG, sigma 5 mm, 4 sigma, 2D, mirror",
        () -> new LaplacianOfGaussian(5.0, 4.0, TWO_D, MIRROR_EDGE_REPEATED)),
    T3_A_1("3.a.1", "impulse", "Laws E5L5S5, 3D, zero padding",
        () -> laws("E5L5S5", THREE_D, ZERO, Pooling.NONE, 0)),
    T3_A_2("3.a.2", "impulse", "Laws E5L5S5, 3D, rotation invariant (max), zero padding",
        () -> laws("E5L5S5", THREE_D, ZERO, Pooling.MAX, 0)),
    T3_A_3("3.a.3", "impulse", "Laws E5L5S5, 3D, invariant (max), energy delta 7, zero padding",
        () -> laws("E5L5S5", THREE_D, ZERO, Pooling.MAX, 7)),
    T3_B_1("3.b.1", "checkerboard", "Laws E3W5R5, 3D, mirror",
        () -> laws("E3W5R5", THREE_D, MIRROR_EDGE_REPEATED, Pooling.NONE, 0)),
    T3_B_2("3.b.2", "checkerboard", "Laws E3W5R5, 3D, invariant (max), mirror",
        () -> laws("E3W5R5", THREE_D, MIRROR_EDGE_REPEATED, Pooling.MAX, 0)),
    T3_B_3("3.b.3", "checkerboard", "Laws E3W5R5, 3D, invariant (max), energy delta 7, mirror",
        () -> laws("E3W5R5", THREE_D, MIRROR_EDGE_REPEATED, Pooling.MAX, 7)),
    T3_C_1("3.c.1", "checkerboard", "Laws L5S5, 2D, mirror",
        () -> laws("L5S5", TWO_D, MIRROR_EDGE_REPEATED, Pooling.NONE, 0)),
    T3_C_2("3.c.2", "checkerboard", "Laws L5S5, 2D, invariant (max), mirror",
        () -> laws("L5S5", TWO_D, MIRROR_EDGE_REPEATED, Pooling.MAX, 0)),
    T3_C_3("3.c.3", "checkerboard", "Laws L5S5, 2D, invariant (max), energy delta 7, mirror",
        () -> laws("L5S5", TWO_D, MIRROR_EDGE_REPEATED, Pooling.MAX, 7)),
    T4_A_1("4.a.1", "impulse", "Gabor, sigma 10 mm, lambda 4 mm, gamma 1/2, theta pi/3, 2D, zero padding",
        () -> gabor(10, 4, 0.5, new double[] {Math.PI / 3}, GaborFilter.Planes.AXIAL, ZERO)),
    T4_A_2("4.a.2", "impulse", "Gabor as 4.a.1, theta step pi/4, mean, orthogonal planes, zero padding",
        () -> gabor(10, 4, 0.5, GaborFilter.fullCircle(Math.PI / 4), GaborFilter.Planes.ORTHOGONAL, ZERO)),
    T4_B_1("4.b.1", "sphere", "Gabor, sigma 20 mm, lambda 8 mm, gamma 5/2, theta 5 pi/4, 2D, mirror",
        () -> gabor(20, 8, 2.5, new double[] {5 * Math.PI / 4}, GaborFilter.Planes.AXIAL, MIRROR_EDGE_REPEATED)),
    T4_B_2("4.b.2", "sphere", "Gabor as 4.b.1, theta step pi/8, mean, orthogonal planes, mirror",
        () -> gabor(20, 8, 2.5, GaborFilter.fullCircle(Math.PI / 8), GaborFilter.Planes.ORTHOGONAL,
            MIRROR_EDGE_REPEATED)),
    T5_A_1("5.a.1", "impulse", "Daubechies 2, LHL, level 1, 3D, zero padding",
        () -> wavelet("db2", "LHL", 1, ZERO, Pooling.NONE)),
    T5_A_2("5.a.2", "impulse", "Daubechies 2, LHL, level 1, 3D, rotation invariant (mean), zero padding",
        () -> wavelet("db2", "LHL", 1, ZERO, Pooling.MEAN)),
    T6_A_1("6.a.1", "sphere", "Coiflet 1, HHL, level 1, 3D, periodic",
        () -> wavelet("coif1", "HHL", 1, PERIODIC, Pooling.NONE)),
    T6_A_2("6.a.2", "sphere", "Coiflet 1, HHL, level 1, 3D, rotation invariant (mean), periodic",
        () -> wavelet("coif1", "HHL", 1, PERIODIC, Pooling.MEAN)),
    T7_A_1("7.a.1", "checkerboard", "Haar, LLL, level 2, 3D, rotation invariant (mean), mirror",
        () -> wavelet("haar", "LLL", 2, MIRROR_EDGE_REPEATED, Pooling.MEAN)),
    T7_A_2("7.a.2", "checkerboard", "Haar, HHH, level 2, 3D, rotation invariant (mean), mirror",
        () -> wavelet("haar", "HHH", 2, MIRROR_EDGE_REPEATED, Pooling.MEAN)),
    T8_A_1("8.a.1", "checkerboard", "Simoncelli, level 1, 3D, periodic (no padding)",
        () -> simoncelli(1)),
    T8_A_2("8.a.2", "checkerboard", "Simoncelli, level 2, 3D, periodic (no padding)",
        () -> simoncelli(2)),
    T8_A_3("8.a.3", "checkerboard", "Simoncelli, level 3, 3D, periodic (no padding)",
        () -> simoncelli(3)),
    T9_A("9.a", "impulse", "LoG, sigma 3 mm, 4 sigma, then Riesz order (1, 0, 0); image zero-padded by 32 voxels",
        () -> new RieszFilter(new LaplacianOfGaussian(3.0, 4.0, THREE_D, ZERO),
            new RieszFilter.Parameters(new int[] {1, 0, 0}, 32, ZERO))),
    T9_B_1("9.b.1", "sphere", "LoG, sigma 3 mm, 4 sigma, then Riesz order (0, 2, 0); image zero-padded by 32 voxels",
        () -> new RieszFilter(new LaplacianOfGaussian(3.0, 4.0, THREE_D, ZERO),
            new RieszFilter.Parameters(new int[] {0, 2, 0}, 32, ZERO))),
    T10_B_1("10.b.1", "pattern_1", "Simoncelli level 1, then Riesz order (0, 2, 0); image padded by 32 voxels (nearest)",
        () -> new RieszFilter(simoncelli(1), new RieszFilter.Parameters(new int[] {0, 2, 0}, 32, NEAREST)));

    /** Pass limit: fraction of the reference map's range. */
    public static final double TOLERANCE_FRACTION_OF_RANGE = 0.01;

    private final String id;
    private final String phantom;
    private final String description;
    private final Supplier<ImageFilter> filter;

    Ibsi2Phase1(String id, String phantom, String description, Supplier<ImageFilter> filter) {
        this.id = id;
        this.phantom = phantom;
        this.description = description;
        this.filter = filter;
    }

    /** IBSI test id, e.g. {@code 2.a} or {@code 5.a.1}. */
    public String id() { return id; }

    /** Phantom folder name under {@code ibsi2/phantoms/}. */
    public String phantom() { return phantom; }

    /** Relative path of the phantom image inside the conformance data folder. */
    public String phantomPath() { return "ibsi2/phantoms/" + phantom + "/image.nii.gz"; }

    /** Relative path of the consensus response map inside the conformance data folder. */
    public String referenceMapPath() { return "ibsi2/response_maps/" + id.replace('.', '_') + "-ValidCRM.nii.gz"; }

    /** Human-readable filter configuration. */
    public String description() { return description; }

    /** A new filter configured for this test. */
    public ImageFilter filter() { return filter.get(); }

    /** The test with the given id ({@code 1.a.1}, ...). */
    public static Ibsi2Phase1 byId(String id) {
        for (Ibsi2Phase1 t : values()) {
            if (t.id.equals(id.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown IBSI 2 phase-1 test id '" + id + "'");
    }

    private static ImageFilter laws(String k, FilterDimension d, BoundaryCondition bc, Pooling p, int delta) {
        return new LawsFilter(new LawsFilter.Parameters(k, d, bc, p, delta));
    }

    private static ImageFilter gabor(double sigma, double lambda, double gamma, double[] thetas,
                                     GaborFilter.Planes planes, BoundaryCondition bc) {
        return new GaborFilter(new GaborFilter.Parameters(sigma, lambda, gamma, thetas, planes, bc));
    }

    private static ImageFilter simoncelli(int level) {
        return new SimoncelliFilter(new SimoncelliFilter.Parameters(level, THREE_D));
    }

    private static ImageFilter wavelet(String w, String band, int level, BoundaryCondition bc, Pooling p) {
        return new IbsiWaveletFilter(Wavelet.of(w), band, level, THREE_D, bc, p);
    }
}
