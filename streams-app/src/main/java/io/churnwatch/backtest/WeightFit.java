package io.churnwatch.backtest;

import java.util.Arrays;
import java.util.List;

/**
 * Proposes health-score weights from a backtest: the weights under which the score ranks the {@link AccountDays}
 * best (highest AUC for churn within the horizon), found on half of the accounts and checked on the other half.
 *
 * <p>Each account-day is re-scored from the component scores of its latest health update as the pipeline scores
 * it: the weights of the components with data, divided by their sum, times the components' scores, rounded. Under
 * the weights the replay ran with, that gives back the scores it emitted. Under other weights it is an estimate:
 * the pipeline emits an update only when the rounded score changes, so components that moved while the score
 * stood still are not seen. Verify a proposal with a replay under it ({@link WeightProposal#setOptions}).
 *
 * <p>The search is a coordinate ascent on the weights' simplex: it moves a share of weight from one component to
 * another while that raises the AUC of the fitting half by more than {@value #MIN_GAIN}, with shares of 0.2, 0.1,
 * 0.05 and 0.02 in turn; a component with no data on any account-day (support on a history without tickets)
 * keeps its weight. The halves are formed from a hash of the account id, so a run's proposal is
 * deterministic and a churner's days are all in the same half. Account-days no weighting can score (no component
 * with a positive weight has data) are left out, as the pipeline emits no score for them.
 */
final class WeightFit {

    private static final double[] SHARES = {0.2, 0.1, 0.05, 0.02};
    private static final double MIN_GAIN = 1e-4;
    private static final int MAX_MOVES = 200;
    private static final int SCORES = 101;

    private final int components;
    /** Component scores of each account-day, {@code components} per day, NaN without data. */
    private double[] scores = new double[1 << 16];
    private boolean[] positive = new boolean[1 << 12];
    private boolean[] fitting = new boolean[1 << 12];
    private int days;

    private WeightFit(final int components) {
        this.components = components;
    }

    /**
     * @param names   the components, in the order of the points' component scores
     * @param current the weights the replay ran with, in the same order
     */
    static WeightProposal propose(final List<Backtest.Judged> judged, final int horizonDays,
                                  final List<String> names, final double[] current) {
        final WeightFit fit = new WeightFit(names.size());
        AccountDays.forEach(judged, horizonDays, (day, account, latest, isPositive) ->
                fit.add(latest, isPositive, Math.floorMod(account.account().accountId().hashCode(), 2) == 0));
        final double[] start = normalised(current);
        final double[] proposed = fit.search(start);
        return new WeightProposal(names, toList(start), toList(proposed), toList(fit.coverage()), fit.count(true),
                fit.count(false), fit.auc(current, true), fit.auc(proposed, true), fit.auc(current, false),
                fit.auc(proposed, false));
    }

    private void add(final HealthPoint point, final boolean isPositive, final boolean inFittingHalf) {
        if (days == positive.length) {
            positive = Arrays.copyOf(positive, days * 2);
            fitting = Arrays.copyOf(fitting, days * 2);
        }
        if ((days + 1) * components > scores.length) {
            scores = Arrays.copyOf(scores, scores.length * 2);
        }
        for (int c = 0; c < components; c++) {
            scores[days * components + c] = point.component(c);
        }
        positive[days] = isPositive;
        fitting[days] = inFittingHalf;
        days++;
    }

    /** The share of account-days on which each component has data. */
    private double[] coverage() {
        final double[] shares = new double[components];
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < components; c++) {
                shares[c] += Double.isNaN(scores[d * components + c]) ? 0 : 1;
            }
        }
        return Arrays.stream(shares).map(n -> days == 0 ? 0 : n / days).toArray();
    }

    private long count(final boolean half) {
        long n = 0;
        for (int d = 0; d < days; d++) {
            n += fitting[d] == half ? 1 : 0;
        }
        return n;
    }

    private double[] search(final double[] start) {
        final double[] coverage = coverage();
        double[] best = start.clone();
        double bestAuc = auc(best, true);
        int moves = 0;
        for (final double share : SHARES) {
            boolean improved = true;
            while (improved && moves < MAX_MOVES) {
                improved = false;
                double[] bestMove = null;
                double bestMoveAuc = bestAuc + MIN_GAIN;
                for (int from = 0; from < components; from++) {
                    for (int to = 0; to < components; to++) {
                        // A component without any data keeps its weight: it cannot be judged, and moving weight
                        // in or out of it would only rescale the others.
                        if (from == to || best[from] < share - 1e-12 || coverage[from] == 0 || coverage[to] == 0) {
                            continue;
                        }
                        final double[] candidate = best.clone();
                        candidate[from] = Math.max(0, candidate[from] - share);
                        candidate[to] += share;
                        final double candidateAuc = auc(candidate, true);
                        if (candidateAuc > bestMoveAuc) {
                            bestMove = candidate;
                            bestMoveAuc = candidateAuc;
                        }
                    }
                }
                if (bestMove != null) {
                    best = bestMove;
                    bestAuc = bestMoveAuc;
                    improved = true;
                    moves++;
                }
            }
        }
        // To four decimals: the moves leave floating-point residue (0.1 - 0.05 + ... = 0.09999999999999998).
        return Arrays.stream(best).map(w -> Math.round(w * 10_000) / 10_000.0).toArray();
    }

    /** The AUC of the half's account-days scored under {@code weights}. */
    double auc(final double[] weights, final boolean half) {
        final long[] pos = new long[SCORES];
        final long[] neg = new long[SCORES];
        long p = 0;
        long n = 0;
        for (int d = 0; d < days; d++) {
            if (fitting[d] != half) {
                continue;
            }
            final int score = score(scores, d * components, weights);
            if (score < 0) {
                continue;
            }
            if (positive[d]) {
                pos[score]++;
                p++;
            } else {
                neg[score]++;
                n++;
            }
        }
        return HealthRankingMeter.auc(pos, neg, p, n);
    }

    /** The pipeline's score of component scores under {@code weights}, -1 when no weighted component has data. */
    static int score(final double[] scores, final double[] weights) {
        return score(scores, 0, weights);
    }

    /** {@link #score(double[], double[])} of the {@code weights.length} scores from {@code from} on. */
    private static int score(final double[] scores, final int from, final double[] weights) {
        double total = 0;
        for (int c = 0; c < weights.length; c++) {
            total += Double.isNaN(scores[from + c]) ? 0 : weights[c];
        }
        if (total <= 0) {
            return -1;
        }
        // The arithmetic of HealthScorer, step by step, so the run's own weights give back its scores exactly.
        double sum = 0;
        for (int c = 0; c < weights.length; c++) {
            if (!Double.isNaN(scores[from + c])) {
                sum += scores[from + c] * (weights[c] / total);
            }
        }
        return (int) Math.max(0, Math.min(100, Math.round(sum)));
    }

    private static double[] normalised(final double[] weights) {
        final double sum = Arrays.stream(weights).sum();
        return Arrays.stream(weights).map(w -> w / sum).toArray();
    }

    private static List<Double> toList(final double[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
