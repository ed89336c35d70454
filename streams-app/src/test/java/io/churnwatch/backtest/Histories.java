package io.churnwatch.backtest;

import io.churnwatch.events.Segment;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

/** Hand-made account histories for the backtest's arithmetic: days count from {@link #START}. */
final class Histories {

    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private final String id;
    private Segment segment = Segment.LOW_TOUCH;
    private final List<Long> usage = new ArrayList<>();
    private final List<AlertPoint> alerts = new ArrayList<>();
    private final List<HealthPoint> health = new ArrayList<>();
    private Outcome outcome = new Outcome(Outcome.Kind.OTHER, null);

    private Histories(final String id) {
        this.id = id;
    }

    /** An account that used the product every day from day 0 to day {@code lastUsageDay}. */
    static Histories account(final String id, final int lastUsageDay) {
        final Histories h = new Histories(id);
        LongStream.rangeClosed(0, lastUsageDay).forEach(d -> h.usage.add(epochDay(d)));
        return h;
    }

    static Instant day(final double n) {
        return START.plus(Duration.ofMinutes(Math.round(n * 24 * 60)));
    }

    private static long epochDay(final long n) {
        return Math.floorDiv(START.toEpochMilli(), Duration.ofDays(1).toMillis()) + n;
    }

    Histories segment(final Segment s) {
        segment = s;
        return this;
    }

    Histories usageOn(final long... days) {
        usage.clear();
        for (final long d : days) {
            usage.add(epochDay(d));
        }
        return this;
    }

    Histories open(final ChurnSignal signal, final double atDay, final ChurnSignal... reasons) {
        alerts.add(new AlertPoint(id + "-" + signal, signal, Set.of(reasons), AlertStatus.OPEN, day(atDay)));
        return this;
    }

    Histories resolved(final ChurnSignal signal, final double atDay) {
        alerts.add(new AlertPoint(id + "-" + signal, signal, Set.of(), AlertStatus.RESOLVED, day(atDay)));
        return this;
    }

    Histories score(final double atDay, final int score) {
        health.add(new HealthPoint(day(atDay), score));
        return this;
    }

    /** A health update with its component scores (NaN: a component without data). */
    Histories score(final double atDay, final int score, final double... components) {
        health.add(new HealthPoint(day(atDay), score, components));
        return this;
    }

    Histories churnedOn(final double d) {
        outcome = new Outcome(Outcome.Kind.CHURNED, day(d));
        return this;
    }

    Histories retainedUntil(final double d) {
        outcome = new Outcome(Outcome.Kind.RETAINED, day(d));
        return this;
    }

    AccountHistory build() {
        return new AccountHistory(id, segment, usage.isEmpty() ? null : Instant.ofEpochMilli(usage.get(0)
                * Duration.ofDays(1).toMillis()), usage, alerts, health, outcome);
    }
}
