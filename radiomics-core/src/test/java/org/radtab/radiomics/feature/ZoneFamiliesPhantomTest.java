package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny phantoms whose matrices and features were worked out by hand (values in the comments). */
class ZoneFamiliesPhantomTest {
    private static final double TOL = 1e-12;
    private static final TextureOptions DEFAULTS = TextureOptions.defaults();

    private static GreyLevelImage image(int nx, int ny, int nz, int... levels) {
        return ZoneFamiliesPropertiesTest.image(nx, ny, nz, levels);
    }

    // ---- one grey level ----------------------------------------------------------------------

    @Test
    void oneGreyLevelSquare() {
        // 3x3 in-plane square, all level 2: one zone of 9 voxels
        GreyLevelImage img = image(3, 3, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2);
        Map<String, Double> szm = new GlszmFamily().pyradiomics(img, DEFAULTS);
        assertEquals(1.0 / 81, szm.get("SmallAreaEmphasis"), TOL);
        assertEquals(81, szm.get("LargeAreaEmphasis"), TOL);
        assertEquals(1.0 / 4, szm.get("LowGrayLevelZoneEmphasis"), TOL);
        assertEquals(4 * 81, szm.get("LargeAreaHighGrayLevelEmphasis"), TOL);
        assertEquals(1.0 / 9, szm.get("ZonePercentage"), TOL);
        assertEquals(0, szm.get("GrayLevelVariance"), TOL);
        assertEquals(0, szm.get("ZoneVariance"), TOL);
        assertEquals(0, szm.get("ZoneEntropy"), 1e-15);

        // NGTDM of a flat ROI: coarseness 10^6, the rest 0 (both profiles)
        Map<String, Double> ngt = new NgtdmFamily().pyradiomics(img, DEFAULTS);
        assertEquals(List.of(0.0, 1e6, 0.0, 0.0, 0.0), List.copyOf(ngt.values()));
        Map<String, Double> ngtIbsi = new NgtdmFamily().ibsi(img, DEFAULTS);
        assertEquals(1e6, ngtIbsi.get("ngt_coarseness_3D"));
        assertEquals(0, ngtIbsi.get("ngt_busyness_2D"));

        // dependence with 8 in-plane neighbours: 4 corners j=4, 4 edges j=6, centre j=9
        Map<String, Double> gldm = new NgldmFamily().pyradiomics(img, DEFAULTS);
        assertEquals((4.0 / 16 + 4.0 / 36 + 1.0 / 81) / 9, gldm.get("SmallDependenceEmphasis"), TOL);
        assertEquals((4.0 * 16 + 4 * 36 + 81) / 9, gldm.get("LargeDependenceEmphasis"), TOL);
        double mean = (4.0 * 4 + 4 * 6 + 9) / 9;
        double var = (4 * (4 - mean) * (4 - mean) + 4 * (6 - mean) * (6 - mean) + (9 - mean) * (9 - mean)) / 9;
        assertEquals(var, gldm.get("DependenceVariance"), TOL);
        assertEquals(9, gldm.get("GrayLevelNonUniformity"), TOL);

        // GLDZM: the zone touches the edge -> distance 1 everywhere
        Map<String, Double> dzm = new GldzmFamily().ibsi(img, DEFAULTS);
        assertEquals(1, dzm.get("dzm_sde_2D"), TOL);
        assertEquals(1, dzm.get("dzm_sde_3D"), TOL);
        assertEquals(0, dzm.get("dzm_zd_var_3D"), TOL);
    }

    // ---- one voxel ---------------------------------------------------------------------------

    @Test
    void oneVoxel() {
        GreyLevelImage img = image(1, 1, 1, 3);
        Map<String, Double> szm = new GlszmFamily().ibsi(img, DEFAULTS);
        assertEquals(1, szm.get("szm_sze_3D"), TOL);
        assertEquals(1.0 / 9, szm.get("szm_szlge_2D"), TOL);
        assertEquals(1, szm.get("szm_z_perc_2_5D"), TOL);
        assertEquals(0, szm.get("szm_zs_entr_3D"), TOL);

        // PyRadiomics counts the isolated voxel: n = 1, s = 0 -> coarseness 10^6, the rest 0
        assertEquals(List.of(0.0, 1e6, 0.0, 0.0, 0.0), List.copyOf(new NgtdmFamily().pyradiomics(img, DEFAULTS).values()));
        // IBSI: no voxel has a valid neighbourhood -> undefined
        Map<String, Double> ngt = new NgtdmFamily().ibsi(img, DEFAULTS);
        assertEquals(15, ngt.size());
        ngt.values().forEach(v -> assertTrue(Double.isNaN(v)));

        Map<String, Double> gldm = new NgldmFamily().pyradiomics(img, DEFAULTS);
        assertEquals(1, gldm.get("SmallDependenceEmphasis"), TOL);
        assertEquals(1.0 / 9, gldm.get("SmallDependenceLowGrayLevelEmphasis"), TOL);
        assertEquals(1, new NgldmFamily().ibsi(img, DEFAULTS).get("ngl_dc_energy_3D"), TOL);
        assertEquals(1, new GldzmFamily().ibsi(img, DEFAULTS).get("dzm_lde_3D"), TOL);
    }

