package io.churnwatch.serde;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The Confluent framing of a Kafka record's bytes: magic byte {@code 0}, the writer schema's registry id as a
 * 4-byte big-endian signed int, then the Avro binary encoding of the record with that schema.
 */
public final class WireFormat {

    public static final byte MAGIC_BYTE = 0;
    /** Length of the magic byte and the schema id that precede the Avro payload. */
    public static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /** Writes the magic byte and {@code schemaId} (big-endian). */
    public static void writeHeader(final ByteArrayOutputStream out, final int schemaId) {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * The schema id in the header of {@code data}.
     *
     * @throws InvalidWireFormatException when {@code data} is shorter than the header or its magic byte is not 0
     */
    public static int schemaId(final byte[] data) {
        if (data.length < HEADER_LENGTH) {
            throw new InvalidWireFormatException(String.format(Locale.ROOT,
                    "Record of %d bytes is too short for the %d-byte Confluent header", data.length, HEADER_LENGTH));
        }
        if (data[0] != MAGIC_BYTE) {
            throw new InvalidWireFormatException(String.format(Locale.ROOT,
                    "Unknown magic byte 0x%02x, expected 0x00 (Confluent framing)", data[0] & 0xff));
        }
        return (data[1] & 0xff) << 24 | (data[2] & 0xff) << 16 | (data[3] & 0xff) << 8 | data[4] & 0xff;
    }
}
