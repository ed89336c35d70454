package io.churnwatch.bench;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The loaded input every throughput phase reads: the partitions of the input topics with their start and end
 * offsets, fixed once the load is over.
 */
record InputSet(List<String> topics, Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {

    InputSet {
        topics = List.copyOf(topics);
        start = Map.copyOf(start);
        end = Map.copyOf(end);
    }

    List<TopicPartition> partitions() {
        return List.copyOf(end.keySet());
    }

    /** Records between the start and end offsets (the input is not transactional: one offset per record). */
    long records() {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Whether {@code consumer}, assigned every partition, has read up to the end offsets. */
    boolean reachedBy(final Consumer<?, ?> consumer) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * Whether committed offsets have reached the end offsets. A group commits nothing for a partition it read no
     * record from, so an empty partition counts as reached without a commit.
     */
    boolean reachedBy(final Map<TopicPartition, Long> committed) {
        return end.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(),
                start.getOrDefault(e.getKey(), 0L)) >= e.getValue());
    }
}
