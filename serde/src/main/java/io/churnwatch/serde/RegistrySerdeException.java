package io.churnwatch.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every failure of the registry serde: a Kafka {@link SerializationException}, so Kafka's
 * deserialization and production handlers see it, with a short machine-friendly {@link #reason()}.
 *
 * <p>The reason is a stable lower-case token (for example {@code invalid-wire-format}) meant for dead-letter
 * headers and metric tags; the message is for humans and never carries credentials.
 */
public abstract class RegistrySerdeException extends SerializationException {

    protected RegistrySerdeException(final String message) {
        super(message);
    }

    protected RegistrySerdeException(final String message, final Throwable cause) {
        super(message, cause);
    }

    /** A stable token naming the kind of failure, e.g. {@code unknown-schema-id}. */
    public abstract String reason();
}
