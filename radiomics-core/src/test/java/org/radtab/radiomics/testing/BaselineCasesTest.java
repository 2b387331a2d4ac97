package org.radtab.radiomics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radtab.radiomics.conformance.PyRadiomicsBaseline;

class BaselineCasesTest {

    @Test
    void readsSettingsAndPreparesEveryNonResampledColumn() throws Exception {
        PyRadiomicsBaseline b = BaselineCases.baseline();
        List<String> columns = BaselineCases.availableColumns("firstorder");
        assertTrue(columns.contains("brain1"));
        assertEquals(2000L, b.settings("firstorder", "brain1").get("voxelArrayShift"));
        assertEquals(List.of(-3L, 3L), b.settings("firstorder", "brain1_resegmentation").get("resegmentRange"));
        for (String col : columns) {
            if (col.endsWith("_resampling")) {
                continue;
            }
            BaselineCases.Prepared p = BaselineCases.prepare("firstorder", col);
            // voxel count of the original mask (diagnostics row) equals the morphological ROI before re-segmentation
            if (!col.endsWith("_resegmentation")) {
                assertEquals(Double.parseDouble(b.cell("firstorder", "diagnostics_Mask-original_VoxelNum", col)),
                    p.roi().morphologicalVoxelCount(), col);
            }
            assertTrue(p.greyLevels().roiVoxelCount() > 0);
        }
    }
}
