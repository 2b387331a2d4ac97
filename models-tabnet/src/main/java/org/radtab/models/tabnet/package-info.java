/**
 * A native TabNet classifier (Arik &amp; Pfister, "TabNet: Attentive Interpretable Tabular
 * Learning", AAAI 2021) with the defaults and semantics of PyTorch-TabNet 4.x, behind the
 * ml-core classifier API (registry name {@code "tabnet"}).
 *
 * <h2>Model</h2>
 * <pre>
 *   x_b = BN_0(Embedding(x));  P_0 = 1;  a_0 = FT_0(x_b)[:, n_d:]
 *   step t = 1..n_steps:
 *     M_t = sparsemax(GBN(FC(a_{t-1})) * P_{t-1})        (or 1.5-entmax)
 *     P_t = P_{t-1} * (gamma - M_t)
 *     [d_t, a_t] = FT_t(M_t * x_b);  out += ReLU(d_t)
 *   logits = out W;   p = softmax(logits)
 *   loss = CE(logits, y) - lambda_sparse * (1/T) sum_t mean_b sum_j M_t log(M_t + epsilon)
 * </pre>
 * FT is a feature transformer: {@code n_shared} GLU layers whose FC weights are shared by all
 * steps, then {@code n_independent} step-specific GLU layers; each GLU layer is
 * FC -&gt; ghost batch norm -&gt; GLU, consecutive layers are summed with the residual and scaled
 * by sqrt(0.5). Every FC is bias-free. Ghost batch norm cuts each batch into
 * {@code ceil(n / virtual_batch_size)} chunks as {@code torch.chunk} does and uses
 * {@code momentum} (0.02); the input batch norm BN_0 is a plain batch norm with momentum 0.01
 * (as in PyTorch-TabNet, whose consequence is that its running statistics move slowly: feed
 * standardised features, as RadTab's pipeline does, or the evaluation-mode input normalisation
 * lags behind for the first hundreds of batches). Categorical columns ({@code cat_columns}) are
 * embedded ({@code cat_emb_dim} values per column); their masks and importances are summed
 * back to the column.
 *
 * <h2>Training</h2>
 * Adam (lr 0.02, betas 0.9 / 0.999, eps 1e-8), global gradient-norm clipping at
 * {@code clip_value} = 1, optional StepLR schedule, shuffled mini-batches with
 * {@code drop_last}, early stopping on the evaluation set's AUROC (binary) or accuracy with
 * {@code patience} and the best epoch's weights restored, {@code max_epochs}; see
 * {@link org.radtab.models.tabnet.TabNetTrainer}. All randomness (initialisation, shuffling,
 * the optional evaluation split) comes from the model seed through {@link java.util.Random};
 * training runs single-threaded in a fixed order, so a seed gives bit-identical weights.
 *
 * <h2>Differences from PyTorch-TabNet (deliberate, documented)</h2>
 * <ul>
 *   <li>Arithmetic in double precision (PyTorch: float32), so weights are not bit-comparable.</li>
 *   <li>{@code batch_size} is capped at the number of training rows (PyTorch with
 *       {@code drop_last} would run no batch at all); a final batch that would leave a 1-row
 *       virtual batch is dropped (PyTorch raises an error).</li>
 *   <li>{@code class_weight} weights the cross-entropy (PyTorch's {@code cross_entropy(weight=)}
 *       semantics); PyTorch-TabNet's {@code weights} argument re-samples batches instead.</li>
 *   <li>{@code eval_fraction} can hold out a stratified early-stopping set inside
 *       {@code fit(Dataset)}; the StepLR schedule steps every epoch (PyTorch-TabNet steps it only
 *       when an evaluation metric exists).</li>
 *   <li>Not implemented: grouped features, self-supervised pre-training, regression and
 *       multi-task heads, custom losses and metrics beyond AUROC / accuracy / log-loss.</li>
 * </ul>
 *
 * <h2>Explanations</h2>
 * {@link org.radtab.models.tabnet.TabNetClassifier#explain} returns per-sample step masks and
 * the aggregate {@code sum_t eta_t M_t} with {@code eta_t = sum_c ReLU(d_t[c])};
 * {@link org.radtab.models.tabnet.TabNetClassifier#featureImportance()} is the column sum of
 * that aggregate over the training rows, normalised to sum 1.
 *
 * <h2>Engine</h2>
 * The network is hand-written on primitive {@code double[]} arrays
 * ({@link org.radtab.models.tabnet.nn}) with explicit backward passes, each verified against
 * finite differences. Double rather than float: the gradient checks need it, the matrices are
 * tiny (a few hundred rows by at most a few dozen columns), so memory is irrelevant, and one code
 * path serves both training and verification. ND4J was not used: measured on this machine kind
 * (JDK 17, one thread) a 256x32 times 32x16 product costs 63-79 us in ND4J 1.0.0-M2.1 and
 * 88-134 us in EJML or naive Java, against 52-60 us of thread CPU time (59-68 us in JMH on a
 * loaded machine) for this engine's unrolled kernel; SameDiff adds 11-13 us of dispatch per op
 * while a TabNet batch is a few hundred small ops; it has no sparsemax and no TopK gradient; and
 * its native jars weigh 134 MB and unpack about 400 MB on first use. This module depends on
 * ml-core, Jackson and SLF4J only. Speed (JMH {@code TabNetBenchmark}, one thread): one epoch of
 * the reference setting (318 rows, batch 256 / virtual batch 128, n_d = n_a = 8, n_steps = 3,
 * plus evaluation on 80 rows) takes about 14 ms, against 39 ms for PyTorch-TabNet 4.1 with torch
 * on one thread on the same machine kind.
 */
package org.radtab.models.tabnet;
