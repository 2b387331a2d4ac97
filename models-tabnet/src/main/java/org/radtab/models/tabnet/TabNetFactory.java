package org.radtab.models.tabnet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.radtab.ml.model.ClassifierFactory;
import org.radtab.ml.model.ParameterSpace;
import org.radtab.ml.model.ParameterSpace.Choice;
import org.radtab.ml.model.ParameterSpace.IntRange;
import org.radtab.ml.model.ParameterSpace.RealRange;
import org.radtab.ml.model.ProbabilisticClassifier;

/**
 * Registry entry {@code "tabnet"} for {@link TabNetClassifier}.
 *
 * <p>Search space (n_a is tied to n_d because it is not sampled):
 * <pre>
 *   n_d                 {8, 16, 24, 32}
 *   n_steps             1..5
 *   gamma               [1.0, 2.0]
 *   n_independent       1..3
 *   n_shared            1..3
 *   lambda_sparse       [1e-5, 1e-2] log-uniform
 *   lr                  [5e-3, 5e-2] log-uniform
 *   weight_decay        {0, 1e-3, 1e-2, 3e-2, 5e-2, 1e-1}
 *   batch_size          {32, 64, 128, 256}
 *   virtual_batch_size  {16, 32, 64, 128}   (a value >= batch_size means plain batch norm per batch)
 *   momentum            [0.01, 0.4] log-uniform
 *   mask_type           {sparsemax, entmax}
 *   max_epochs          {50, 100, 200}
 *   patience            {10, 20, 30}
 * </pre>
 * The ranges follow PyTorch-TabNet's documentation and its maintainers' advice for small
 * tabular data (few steps, batches well under 10% of the rows). {@code weight_decay} (Adam's L2
 * term, 0 in PyTorch-TabNet's default optimizer) is in the space because on a few hundred noisy
 * rows it decides whether TabNet generalises at all (measurements in the package documentation).
 */
public final class TabNetFactory implements ClassifierFactory {

    @Override
    public String name() {
        return TabNetClassifier.NAME;
    }

    @Override
    public ParameterSpace space() {
        return ParameterSpace.of(
            new Choice(TabNetConfig.N_D, List.of(8, 16, 24, 32)),
            new IntRange(TabNetConfig.N_STEPS, 1, 5, false),
            new RealRange(TabNetConfig.GAMMA, 1.0, 2.0, false),
            new IntRange(TabNetConfig.N_INDEPENDENT, 1, 3, false),
            new IntRange(TabNetConfig.N_SHARED, 1, 3, false),
            new RealRange(TabNetConfig.LAMBDA_SPARSE, 1e-5, 1e-2, true),
            new RealRange(TabNetConfig.LR, 5e-3, 5e-2, true),
            new Choice(TabNetConfig.WEIGHT_DECAY, List.of(0.0, 1e-3, 1e-2, 3e-2, 5e-2, 1e-1)),
            new Choice(TabNetConfig.BATCH_SIZE, List.of(32, 64, 128, 256)),
            new Choice(TabNetConfig.VIRTUAL_BATCH_SIZE, List.of(16, 32, 64, 128)),
            new RealRange(TabNetConfig.MOMENTUM, 0.01, 0.4, true),
            new Choice(TabNetConfig.MASK_TYPE, List.of("sparsemax", "entmax")),
            new Choice(TabNetConfig.MAX_EPOCHS, List.of(50, 100, 200)),
            new Choice(TabNetConfig.PATIENCE, List.of(10, 20, 30)));
    }

    /** PyTorch-TabNet's defaults; {@code n_a} is absent because it follows {@code n_d}. */
    @Override
    public Map<String, Object> defaults() {
        return TabNetConfig.defaultParams();
    }

    @Override
    public ProbabilisticClassifier create(Map<String, Object> params, long seed) {
        return new TabNetClassifier(params, seed);
    }

    @Override
    public ProbabilisticClassifier restore(Map<String, Object> params, List<String> featureNames, JsonNode state) {
        return TabNetClassifier.restore(params, featureNames, state);
    }
}
