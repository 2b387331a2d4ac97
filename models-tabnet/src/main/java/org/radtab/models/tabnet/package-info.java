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
 * Adam (lr 0.02, betas 0.9 / 0.999, eps 1e-8, optional L2 {@code weight_decay} with PyTorch's
 * {@code Adam(weight_decay=)} semantics, 0 by default), global gradient-norm clipping at
 * {@code clip_value} = 1, optional StepLR schedule, shuffled (or, with {@code weights},
 * re-sampled) mini-batches with {@code drop_last}, early stopping on the evaluation set's AUROC
 * (binary) or accuracy with {@code patience} and the best epoch's weights restored,
 * {@code max_epochs}; see
 * {@link org.radtab.models.tabnet.TabNetTrainer}. All randomness (initialisation, shuffling,
 * the optional evaluation split) comes from the model seed through {@link java.util.Random};
 * training runs single-threaded in a fixed order, so a seed gives bit-identical weights.
 *
 * <h2>Checked against PyTorch-TabNet</h2>
 * The network was compared number for number with an independent PyTorch 1.13 re-implementation
 * of PyTorch-TabNet 4.x's {@code tab_network.py} (written for the check from that file, not part
 * of RadTab), loaded with this engine's weights, in double precision, on a 40-row batch with
 * {@code virtual_batch_size} 16 (three ghost chunks of 14, 14 and 12 rows): training-mode logits,
 * the sparsity term, the loss, every parameter gradient, the running statistics after the batch
 * and evaluation-mode logits agree to 1e-12 (relative), with sparsemax and with entmax (a smaller
 * case with a 4 + 4 + 2 chunking is kept as the test {@code PyTorchReferenceTest}). Checked in
 * the source and identical here: the input batch norm (plain, momentum 0.01); ghost batch norm as
 * {@code x.chunk(ceil(n / vbs))} (chunks of {@code ceil(n / k)} rows, the last shorter), one
 * {@code BatchNorm1d} per layer shared by the chunks, momentum 0.02, unbiased running variance,
 * running statistics in evaluation mode; the initial splitter, whose first {@code n_d} outputs
 * are discarded; {@code M = mask(GBN(FC(a)) * P)}, {@code P <- P * (gamma - M)}; ReLU on the
 * first {@code n_d} outputs only; the mask loss {@code sum_t mean_b sum_j M log(M + eps) / T}
 * subtracted with {@code lambda_sparse}; bias-free FCs; the Xavier-normal gains
 * {@code sqrt((in + out) / sqrt(in))} (GLU FCs) and {@code sqrt((in + out) / sqrt(4 in))}
 * (attentive FCs and the final mapping), batch norms at gamma 1 / beta 0, embeddings N(0, 1);
 * the training step (gradients zeroed, CE mean over the batch, clipping of the global norm of
 * all parameters, Adam); the early-stopping rule ({@code wait} reset to 1 on strict improvement,
 * stop when {@code wait >= patience}, best weights restored; no eval set or patience 0: last
 * weights); predictions by softmax; importances from {@code explain} on the training rows.
 *
 * <h2>Differences from PyTorch-TabNet (all of them)</h2>
 * <ul>
 *   <li>Arithmetic in double precision (PyTorch: float32), so weights are not bit-comparable.</li>
 *   <li>Random numbers: {@link java.util.Random} draws the initial weights (same distributions,
 *       another generator and order) and shuffles the rows (Fisher-Yates; PyTorch: its
 *       {@code RandomSampler}). PyTorch-TabNet re-initialises a shared FC in the constructor of
 *       every GLU layer that uses it (the last draw is kept); RadTab draws it once from the same
 *       distribution.</li>
 *   <li>{@code batch_size} is capped at the number of training rows: PyTorch with
 *       {@code drop_last} runs no batch at all when {@code batch_size > rows} and silently keeps
 *       the random initial network. A final batch that would leave a 1-row virtual batch is
 *       dropped (PyTorch raises an error).</li>
 *   <li>Parameters that PyTorch-TabNet takes elsewhere are plain parameters here, with the same
 *       semantics and defaults: {@code weight_decay} (its {@code optimizer_params}),
 *       {@code weights} (its {@code fit} argument: 0 shuffles, 1 or a per-class list re-samples
 *       every epoch with replacement like {@code WeightedRandomSampler}), {@code class_weight}
 *       (what a {@code loss_fn = CrossEntropyLoss(weight=)} gives: {@code sum_i w_yi l_i /
 *       sum_i w_yi}).</li>
 *   <li>{@code eval_fraction} can hold out a stratified early-stopping set inside
 *       {@code fit(Dataset)} (PyTorch-TabNet takes only explicit {@code eval_set}s, and stops on
 *       the last one); importances are then computed on all rows given to {@code fit}. The StepLR
 *       schedule steps every epoch (PyTorch-TabNet steps it only when an evaluation metric
 *       exists).</li>
 *   <li>Not implemented: grouped features, self-supervised pre-training, augmentations,
 *       warm start, regression and multi-task heads, custom losses and metrics beyond AUROC /
 *       accuracy / log-loss, schedulers other than StepLR.</li>
 * </ul>
 *
 * <h2>Small noisy data</h2>
 * Without weight decay (PyTorch-TabNet's default optimizer) TabNet generalises poorly on a few
 * hundred noisy rows, in RadTab and in PyTorch alike. On the 420-row, 12%-positive, 30-feature
 * logistic problem of {@code SmallNoisyDataComparisonTest} it memorises the training rows
 * (training AUROC 0.96 after 50 epochs) while reaching 0.55-0.63 AUROC on fresh rows of the
 * generator, against 0.76-0.77 for logistic regression, whatever the architecture, mask, learning rate,
 * class weighting or early-stopping metric; the PyTorch re-implementation above, trained with
 * its own initialisation and PyTorch's Adam, measured the same (0.57 +- 0.04 on fresh rows over 8
 * seeds with n_steps 2, batch 32 and early stopping, RadTab 0.57 +- 0.05). The cause is the
 * method on little data, not a deviation: the GLU blocks and the per-row sparse masks fit noise
 * before the weak signal. Adam's L2 {@code weight_decay} (which also shrinks the batch-norm
 * scales, hence the attention logits and the decision outputs) is what makes TabNet competitive.
 * Recommended start for a few hundred rows (standardised features):
 * <pre>
 *   n_d = n_a = 8, n_steps = 2, batch_size = 32, virtual_batch_size = 16, mask_type = entmax,
 *   weight_decay = 0.05, max_epochs = 200, patience = 30, eval_fraction = 0.2
 * </pre>
 * Measured against logistic regression on fresh rows (mean +- sd over seeds; problem 1 is the
 * logistic problem above, problem 2 an RBP-like one with binary clinical and correlated
 * radiomics-like features, an interaction and a U-shaped effect, where the true logit reaches
 * 0.88): problem 1 gap LR - TabNet 0.006 +- 0.025 (seeds 1-16; 0.008 +- 0.028 on seeds
 * 101-116), without weight decay 0.139 +- 0.045; problem 2 TabNet 0.741 +- 0.093 and 0.725 +-
 * 0.085 against 0.62 and 0.61 for logistic regression, without weight decay 0.638 +- 0.054. The
 * setting was chosen among weight decays 0.02-0.2 with either mask on seeds 1-16; too much decay
 * (0.1-0.2 with one step) can collapse the network to a constant prediction, which early
 * stopping then cannot repair. With sparsemax, {@code weight_decay} 0.02 did about as well
 * (problem 1 gap 0.027 +- 0.040, problem 2 0.767 +- 0.063).
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
 * plus evaluation on 80 rows) takes about 7 ms on a quiet machine (14 ms under load), against
 * 39 ms for PyTorch-TabNet 4.1 with torch on one thread on the same machine kind.
 */
package org.radtab.models.tabnet;
