package io.churnwatch.runtime;

import io.churnwatch.jsonl.EventKind;
import io.churnwatch.jsonl.JsonlReader;
import io.churnwatch.jsonl.ParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * Streams one JSONL file of a feed into a {@link RecordTarget}, validating every line.
 *
 * <p>The file (plain or gzip) is read line by line through {@link JsonlReader}, never loaded whole. A line is
 * valid when the feed's codec parses it (see {@link io.churnwatch.jsonl.JsonlCodec}) and its timestamp field
 * ({@code occurredAt}, or {@code signedUpAt} of a profile) is after the epoch, since it becomes the Kafka
 * record timestamp. Valid records go to the target in file order; rejected lines are reported to the listener
 * with their line number and reason and never sent. The target is flushed before the result is returned, so
 * the elapsed time and the rate cover storage, not just hand-over.
 */
public final class JsonlImport {

    /** Progress is reported every this many lines (a power of two, checked with a mask). */
    static final int PROGRESS_EVERY = 4096;

    private final EventKind kind;
    private final Path file;
    private final RecordTarget target;
    private final ImportListener listener;
    private long accepted;
    private long rejected;

    private JsonlImport(final EventKind kind, final Path file, final RecordTarget target,
                        final ImportListener listener) {
        this.kind = kind;
        this.file = file;
        this.target = target;
        this.listener = listener;
    }

    /**
     * Imports {@code file}.
     *
     * @throws IOException when the file cannot be opened or read (a truncated gzip stream included); the message
     *     names the file
     * @throws ImportFailedException when the target fails
     */
    public static ImportResult run(final EventKind kind, final Path file, final RecordTarget target,
                                   final ImportListener listener) throws IOException {
        return new JsonlImport(kind, file, target, listener).run();
    }

    private ImportResult run() throws IOException {
        final long begin = System.nanoTime();
        final long size;
        final long lines;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(file));
             JsonlReader<? extends SpecificRecord> reader = JsonlReader.open(in, kind.codec())) {
            size = Files.size(file);
            listener.started(progress(size, 0, 0));
            while (hasNext(reader)) {
                handle(reader.next());
                if (((accepted + rejected) & (PROGRESS_EVERY - 1)) == 0) {
                    listener.progress(progress(size, in.count(), reader.linesRead()));
                }
            }
            lines = reader.linesRead();
        } catch (final IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        listener.progress(progress(size, size, lines));
        target.flush();
        final ImportResult done = new ImportResult(file, kind, lines, accepted, rejected,
                Duration.ofNanos(System.nanoTime() - begin));
        listener.finished(done);
        return done;
    }

    private void handle(final ParseResult<? extends SpecificRecord> parsed) {
        final ParseResult<? extends SpecificRecord> result = withValidTime(parsed);
        if (result.isOk()) {
            target.send(kind, result.value());
            accepted++;
        } else {
            rejected++;
            listener.rejected(file, result);
        }
    }

    private FileProgress progress(final long size, final long bytesRead, final long lines) {
        return new FileProgress(file, kind, size, bytesRead, lines, accepted, rejected);
    }

    private static boolean hasNext(final JsonlReader<?> reader) throws IOException {
        try {
            return reader.hasNext();
        } catch (final UncheckedIOException e) {
            throw new IOException("line " + (reader.linesRead() + 1) + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static ParseResult<? extends SpecificRecord> withValidTime(
            final ParseResult<? extends SpecificRecord> result) {
        if (!result.isOk()) {
            return result;
        }
        final Instant time = EventTimes.of(result.value());
        if (time.toEpochMilli() > 0) {
            return result;
        }
        return ParseResult.rejected(result.lineNo(), EventTimes.field(result.value()) + " " + time
                + " is not after 1970-01-01T00:00:00Z (it becomes the Kafka record timestamp)", null);
    }
}
