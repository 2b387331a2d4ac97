package org.radtab.radiomics.filter;

import java.util.Optional;

/**
 * The filters of IBSI 2 phase 2 (CT phantom), by filter number and configuration: {@code A} =
 * 2D (each axial slice), no interpolation; {@code B} = 3D on the 1 mm grid. Every filter uses the
 * mirror boundary (edge repeated), except Simoncelli (8, 9), which works on the unpadded DFT
 * (periodic) as the IBSI consensus did.
 *
 * <table>
 *   <caption>IBSI 2 phase-2 filters</caption>
 *   <tr><th>id</th><th>filter</th><th>A (2D)</th><th>B (3D)</th></tr>
 *   <tr><td>1</td><td>none</td><td></td><td></td></tr>
 *   <tr><td>2</td><td>mean, 5 voxels</td><td>5 x 5</td><td>5 x 5 x 5</td></tr>
 *   <tr><td>3</td><td>LoG, sigma 1.5 mm, truncation 4 sigma</td><td>in-plane</td><td>3D</td></tr>
 *   <tr><td>4</td><td>Laws energy, max over rotations, delta 7</td><td>L5E5</td><td>L5E5E5</td></tr>
 *   <tr><td>5</td><td>Gabor, sigma 5 mm, lambda 2 mm, gamma 3/2, theta step pi/8, mean</td>
 *       <td>axial planes, 16 orientations</td><td>orthogonal planes, 3 x 16 maps</td></tr>
 *   <tr><td>6</td><td>db3, level 1, mean over rotations</td><td>LH</td><td>LLH</td></tr>
 *   <tr><td>7</td><td>db3, level 2, mean over rotations</td><td>HH</td><td>HHH</td></tr>
 *   <tr><td>8</td><td>Simoncelli, level 1</td><td>each axial slice</td><td>3D</td></tr>
 *   <tr><td>9</td><td>Simoncelli, level 2</td><td>each axial slice</td><td>3D</td></tr>
 * </table>
 */
public final class Ibsi2Phase2 {
    private Ibsi2Phase2() {
    }

    /** The filter for {@code filter} (1..9) in configuration {@code 'A'} or {@code 'B'}; empty if not implemented. */
    public static Optional<ImageFilter> filter(int filter, char configuration) {
        boolean twoD = Character.toUpperCase(configuration) == 'A';
        FilterDimension dim = twoD ? FilterDimension.TWO_D : FilterDimension.THREE_D;
        BoundaryCondition bc = BoundaryCondition.MIRROR_EDGE_REPEATED;
        switch (filter) {
            case 1:
                return Optional.of(v -> v);
            case 2:
                return Optional.of(new MeanFilter(5, dim, bc));
            case 3:
                return Optional.of(new LaplacianOfGaussian(1.5, 4, dim, bc));
            case 4:
                return Optional.of(new LawsFilter(new LawsFilter.Parameters(twoD ? "L5E5" : "L5E5E5", dim, bc,
                    Pooling.MAX, 7)));
            case 5:
                return Optional.of(new GaborFilter(new GaborFilter.Parameters(5, 2, 1.5,
                    GaborFilter.fullCircle(Math.PI / 8), twoD ? GaborFilter.Planes.AXIAL : GaborFilter.Planes.ORTHOGONAL,
                    bc)));
            case 6:
                return Optional.of(new IbsiWaveletFilter(Wavelet.of("db3"), twoD ? "LH" : "LLH", 1, dim, bc,
                    Pooling.MEAN));
            case 7:
                return Optional.of(new IbsiWaveletFilter(Wavelet.of("db3"), twoD ? "HH" : "HHH", 2, dim, bc,
                    Pooling.MEAN));
            case 8:
                return Optional.of(new SimoncelliFilter(new SimoncelliFilter.Parameters(1, dim)));
            case 9:
                return Optional.of(new SimoncelliFilter(new SimoncelliFilter.Parameters(2, dim)));
            default:
                return Optional.empty();
        }
    }
}
