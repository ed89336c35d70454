package io.churnwatch.runtime;

import java.time.Duration;

/** Throughput arithmetic shared by results and progress displays. */
public final class Rates {

    private Rates() {
    }

    /** {@code count} per second of {@code elapsed}; 0 before any time has passed. */
    public static double perSecond(final long count, final Duration elapsed) {
        final long nanos = elapsed.toNanos();
        return nanos <= 0 ? 0.0 : count * 1e9 / nanos;
    }
}
