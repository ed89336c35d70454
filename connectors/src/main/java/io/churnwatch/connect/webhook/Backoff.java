package io.churnwatch.connect.webhook;

import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt of a request: exponential from {@code initialMs}, doubled per attempt
 * and capped at {@code maxMs}, with "equal jitter" (a random point in the upper half of the step) so that tasks
 * failing together do not retry together. A server's {@code Retry-After} is honoured when it asks for longer,
 * but never beyond {@code maxMs}: a CRM asking for an hour must not stall a task that long inside one
 * {@code put}; the task hands the record back to Connect instead, which retries it later.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;

    /**
     * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}; a fixed one in tests
     */
    public Backoff(final long initialMs, final long maxMs, final DoubleSupplier random) {
        if (initialMs < 0 || maxMs < initialMs) {
            throw new IllegalArgumentException("need 0 <= initialMs <= maxMs, got " + initialMs + " and " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The wait after failed attempt {@code attempt} (1 for the first), given the server's Retry-After if any. */
    public long delayMs(final int attempt, final OptionalLong retryAfterMs) {
        final long step = step(attempt);
        final long jittered = step / 2 + (long) (random.getAsDouble() * (step - step / 2));
        final long asked = retryAfterMs.orElse(0L);
        return Math.min(maxMs, Math.max(jittered, asked));
    }

    private long step(final int attempt) {
        // In doubles: initialMs * 2^(attempt - 1) overflows a long after some 50 attempts, the cap never does.
        return (long) Math.min(maxMs, initialMs * Math.pow(2, Math.max(0, attempt - 1)));
    }

    public long maxMs() {
        return maxMs;
    }
}
