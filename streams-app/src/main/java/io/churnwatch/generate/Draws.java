package io.churnwatch.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** The shapes of random draws the generator uses. */
final class Draws {

    private static final long BUSINESS_DAY_START_SECONDS = Duration.ofHours(8).toSeconds();
    private static final long BUSINESS_DAY_SECONDS = Duration.ofHours(10).toSeconds();

    private Draws() {
    }

    /** A whole number in {@code [lo, hi]}. */
    static int between(final RandomGenerator rng, final int lo, final int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** A number in {@code [lo, hi)}. */
    static double uniform(final RandomGenerator rng, final double lo, final double hi) {
        return lo + rng.nextDouble() * (hi - lo);
    }

    /** Whether an event of probability {@code p} happens. */
    static boolean chance(final RandomGenerator rng, final double p) {
        return rng.nextDouble() < p;
    }

    /** A count from a geometric distribution with the given mean, capped at {@code max}. */
    static int geometric(final RandomGenerator rng, final double mean, final int max) {
        final double more = mean / (1 + mean);
        int n = 0;
        while (n < max && rng.nextDouble() < more) {
            n++;
        }
        return n;
    }

    /** A time between 08:00 and 18:00 after {@code midnight}, to the second. */
    static Instant businessTime(final Instant midnight, final RandomGenerator rng) {
        return midnight.plusSeconds(BUSINESS_DAY_START_SECONDS + rng.nextLong(BUSINESS_DAY_SECONDS));
    }

    /** A duration in {@code [lo, hi)}, to the second. */
    static Duration duration(final RandomGenerator rng, final Duration lo, final Duration hi) {
        return lo.plusSeconds(rng.nextLong(hi.minus(lo).toSeconds()));
    }
}
