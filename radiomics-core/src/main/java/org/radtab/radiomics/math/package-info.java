/**
 * Numerical building blocks shared by feature families and filters: {@link org.radtab.radiomics.math.Fft},
 * a mixed-radix (2, 3, 4, 5) complex FFT for batches of sequences.
 */
package org.radtab.radiomics.math;
