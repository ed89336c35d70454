package io.churnwatch.generate;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.BillingEventType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plans the billing events of one account for the whole history and queues them.
 *
 * <p>A subscription starts at sign-up and renews monthly (RENEWED, then PAYMENT_SUCCEEDED a few minutes later).
 * About 3% of renewals first fail and recover within two days. Some healthy accounts upgrade. A planned failed
 * renewal fails again on the dunning retries after 3 and 7 days and stops renewals. A churner may downgrade,
 * then requests cancellation (renewals stop) and is cancelled with MRR 0.
 */
final class BillingScheduler {

    private static final List<String> TIERS = List.of("starter", "team", "business", "enterprise", "enterprise-plus");
    /** Time from a renewal to its payment attempt. */
    static final Duration PAYMENT_DELAY = Duration.ofMinutes(2);
    private static final double TRANSIENT_FAILURE = 0.03;
    private static final double UPGRADE = 0.06;

    private final GeneratorOptions options;

    BillingScheduler(final GeneratorOptions options) {
        this.options = options;
    }

    /** Monthly renewal instants after {@code signedUpAt} and before {@code until}. */
    static List<Instant> renewals(final Instant signedUpAt, final Instant until) {
        final List<Instant> renewals = new ArrayList<>();
        for (int month = 1; ; month++) {
            final Instant renewal = signedUpAt.atOffset(ZoneOffset.UTC).plusMonths(month).toInstant();
            if (!renewal.isBefore(until)) {
                return renewals;
            }
            renewals.add(renewal);
        }
    }

    void schedule(final AccountPlan account, final RandomGenerator rng, final EventQueue queue) {
        final Behaviour behaviour = account.behaviour();
        final Emitter out = new Emitter(account, queue);
        final Instant signedUp = account.profile().getSignedUpAt();
        out.emit(signedUp, BillingEventType.SUBSCRIPTION_STARTED);

        final Instant upgradeAt = behaviour.archetype() == Archetype.HEALTHY && Draws.chance(rng, UPGRADE)
                ? Draws.businessTime(options.dayStart(Draws.between(rng, 10, options.days() - 1)), rng) : null;
        final Instant cutOff = behaviour.cancellationRequestedAt() == null
                ? options.end() : behaviour.cancellationRequestedAt();
        for (final Instant renewal : renewals(signedUp, cutOff)) {
            out.changePlanUntil(renewal, upgradeAt, behaviour.downgradeAt(), rng);
            out.emit(renewal, BillingEventType.RENEWED);
            final Instant paid = renewal.plus(PAYMENT_DELAY);
            if (renewal.equals(behaviour.failedRenewalAt())) {
                out.emit(paid, BillingEventType.PAYMENT_FAILED);
                out.emit(paid.plus(Duration.ofDays(3)), BillingEventType.PAYMENT_FAILED);
                out.emit(paid.plus(Duration.ofDays(7)), BillingEventType.PAYMENT_FAILED);
                break;
            }
            if (Draws.chance(rng, TRANSIENT_FAILURE)) {
                out.emit(paid, BillingEventType.PAYMENT_FAILED);
                out.emit(paid.plus(Draws.duration(rng, Duration.ofHours(4), Duration.ofHours(44))),
                        BillingEventType.PAYMENT_SUCCEEDED);
            } else {
                out.emit(paid, BillingEventType.PAYMENT_SUCCEEDED);
            }
        }
        out.changePlanUntil(options.end(), upgradeAt, behaviour.downgradeAt(), rng);
        if (behaviour.cancellationRequestedAt() != null) {
            out.cancel(behaviour.cancellationRequestedAt(), behaviour.cancelledAt());
        }
    }

    /** Writes one account's billing events into the queue, tracking its current plan and MRR. */
    private static final class Emitter {
        private final AccountPlan account;
        private final EventQueue queue;
        private int tier;
        private long mrrCents;
        private int sequence;
        private boolean upgraded;
        private boolean downgraded;

        Emitter(final AccountPlan account, final EventQueue queue) {
            this.account = account;
            this.queue = queue;
            this.tier = TIERS.indexOf(account.plan());
            this.mrrCents = account.mrrCents();
        }

        /** Emits the upgrade or downgrade planned before {@code until}, if not yet emitted. */
        void changePlanUntil(final Instant until, final Instant upgradeAt, final Instant downgradeAt,
                             final RandomGenerator rng) {
            if (!upgraded && upgradeAt != null && upgradeAt.isBefore(until)) {
                upgraded = true;
                tier = Math.min(tier + 1, TIERS.size() - 1);
                mrrCents = roundToTenUnits(mrrCents * Draws.uniform(rng, 1.2, 1.8));
                emit(upgradeAt, BillingEventType.UPGRADED);
            }
            if (!downgraded && downgradeAt != null && downgradeAt.isBefore(until)) {
                downgraded = true;
                tier = Math.max(tier - 1, 0);
                mrrCents = roundToTenUnits(mrrCents * Draws.uniform(rng, 0.4, 0.7));
                emit(downgradeAt, BillingEventType.DOWNGRADED);
            }
        }

        void cancel(final Instant requestedAt, final Instant cancelledAt) {
            emit(requestedAt, BillingEventType.CANCELLATION_REQUESTED);
            mrrCents = 0;
            emit(cancelledAt, BillingEventType.CANCELLED);
        }

        void emit(final Instant at, final BillingEventType type) {
            sequence++;
            queue.add(at, new BillingEvent(account.accountId() + ":b:" + sequence, account.accountId(), type,
                    mrrCents, account.currency(), TIERS.get(tier), at));
        }

        private static long roundToTenUnits(final double cents) {
            return Math.round(cents / 1000.0) * 1000L;
        }
    }
}
