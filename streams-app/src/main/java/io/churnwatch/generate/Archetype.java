package io.churnwatch.generate;

import java.util.random.RandomGenerator;

/**
 * Behaviour of a generated account over the history, with its share of the accounts. The archetype is the
 * ground truth that alerts are scored against.
 */
public enum Archetype {
    /** Steady usage, the odd ticket, renewals paid (an occasional failed payment recovers within two days). */
    HEALTHY(0.55),
    /** Logins fall to 20-30% of their baseline from a day after day 35 and stay low; no cancellation. */
    DECLINING(0.10),
    /** All usage stops from a day after day 20, leaving at least 14 silent days before the end; still paying. */
    SILENT(0.07),
    /** A burst of 4-8 tickets within a week, from a day after day 35. */
    TICKET_SPIKE(0.07),
    /** A renewal payment fails and is never recovered (retries fail too). */
    PAYMENT_FAILURE(0.06),
    /** Decline, silence or a cancellation-intent ticket, then CANCELLATION_REQUESTED and CANCELLED. */
    CHURNING(0.15);

    private final double share;

    Archetype(final double share) {
        this.share = share;
    }

    /** Expected fraction of accounts with this archetype. */
    public double share() {
        return share;
    }

    /** Draws an archetype with probability {@link #share()}. */
    static Archetype draw(final RandomGenerator rng) {
        double u = rng.nextDouble();
        for (final Archetype archetype : values()) {
            u -= archetype.share;
            if (u < 0) {
                return archetype;
            }
        }
        return HEALTHY;
    }
}