    // ---- connectivity, disjoint zones ------------------------------------------------------

    @Test
    void twoDisjointZonesOfOneLevel() {
        // row 1 1 . 1 1 1 (. outside the ROI): zones of size 2 and 3
        GreyLevelImage img = image(6, 1, 1, 1, 1, 0, 1, 1, 1);
        Map<String, Double> szm = new GlszmFamily().pyradiomics(img, DEFAULTS);
        assertEquals((1.0 / 4 + 1.0 / 9) / 2, szm.get("SmallAreaEmphasis"), TOL);
        assertEquals((4.0 + 9) / 2, szm.get("LargeAreaEmphasis"), TOL);
        assertEquals(1, szm.get("SizeZoneNonUniformity"), TOL);
        assertEquals(0.5, szm.get("SizeZoneNonUniformityNormalized"), TOL);
        assertEquals(2, szm.get("GrayLevelNonUniformity"), TOL);
        assertEquals(2.0 / 5, szm.get("ZonePercentage"), TOL);
        assertEquals(0.25, szm.get("ZoneVariance"), TOL);
        assertEquals(1, szm.get("ZoneEntropy"), 1e-12);
    }

    @Test
    void diagonalNeighboursLinkIn3dAndWithinASliceOnly() {
        // 2x2x2: level 1 at (0,0,0) and (1,1,1) only touch at a corner; level 1 at (1,1,0) touches (0,0,0) in-plane
        int[] l = new int[8];
        l[0] = 1;                // (0,0,0)
        l[1 + 2 * (1 + 2)] = 1;  // (1,1,1)
        GreyLevelImage img = image(2, 2, 2, l);
        assertEquals(1, new GlszmFamily().ibsi(img, DEFAULTS).get("szm_sze_2D"), TOL); // each slice: one zone of 1
        assertEquals(0.25, new GlszmFamily().ibsi(img, DEFAULTS).get("szm_sze_3D"), TOL);  // one zone of 2
        assertEquals(1, new GlszmFamily().pyradiomics(img, DEFAULTS.withForce2D(true, 0)).get("SmallAreaEmphasis"), TOL);

        int[] m = new int[8];
        m[0] = 1;        // (0,0,0)
        m[1 + 2] = 1;    // (1,1,0)
        GreyLevelImage inPlane = image(2, 2, 2, m);
        assertEquals(0.25, new GlszmFamily().ibsi(inPlane, DEFAULTS).get("szm_sze_2D"), TOL);
        // force2D along x (force2Ddimension 2): planes x = const, the two voxels lie in different planes
        assertEquals(1, new GlszmFamily().pyradiomics(inPlane, DEFAULTS.withForce2D(true, 2)).get("SmallAreaEmphasis"),
            TOL);
    }

    @Test
    void zonesFillTheWholeGridUpToItsBorder() {
        int[] l = new int[27];
        java.util.Arrays.fill(l, 1);
        GreyLevelImage img = image(3, 3, 3, l);
        assertEquals(27 * 27, new GlszmFamily().pyradiomics(img, DEFAULTS).get("LargeAreaEmphasis"), TOL);
        assertEquals(1.0 / 27, new GlszmFamily().ibsi(img, DEFAULTS).get("szm_z_perc_3D"), TOL);
        // 2D: three slices, one zone of 9 each
        assertEquals(1.0 / 9, new GlszmFamily().ibsi(img, DEFAULTS).get("szm_z_perc_2D"), TOL);
        assertEquals(3.0 / 27, new GlszmFamily().ibsi(img, DEFAULTS).get("szm_z_perc_2_5D"), TOL);
        // GLDZM 3D: the centre voxel has distance 2, but the zone touches the border -> 1
        assertEquals(1, new GldzmFamily().ibsi(img, DEFAULTS).get("dzm_lde_3D"), TOL);
    }

