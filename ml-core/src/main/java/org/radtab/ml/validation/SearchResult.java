package org.radtab.ml.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.radtab.ml.Dataset;
import org.radtab.ml.model.ProbabilisticClassifier;
import org.radtab.ml.pipeline.Pipeline;

/**
 * Outcome of a {@link RandomizedSearch}: every trial, the best one (highest mean fold score; ties
 * to the lowest trial index), and, when refitting was asked, the best configuration fitted on the
 * whole training set together with its fitted pipeline.
 */
public final class SearchResult {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String model;
    private final String scorer;
    private final int folds;
    private final long seed;
    private final String pipeline;
    private final List<Trial> trials;
    private final int best;
    private final ProbabilisticClassifier bestModel;
    private final Pipeline.FittedPipeline fittedPipeline;

    SearchResult(String model, String scorer, int folds, long seed, String pipeline, List<Trial> trials, int best,
                 ProbabilisticClassifier bestModel, Pipeline.FittedPipeline fittedPipeline) {
        this.model = model;
        this.scorer = scorer;
        this.folds = folds;
        this.seed = seed;
        this.pipeline = pipeline;
        this.trials = List.copyOf(trials);
        this.best = best;
        this.bestModel = bestModel;
        this.fittedPipeline = fittedPipeline;
    }

    public List<Trial> trials() { return trials; }

    public Trial bestTrial() { return trials.get(best); }

    public Map<String, Object> bestParams() { return bestTrial().params(); }

    public double bestScore() { return bestTrial().mean(); }

    public String scorerName() { return scorer; }

    /** The best configuration refitted on the whole (pipeline-processed) training set, if refit was on. */
    public Optional<ProbabilisticClassifier> bestModel() { return Optional.ofNullable(bestModel); }

    /** The pipeline fitted on the whole training set for the refit, if refit was on. */
    public Optional<Pipeline.FittedPipeline> fittedPipeline() { return Optional.ofNullable(fittedPipeline); }

    /**
     * P(class 1) for new rows: the refit pipeline's transforms, then the refit model (columns
     * matched by name).
     */
    public double[] predictPositive(Dataset data) {
        if (bestModel == null) {
            throw new IllegalStateException("the search ran without refit: no fitted model");
        }
        return bestModel.predictPositive(fittedPipeline.transform(data));
    }

    /** A JSON report: settings, best trial and every trial with its params, fold scores, mean and sd. */
    public ObjectNode toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("model", model);
        root.put("scorer", scorer);
        root.put("folds", folds);
        root.put("iterations", trials.size());
        root.put("seed", seed);
        root.put("pipeline", pipeline);
        root.put("bestTrial", best);
        root.put("bestScore", bestScore());
        root.set("bestParams", MAPPER.valueToTree(bestParams()));
        ArrayNode arr = root.putArray("trials");
        for (Trial t : trials) {
            ObjectNode o = arr.addObject();
            o.put("index", t.index());
            o.set("params", MAPPER.valueToTree(t.params()));
            ArrayNode fs = o.putArray("foldScores");
            for (double s : t.foldScores()) {
                fs.add(s);
            }
            o.put("mean", t.mean());
            o.put("sd", t.sd());
            if (t.failed()) {
                o.put("error", t.error());
            }
        }
        return root;
    }
}
