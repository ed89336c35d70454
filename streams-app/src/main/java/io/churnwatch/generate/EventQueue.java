package io.churnwatch.generate;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * Holds generated events until every earlier event is known, then releases them in time order.
 *
 * <p>Events may be queued out of order (a ticket's whole lifecycle is queued when it opens); they are released
 * by non-decreasing time, ties in the order they were queued, which keeps the output deterministic. Events
 * outside the history's {@code [start, end)} are dropped: the feed starts and stops there.
 */
final class EventQueue {

    private record Entry(long atMillis, long sequence, SpecificRecord event) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparingLong(Entry::atMillis).thenComparingLong(Entry::sequence));
    private final long startMillis;
    private final long endMillis;
    private long sequence;

    EventQueue(final Instant start, final Instant end) {
        this.startMillis = start.toEpochMilli();
        this.endMillis = end.toEpochMilli();
    }

    void add(final Instant at, final SpecificRecord event) {
        final long millis = at.toEpochMilli();
        if (millis >= startMillis && millis < endMillis) {
            queue.add(new Entry(millis, sequence++, event));
        }
    }

    /** Releases, in order, every event strictly before {@code watermark}. */
    void releaseBefore(final Instant watermark, final Consumer<SpecificRecord> out) {
        final long limit = watermark.toEpochMilli();
        while (!queue.isEmpty() && queue.peek().atMillis() < limit) {
            out.accept(queue.poll().event());
        }
    }

    /** Releases, in order, every event left. */
    void releaseAll(final Consumer<SpecificRecord> out) {
        while (!queue.isEmpty()) {
            out.accept(queue.poll().event());
        }
    }
}
