/**
 * Classic models behind the ml-core {@link org.radtab.ml.model.ProbabilisticClassifier} API, each
 * with a {@link org.radtab.ml.model.ClassifierFactory} registered for
 * {@link java.util.ServiceLoader}: logistic regression with L1/L2/elastic-net penalty
 * ({@code lr}, {@link org.radtab.models.classic.LogisticRegressionModel}), random forest
 * ({@code rf}, {@link org.radtab.models.classic.RandomForestModel}), C-SVM with Platt
 * probabilities ({@code svm}, {@link org.radtab.models.classic.SvmModel}) and XGBoost
 * ({@code xgboost}, {@link org.radtab.models.classic.XGBoostModel}). All are fitted in plain
 * Java except XGBoost (native library). Every model saves its fitted state as JSON through
 * {@link org.radtab.ml.model.ModelIO}; a reloaded model predicts identically.
 */
package org.radtab.models.classic;
