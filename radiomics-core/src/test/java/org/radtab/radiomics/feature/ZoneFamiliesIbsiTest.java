package org.radtab.radiomics.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IBSI 1 conformance of GLSZM, GLDZM, NGTDM and NGLDM: every feature with a consensus value for
 * the digital phantom and for CT phantom configuration A (2D and 2.5D) passes the IBSI rule.
 */
class ZoneFamiliesIbsiTest {
    private static final String[] PREFIXES = {"szm_", "dzm_", "ngt_", "ngl_"};

    private static Map<String, Double> all(ZoneFamilyConformance.Case c, TextureOptions options) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.putAll(new GlszmFamily().ibsi(c.levels(), options));
        values.putAll(new GldzmFamily().ibsi(c.levels(), c.roi().morphologicalMask(), options));
        values.putAll(new NgtdmFamily().ibsi(c.levels(), options));
        values.putAll(new NgldmFamily().ibsi(c.levels(), options));
        return values;
    }

    @Test
    void digitalPhantomEveryConsensusValuePasses() throws Exception {
        ZoneFamilyConformance.Case c = ZoneFamilyConformance.digitalPhantom();
        Map<String, ZoneFamilyConformance.Reference> refs = ZoneFamilyConformance.references("dig_phantom.csv", PREFIXES);
        assertEquals(162, refs.size(), "szm 48 + dzm 48 + ngt 15 + ngl 51 reference rows");
        Map<String, Double> values = all(c, TextureOptions.defaults());
        assertEquals(refs.keySet(), values.keySet(), "the tags computed are exactly the IBSI tags");
        List<String> fails = ZoneFamilyConformance.failures(refs, values);
        assertTrue(fails.isEmpty(), fails.size() + "/" + refs.size() + " fail:\n" + String.join("\n", fails));
    }

    @Test
    void ctPhantomConfigurationAPasses() throws Exception {
        ZoneFamilyConformance.Case c = ZoneFamilyConformance.ctConfigA();
        Map<String, ZoneFamilyConformance.Reference> refs = ZoneFamilyConformance.references("chest_config_a.csv",
            PREFIXES);
        TextureOptions options = TextureOptions.defaults()
            .withAggregations(EnumSet.of(Aggregation.AVG_2D, Aggregation.MERGED_2_5D));
        assertEquals(108, refs.size(), "szm, dzm 32 + ngt 10 + ngl 34 rows for 2D and 2.5D");
        List<String> fails = ZoneFamilyConformance.failures(refs, all(c, options));
        assertTrue(fails.isEmpty(), fails.size() + "/" + refs.size() + " fail:\n" + String.join("\n", fails));
    }

    @Test
    void ctPhantomConfigurationANeedsTheMorphologicalMaskForZoneDistances() throws Exception {
        ZoneFamilyConformance.Case c = ZoneFamilyConformance.ctConfigA();
        ZoneFamilyConformance.Reference sde = ZoneFamilyConformance.references("chest_config_a.csv", "dzm_sde_2D")
            .get("dzm_sde_2D");
        TextureOptions options = TextureOptions.defaults().withAggregations(EnumSet.of(Aggregation.AVG_2D));
        assertTrue(sde.passes(new GldzmFamily().ibsi(c.levels(), c.roi().morphologicalMask(), options).get(sde.tag())));
        // distances measured to the edge of the re-segmented (intensity) mask miss the reference (0.321 vs 0.192)
        assertFalse(sde.passes(new GldzmFamily().ibsi(c.levels(), options).get(sde.tag())));
    }
}
