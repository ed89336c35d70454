package io.churnwatch.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Draws an account's archetype and the timing of its behaviour.
 *
 * <p>Day windows keep every behaviour observable within the history: a decline or ticket burst starts after day
 * 35 (five weeks of baseline), silence after day 20 and at least 14 days before the end, a failed renewal at
 * least three days before the end, and a churner cancels before the end.
 */
final class BehaviourPlanner {

    private static final int BASELINE_DAYS = 35;
    private static final int SILENCE_EARLIEST_DAY = 21;
    private static final int SILENCE_DAYS = 14;
    private static final Duration RECOVERY_WINDOW = Duration.ofDays(3).plusHours(1);

    private final GeneratorOptions options;

    BehaviourPlanner(final GeneratorOptions options) {
        this.options = options;
    }

    Behaviour plan(final RandomGenerator rng, final Instant signedUpAt) {
        final Archetype archetype = Archetype.draw(rng);
        final Behaviour behaviour = new Behaviour(archetype);
        final int days = options.days();
        switch (archetype) {
            case DECLINING -> {
                final Instant from = options.dayStart(Draws.between(rng, BASELINE_DAYS + 1, days - 10));
                behaviour.startsAt(from).decline(from, Draws.uniform(rng, 0.2, 0.3));
            }
            case SILENT -> {
                final Instant from = options.dayStart(Draws.between(rng, SILENCE_EARLIEST_DAY,
                        days - SILENCE_DAYS - 1));
                behaviour.startsAt(from).silence(from);
            }
            case TICKET_SPIKE -> {
                final Instant from = options.dayStart(Draws.between(rng, BASELINE_DAYS + 1, days - 8));
                behaviour.startsAt(from).ticketBurst(from, Draws.between(rng, 4, 8));
            }
            case PAYMENT_FAILURE -> {
                final List<Instant> renewals = BillingScheduler.renewals(signedUpAt,
                        options.end().minus(RECOVERY_WINDOW));
                final Instant failed = renewals.get(rng.nextInt(renewals.size()));
                behaviour.startsAt(failed.plus(BillingScheduler.PAYMENT_DELAY)).failedRenewal(failed);
            }
            case CHURNING -> planChurn(rng, behaviour);
            case HEALTHY -> {
                // Healthy accounts keep their everyday rhythm.
            }
        }
        return behaviour;
    }

    /**
     * A churner shows one main sign (a login decline, silence, or a cancellation-intent ticket), sometimes a
     * downgrade, then requests cancellation and is cancelled a few days later.
     */
    private void planChurn(final RandomGenerator rng, final Behaviour behaviour) {
        final int days = options.days();
        final double path = rng.nextDouble();
        final int start;
        final int requestDay;
        if (path < 0.4) {
            start = Draws.between(rng, BASELINE_DAYS + 1, days - 27);
            requestDay = start + Draws.between(rng, 8, 16);
            behaviour.decline(options.dayStart(start), Draws.uniform(rng, 0.15, 0.3));
            if (Draws.chance(rng, 0.4)) {
                behaviour.cancellationIntent(Draws.businessTime(
                        options.dayStart(start + Draws.between(rng, 3, requestDay - start - 1)), rng));
            }
        } else if (path < 0.65) {
            start = Draws.between(rng, SILENCE_EARLIEST_DAY, days - 31);
            requestDay = start + Draws.between(rng, SILENCE_DAYS + 1, 20);
            behaviour.silence(options.dayStart(start));
        } else {
            start = Draws.between(rng, SILENCE_EARLIEST_DAY, days - 19);
            requestDay = start + Draws.between(rng, 2, 8);
            behaviour.cancellationIntent(Draws.businessTime(options.dayStart(start), rng));
        }
        if (Draws.chance(rng, 0.3)) {
            behaviour.downgrade(Draws.businessTime(options.dayStart(Draws.between(rng, start, requestDay - 1)),
                    rng));
        }
        final Instant requested = Draws.businessTime(options.dayStart(requestDay), rng);
        final Instant cancelled = Draws.businessTime(options.dayStart(requestDay + Draws.between(rng, 3, 10)), rng);
        behaviour.startsAt(options.dayStart(start)).cancellation(requested, cancelled);
    }
}
