package io.churnwatch.runtime;

import io.churnwatch.jsonl.ParseResult;
import java.nio.file.Path;

/**
 * Follows a {@link JsonlImport}: a progress display, a report of rejected lines. Called from the importing
 * thread; every method has a no-op default.
 */
public interface ImportListener {

    /** Listens to nothing. */
    ImportListener NONE = new ImportListener() {
    };

    /** Reading a file begins (nothing read yet). */
    default void started(final FileProgress progress) {
    }

    /** Called every few thousand lines with the counts so far; {@link FileProgress#bytesRead()} grows. */
    default void progress(final FileProgress progress) {
    }

    /** A line failed validation and was not sent. */
    default void rejected(final Path file, final ParseResult<?> rejection) {
    }

    /** Everything valid was sent and flushed. */
    default void finished(final ImportResult result) {
    }
}
