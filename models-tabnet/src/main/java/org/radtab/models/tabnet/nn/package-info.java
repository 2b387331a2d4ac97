/**
 * The TabNet engine: layers on row-major {@code double[]} matrices, each with a forward pass
 * and an explicit backward pass (formulas in each class), plus Adam and gradient clipping.
 *
 * <p>Conventions: an n x d activation matrix is a {@code double[]} of length n d, row-major;
 * FC weights are stored {@code [in, out]} (y = x W); every layer owns its activation and
 * gradient buffers and reuses them between calls (so instances are not thread-safe, and an
 * array returned by {@code forward} or {@code backward} stays valid until the same layer runs
 * again); parameters are {@link org.radtab.models.tabnet.nn.Tensor}s whose gradients accumulate
 * until {@code zeroGrad}. Kernels add their terms in a fixed order, so results are
 * bit-identical from run to run on the same JVM and CPU.
 *
 * <p>Verification (tests): every layer's backward pass and the whole network's gradient
 * (including the sparsity term and embeddings) are compared with five-point central finite
 * differences in double precision (relative error &lt; 1e-6) as jqwik properties; sparsemax is
 * compared with the Euclidean projection onto the simplex computed by bisection, 1.5-entmax with
 * its defining threshold equation and optimisation problem.
 */
package org.radtab.models.tabnet.nn;
