package io.churnwatch.runtime;

/**
 * A dependency churnwatch needs at start-up (the Kafka cluster, the schema registry, the topics) is not
 * usable. The CLI prints its message as one line, without a stack trace: it is the user's to act on.
 */
public class StartupException extends RuntimeException {

    public StartupException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public StartupException(final String message) {
        super(message);
    }
}
