package io.churnwatch.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Measures how well health scores rank accounts by who leaves next ({@link HealthRanking}). For every judged
 * account and every day from its first health update until its outcome date, the snapshot is its latest score by
 * the end of that day; it is positive when the account is a churner that cancels within the horizon after it.
 * Scores are 0-100, so the AUC is counted over a histogram (no sort of the millions of snapshots).
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
        for (final Backtest.Judged j : judged) {
            final List<HealthPoint> health = sorted(j.account().health());
            if (health.isEmpty()) {
                continue;
            }
            final long end = j.date().toEpochMilli();
            int next = 0;
            Integer score = null;
            for (long day = Math.floorDiv(health.get(0).asOf().toEpochMilli(), Backtest.DAY_MILLIS);
                 (day + 1) * Backtest.DAY_MILLIS <= end; day++) {
                final long endOfDay = (day + 1) * Backtest.DAY_MILLIS;
                while (next < health.size() && health.get(next).asOf().toEpochMilli() < endOfDay) {
                    score = health.get(next++).score();
                }
                final boolean positive = j.churner() && end <= endOfDay + horizonDays * Backtest.DAY_MILLIS;
                final int s = Math.max(0, Math.min(100, score));
                (positive ? positives : negatives)[s]++;
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new Snapshot(s, positive,
                        j.account().accountId()));
            }
        }
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

    private static List<HealthPoint> sorted(final List<HealthPoint> health) {
        final List<HealthPoint> copy = new ArrayList<>(health);
        copy.sort((a, b) -> a.asOf().compareTo(b.asOf()));
        return copy;
    }
}
