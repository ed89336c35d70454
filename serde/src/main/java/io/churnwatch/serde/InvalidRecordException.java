package io.churnwatch.serde;

/**
 * A record that cannot be encoded with its own schema, e.g. a {@code null} in a non-nullable field of a
 * record built through its constructor rather than its validating builder.
 */
public final class InvalidRecordException extends RegistrySerdeException {

    public static final String REASON = "invalid-record";

    public InvalidRecordException(final String message, final Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return REASON;
    }
}