    @Test
    void aggregationAveragesSlicesMergesThemOrWorksIn3d() {
        // slice 0: 2x2 of level 1; slice 1: 1 2 / 2 1
        GreyLevelImage img = image(2, 2, 2, 1, 1, 1, 1, 1, 2, 2, 1);
        Map<String, Double> szm = new GlszmFamily().ibsi(img, DEFAULTS);
        assertEquals((1.0 / 16 + 1.0 / 4) / 2, szm.get("szm_sze_2D"), TOL);  // slice 0: {4}; slice 1: {2, 2}
        assertEquals((1.0 / 16 + 2.0 / 4) / 3, szm.get("szm_sze_2_5D"), TOL); // {4, 2, 2}
        assertEquals((1.0 / 36 + 1.0 / 4) / 2, szm.get("szm_sze_3D"), TOL);  // level 1 joins across slices: {6, 2}
    }

    // ---- GLDZM distance map ----------------------------------------------------------------

    @Test
    void distanceZonesUseTheMorphologicalMask() {
        // 5x5 square of level 1 with a level-2 centre; 4-connected distances: rings 1, 2, centre 3
        int[] l = new int[25];
        java.util.Arrays.fill(l, 1);
        l[12] = 2;
        GreyLevelImage img = image(5, 5, 1, l);
        Map<String, Double> dzm = new GldzmFamily().ibsi(img, DEFAULTS);
        // zones: level 1 (touches the edge, distance 1), level 2 (distance 3)
        assertEquals((1 + 1.0 / 9) / 2, dzm.get("dzm_sde_2D"), TOL);
        assertEquals((1 + 9.0) / 2, dzm.get("dzm_lde_2D"), TOL);
        assertEquals(1, dzm.get("dzm_zd_var_2D"), TOL);
        assertEquals(2.0 / 25, dzm.get("dzm_z_perc_2D"), TOL);
        assertEquals((1 + 4.0 / 9) / 2, dzm.get("dzm_sdhge_2D"), TOL);
        // 3D: the single slice is one voxel thick, so every voxel lies on the edge
        assertEquals(1, dzm.get("dzm_sde_3D"), TOL);

        // re-segmentation removes (1,1) from the intensity mask only; distances still come from the full square
        int[] r = l.clone();
        r[1 + 5] = 0;
        boolean[] morph = new boolean[25];
        java.util.Arrays.fill(morph, true);
        GreyLevelImage resegmented = image(5, 5, 1, r);
        assertEquals((1 + 1.0 / 9) / 2, new GldzmFamily().ibsi(resegmented, morph, DEFAULTS).get("dzm_sde_2D"), TOL);
        // with the intensity mask as edge, the hole at (1,1) is 2 steps from the centre
        assertEquals((1 + 1.0 / 4) / 2, new GldzmFamily().ibsi(resegmented, DEFAULTS).get("dzm_sde_2D"), TOL);
    }

