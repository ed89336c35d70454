package io.churnwatch.signals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.BinaryData;

/**
 * Appends the primitives of the account-state format to a growable byte array, in Avro's binary encoding (ints
 * and longs as zig-zag varints, booleans as one byte, strings as a varint length and UTF-8 bytes), which
 * {@link StateReader} reads, as it reads the states format version 1 wrote with Avro's encoder. The varints are
 * encoded by Avro's {@link BinaryData}; this class only manages the array, which is what makes it cheaper than an
 * encoder writing byte by byte to a stream.
 *
 * <p>Not thread-safe: one writer per encoded state.
 */
final class StateWriter {

    /** The most bytes a varint long takes. */
    private static final int MAX_VARINT = 10;

    private byte[] buf;
    private int pos;

    StateWriter(final int initialCapacity) {
        this.buf = new byte[Math.max(MAX_VARINT, initialCapacity)];
    }

    void writeByte(final byte value) {
        ensure(1);
        buf[pos++] = value;
    }

    void writeBoolean(final boolean value) {
        ensure(1);
        pos += BinaryData.encodeBoolean(value, buf, pos);
    }

    void writeInt(final int value) {
        ensure(MAX_VARINT);
        pos += BinaryData.encodeInt(value, buf, pos);
    }

    void writeLong(final long value) {
        ensure(MAX_VARINT);
        pos += BinaryData.encodeLong(value, buf, pos);
    }

    void writeString(final String value) {
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, pos, utf8.length);
        pos += utf8.length;
    }

    /** The bytes written so far, in an array of their exact length. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void ensure(final int bytes) {
        if (buf.length - pos < bytes) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, pos + bytes));
        }
    }
}
