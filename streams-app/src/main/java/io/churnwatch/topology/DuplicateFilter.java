package io.churnwatch.topology;

import java.time.Duration;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Recognises an input event delivered twice (a producer retry, a re-run import) by its {@code eventId}, so a
 * duplicate neither counts twice in a window nor changes an alert: a duplicate input gives the same outputs.
 *
 * <p>Ids are remembered per account in a window store for {@code horizon} around their event time; the store
 * drops older segments by itself. A duplicate older than that is late anyway (outside the windows' grace), so
 * it can no longer change a count.
 */
final class DuplicateFilter {

    private final WindowStore<String, Long> seen;
    private final long horizonMillis;

    DuplicateFilter(final WindowStore<String, Long> seen, final Duration horizon) {
        this.seen = seen;
        this.horizonMillis = horizon.toMillis();
    }

    /** The store's retention: events are remembered this long after the stream time passes them. */
    static Duration retention(final Duration grace) {
        return grace.multipliedBy(2).plus(Duration.ofDays(1));
    }

    /** Whether this event was seen before; remembers it if not. */
    boolean isDuplicate(final String accountId, final String eventId, final long eventTime) {
        final String key = accountId + '/' + eventId;
        // The long overload: the Instant one validates its arguments by building a message string on every call.
        try (WindowStoreIterator<Long> earlier = seen.fetch(key, eventTime - horizonMillis, eventTime + horizonMillis)) {
            if (earlier.hasNext()) {
                return true;
            }
        }
        seen.put(key, eventTime, eventTime);
        return false;
    }
}
