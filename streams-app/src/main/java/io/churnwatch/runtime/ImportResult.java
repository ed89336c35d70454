package io.churnwatch.runtime;

import io.churnwatch.jsonl.EventKind;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The outcome of importing one file.
 *
 * @param file     the file read
 * @param kind     the feed its lines belong to
 * @param lines    lines read, blank ones included
 * @param accepted valid records sent (and flushed)
 * @param rejected lines rejected and not sent
 * @param elapsed  time from opening the file to the end of the flush
 */
public record ImportResult(Path file, EventKind kind, long lines, long accepted, long rejected, Duration elapsed) {

    /** Accepted records per second of {@link #elapsed()}. */
    public double eventsPerSecond() {
        return Rates.perSecond(accepted, elapsed);
    }
}
