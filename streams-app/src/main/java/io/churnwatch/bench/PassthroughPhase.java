package io.churnwatch.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Phase B: consume and produce, bytes passed through untouched, under the same guarantee as the pipeline. A
 * read_committed consumer and a transactional producer (lz4, 100 ms linger, as Kafka Streams configures its
 * producer) copy every input record to one output topic, committing the consumed offsets with the output in a
 * transaction every 100 ms (Kafka Streams' commit interval under exactly-once). What the pipeline costs beyond
 * this is its own work: decoding, state, logic and outputs.
 */
final class PassthroughPhase {

    private static final long COMMIT_INTERVAL_NANOS = 100_000_000L;

    private final BenchEnv env;
    private final InputSet input;
    private final int partitions;

    PassthroughPhase(final BenchEnv env, final InputSet input, final int partitions) {
        this.env = env;
        this.input = input;
        this.partitions = partitions;
    }

    PhaseResult run(final int round) {
        final String name = "bench-b-" + round;
        env.createTopics(List.of(name), partitions);
        try {
            return copy(name);
        } finally {
            env.deleteTopics(List.of(name));
        }
    }

    private PhaseResult copy(final String output) {
        final CpuMeter.Snapshot before = CpuMeter.snapshot();
        long records = 0;
        long bytes = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = RawConsumePhase.consumer(env.clientProperties(), output, output);
             KafkaProducer<byte[], byte[]> producer = producer(output)) {
            producer.initTransactions();
            consumer.assign(input.partitions());
            consumer.seekToBeginning(input.partitions());
            final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
            long lastCommit = System.nanoTime();
            while (!input.reachedBy(consumer) || !pending.isEmpty()) {
                final ConsumerRecords<byte[], byte[]> batch = consumer.poll(RawConsumePhase.POLL);
                if (!batch.isEmpty() && pending.isEmpty()) {
                    producer.beginTransaction();
                }
                for (final ConsumerRecord<byte[], byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(output, null, record.timestamp(), record.key(),
                            record.value(), record.headers()));
                    pending.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    records++;
                    bytes += record.serializedValueSize();
                }
                if (!pending.isEmpty() && (System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS
                        || input.reachedBy(consumer))) {
                    producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
                    producer.commitTransaction();
                    pending.clear();
                    lastCommit = System.nanoTime();
                }
            }
            return new PhaseResult(records, bytes, CpuMeter.between(before, CpuMeter.snapshot()));
        }
    }

    private KafkaProducer<byte[], byte[]> producer(final String transactionalId) {
        final Properties props = new Properties();
        props.putAll(env.clientProperties());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 100);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
