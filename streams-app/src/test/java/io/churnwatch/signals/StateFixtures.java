package io.churnwatch.signals;

import io.churnwatch.config.SignalsConfig;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.TicketCategory;
import io.churnwatch.events.TicketPriority;
import io.churnwatch.events.TicketStatus;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Account states built from the state's own fact-keeping operations, without the engine's rules, so that they stay
 * the same when a rule changes: the reference for stored-format fixtures.
 */
final class StateFixtures {

    private StateFixtures() {
    }

    /**
     * 60 days of a seeded account: logins, features, tickets of every kind, a health history, billing with a
     * downgrade and an unpaid failure, an open and a resolved episode.
     */
    static AccountState seededAccount(final long seed) {
        final SignalsConfig config = SignalsConfig.defaults();
        final Random random = new Random(seed);
        final long start = Scenario.EPOCH.toEpochMilli();
        final AccountState s = AccountState.create("acct-fixture-" + seed, start, config);
        s.billing().apply(billing(BillingEventType.SUBSCRIPTION_STARTED, 80_000, start), start);
        for (int d = 0; d < 60; d++) {
            final long at = start + d * Days.MILLIS + random.nextInt((int) Days.MILLIS);
            s.advanceTo(at);
            s.usage().seenAt(at);
            if (random.nextInt(3) > 0) {
                s.usage().countLogins(Days.of(at), 1 + random.nextInt(5));
            }
            s.usage().featureUsed("feature-" + random.nextInt(20), Days.of(at), config.maxFeatures());
            if (random.nextInt(4) == 0) {
                final SupportTicketEvent ticket = ticket(random, at);
                s.support().seen(ticket, at);
                s.support().count(ticket, Days.of(at));
            }
            s.recordScore(30 + random.nextInt(70));
        }
        s.usage().distinctFeaturesSince(Days.of(s.clockMillis()) - config.breadthDays() + 1);
        final long late = s.clockMillis() - Days.MILLIS;
        s.billing().apply(billing(BillingEventType.DOWNGRADED, 50_000, late), late);
        s.billing().apply(billing(BillingEventType.PAYMENT_FAILED, 50_000, late + 1), late + 1);
        s.emittedScore(57);
        s.episodes().put(ChurnSignal.LOGIN_DECLINE, Episode.open(start + 40 * Days.MILLIS, Severity.HIGH));
        s.episodes().put(ChurnSignal.TICKET_SPIKE,
                new Episode(start + 20 * Days.MILLIS, Severity.MEDIUM, start + 30 * Days.MILLIS, 0));
        return s;
    }

    /**
     * {@link #seededAccount} with what alert grouping ACCOUNT keeps as well (format 3): the reasons that hold, an
     * open CHURN_RISK episode with an update held back by the contact budget, and the account's cohort.
     */
    static AccountState groupedAccount(final long seed) {
        final AccountState s = seededAccount(seed);
        final long start = Scenario.EPOCH.toEpochMilli();
        final Map<ChurnSignal, Long> since = new EnumMap<>(ChurnSignal.class);
        since.put(ChurnSignal.COHORT_LAG, start + 45 * Days.MILLIS);
        since.put(ChurnSignal.SILENCE, start + 44 * Days.MILLIS);
        s.reasons().putAll(since);
        s.risk().open(start + 52 * Days.MILLIS, Severity.MEDIUM, since);
        s.risk().contacted(start + 52 * Days.MILLIS, 3);
        s.risk().addReasons(Map.of(ChurnSignal.TICKET_SPIKE, start + 55 * Days.MILLIS));
        s.risk().escalate(Severity.HIGH);
        s.risk().pending(true);
        s.cohort("segment:LOW_TOUCH", Days.of(s.usage().lastUsageAt()));
        return s;
    }

    private static SupportTicketEvent ticket(final Random random, final long at) {
        return SupportTicketEvent.newBuilder().setEventId("e-" + at).setAccountId("acct-fixture")
                .setTicketId("t-" + at).setStatus(random.nextBoolean() ? TicketStatus.OPENED : TicketStatus.REOPENED)
                .setPriority(TicketPriority.values()[random.nextInt(TicketPriority.values().length)])
                .setCategory(TicketCategory.values()[random.nextInt(TicketCategory.values().length)])
                .setOccurredAt(Instant.ofEpochMilli(at)).build();
    }

    private static BillingEvent billing(final BillingEventType type, final long mrrCents, final long at) {
        return BillingEvent.newBuilder().setEventId("b-" + at).setAccountId("acct-fixture").setType(type)
                .setMrrCents(mrrCents).setCurrency("EUR").setOccurredAt(Instant.ofEpochMilli(at)).build();
    }
}
