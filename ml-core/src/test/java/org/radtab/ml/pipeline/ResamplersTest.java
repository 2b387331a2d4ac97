package org.radtab.ml.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplersTest {
    @Test
    void unknownResamplerIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Resamplers.parse("adasyn,tomek"));
        assertTrue(e.getMessage().startsWith("unknown resampler 'adasyn'"), e.getMessage());
        assertEquals("(none)", Pipeline.empty().toString());
    }
}
