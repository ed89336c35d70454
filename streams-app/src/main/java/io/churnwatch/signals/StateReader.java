package io.churnwatch.signals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitives of an encoded account state from a byte array: Avro's binary encoding of ints and longs
 * (zig-zag varints), booleans (one byte) and strings (a varint length and UTF-8 bytes), as {@link StateWriter}
 * and, for format version 1, Avro's own encoder wrote them. Carries the format version of the state, which
 * decides the layout of some fields. Bytes that do not decode (a varint too long, a length past the end, a
 * boolean other than 0 or 1) raise an {@link IOException}.
 *
 * <p>Not thread-safe: one reader per decoded state.
 */
final class StateReader {

    private final byte[] buf;
    private final int end;
    private final int version;
    private int pos;

    /** Reads {@code buf} from {@code offset} to its end, as written by format {@code version}. */
    StateReader(final byte[] buf, final int offset, final int version) {
        this.buf = buf;
        this.pos = offset;
        this.end = buf.length;
        this.version = version;
    }

    int version() {
        return version;
    }

    boolean isEnd() {
        return pos == end;
    }

    boolean readBoolean() throws IOException {
        final int b = next();
        if (b > 1) {
            throw new IOException("invalid boolean " + b);
        }
        return b == 1;
    }

    int readInt() throws IOException {
        final int n = (int) varint(5);
        return (n >>> 1) ^ -(n & 1);
    }

    long readLong() throws IOException {
        final long n = varint(10);
        return (n >>> 1) ^ -(n & 1);
    }

    String readString() throws IOException {
        final int length = readInt();
        if (length < 0 || length > end - pos) {
            throw new IOException("string length out of range: " + length);
        }
        final String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    /** An unsigned varint of at most {@code maxBytes} bytes, 7 bits per byte, least significant first. */
    private long varint(final int maxBytes) throws IOException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            final int b = next();
            value |= (long) (b & 0x7f) << (7 * i);
            if (b < 0x80) {
                return value;
            }
        }
        throw new IOException("varint longer than " + maxBytes + " bytes");
    }

    private int next() throws IOException {
        if (pos == end) {
            throw new IOException("truncated at byte " + pos);
        }
        return buf[pos++] & 0xff;
    }
}