    @Test
    void distanceMapIsTheManhattanDistanceToTheOutside() {
        // 5x5x5 cube: 3D distance of (i,j,k) = 1 + min over axes of the distance to the faces
        boolean[] cube = new boolean[125];
        java.util.Arrays.fill(cube, true);
        int[] levels = new int[125];
        java.util.Arrays.fill(levels, 1);
        GreyLevelImage img = image(5, 5, 5, levels);
        PaddedLevels mask = PaddedLevels.mask(img, cube, 1);
        int[] d3 = GldzmFamily.distanceMap(mask, Neighbourhood.NONE);
        int[] d2 = GldzmFamily.distanceMap(mask, Neighbourhood.SLICE_AXIS);
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 5; i++) {
                    int inPlane = 1 + Math.min(Math.min(i, 4 - i), Math.min(j, 4 - j));
                    assertEquals(Math.min(inPlane, 1 + Math.min(k, 4 - k)), d3[mask.index(i, j, k)]);
                    assertEquals(inPlane, d2[mask.index(i, j, k)]);
                }
            }
        }
    }

    // ---- NGTDM -------------------------------------------------------------------------------

    @Test
    void ngtdmOfARow() {
        // row 1 2 4: A = 2, 2.5, 2 -> s = (1, 0.5, 2), p = 1/3 each
        GreyLevelImage img = image(3, 1, 1, 1, 2, 4);
        Map<String, Double> py = new NgtdmFamily().pyradiomics(img, DEFAULTS);
        assertEquals(3 / 3.5, py.get("Coarseness"), TOL);
        assertEquals(28.0 / 54 * (3.5 / 3), py.get("Contrast"), TOL);
        assertEquals((3.5 / 3) / 4, py.get("Busyness"), TOL);
        assertEquals(15.5 / 3, py.get("Complexity"), TOL);
        assertEquals((56.0 / 3) / 3.5, py.get("Strength"), TOL);
        // every voxel has a neighbour: IBSI gives the same values
        Map<String, Double> ibsi = new NgtdmFamily().ibsi(img, DEFAULTS);
        assertEquals(3 / 3.5, ibsi.get("ngt_coarseness_3D"), TOL);
        assertEquals(15.5 / 3, ibsi.get("ngt_complexity_2D"), TOL);
    }

    @Test
    void ngtdmIsolatedVoxelCountsOnlyInPyradiomics() {
        // row 1 2 . 3: the level-3 voxel has no neighbour in the ROI
        GreyLevelImage img = image(4, 1, 1, 1, 2, 0, 3);
        // PyRadiomics: n = (1, 1, 1), s = (1, 1, 0) -> sum p s = 2/3
        assertEquals(1.5, new NgtdmFamily().pyradiomics(img, DEFAULTS).get("Coarseness"), TOL);
        // IBSI: n = (1, 1), s = (1, 1) -> sum p s = 1
        assertEquals(1, new NgtdmFamily().ibsi(img, DEFAULTS).get("ngt_coarseness_3D"), TOL);
    }

    // ---- GLDM / NGLDM: alpha and distances ---------------------------------------------------

    @Test
    void dependenceCoarsenessAndDistances() {
        GreyLevelImage img = image(3, 1, 1, 1, 2, 4);
        NgldmFamily f = new NgldmFamily();
        // alpha 0: nothing depends, j = 1 for all
        assertEquals(1, f.pyradiomics(img, DEFAULTS).get("SmallDependenceEmphasis"), TOL);
        // gldm_a 1: voxel 1 <- 2, voxel 2 <- 1: j = (2, 2, 1)
        assertEquals((2.0 / 4 + 1) / 3, f.pyradiomics(img, DEFAULTS.withGldmAlpha(1)).get("SmallDependenceEmphasis"), TOL);
        // the IBSI face reads ngldmAlpha, not gldm_a
        assertEquals((2.0 / 4 + 1) / 3, f.ibsi(img, DEFAULTS.withNgldmAlpha(1)).get("ngl_lde_3D"), TOL);
        assertEquals(1, f.ibsi(img, DEFAULTS.withGldmAlpha(1)).get("ngl_lde_3D"), TOL);
        // PyRadiomics distances {2} (shell only), alpha 3: 1 <-> 4 at distance 2 -> j = (2, 1, 2)
        assertEquals((2.0 / 4 + 1) / 3,
            f.pyradiomics(img, DEFAULTS.withGldmAlpha(3).withDistances(2)).get("SmallDependenceEmphasis"), TOL);
        // distances {1, 2}, alpha 3: everything depends -> j = 3
        assertEquals(9, f.pyradiomics(img, DEFAULTS.withGldmAlpha(3).withDistances(1, 2)).get("LargeDependenceEmphasis"),
            TOL);
        // IBSI delta = 2 is the full neighbourhood up to distance 2
        assertEquals(9, f.ibsi(img, DEFAULTS.withNgldmAlpha(3).withDistances(2)).get("ngl_hde_3D"), TOL);
    }

    // ---- names and errors -------------------------------------------------------------------

    @Test
    void namesAndPrefixes() {
        assertEquals("glszm", new GlszmFamily().pyradiomicsName());
        assertEquals("szm", new GlszmFamily().ibsiPrefix());
        assertNull(new GldzmFamily().pyradiomicsName());
        assertEquals("dzm", new GldzmFamily().ibsiPrefix());
        assertTrue(new GldzmFamily().pyradiomics(image(1, 1, 1, 1), DEFAULTS).isEmpty());
        assertEquals("ngtdm", new NgtdmFamily().pyradiomicsName());
        assertEquals("ngt", new NgtdmFamily().ibsiPrefix());
        assertEquals("gldm", new NgldmFamily().pyradiomicsName());
        assertEquals("ngl", new NgldmFamily().ibsiPrefix());
        // only the requested aggregations, non-directional suffixes only
        TextureOptions only3d = DEFAULTS.withAggregations(EnumSet.of(Aggregation.AVG_3D, Aggregation.MERGED_3D));
        Map<String, Double> v = new NgldmFamily().ibsi(image(1, 1, 1, 1), only3d);
        assertEquals(17, v.size());
        v.keySet().forEach(k -> assertTrue(k.startsWith("ngl_") && k.endsWith("_3D"), k));
    }

    @Test
    void rejectsAnEmptyRoiAndAMorphologicalMaskThatMissesRoiVoxels() {
        GreyLevelImage empty = image(2, 1, 1, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> new GlszmFamily().pyradiomics(empty, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new NgtdmFamily().ibsi(empty, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new NgldmFamily().pyradiomics(empty, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> new GldzmFamily().ibsi(empty, DEFAULTS));
        GreyLevelImage two = image(2, 1, 1, 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new GldzmFamily().ibsi(two, new boolean[] {true, false}, DEFAULTS));
        assertTrue(e.getMessage().contains("i=1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GldzmFamily().ibsi(two, new boolean[] {true}, DEFAULTS));
    }
}
