package io.churnwatch.bench;

import io.churnwatch.embedded.EmbeddedKafka;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.awaitility.Awaitility;

/**
 * Minimal reproduction of a Kafka Streams cost reported upstream (docs/performance.md): with
 * {@code max.task.idle.ms >= 0}, {@code PartitionGroup.readyToProcess} builds a log message with
 * {@code String.format} for every input partition of the task that has no buffered record, on every call (once per
 * processed record), whether or not TRACE logging is on.
 *
 * <p>One topic {@code a} with {@value #RECORDS} small records is read three ways, in {@value #ROUNDS} interleaved
 * rounds, by a stateless application that only counts: alone; merged with an empty topic {@code b} (one empty
 * partition per task; max.task.idle.ms 0, the default); and the same with max.task.idle.ms -1 (no waiting for empty
 * partitions, which skips that code). It prints the median of the stream thread's CPU time per record of each,
 * measured in one run. Run, after {@code mvn -B -q install -DskipTests}: {@code mvn -q -pl streams-app test-compile
 * exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath io.churnwatch.bench.ReadyToProcessRepro"}.
 */
public final class ReadyToProcessRepro {

    private static final int RECORDS = 2_000_000;
    private static final int ROUNDS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadyToProcessRepro() {
    }

    public static void main(final String[] args) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, "a", "b");
            fill(kafka.bootstrapServers());
            final double[][] rounds = new double[ROUNDS][];
            for (int round = 0; round < ROUNDS; round++) {
                rounds[round] = new double[] {
                    cpuPerRecord(kafka.bootstrapServers(), "alone-" + round, false, 0),
                    cpuPerRecord(kafka.bootstrapServers(), "with-empty-" + round, true, 0),
                    cpuPerRecord(kafka.bootstrapServers(), "with-empty-no-idle-" + round, true, -1)};
            }
            final double alone = median(rounds, 0);
            final double waiting = median(rounds, 1);
            final double notWaiting = median(rounds, 2);
            System.out.printf(Locale.ROOT, "stream thread CPU per record over %,d records, median of %d rounds:%n",
                    RECORDS, ROUNDS);
            System.out.printf(Locale.ROOT, "  a alone                              %6.3f us%n", alone);
            System.out.printf(Locale.ROOT, "  a + empty b, max.task.idle.ms=0      %6.3f us  (x%.2f of alone)%n",
                    waiting, waiting / alone);
            System.out.printf(Locale.ROOT, "  a + empty b, max.task.idle.ms=-1     %6.3f us  (x%.2f of alone)%n",
                    notWaiting, notWaiting / alone);
        }
    }

    private static double median(final double[][] rounds, final int variant) {
        final double[] values = new double[rounds.length];
        for (int i = 0; i < rounds.length; i++) {
            values[i] = rounds[i][variant];
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private static void fill(final String bootstrap) {
        final Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            final byte[] value = new byte[16];
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>("a", null, value));
            }
        }
    }

    /** Runs one application over all of {@code a}; returns its stream thread's CPU microseconds per record. */
    private static double cpuPerRecord(final String bootstrap, final String name, final boolean withEmpty,
                                       final long maxTaskIdleMs) throws IOException {
        final AtomicLong seen = new AtomicLong();
        final StreamsBuilder builder = new StreamsBuilder();
        final Consumed<byte[], byte[]> bytes = Consumed.with(Serdes.ByteArray(), Serdes.ByteArray());
        KStream<byte[], byte[]> input = builder.stream("a", bytes);
        if (withEmpty) {
            input = input.merge(builder.stream("b", bytes));
        }
        input.foreach((key, value) -> seen.incrementAndGet());
        final Path stateDir = Files.createTempDirectory("repro");
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "repro-" + name);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, maxTaskIdleMs);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        try (KafkaStreams streams = new KafkaStreams(builder.build(), props)) {
            streams.start();
            Awaitility.await(name + " read all of a").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> seen.get() >= RECORDS);
            return streamThreadCpuNanos("repro-" + name) / 1000.0 / RECORDS;
        }
    }

    private static long streamThreadCpuNanos(final String applicationId) {
        long total = 0;
        for (final Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(applicationId) && thread.getName().contains("StreamThread")) {
                total += THREADS.getThreadCpuTime(thread.getId());
            }
        }
        return total;
    }
}
