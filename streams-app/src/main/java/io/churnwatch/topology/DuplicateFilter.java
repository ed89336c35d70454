package io.churnwatch.topology;

import java.time.Duration;

/**
 * Recognises an input event delivered twice (a producer retry, a re-run import) by its {@code eventId}, so a
 * duplicate neither counts twice in a window nor changes an alert: a duplicate input gives the same outputs.
 *
 * <p>Ids are remembered per account in its {@link RecentEventIds}, for {@link #retention} behind the account's
 * event-time clock, and an event is a duplicate when the same id was seen within {@code grace} of its event time.
 * A duplicate older than the retention is late anyway (outside the windows' grace), so it can no longer change a
 * count. The memory is the account's own: what is forgotten when depends on the account's events alone, not on
 * the rest of the task's input, and it is restored with the account's state (a changelog of event ids with
 * 2013 timestamps would be deleted by the broker's retention as soon as it was written).
 */
final class DuplicateFilter {

    private final long horizonMillis;
    private final long retentionMillis;

    DuplicateFilter(final Duration grace) {
        this.horizonMillis = grace.toMillis();
        this.retentionMillis = retention(grace).toMillis();
    }

    /** How long behind the account's clock an event's id is remembered. */
    static Duration retention(final Duration grace) {
        return grace.multipliedBy(2).plus(Duration.ofDays(1));
    }

    /**
     * Whether this event was seen before; remembers it in {@code ids} if not.
     *
     * @param clock the account's event-time clock before this event
     */
    boolean isDuplicate(final RecentEventIds ids, final String eventId, final long eventTime, final long clock) {
        final long hash = RecentEventIds.hash(eventId);
        if (ids.contains(hash, eventTime, horizonMillis)) {
            return true;
        }
        ids.remember(hash, eventTime, Math.max(clock, eventTime) - retentionMillis);
        return false;
    }
}
