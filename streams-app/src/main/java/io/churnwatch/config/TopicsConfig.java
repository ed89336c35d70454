package io.churnwatch.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the topics churnwatch creates ({@code churnwatch topics create}, {@code run}) are configured:
 * partitions, replication and retentions. Merged into {@link ChurnConfig#CONFIG_DEF}.
 */
public final class TopicsConfig {

    public static final String PARTITIONS = "topics.partitions";
    public static final String REPLICATION_FACTOR = "topics.replication.factor";
    public static final String INPUT_RETENTION_MS = "topics.input.retention.ms";
    public static final String DLQ_RETENTION_MS = "topics.dlq.retention.ms";

    private TopicsConfig() {
    }

    /** Declares the topic keys in {@code def}: partitions, replication factor and retentions of new topics. */
    static ConfigDef define(final ConfigDef def) {
        return def
                .define(PARTITIONS, Type.INT, 6, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                        "Partitions of each topic 'churnwatch topics create' creates (input topics that already "
                                + "exist win: all inputs must have the same count). Bounds the parallelism.")
                .define(REPLICATION_FACTOR, Type.INT, 1, minusOneOrPositive(Short.MAX_VALUE), Importance.MEDIUM,
                        "Replicas of each topic 'churnwatch topics create' creates; -1 for the broker's "
                                + "default.replication.factor. Use 3 on a production cluster.")
                .define(INPUT_RETENTION_MS, Type.LONG, Duration.ofDays(730).toMillis(),
                        minusOneOrPositive(Long.MAX_VALUE), Importance.MEDIUM, "retention.ms of the created event "
                                + "topics (product-usage, support-tickets, billing): replays read them from the start; "
                                + "-1 keeps them forever. The alerts topic gets it too: alerts carry their events' "
                                + "times, so a shorter retention would delete a backfill's alerts at once.")
                .define(DLQ_RETENTION_MS, Type.LONG, Duration.ofDays(30).toMillis(), minusOneOrPositive(Long.MAX_VALUE),
                        Importance.LOW, "retention.ms of the created dead-letter topic, counted from the time a record "
                                + "was dead-lettered (the topic uses log-append time); -1 keeps it forever.");
    }

    private static ConfigDef.Validator minusOneOrPositive(final long max) {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            final long v = ((Number) value).longValue();
            if (v != -1 && (v < 1 || v > max)) {
                throw new ConfigException(name, value, "must be -1 or between 1 and " + max);
            }
        }, () -> "-1, or [1,...," + max + "]");
    }
}
