package io.churnwatch.jsonl;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens line-oriented UTF-8 input, gzip-compressed or not, for streaming: gzip is recognised by its magic bytes
 * (whatever the file is called) and decompressed on the fly.
 */
public final class JsonlFiles {

    static final int BUFFER_BYTES = 1 << 16;
    private static final int GZIP_MAGIC = 0x8b1f;

    private JsonlFiles() {
    }

    /** A reader over the lines of {@code path}. */
    public static BufferedReader openLines(final Path path) throws IOException {
        return openLines(Files.newInputStream(path));
    }

    /** A reader over the lines of {@code in}; closing the reader closes {@code in}. */
    public static BufferedReader openLines(final InputStream in) throws IOException {
        final BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        try {
            final InputStream raw = isGzip(buffered) ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
            return new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), BUFFER_BYTES);
        } catch (final IOException e) {
            buffered.close();
            throw e;
        }
    }

    private static boolean isGzip(final BufferedInputStream in) throws IOException {
        in.mark(2);
        final int first = in.read();
        final int second = in.read();
        in.reset();
        return first >= 0 && second >= 0 && (first | (second << 8)) == GZIP_MAGIC;
    }
}
