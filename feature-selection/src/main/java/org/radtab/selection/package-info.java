/**
 * Feature selection for radiomics studies, in the order the RBP paper applies it.
 *
 * <ol>
 *   <li>{@link org.radtab.selection.AdaptiveScaler}: per-feature z-score or robust scaling,
 *       chosen from skewness, excess kurtosis and the outlier share; fitted on training rows only
 *       ({@link org.radtab.selection.FittedScaler}, saved as JSON).</li>
 *   <li>{@link org.radtab.selection.CccFilter}: reproducibility between two readers (Lin's CCC
 *       &gt;= 0.85, with ICC(2,1)/ICC(3,1) reported; formulas in
 *       {@link org.radtab.selection.Concordance}).</li>
 *   <li>{@link org.radtab.selection.RankSumFilter}: Wilcoxon rank-sum screening (P &lt; 0.1), using
 *       {@link org.radtab.selection.MannWhitney}.</li>
 *   <li>{@link org.radtab.selection.Mrmr}: minimum-redundancy maximum-relevance selection (FCQ by
 *       default; FCD, MIQ, MID; {@link org.radtab.selection.MutualInformation}).</li>
 * </ol>
 * Also: two-group tests for clinical tables ({@link org.radtab.selection.WelchTTest},
 * {@link org.radtab.selection.ChiSquareTest}, {@link org.radtab.selection.FisherExactTest},
 * {@link org.radtab.selection.MultipleTesting}) and the paper's clinical table
 * ({@link org.radtab.selection.Table1}); {@link org.radtab.selection.Pca} and
 * {@link org.radtab.selection.Correlation}. Estimator choices (population moments, type-7
 * quantiles, average ranks) are stated once in {@link org.radtab.selection.Descriptive}.
 *
 * <p>Errors on bad input are {@link org.radtab.selection.SelectionException}s naming the column,
 * case or step.
 */
package org.radtab.selection;
