package org.radtab.radiomics.conformance;

import java.math.BigDecimal;

/**
 * One reference row: a feature (IBSI tag or PyRadiomics name), its reference value and the
 * tolerance stated with it, kept as exact decimals from the file. {@code reference == null}
 * means there is no consensus value: the row is skipped (neither passed nor failed).
 * {@code tolerance} is the file's tolerance (IBSI), or null where the pass rule supplies it
 * (PyRadiomics).
 */
public record ReferenceValue(String feature, BigDecimal reference, BigDecimal tolerance) {

    /** True when a reference value exists. */
    public boolean hasConsensus() {
        return reference != null;
    }
}
