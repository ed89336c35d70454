package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.jsonl.EventKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.topology.ChurnTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Event-to-output latency of the live pipeline: events sent at a fixed rate (see {@link PacedSender}) into topics
 * of their own, the pipeline running with production settings, and a read_committed consumer reading its outputs
 * as a CRM would. The delay of an output is from the producer's send of the event that caused it to the moment
 * the consumer receives it, both read from {@link System#nanoTime()} in this process.
 */
final class LatencyBench {

    /** What the run sent and how late its outputs arrived. */
    record Result(int rate, long sent, double achievedRate, LatencyRecorder.Summary latency) {
    }

    private static final Duration CATCH_UP = Duration.ofMinutes(30);
    private static final String PREFIX = "bench-latency";

    private final BenchEnv env;
    private final BenchOptions options;

    LatencyBench(final BenchEnv env, final BenchOptions options) {
        this.env = env;
        this.options = options;
    }

    Result run() throws InterruptedException {
        final ChurnConfig config = env.withTopicPrefix(PREFIX, Map.of(ChurnConfig.APPLICATION_ID,
                env.config().applicationId() + "-" + PREFIX));
        final ChurnTopics topics = env.topics(config);
        final List<String> inputs = Arrays.stream(EventKind.values()).map(k -> config.getString(k.configKey()))
                .toList();
        env.createTopics(inputs, options.partitions());
        final BenchHistory history = new BenchHistory(options.accounts(), options.seed());
        final LatencyRecorder recorder;
        final long sent;
        final long sendingNanos;
        try (PipelineRun run = PipelineRun.create(env, config, topics, ChurnMetrics.inMemory(), options.partitions())) {
            run.start().pipeline().awaitRunning(Duration.ofMinutes(2));
            recorder = new LatencyRecorder(System.nanoTime() + Duration.ofSeconds(options.warmupSeconds()).toNanos());
            final AtomicReference<InputSet> stopAt = new AtomicReference<>();
            final CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> read(topics, recorder, stopAt));
            try (PacedSender sender = new PacedSender(env.clientProperties(), topics, recorder, options.rate())) {
                history.profiles(Instant.now(), sender);
                final long events = (long) options.rate() * options.latencySeconds();
                history.events(events, Instant.now(), Duration.ofSeconds(options.latencySeconds()), sender);
                sendingNanos = sender.elapsedNanos();
                sent = sender.sent();
                sender.flush();
                run.awaitConsumed(env.input(inputs), CATCH_UP);
                stopAt.set(env.input(List.of(topics.alerts().name(), topics.health().name())));
            } finally {
                // On a failure above, nothing is left to read: an empty set of offsets is reached at once.
                stopAt.compareAndSet(null, new InputSet(List.of(), Map.of(), Map.of()));
            }
            reader.join();
        } finally {
            env.deleteTopics(inputs);
        }
        return new Result(options.rate(), sent, sent * 1e9 / sendingNanos, recorder.summary());
    }

    /** Reads the outputs from their start until told where to stop and there. */
    private void read(final ChurnTopics topics, final LatencyRecorder recorder,
                      final AtomicReference<InputSet> stopAt) {
        final String alerts = topics.alerts().name();
        final Deserializer<ChurnRiskAlert> alertValues = topics.alerts().valueSerde().deserializer();
        final Deserializer<HealthScoreUpdate> healthValues = topics.health().valueSerde().deserializer();
        try (KafkaConsumer<byte[], byte[]> consumer = RawConsumePhase.consumer(env.clientProperties(),
                PREFIX + "-reader", null)) {
            final List<TopicPartition> partitions = env.offsets().endOffsets(List.of(alerts, topics.health().name()))
                    .keySet().stream().toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (stopAt.get() == null || !stopAt.get().reachedBy(consumer)) {
                for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    final long arrived = System.nanoTime();
                    final long eventTime = record.topic().equals(alerts)
                            ? alertValues.deserialize(alerts, record.value()).getEventTime().toEpochMilli()
                            : healthValues.deserialize(record.topic(), record.value()).getAsOf().toEpochMilli();
                    recorder.arrived(new String(record.key(), StandardCharsets.UTF_8), eventTime, arrived);
                }
            }
        }
    }
}
