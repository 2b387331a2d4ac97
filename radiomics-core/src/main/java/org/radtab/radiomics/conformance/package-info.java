/**
 * Conformance against the IBSI and PyRadiomics reference data.
 *
 * <p>{@link org.radtab.radiomics.conformance.ConformanceData} locates the data folder;
 * {@link org.radtab.radiomics.conformance.ConformanceHarness} reads the reference files, loads
 * the images, asks a {@link org.radtab.radiomics.conformance.ConformanceEngine} for computed values
 * and applies the pass rules ({@link org.radtab.radiomics.conformance.PassRule}), producing a
 * {@link org.radtab.radiomics.conformance.ConformanceReport} (pass / fail / missing / skipped per
 * suite, and its JSON form). The engine is the seam where RadTab's feature and filter code plugs
 * in: implement the interface (every method defaults to "computes nothing") and register it with
 * {@code META-INF/services/org.radtab.radiomics.conformance.ConformanceEngine}, or pass it to the
 * harness directly. {@link org.radtab.radiomics.conformance.ImageDiagnosticsEngine} computes the
 * IBSI image diagnostics that need no feature code.
 */
package org.radtab.radiomics.conformance;
