package io.churnwatch.ops;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag as last read from the cluster: per group, per partition, the records not committed yet.
 *
 * @param readAt when it was read; null before the first successful read
 * @param groups lag per partition of each group
 */
public record LagSnapshot(Instant readAt, Map<String, Map<TopicPartition, Long>> groups) {

    /** Nothing read yet. */
    public static final LagSnapshot NONE = new LagSnapshot(null, Map.of());

    public LagSnapshot {
        groups = Map.copyOf(groups);
    }

    /** Total lag of a group over all its partitions; 0 for a group not read. */
    public long total(final String group) {
        return groups.getOrDefault(group, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Lag of a group per topic, sorted by topic name. */
    public Map<String, Long> byTopic(final String group) {
        final Map<String, Long> topics = new TreeMap<>();
        groups.getOrDefault(group, Map.of()).forEach((partition, lag) -> topics.merge(partition.topic(), lag, Long::sum));
        return topics;
    }
}
