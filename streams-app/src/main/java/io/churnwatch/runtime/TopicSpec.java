package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import io.churnwatch.config.ChurnConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;

/**
 * A topic churnwatch needs, as {@link TopicProvisioner} creates it when it is missing.
 *
 * @param name              the topic's name under the configuration
 * @param input             whether it is an input topic: input topics are joined by account, so they must all have
 *                          the same number of partitions
 * @param partitions        partitions of a new topic
 * @param replicationFactor replicas of a new topic; empty for the broker's default
 * @param configs           topic-level settings of a new topic ({@code cleanup.policy}, {@code retention.ms})
 */
public record TopicSpec(String name, boolean input, int partitions, Optional<Short> replicationFactor,
                        Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    /**
     * The seven topics of a configuration: the four inputs (product-usage, support-tickets and billing keep
     * {@code topics.input.retention.ms}; accounts is compacted), the compacted health topic, the alerts topic
     * (kept as long as the inputs) and the dead-letter topic ({@code topics.dlq.retention.ms} from the time a
     * record was dead-lettered).
     *
     * <p>Alerts and dead letters carry the timestamps of the input records they come from (event time), and a
     * broker deletes by record timestamp: with a retention shorter than the age of the history (the broker's
     * default is 7 days), the alerts and dead letters of a backfill would be deleted minutes after they were
     * written. So alerts keep the inputs' retention, and the dead-letter topic uses log-append time.
     */
    public static List<TopicSpec> of(final ChurnConfig config) {
        final int partitions = config.getInt(TopicsConfig.PARTITIONS);
        final int replicas = config.getInt(TopicsConfig.REPLICATION_FACTOR);
        final Optional<Short> replication = replicas < 0 ? Optional.empty() : Optional.of((short) replicas);
        final Map<String, String> events = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.getLong(TopicsConfig.INPUT_RETENTION_MS)));
        final Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT);
        final Map<String, String> alerts = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.getLong(TopicsConfig.INPUT_RETENTION_MS)));
        final Map<String, String> deadLetters = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(config.getLong(TopicsConfig.DLQ_RETENTION_MS)),
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TimestampType.LOG_APPEND_TIME.name);
        return List.of(
                new TopicSpec(config.getString(ChurnConfig.TOPIC_USAGE), true, partitions, replication, events),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_TICKETS), true, partitions, replication, events),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_BILLING), true, partitions, replication, events),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_ACCOUNTS), true, partitions, replication, compacted),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_HEALTH), false, partitions, replication, compacted),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_ALERTS), false, partitions, replication, alerts),
                new TopicSpec(config.getString(ChurnConfig.TOPIC_DLQ), false, partitions, replication, deadLetters));
    }

    /** The same topic with another partition count. */
    public TopicSpec withPartitions(final int count) {
        return new TopicSpec(name, input, count, replicationFactor, configs);
    }

    /** The cleanup policy a new topic gets. */
    public String cleanupPolicy() {
        return configs.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    }

    NewTopic toNewTopic() {
        return new NewTopic(name, Optional.of(partitions), replicationFactor).configs(configs);
    }
}
