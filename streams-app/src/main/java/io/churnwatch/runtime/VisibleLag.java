package io.churnwatch.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Lag as the records a {@code read_committed} reader would still get. End offset minus committed offset also
 * counts transaction markers and aborted records: a reader that delivered everything of a transactional topic
 * (a Connect sink on churnwatch's outputs commits the offset after its last record, which the commit marker
 * follows) would show one record per partition forever. For a partition at most {@link #EXACT_UP_TO} offsets
 * behind, {@link #settle} reads those offsets (read_committed, no group) and counts the records; further behind,
 * the offsets stand, off by the markers, a small share of them.
 */
public final class VisibleLag implements AutoCloseable {

    /** Lags up to this many offsets are counted record by record. */
    public static final long EXACT_UP_TO = 1_000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;

    public VisibleLag(final Properties clientProps) {
        final Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** {@code lag} (offsets behind the end, per partition) with the small ones replaced by the records behind. */
    public Map<TopicPartition, Long> settle(final Map<TopicPartition, Long> lag) {
        final List<TopicPartition> small = lag.entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getValue() <= EXACT_UP_TO).map(Map.Entry::getKey).toList();
        if (small.isEmpty()) {
            return lag;
        }
        final Map<TopicPartition, Long> end = consumer.endOffsets(small, READ_TIMEOUT);
        final Map<TopicPartition, Long> records = new HashMap<>();
        consumer.assign(small);
        for (final TopicPartition partition : small) {
            consumer.seek(partition, Math.max(0, end.get(partition) - lag.get(partition)));
            records.put(partition, 0L);
        }
        final long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (small.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                // Could not read to the end in time: keep the offsets rather than report a partial count.
                return lag;
            }
            for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                final TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    records.merge(partition, 1L, Long::sum);
                }
            }
        }
        consumer.unsubscribe();
        final Map<TopicPartition, Long> settled = new HashMap<>(lag);
        settled.putAll(records);
        return settled;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
