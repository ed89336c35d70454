package io.churnwatch.runtime;

import io.churnwatch.jsonl.EventKind;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** A {@link RecordTarget} that sends nothing and notes the earliest record timestamp ({@link EventTimes}) handed to it. */
public final class OldestRecord implements RecordTarget {

    private Instant oldest;

    @Override
    public void send(final EventKind kind, final SpecificRecord record) {
        final Instant at = EventTimes.of(record);
        if (oldest == null || at.isBefore(oldest)) {
            oldest = at;
        }
    }

    @Override
    public void flush() {
        // Nothing was sent.
    }

    /** The earliest timestamp seen, empty when no record was. */
    public Optional<Instant> at() {
        return Optional.ofNullable(oldest);
    }
}
