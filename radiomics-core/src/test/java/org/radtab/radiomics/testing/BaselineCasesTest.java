package org.radtab.radiomics.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineCasesTest {

    @Test
    void readsSettingsAndPreparesEveryNonResampledColumn() throws Exception {
        BaselineCsv csv = BaselineCsv.load("firstorder");
        assertTrue(csv.availableColumns().contains("brain1"));
        assertEquals(2000L, csv.settings("brain1").get("voxelArrayShift"));
        assertEquals(List.of(-3L, 3L), csv.settings("brain1_resegmentation").get("resegmentRange"));
        for (String col : csv.availableColumns()) {
            if (col.endsWith("_resampling")) {
                continue;
            }
            BaselineCases.Prepared p = BaselineCases.prepare(csv, col);
            // voxel count of the original mask (diagnostics row) equals the morphological ROI before re-segmentation
            if (!col.endsWith("_resegmentation")) {
                assertEquals(csv.value("diagnostics_Mask-original_VoxelNum", col), p.roi().morphologicalVoxelCount(), col);
            }
            assertTrue(p.greyLevels().roiVoxelCount() > 0);
        }
    }
}
