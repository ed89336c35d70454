package io.churnwatch.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a consumer group is behind the end of some topics: end offset minus committed offset, per
 * partition (a partition the group never committed counts from its log start). Used to tell when a demo or a
 * replay has consumed its input, and by the lag gauges.
 */
public final class GroupLag implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    public GroupLag(final Properties clientProps, final Duration timeout) {
        this.admin = Admin.create(clientProps);
        this.timeout = timeout;
    }

    /** Lag per partition of {@code topics} for {@code groupId}. */
    public Map<TopicPartition, Long> lag(final String groupId, final Collection<String> topics) {
        final List<TopicPartition> partitions = partitions(topics);
        final Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        final Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        final Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata());
        final Map<TopicPartition, Long> lag = new HashMap<>();
        for (final TopicPartition partition : partitions) {
            final OffsetAndMetadata offset = committed.get(partition);
            final long position = offset == null ? start.get(partition) : offset.offset();
            lag.put(partition, Math.max(0, end.get(partition) - position));
        }
        return lag;
    }

    /** Total lag over {@code topics}. */
    public long total(final String groupId, final Collection<String> topics) {
        return lag(groupId, topics).values().stream().mapToLong(Long::longValue).sum();
    }

    /** End offsets of every partition of {@code topics}. */
    public Map<TopicPartition, Long> endOffsets(final Collection<String> topics) {
        return offsets(partitions(topics), OffsetSpec.latest());
    }

    private List<TopicPartition> partitions(final Collection<String> topics) {
        final Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        return described.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(final List<TopicPartition> partitions, final OffsetSpec spec) {
        final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all());
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private <T> T get(final org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new KafkaException("cannot read offsets: " + e.getMessage(), e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while reading offsets", e);
        }
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
