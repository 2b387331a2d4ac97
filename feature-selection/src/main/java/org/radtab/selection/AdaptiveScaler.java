package org.radtab.selection;

import java.util.ArrayList;
import java.util.List;
import org.radtab.ml.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adaptive per-feature standardisation, as in the RBP paper: each column gets a z-score when it
 * looks roughly normal and robust scaling otherwise.
 *
 * <h2>Rule</h2>
 * For a training column {@code x} with n values (estimators as defined in {@link Descriptive}:
 * population moments, type-7 quartiles):
 * <ul>
 *   <li>skewness {@code g1 = m3 / m2^(3/2)};</li>
 *   <li>excess kurtosis {@code g2 = m4 / m2^2 - 3};</li>
 *   <li>outlier share = share of values strictly outside {@code [Q1 - 1.5 IQR, Q3 + 1.5 IQR]}.</li>
 * </ul>
 * The column is z-scored when {@code |g1| < maxAbsSkewness} (default 2) <b>and</b>
 * {@code g2 < maxExcessKurtosis} (default 7) <b>and</b> outlier share {@code <= maxOutlierShare}
 * (default 0.10); otherwise it is robust-scaled.
 * <ul>
 *   <li>z-score: {@code (x - mean) / sd}, sd the <em>population</em> standard deviation
 *       {@code sqrt(m2)} (ddof = 0, as scikit-learn's {@code StandardScaler});</li>
 *   <li>robust: {@code (x - median) / (Q3 - Q1)} (median 0 and IQR 1 on the training rows, as
 *       scikit-learn's {@code RobustScaler} with its default 25-75 quantile range).</li>
 * </ul>
 *
 * <h2>Constant columns</h2>
 * A column whose training values are all equal (sd = 0) is reported and dropped. A column that is
 * assigned robust scaling but has IQR = 0 (more than half of its values equal, e.g. a mostly-zero
 * texture feature) is also reported and dropped: it is never divided by zero. The fitted scaler
 * lists each dropped column with its reason.
 *
 * <h2>No leakage</h2>
 * {@link #fit(Dataset)} sees only the rows it is given (the training rows); the returned
 * {@link FittedScaler} is then applied, unchanged, to training, validation or test rows. All
 * statistics are computed on sorted values, so the fit does not depend on the row order.
 */
public final class AdaptiveScaler {
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveScaler.class);

    /** The decision thresholds; the defaults are the paper's. */
    public record Rule(double maxAbsSkewness, double maxExcessKurtosis, double maxOutlierShare,
                       double fenceMultiplier) {
        public Rule {
            if (!(maxAbsSkewness > 0) || !(maxOutlierShare >= 0 && maxOutlierShare <= 1) || !(fenceMultiplier > 0)
                || Double.isNaN(maxExcessKurtosis)) {
                throw new IllegalArgumentException("invalid adaptive scaling rule: |skewness| < " + maxAbsSkewness
                    + ", excess kurtosis < " + maxExcessKurtosis + ", outlier share <= " + maxOutlierShare
                    + ", fences " + fenceMultiplier + " IQR");
            }
        }

        /** |skewness| &lt; 2, excess kurtosis &lt; 7, outlier share &lt;= 10% outside 1.5-IQR fences. */
        public static Rule defaults() {
            return new Rule(2, 7, 0.10, 1.5);
        }
    }

    private final Rule rule;

    public AdaptiveScaler(Rule rule) {
        this.rule = rule;
    }

    /** The paper's thresholds. */
    public static AdaptiveScaler defaults() {
        return new AdaptiveScaler(Rule.defaults());
    }

    public Rule rule() {
        return rule;
    }

    /**
     * Chooses and fits the scaling of every column on {@code train}.
     *
     * @throws SelectionException when there are fewer than 2 rows or a value is not finite (naming it)
     */
    public FittedScaler fit(Dataset train) {
        if (train.rows() < 2) {
            throw new SelectionException("adaptive scaling needs at least 2 training rows, got " + train.rows());
        }
        List<FittedScaler.ColumnScaling> kept = new ArrayList<>();
        List<FittedScaler.DroppedColumn> dropped = new ArrayList<>();
        for (int c = 0; c < train.cols(); c++) {
            String name = train.columnName(c);
            double[] x = train.column(c);
            for (int r = 0; r < x.length; r++) {
                if (!Double.isFinite(x[r])) {
                    throw new SelectionException("adaptive scaling: column '" + name + "', row " + train.id(r)
                        + " is not finite (" + x[r] + ")");
                }
            }
            double[] s = Descriptive.sorted(x);
            if (s[0] == s[s.length - 1]) {
                dropped.add(new FittedScaler.DroppedColumn(name, "constant (sd = 0)"));
                continue;
            }
            double[] m = Descriptive.momentsOfSorted(s);
            double sd = Math.sqrt(m[1]);
            double skew = m[2] / Math.pow(m[1], 1.5);
            double kurt = m[3] / (m[1] * m[1]) - 3;
            double q1 = Descriptive.quantileOfSorted(s, 0.25);
            double med = Descriptive.quantileOfSorted(s, 0.5);
            double q3 = Descriptive.quantileOfSorted(s, 0.75);
            double outliers = Descriptive.outlierShareOfSorted(s, rule.fenceMultiplier());
            boolean normalLike = Math.abs(skew) < rule.maxAbsSkewness() && kurt < rule.maxExcessKurtosis()
                && outliers <= rule.maxOutlierShare();
            if (normalLike) {
                kept.add(new FittedScaler.ColumnScaling(name, ScalingMethod.Z_SCORE, m[0], sd, skew, kurt, outliers));
            } else if (q3 - q1 > 0) {
                kept.add(new FittedScaler.ColumnScaling(name, ScalingMethod.ROBUST, med, q3 - q1, skew, kurt,
                    outliers));
            } else {
                dropped.add(new FittedScaler.DroppedColumn(name, "IQR = 0 under robust scaling (|skewness| "
                    + fmt(Math.abs(skew)) + ", excess kurtosis " + fmt(kurt) + ", outlier share " + fmt(outliers) + ")"));
            }
        }
        if (!dropped.isEmpty()) {
            LOG.info("adaptive scaling: {} of {} columns dropped (constant or zero IQR)", dropped.size(), train.cols());
        }
        return new FittedScaler(rule, train.rows(), kept, dropped);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
