package io.churnwatch.generate;

import java.util.SplittableRandom;

/**
 * Independent random streams per account and purpose, derived from the run's seed. Because every account draws
 * from its own streams, an account's history depends only on the seed and its index, not on the order in which
 * accounts are simulated or on how many there are.
 */
final class Seeds {

    /** Purposes that draw from separate streams, so changing one model leaves the others' draws unchanged. */
    enum Stream { PROFILE, BEHAVIOUR, BILLING, TICKETS, USAGE }

    private Seeds() {
    }

    static SplittableRandom rng(final long seed, final int account, final Stream stream) {
        return new SplittableRandom(mix(mix(seed + 0x9E3779B97F4A7C15L * (account + 1L)) + stream.ordinal()));
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over the whole 64-bit range. */
    private static long mix(final long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
