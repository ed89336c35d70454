package io.churnwatch.ops;

import java.time.Instant;

/**
 * Whether the cluster answered the last read of the {@link LagMonitor} (one every {@code lag.refresh.interval.ms}).
 *
 * <p>Kafka Streams stays RUNNING while its brokers are gone (its clients retry until they are back), so its state
 * alone would call an instance that can neither read nor publish ready; the lag monitor's Admin reads are the
 * instance's own probe of the cluster.
 *
 * @param failingSince when the reads started failing; null while the last read succeeded
 * @param failure the last failed read's message; null while the last read succeeded
 */
public record ClusterContact(Instant failingSince, String failure) {

    /** The last read succeeded (or none was made yet). */
    public static final ClusterContact REACHABLE = new ClusterContact(null, null);

    public boolean reachable() {
        return failingSince == null;
    }

    /** After a failed read at {@code at}: failing since the first failure of the current run of failures. */
    public ClusterContact failed(final Instant at, final String message) {
        return new ClusterContact(reachable() ? at : failingSince, message);
    }

    /** One line for a probe's body: {@code reachable}, or since when and why not. */
    public String describe() {
        return reachable() ? "reachable" : "unreachable since " + failingSince + ": " + failure;
    }
}
