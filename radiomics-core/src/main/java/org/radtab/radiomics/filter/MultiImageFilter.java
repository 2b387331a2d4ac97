package org.radtab.radiomics.filter;

import java.util.LinkedHashMap;
import org.radtab.radiomics.image.Volume;

/**
 * A filter that yields several named images at once (e.g. all wavelet sub-bands, which share
 * their intermediate 1D passes). The map's iteration order is the documented output order.
 */
@FunctionalInterface
public interface MultiImageFilter {
    /** Named response maps, each a new volume on the input's geometry. */
    LinkedHashMap<String, Volume> applyAll(Volume input);
}
