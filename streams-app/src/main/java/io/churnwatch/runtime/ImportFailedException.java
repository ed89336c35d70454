package io.churnwatch.runtime;

/**
 * Writing to Kafka failed: a record could not be serialized (e.g. the schema registry is unreachable or
 * refuses the schema) or the cluster did not store it. The message is one line naming the topic and cause.
 */
public final class ImportFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportFailedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
