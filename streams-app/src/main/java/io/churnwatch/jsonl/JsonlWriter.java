package io.churnwatch.jsonl;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Writes values as JSONL: one line per value, UTF-8, {@code \n} terminated.
 *
 * <p>A path whose name ends in {@code .gz} is gzip-compressed. Output is byte-identical for identical input
 * (the gzip header carries no timestamp), which keeps generated data sets reproducible.
 *
 * @param <T> type of the values written
 */
public final class JsonlWriter<T> implements Closeable {

    private final Writer out;
    private final Function<? super T, String> format;
    private long lines;

    private JsonlWriter(final Writer out, final Function<? super T, String> format) {
        this.out = out;
        this.format = format;
    }

    /**
     * Creates or truncates {@code path}.
     *
     * @param format renders one value as one line of JSON, e.g. {@code JsonlCodec.usage()::write}
     */
    public static <T> JsonlWriter<T> open(final Path path, final Function<? super T, String> format)
            throws IOException {
        final OutputStream file = Files.newOutputStream(path);
        try {
            final boolean gzip = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
            final OutputStream stream = gzip ? new GZIPOutputStream(file, JsonlFiles.BUFFER_BYTES) : file;
            return new JsonlWriter<>(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                    JsonlFiles.BUFFER_BYTES), format);
        } catch (final IOException e) {
            file.close();
            throw e;
        }
    }

    /** Appends one line. */
    public void write(final T value) throws IOException {
        out.write(format.apply(value));
        out.write('\n');
        lines++;
    }

    /** Number of lines written. */
    public long lines() {
        return lines;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
