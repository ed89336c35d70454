package io.churnwatch.runtime;

import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.EventSink;
import java.time.Instant;

/**
 * A part of a generated history, by event time: the events whose {@code occurredAt} is in {@code [from, until)},
 * with or without the account profiles. Importing {@link #before(Instant)} and then {@link #from(Instant)} writes
 * every record of the history exactly once, as a live feed would, in two goes.
 *
 * @param from first event time included; {@link Instant#MIN} for the start of the history
 * @param until first event time excluded; {@link Instant#MAX} for the end of the history
 * @param profiles whether the account profiles belong to the slice
 */
public record HistorySlice(Instant from, Instant until, boolean profiles) {

    /** The whole history. */
    public static HistorySlice all() {
        return new HistorySlice(Instant.MIN, Instant.MAX, true);
    }

    /** The profiles and the events before {@code cutoff}. */
    static HistorySlice before(final Instant cutoff) {
        return new HistorySlice(Instant.MIN, cutoff, true);
    }

    /** The events at or after {@code cutoff}, without the profiles. */
    static HistorySlice from(final Instant cutoff) {
        return new HistorySlice(cutoff, Instant.MAX, false);
    }

    /** A sink passing on to {@code target} only the records of this slice. */
    EventSink filter(final EventSink target) {
        return new EventSink() {
            @Override
            public void accept(final AccountProfile profile) {
                if (profiles) {
                    target.accept(profile);
                }
            }

            @Override
            public void accept(final UsageEvent event) {
                if (contains(event.getOccurredAt())) {
                    target.accept(event);
                }
            }

            @Override
            public void accept(final SupportTicketEvent event) {
                if (contains(event.getOccurredAt())) {
                    target.accept(event);
                }
            }

            @Override
            public void accept(final BillingEvent event) {
                if (contains(event.getOccurredAt())) {
                    target.accept(event);
                }
            }
        };
    }

    private boolean contains(final Instant occurredAt) {
        return !occurredAt.isBefore(from) && occurredAt.isBefore(until);
    }
}
