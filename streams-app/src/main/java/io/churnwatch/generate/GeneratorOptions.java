package io.churnwatch.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Size, seed and time span of a generated history.
 *
 * @param accounts number of accounts, at least 1
 * @param days length of the history in days, at least {@link #MIN_DAYS} so that every archetype fits (a
 *     decline needs 5 weeks of baseline before it and a churner its cancellation before the end)
 * @param seed seed of every random choice: the same options give byte-identical output
 * @param start first instant of the history (inclusive), truncated to seconds
 */
public record GeneratorOptions(int accounts, int days, long seed, Instant start) {

    public static final int DEFAULT_ACCOUNTS = 2000;
    public static final int DEFAULT_DAYS = 90;
    public static final long DEFAULT_SEED = 42L;
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");
    public static final int MIN_DAYS = 63;
    public static final int MAX_DAYS = 3660;
    public static final int MAX_ACCOUNTS = 1_000_000;

    public GeneratorOptions {
        if (accounts < 1 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be between 1 and " + MAX_ACCOUNTS + " (got "
                    + accounts + ")");
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between " + MIN_DAYS + " and " + MAX_DAYS
                    + " so that every archetype fits (got " + days + ")");
        }
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.SECONDS);
    }

    /** 2000 accounts, 90 days, seed 42, from 2026-01-05T00:00:00Z. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(DEFAULT_ACCOUNTS, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_START);
    }

    public GeneratorOptions withAccounts(final int newAccounts) {
        return new GeneratorOptions(newAccounts, days, seed, start);
    }

    public GeneratorOptions withDays(final int newDays) {
        return new GeneratorOptions(accounts, newDays, seed, start);
    }

    public GeneratorOptions withSeed(final long newSeed) {
        return new GeneratorOptions(accounts, days, newSeed, start);
    }

    public GeneratorOptions withStart(final Instant newStart) {
        return new GeneratorOptions(accounts, days, seed, newStart);
    }

    /** First instant after the history (exclusive). */
    public Instant end() {
        return dayStart(days);
    }

    /** Midnight UTC at the start of day {@code day} (0-based). */
    public Instant dayStart(final int day) {
        return start.plus(Duration.ofDays(day));
    }
}
