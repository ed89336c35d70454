package io.churnwatch.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic with a plain consumer: every record up to the end offsets at the time of the call. */
public final class TopicDump {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TopicDump() {
    }

    /** The topic's records, partition by partition, with string keys and raw values. */
    public static List<ConsumerRecord<String, byte[]>> read(final String bootstrapServers, final String topic) {
        final Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return read(client, topic);
    }

    /** The topic's records as a client of {@code client} (bootstrap servers, and a login if needed) reads them. */
    public static List<ConsumerRecord<String, byte[]>> read(final Properties client, final String topic) {
        final Properties settings = new Properties();
        settings.putAll(client);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "dump-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LIMIT);
            final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            final long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, LIMIT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("topic " + topic + " not read to its end within " + LIMIT);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }
}
