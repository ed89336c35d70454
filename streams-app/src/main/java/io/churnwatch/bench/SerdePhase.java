package io.churnwatch.bench;

import io.churnwatch.topology.ChurnTopics;
import io.churnwatch.topology.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serde;

/**
 * Phase C: our serde alone. The input is read as in phase A, a chunk at a time into memory; only the decoding of
 * each value into its contract record and its encoding back to the wire format are timed, on this thread. Both
 * the CPU figures are this thread's CPU time (process CPU would add the consumer reading the next chunk), so they
 * isolate the serde: schema ids are cached, no registry call is made per record.
 */
final class SerdePhase {

    private static final int CHUNK = 100_000;

    /** Decodes a value of one topic and encodes it again. */
    @FunctionalInterface
    private interface RoundTrip {
        byte[] apply(String topic, byte[] value);
    }

    private final Properties client;
    private final InputSet input;
    private final Map<String, RoundTrip> roundTrips = new HashMap<>();

    SerdePhase(final Properties client, final InputSet input, final ChurnTopics topics) {
        this.client = client;
        this.input = input;
        register(topics.usage());
        register(topics.tickets());
        register(topics.billing());
        register(topics.accounts());
    }

    private <V> void register(final Topic<String, V> topic) {
        final Serde<V> serde = topic.valueSerde();
        roundTrips.put(topic.name(), (name, value) ->
                serde.serializer().serialize(name, serde.deserializer().deserialize(name, value)));
    }

    PhaseResult run(final int round) {
        final List<ConsumerRecord<byte[], byte[]>> chunk = new ArrayList<>(CHUNK);
        long records = 0;
        long bytes = 0;
        long wall = 0;
        long cpu = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = RawConsumePhase.consumer(client, "bench-c-" + round, null)) {
            consumer.assign(input.partitions());
            consumer.seekToBeginning(input.partitions());
            while (!input.reachedBy(consumer) || !chunk.isEmpty()) {
                if (!input.reachedBy(consumer) && chunk.size() < CHUNK) {
                    consumer.poll(RawConsumePhase.POLL).forEach(chunk::add);
                    continue;
                }
                final long cpuBefore = CpuMeter.currentThreadCpuNanos();
                final long wallBefore = System.nanoTime();
                for (final ConsumerRecord<byte[], byte[]> record : chunk) {
                    bytes += roundTrips.get(record.topic()).apply(record.topic(), record.value()).length;
                }
                wall += System.nanoTime() - wallBefore;
                cpu += CpuMeter.currentThreadCpuNanos() - cpuBefore;
                records += chunk.size();
                chunk.clear();
            }
        }
        return new PhaseResult(records, bytes, new CpuMeter.Usage(wall, cpu, cpu));
    }
}
