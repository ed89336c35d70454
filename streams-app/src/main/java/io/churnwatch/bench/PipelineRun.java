package io.churnwatch.bench;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.runtime.ChurnPipeline;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.topology.ChurnTopics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The churnwatch topology running under production settings ({@link StreamsSettings#of}: exactly-once v2,
 * RocksDB, default cache and commit interval) with a fresh application id and state directory, so every run
 * starts empty. Closing stops it and deletes what it created: state, group, internal and output topics.
 */
final class PipelineRun implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final BenchEnv env;
    private final ChurnConfig config;
    private final ChurnTopics topics;
    private final Path stateDir;
    private final ChurnPipeline pipeline;

    private PipelineRun(final BenchEnv env, final ChurnConfig config, final ChurnTopics topics, final Path stateDir,
                        final ChurnPipeline pipeline) {
        this.env = env;
        this.config = config;
        this.topics = topics;
        this.stateDir = stateDir;
        this.pipeline = pipeline;
    }

    /**
     * Creates the output topics of {@code topics} (with {@code partitions}, as the inputs) and the topology as
     * {@code config}'s application id; {@link #start()} starts it.
     */
    static PipelineRun create(final BenchEnv env, final ChurnConfig config, final ChurnTopics topics,
                             final ChurnMetrics metrics, final int partitions) {
        env.createTopics(outputs(topics), partitions);
        env.registerSchemas(topics);
        final Path stateDir = env.newDirectory(config.applicationId());
        final Properties settings = StreamsSettings.of(config);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new PipelineRun(env, config, topics, stateDir, ChurnPipeline.create(config, topics, metrics, settings));
    }

    /** Starts the topology; returns at once. */
    PipelineRun start() {
        pipeline.start();
        return this;
    }

    String applicationId() {
        return config.applicationId();
    }

    ChurnPipeline pipeline() {
        return pipeline;
    }

    /** Waits until the application has committed the end offsets of {@code input} and finished its sweeps. */
    void awaitConsumed(final InputSet input, final Duration timeout) throws InterruptedException {
        env.awaitCommitted(applicationId(), input, pipeline::sweeping, pipeline::failed, timeout);
    }

    /**
     * Whether the client is rebalancing after it had been running alone: its thread was fenced (a transaction
     * outlived {@code transaction.timeout.ms}) and its tasks are being restored and processed again.
     */
    boolean rebalancing() {
        return pipeline.streams().state() == KafkaStreams.State.REBALANCING;
    }

    /** What the RocksDB stores hold now; call while running. */
    RocksDbFigures rocksDb() {
        return RocksDbFigures.of(pipeline.streams().metrics());
    }

    /** How the stream threads have spent their loops so far; call while running. */
    ThreadFigures threads() {
        return ThreadFigures.of(pipeline.streams().metrics());
    }

    /**
     * Bytes of the local state on disk: the RocksDB files of every store, checkpoints and locks. While running,
     * recent writes may still be in memtables; after {@link #stop()} they have been flushed.
     */
    long stateBytes() {
        return BenchEnv.bytesUnder(stateDir);
    }

    /** Closes the client cleanly (stores flushed, last transaction committed), keeping its state and topics. */
    void stop() {
        pipeline.close(CLOSE_TIMEOUT);
    }

    @Override
    public void close() {
        stop();
        pipeline.streams().cleanUp();
        final List<String> created = new ArrayList<>(outputs(topics));
        env.topicsStartingWith(applicationId() + "-").stream()
                .filter(name -> name.endsWith("-changelog") || name.endsWith("-repartition"))
                .forEach(created::add);
        env.offsets().deleteGroupAndTopics(applicationId(), created);
        BenchEnv.deleteRecursively(stateDir);
    }

    private static List<String> outputs(final ChurnTopics topics) {
        return List.of(topics.alerts().name(), topics.health().name(), topics.deadLetters().name());
    }
}
