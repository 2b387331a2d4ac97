package org.radtab.ml.model;

import org.radtab.ml.Dataset;

/** A supervised classifier: fitted on a labelled {@link Dataset}, then predicts class codes. */
public interface Classifier {

    /** Short registry name, e.g. {@code "lr"}, {@code "rf"}, {@code "svm"}, {@code "xgboost"}, {@code "tabnet"}. */
    String name();

    /** Fits the model on all rows of {@code train} (labels required). May be called again to refit. */
    void fit(Dataset train);

    /** Predicted class code per row of {@code x} (columns in the order of the training set). */
    int[] predict(double[][] x);
}
