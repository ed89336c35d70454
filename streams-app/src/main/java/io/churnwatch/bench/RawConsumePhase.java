package io.churnwatch.bench;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Phase A, the limit: one {@code KafkaConsumer<byte[], byte[]>} reads every input partition from the start to the
 * end offsets and does nothing with the records. Consumer settings are those Kafka Streams gives its own consumer
 * under exactly-once (read_committed, 1000 records per poll), so the phases differ only in the work done.
 */
final class RawConsumePhase {

    static final Duration POLL = Duration.ofMillis(100);

    private final Properties client;
    private final InputSet input;

    RawConsumePhase(final Properties client, final InputSet input) {
        this.client = client;
        this.input = input;
    }

    PhaseResult run(final int round) {
        final CpuMeter.Snapshot before = CpuMeter.snapshot();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(client, "bench-a-" + round, null)) {
            consumer.assign(input.partitions());
            consumer.seekToBeginning(input.partitions());
            while (!input.reachedBy(consumer)) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    records++;
                    bytes += record.serializedValueSize();
                }
            }
            return new PhaseResult(records, bytes, CpuMeter.between(before, CpuMeter.snapshot()));
        }
    }

    /** A byte-array consumer with Kafka Streams' consumer settings; {@code groupId} may be null (no group). */
    static KafkaConsumer<byte[], byte[]> consumer(final Properties client, final String clientId,
                                                  final String groupId) {
        final Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
