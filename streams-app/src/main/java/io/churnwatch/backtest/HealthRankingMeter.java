package io.churnwatch.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Measures how well health scores rank accounts by who leaves next ({@link HealthRanking}) over the
 * {@link AccountDays}: each snapshot is an account's latest score by the end of a day. Scores are 0-100, so the
 * AUC is counted over a histogram (no sort of the millions of snapshots).
 */
final class HealthRankingMeter {

    private static final int SCORES = 101;

    private HealthRankingMeter() {
    }

    /** One account-day: its score, and whether it churns within the horizon. */
    private record Snapshot(int score, boolean positive, String accountId) {
    }

    static HealthRanking rank(final List<Backtest.Judged> judged, final int horizonDays) {
        final long[] positives = new long[SCORES];
        final long[] negatives = new long[SCORES];
        final Map<Long, List<Snapshot>> byDay = new HashMap<>();
        AccountDays.forEach(judged, horizonDays, (day, account, latest, positive) -> {
            final int s = Math.max(0, Math.min(100, latest.score()));
            (positive ? positives : negatives)[s]++;
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Snapshot(s, positive,
                    account.account().accountId()));
        });
        long pos = 0;
        long neg = 0;
        for (int s = 0; s < SCORES; s++) {
            pos += positives[s];
            neg += negatives[s];
        }
        return new HealthRanking(pos + neg, pos, auc(positives, negatives, pos, neg),
                pos + neg == 0 ? 0 : (double) pos / (pos + neg), lowestDecileShare(byDay));
    }

    /** P(positive scores lower than negative) + P(equal) / 2, from score histograms. */
    static double auc(final long[] positives, final long[] negatives, final long pos, final long neg) {
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        double wins = 0;
        long negativesAbove = neg;
        for (int s = 0; s < positives.length; s++) {
            negativesAbove -= negatives[s];
            wins += positives[s] * (negativesAbove + 0.5 * negatives[s]);
        }
        return wins / ((double) pos * neg);
    }

    /** Of each day's lowest-scored 10% of accounts (at least one; ties by account id), the share positive. */
    private static double lowestDecileShare(final Map<Long, List<Snapshot>> byDay) {
        long taken = 0;
        long positive = 0;
        for (final List<Snapshot> day : byDay.values()) {
            day.sort((a, b) -> a.score() != b.score() ? Integer.compare(a.score(), b.score())
                    : a.accountId().compareTo(b.accountId()));
            final int lowest = Math.max(1, (int) Math.ceil(day.size() / 10.0));
            for (int i = 0; i < lowest; i++) {
                positive += day.get(i).positive() ? 1 : 0;
            }
            taken += lowest;
        }
        return taken == 0 ? 0 : (double) positive / taken;
    }

    /** The latest score with asOf at or before {@code at}, if any. */
    static OptionalInt scoreAt(final List<HealthPoint> health, final Instant at) {
        HealthPoint latest = null;
        for (final HealthPoint point : health) {
            if (!point.asOf().isAfter(at) && (latest == null || !point.asOf().isBefore(latest.asOf()))) {
                latest = point;
            }
        }
        return latest == null ? OptionalInt.empty() : OptionalInt.of(latest.score());
    }
}
