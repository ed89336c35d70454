package io.churnwatch.runtime;

/** The Kafka cluster did not answer within the timeout; the message is one line naming the bootstrap servers. */
public final class ClusterUnreachableException extends StartupException {

    private static final long serialVersionUID = 1L;

    public ClusterUnreachableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
