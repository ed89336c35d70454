package io.churnwatch.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * The account-days a health ranking judges: for every judged account and every day from its first health update
 * until its outcome date, its latest health update by the end of that day, positive when the account is a churner
 * that cancels within the horizon after it. Shared by {@link HealthRankingMeter} and {@link WeightFit}, so both
 * judge the same snapshots.
 */
final class AccountDays {

    /** Receives the account-days of one account after another, each account's days in order. */
    interface Visitor {
        void day(long day, Backtest.Judged account, HealthPoint latest, boolean positive);
    }

    private AccountDays() {
    }

    static void forEach(final List<Backtest.Judged> judged, final int horizonDays, final Visitor visitor) {
        for (final Backtest.Judged j : judged) {
            final List<HealthPoint> health = sorted(j.account().health());
            if (health.isEmpty()) {
                continue;
            }
            final long end = j.date().toEpochMilli();
            int next = 0;
            HealthPoint latest = null;
            for (long day = Math.floorDiv(health.get(0).asOf().toEpochMilli(), Backtest.DAY_MILLIS);
                 (day + 1) * Backtest.DAY_MILLIS <= end; day++) {
                final long endOfDay = (day + 1) * Backtest.DAY_MILLIS;
                while (next < health.size() && health.get(next).asOf().toEpochMilli() < endOfDay) {
                    latest = health.get(next++);
                }
                visitor.day(day, j, latest, j.churner() && end <= endOfDay + horizonDays * Backtest.DAY_MILLIS);
            }
        }
    }

    private static List<HealthPoint> sorted(final List<HealthPoint> health) {
        final List<HealthPoint> copy = new ArrayList<>(health);
        copy.sort((a, b) -> a.asOf().compareTo(b.asOf()));
        return copy;
    }
}
