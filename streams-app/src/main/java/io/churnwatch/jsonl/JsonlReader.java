package io.churnwatch.jsonl;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * Streams the lines of a JSONL file through a {@link JsonlCodec}, one {@link ParseResult} per non-blank line.
 *
 * <p>The file is read line by line and never loaded whole; gzip-compressed input is decompressed on the fly
 * (see {@link JsonlFiles}). Blank lines carry no data and are skipped,
 * but still counted, so line numbers match an editor's. Bad lines become rejections; an I/O failure (including
 * a truncated gzip stream) is thrown as {@link UncheckedIOException} from {@link #hasNext()}.
 *
 * @param <T> generated Avro record class
 */
public final class JsonlReader<T extends SpecificRecord> implements Iterator<ParseResult<T>>, Closeable {

    private final BufferedReader reader;
    private final JsonlCodec<T> codec;
    private long lineNo;
    private ParseResult<T> next;

    private JsonlReader(final BufferedReader reader, final JsonlCodec<T> codec) {
        this.reader = reader;
        this.codec = codec;
    }

    /** Opens {@code path}, gzip-compressed or not. */
    public static <T extends SpecificRecord> JsonlReader<T> open(final Path path, final JsonlCodec<T> codec)
            throws IOException {
        return new JsonlReader<>(JsonlFiles.openLines(path), codec);
    }

    /** Reads from {@code in}, gzip-compressed or not; closing the reader closes {@code in}. */
    public static <T extends SpecificRecord> JsonlReader<T> open(final InputStream in, final JsonlCodec<T> codec)
            throws IOException {
        return new JsonlReader<>(JsonlFiles.openLines(in), codec);
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            String line = reader.readLine();
            while (line != null) {
                lineNo++;
                if (!line.isBlank()) {
                    next = codec.parse(line, lineNo);
                    return true;
                }
                line = reader.readLine();
            }
            return false;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read line " + (lineNo + 1), e);
        }
    }

    @Override
    public ParseResult<T> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        final ParseResult<T> result = next;
        next = null;
        return result;
    }

    /** Number of lines read so far, blank ones included. */
    public long linesRead() {
        return lineNo;
    }

    /** The remaining results as a sequential stream; closing the stream closes this reader. */
    public Stream<ParseResult<T>> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::closeUnchecked);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private void closeUnchecked() {
        try {
            close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
