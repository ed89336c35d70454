package io.churnwatch.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Matches output records to the input events that caused them and keeps the delays. An event is known by its
 * account and event time in milliseconds: a health update's {@code asOf} and an alert's {@code eventTime} are the
 * event time of the input that caused them. Outputs of a deadline (a sweep) carry the deadline's time and match no
 * event; they are counted apart. Events sent before the end of the warm-up are matched but not kept. The producer
 * thread calls {@link #sent}, the consumer thread {@link #arrived}.
 */
final class LatencyRecorder {

    /** Percentiles of the kept delays, in nanoseconds. */
    record Summary(long matched, long unmatched, long p50Nanos, long p99Nanos, long maxNanos) {
    }

    private final long warmupEndNanos;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private long[] delays = new long[1024];
    private int kept;
    private long unmatched;

    /** @param warmupEndNanos {@link System#nanoTime()} before which sent events are not kept */
    LatencyRecorder(final long warmupEndNanos) {
        this.warmupEndNanos = warmupEndNanos;
    }

    /** Records the send time of the event of {@code accountId} at {@code eventTimeMillis}; the first one wins. */
    void sent(final String accountId, final long eventTimeMillis, final long nanos) {
        sentAt.putIfAbsent(key(accountId, eventTimeMillis), nanos);
    }

    /** Records an output of {@code accountId} stamped {@code eventTimeMillis}, read at {@code nanos}. */
    void arrived(final String accountId, final long eventTimeMillis, final long nanos) {
        final Long sent = sentAt.get(key(accountId, eventTimeMillis));
        if (sent == null) {
            unmatched++;
            return;
        }
        if (sent >= warmupEndNanos) {
            if (kept == delays.length) {
                delays = Arrays.copyOf(delays, kept * 2);
            }
            delays[kept++] = nanos - sent;
        }
    }

    Summary summary() {
        final long[] sorted = Arrays.copyOf(delays, kept);
        Arrays.sort(sorted);
        return new Summary(kept, unmatched, percentile(sorted, 0.50), percentile(sorted, 0.99),
                kept == 0 ? 0 : sorted[kept - 1]);
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(final long[] sorted, final double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        final int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static String key(final String accountId, final long eventTimeMillis) {
        return accountId + '@' + eventTimeMillis;
    }
}
