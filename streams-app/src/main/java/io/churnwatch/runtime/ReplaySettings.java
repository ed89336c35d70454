package io.churnwatch.runtime;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings by which a replay differs from the live app: it has a history to get through, not a
 * reader waiting for each record, so it trades latency for throughput, exactly-once kept.
 * <ul>
 *   <li>{@code num.stream.threads}: one per core, at most one per input partition (a task is the unit of
 *       parallelism), unless a thread count is asked for or the configuration sets one;</li>
 *   <li>under exactly-once, {@code commit.interval.ms} {@value #COMMIT_INTERVAL_MS} instead of 100: a
 *       transaction, and the flush of the record cache it entails, every two seconds instead of ten a second (still
 *       well within the 10 s transaction timeout Kafka Streams sets); at-least-once keeps its 30 s;</li>
 *   <li>{@code statestore.cache.max.bytes} {@value #CACHE_BYTES}: an account written again within a commit
 *       interval costs one store write and one changelog record.</li>
 * </ul>
 * A setting the configuration gives explicitly is kept. None of them changes a result: each task processes its
 * records in the same order whatever thread runs it, outputs are not cached, and deadlines run on stream time.
 */
final class ReplaySettings {

    static final long COMMIT_INTERVAL_MS = 2_000;
    static final long CACHE_BYTES = 64L * 1024 * 1024;

    private ReplaySettings() {
    }

    /**
     * Applies the replay's settings to {@code settings} (those of {@link StreamsSettings#of}).
     *
     * @param configured the settings the user gave (the configuration's originals)
     * @param threads    stream threads asked for, or 0 for one per core and at most one per partition
     * @param partitions partitions of each input topic
     * @return the stream threads the replay runs
     */
    static int apply(final Properties settings, final Map<String, ?> configured, final int threads,
                     final int partitions) {
        final int chosen;
        if (threads > 0) {
            chosen = threads;
        } else if (configured.containsKey(StreamsConfig.NUM_STREAM_THREADS_CONFIG)) {
            chosen = Integer.parseInt(String.valueOf(configured.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG)));
        } else {
            chosen = forMachine(Runtime.getRuntime().availableProcessors(), partitions);
        }
        settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, chosen);
        final boolean exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(
                String.valueOf(settings.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)));
        if (exactlyOnce && !configured.containsKey(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)) {
            settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        }
        if (!configured.containsKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)) {
            settings.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        }
        return chosen;
    }

    /** One thread per core, at most one per partition, at least one. */
    static int forMachine(final int cores, final int partitions) {
        return Math.max(1, Math.min(cores, partitions));
    }
}
