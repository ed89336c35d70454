package io.churnwatch.serde;

/**
 * Bytes that are not a Confluent-framed Avro record: too short, a magic byte other than 0, or a payload that
 * does not decode with the writer schema its header names (truncated, corrupt or with trailing bytes).
 */
public final class InvalidWireFormatException extends RegistrySerdeException {

    public static final String REASON = "invalid-wire-format";

    public InvalidWireFormatException(final String message) {
        super(message);
    }

    public InvalidWireFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
