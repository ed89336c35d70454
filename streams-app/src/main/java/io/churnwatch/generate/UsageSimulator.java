package io.churnwatch.generate;

import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Simulates one account's product usage day by day, so that only a day of usage is held at a time.
 *
 * <p>On each local day every user logs in with their own probability (about an eighth of it at weekends) at a
 * local time between 07:00 and 18:00, peaking around midday, and follows the login with a few ACTIVITY events
 * on the account's features, each a pre-aggregated count. Nobody logs in before the account signed up. The
 * account's behaviour thins logins during a decline and stops all usage once it goes silent or is cancelled.
 */
final class UsageSimulator {

    private static final double WEEKEND_FACTOR = 0.12;
    private static final long FIRST_LOGIN_SECONDS = Duration.ofHours(7).toSeconds();
    private static final long LOGIN_SPREAD_SECONDS = Duration.ofHours(11).toSeconds();
    private static final Duration MAX_ACTIVITY_GAP = Duration.ofMinutes(20);
    private static final int MAX_ACTIVITIES = 6;
    private static final int MAX_EXTRA_QUANTITY = 40;

    private final AccountPlan account;
    private final RandomGenerator rng;
    private final LocalDate firstDay;
    private final List<String> features;
    private final Instant signedUpAt;
    private int sequence;

    UsageSimulator(final AccountPlan account, final RandomGenerator rng, final Instant start) {
        this.account = account;
        this.rng = rng;
        this.firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
        this.features = account.features();
        this.signedUpAt = account.profile().getSignedUpAt();
    }

    /** Queues the usage of local day {@code day} (0-based): every event is at or after that local midnight. */
    void simulateDay(final int day, final EventQueue queue) {
        final LocalDate date = firstDay.plusDays(day);
        final boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY
                || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        final Instant midnight = date.atStartOfDay(account.zone()).toInstant();
        final Behaviour behaviour = account.behaviour();
        final double[] loginProbability = account.loginProbability();
        for (int user = 0; user < loginProbability.length; user++) {
            final double p = loginProbability[user] * (weekend ? WEEKEND_FACTOR : 1.0);
            if (!Draws.chance(rng, p)) {
                continue;
            }
            // Two uniform draws averaged: logins cluster around midday rather than spreading evenly.
            final long offset = FIRST_LOGIN_SECONDS
                    + (rng.nextLong(LOGIN_SPREAD_SECONDS) + rng.nextLong(LOGIN_SPREAD_SECONDS)) / 2;
            Instant at = midnight.plusSeconds(offset);
            if (at.isBefore(signedUpAt) || !behaviour.active(at) || !Draws.chance(rng, behaviour.loginFactor(at))) {
                continue;
            }
            final String userId = account.accountId() + "-u" + (user + 1);
            emit(queue, at, userId, UsageKind.LOGIN, null, 1);
            final int activities = Draws.geometric(rng, account.activitiesPerLogin(), MAX_ACTIVITIES);
            for (int i = 0; i < activities; i++) {
                at = at.plus(Draws.duration(rng, Duration.ofSeconds(10), MAX_ACTIVITY_GAP));
                if (!behaviour.active(at)) {
                    break;
                }
                final String feature = features.get(rng.nextInt(features.size()));
                emit(queue, at, userId, UsageKind.ACTIVITY, feature,
                        1 + Draws.geometric(rng, 3.0, MAX_EXTRA_QUANTITY));
            }
        }
    }

    private void emit(final EventQueue queue, final Instant at, final String userId, final UsageKind kind,
                      final String feature, final int quantity) {
        sequence++;
        queue.add(at, new UsageEvent(account.accountId() + ":u:" + sequence, account.accountId(), userId, kind,
                feature, quantity, at));
    }
}
