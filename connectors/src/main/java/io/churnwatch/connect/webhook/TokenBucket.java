package io.churnwatch.connect.webhook;

import java.util.function.LongSupplier;

/**
 * A request-rate limit: at most {@code perSecond} requests per second on average, with bursts of up to one
 * second's worth (at least one request). CRMs throttle their APIs (HubSpot per 10 s, Salesforce per day), and a
 * sink that stays under the limit spends its time delivering rather than being answered 429. A rate of 0 or less
 * means unlimited. One bucket per task; not thread-safe (a sink task's {@code put} is single-threaded).
 */
public final class TokenBucket {

    /** Waits, interruptibly; {@code Thread::sleep} but for nanoseconds, replaceable in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long refilledAt;

    public TokenBucket(final double perSecond, final LongSupplier nanoClock, final Sleeper sleeper) {
        this.perSecond = perSecond;
        this.capacity = Math.max(1.0, perSecond);
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** A bucket on the system clock. */
    public static TokenBucket perSecond(final double perSecond) {
        return new TokenBucket(perSecond, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Takes one token, waiting for it if the bucket is empty. */
    public void acquire() throws InterruptedException {
        if (perSecond <= 0) {
            return;
        }
        refill();
        while (tokens < 1.0) {
            sleeper.sleepNanos((long) Math.ceil((1.0 - tokens) / perSecond * NANOS_PER_SECOND));
            refill();
        }
        tokens -= 1.0;
    }

    private void refill() {
        final long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) / NANOS_PER_SECOND * perSecond);
        refilledAt = now;
    }
}
