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
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets of topics and consumer groups, through the Admin client: how far a group is behind the end of some
 * topics (end offset minus committed offset per partition; a partition the group never committed counts from
 * its log start), where a point in time falls, where a partition's oldest record kept is (what retention or a
 * deletion left), and the bookkeeping of a replay (setting a fresh group's start offsets, deleting its group and
 * internal topics afterwards).
 */
public final class KafkaOffsets implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    public KafkaOffsets(final Properties clientProps, final Duration timeout) {
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

    /** Committed offsets of {@code groupId} (partitions it never committed are absent). */
    public Map<TopicPartition, Long> committed(final String groupId) {
        return get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()).entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Per partition of {@code topics}, the first offset whose timestamp is at or after {@code timestampMs} (the end
     * offset when there is none): where a replay starts. The broker may find none although the partition still
     * holds a record that late (Kafka 4.4 does once records were deleted up to an offset inside a batch); the
     * oldest record kept is then taken, so that no record at or after the time is skipped.
     */
    public Map<TopicPartition, Long> offsetsAt(final Collection<String> topics, final long timestampMs) {
        final List<TopicPartition> partitions = partitions(topics);
        final Map<TopicPartition, Long> at = new HashMap<>(offsets(partitions, OffsetSpec.forTimestamp(timestampMs)));
        final List<TopicPartition> notFound = partitions.stream().filter(p -> at.get(p) < 0).toList();
        if (!notFound.isEmpty()) {
            final Map<TopicPartition, Long> oldest = offsets(notFound, OffsetSpec.earliest());
            final Map<TopicPartition, Long> end = offsets(notFound, OffsetSpec.latest());
            final Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> newest =
                    list(notFound, OffsetSpec.maxTimestamp());
            notFound.forEach(p -> at.put(p, newest.get(p).timestamp() >= timestampMs ? oldest.get(p) : end.get(p)));
        }
        return at;
    }

    /**
     * Per partition of {@code topics}, the offset just past the first record whose timestamp is at or after
     * {@code timestampMs} (the end offset when the broker finds none): where a replay may stop, since a group that
     * committed it has processed that record.
     */
    public Map<TopicPartition, Long> offsetsPast(final Collection<String> topics, final long timestampMs) {
        final List<TopicPartition> partitions = partitions(topics);
        final Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        final Map<TopicPartition, Long> at = offsets(partitions, OffsetSpec.forTimestamp(timestampMs));
        final Map<TopicPartition, Long> past = new HashMap<>();
        partitions.forEach(p -> past.put(p, at.get(p) < 0 ? end.get(p) : at.get(p) + 1));
        return past;
    }

    /** Start offsets of every partition of {@code topics}: its oldest record kept (the end when it keeps none). */
    public Map<TopicPartition, Long> startOffsets(final Collection<String> topics) {
        return offsets(partitions(topics), OffsetSpec.earliest());
    }

    /** Sets the committed offsets of a group that has no active member (a replay's, before it starts). */
    public void commit(final String groupId, final Map<TopicPartition, Long> offsets) {
        get(admin.alterConsumerGroupOffsets(groupId, offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all());
    }

    /** Deletes a group and the given topics (a replay's internal topics), ignoring those already gone. */
    public void deleteGroupAndTopics(final String groupId, final Collection<String> topics) {
        get(admin.deleteConsumerGroups(List.of(groupId)).all());
        if (!topics.isEmpty()) {
            get(admin.deleteTopics(topics).all());
        }
    }

    /** Creates topics (with the broker's default replication). */
    public void createTopics(final Collection<NewTopic> topics) {
        if (!topics.isEmpty()) {
            get(admin.createTopics(topics).all());
        }
    }

    /** Names of the topics on the cluster that start with {@code prefix}. */
    public List<String> topicsStartingWith(final String prefix) {
        return get(admin.listTopics().names()).stream().filter(name -> name.startsWith(prefix)).sorted().toList();
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
        return list(partitions, spec).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> list(final List<TopicPartition> partitions,
                                                                              final OffsetSpec spec) {
        return get(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all());
    }

    private <T> T get(final org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final ExecutionException e) {
            throw new KafkaException("cannot read offsets: " + e.getMessage(), e);
        } catch (final TimeoutException e) {
            throw new KafkaException("cannot read offsets: no answer from the cluster within " + timeout.toMillis()
                    + " ms", e);
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
