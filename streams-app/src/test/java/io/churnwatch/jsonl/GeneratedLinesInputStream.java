package io.churnwatch.jsonl;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/** Serves {@code lines} lines made on demand, never holding more than one, and counts the bytes served. */
final class GeneratedLinesInputStream extends InputStream {

    private final long lines;
    private final LongFunction<String> line;
    private long next;
    private byte[] current = new byte[0];
    private int pos;
    private long served;

    GeneratedLinesInputStream(final long lines, final LongFunction<String> line) {
        this.lines = lines;
        this.line = line;
    }

    @Override
    public int read() {
        if (pos == current.length) {
            if (next == lines) {
                return -1;
            }
            current = (line.apply(next++) + "\n").getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        served++;
        return current[pos++] & 0xff;
    }

    @Override
    public int read(final byte[] buffer, final int offset, final int length) {
        int count = 0;
        while (count < length) {
            final int b = read();
            if (b < 0) {
                return count == 0 ? -1 : count;
            }
            buffer[offset + count++] = (byte) b;
        }
        return count;
    }

    long bytesServed() {
        return served;
    }
}
