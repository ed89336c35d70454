package io.churnwatch.runtime;

import io.churnwatch.jsonl.EventKind;
import java.nio.file.Path;

/**
 * How far a {@link JsonlImport} got in one file.
 *
 * @param file      the file being read
 * @param kind      the feed its lines belong to
 * @param sizeBytes the file's size on disk (compressed size for a gzip file)
 * @param bytesRead bytes of the file read so far, on the same scale as {@code sizeBytes}
 * @param lines     lines read so far, blank ones included
 * @param accepted  valid records handed to the target
 * @param rejected  lines rejected
 */
public record FileProgress(Path file, EventKind kind, long sizeBytes, long bytesRead, long lines, long accepted,
                           long rejected) {

    /** Share of the file read, from 0 to 1; 1 for an empty file. */
    public double fraction() {
        return sizeBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / sizeBytes);
    }
}
