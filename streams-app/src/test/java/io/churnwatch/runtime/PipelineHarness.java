package io.churnwatch.runtime;

import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.TopicsConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Runs churnwatch on a broker and registry for integration tests: the embedded ones, or any reached by address
 * (containers, say).
 *
 * <p>A harness is a scope of its own on the shared broker: its input topics ({@code <prefix>usage}, ...) are shared
 * by every run of the scope, and each run (a label) has its own output topics ({@code <prefix><label>-alerts},
 * ...), application id ({@code <prefix><label>}) and state directory (under a temporary directory deleted on
 * {@link #close()}). So a test can process the same input twice, e.g. with and without a failure, and compare.
 * Outputs are read as a CRM would: a plain read_committed consumer through our serde ({@link TopicReader}).
 * Public (in the test-jar) for the connectors' ITs, which deliver a run's outputs through Kafka Connect.
 */
public final class PipelineHarness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long ONE_SEGMENT_MS = Duration.ofDays(365L * 100).toMillis();

    private final String bootstrapServers;
    private final String registryUrl;
    private final String prefix;
    private final int partitions;
    private final Path stateRoot;
    private final List<ChurnPipeline> pipelines = new ArrayList<>();
    private final BrokerView broker;

    /**
     * A scope on the embedded broker and registry.
     *
     * @param name a readable start of the scope's prefix; a random suffix makes it unique on the shared broker
     * @param partitions partitions of every topic the runs create
     */
    public PipelineHarness(final EmbeddedKafka kafka, final EmbeddedRegistry registry, final String name,
                    final int partitions) {
        this(kafka.bootstrapServers(), registry.url(), name, partitions);
    }

    /**
     * A scope on the broker at {@code bootstrapServers} and the registry at {@code registryUrl}; topics are created
     * through an Admin client.
     *
     * @param name a readable start of the scope's prefix; a random suffix makes it unique on the shared broker
     * @param partitions partitions of every topic the runs create
     */
    public PipelineHarness(final String bootstrapServers, final String registryUrl, final String name,
                    final int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.partitions = partitions;
        this.broker = new BrokerView(clientProperties());
        try {
            this.stateRoot = Files.createTempDirectory("churnwatch-it-" + name + "-");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings of run {@code label}: the scope's inputs, outputs and application id of its own. */
    public Map<String, String> settings(final String label) {
        final Map<String, String> settings = new HashMap<>();
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(ChurnConfig.TOPIC_USAGE, prefix + "usage");
        settings.put(ChurnConfig.TOPIC_TICKETS, prefix + "tickets");
        settings.put(ChurnConfig.TOPIC_BILLING, prefix + "billing");
        settings.put(ChurnConfig.TOPIC_ACCOUNTS, prefix + "accounts");
        settings.put(ChurnConfig.TOPIC_ALERTS, prefix + label + "-alerts");
        settings.put(ChurnConfig.TOPIC_HEALTH, prefix + label + "-health");
        settings.put(ChurnConfig.TOPIC_DLQ, prefix + label + "-dlq");
        settings.put(ChurnConfig.APPLICATION_ID, prefix + label);
        settings.put(ChurnConfig.STATE_DIR, stateDir(label).toString());
        settings.put(ChurnConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
        settings.put(TopicsConfig.PARTITIONS, Integer.toString(partitions));
        return settings;
    }

    /** A state directory of its own for {@code name} (a run, or one instance of a run). */
    Path stateDir(final String name) {
        return stateRoot.resolve(name);
    }

    /** Run {@code label}'s configuration, its topics created. */
    ChurnConfig run(final String label) {
        return run(settings(label));
    }

    /**
     * The configuration of {@code settings}, its topics created as {@code churnwatch topics create} does, except
     * that the compacted health topic keeps a single segment: the log cleaner never compacts the active segment, so
     * every health update published during the test stays readable, which tests comparing the sequence of updates
     * need (records are stamped with event times months old, so segments would otherwise roll every 7 days of event
     * time and be compacted at any moment). Call once per run.
     */
    public ChurnConfig run(final Map<String, String> settings) {
        final ChurnConfig config = new ChurnConfig(settings);
        try (KafkaOffsets admin = new KafkaOffsets(clientProperties(), CLIENT_TIMEOUT)) {
            admin.createTopics(List.of(new NewTopic(config.getString(ChurnConfig.TOPIC_HEALTH), partitions, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.SEGMENT_MS_CONFIG, Long.toString(ONE_SEGMENT_MS)))));
        }
        try (TopicProvisioner provisioner = TopicProvisioner.create(config, CLIENT_TIMEOUT)) {
            final TopicReport report = provisioner.create();
            if (!report.ok()) {
                throw new IllegalStateException("topics of " + config.applicationId() + " not ready: " + report);
            }
        }
        return config;
    }

    /** Generates the history of {@code options} and writes {@code slice} of it to the inputs; returns the count. */
    public long importHistory(final ChurnConfig config, final GeneratorOptions options, final HistorySlice slice) {
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            new HistoryGenerator(options).generate(slice.filter(importer));
            importer.flush();
            return importer.sent();
        }
    }

    /** A pipeline of {@code config}, not started; closed with the harness. */
    ChurnPipeline create(final ChurnConfig config) {
        final ChurnPipeline pipeline = pipeline(config);
        pipelines.add(pipeline);
        return pipeline;
    }

    /** A pipeline of {@code config} on the configured registry, as {@code churnwatch run} builds it; not started. */
    static ChurnPipeline pipeline(final ChurnConfig config) {
        final ChurnTopics topics = ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config)));
        return ChurnPipeline.create(config, topics, ChurnMetrics.inMemory());
    }

    /** Starts {@code pipeline} and waits until all its tasks run. */
    ChurnPipeline start(final ChurnPipeline pipeline) throws InterruptedException {
        pipeline.start();
        pipeline.awaitRunning(TIMEOUT);
        return pipeline;
    }

    public ChurnPipeline start(final ChurnConfig config) throws InterruptedException {
        return start(create(config));
    }

    /** Waits until run {@code config}'s group has committed every input record: all of it was processed. */
    public void awaitProcessed(final ChurnConfig config) {
        final List<String> inputs = inputTopics(config);
        try (KafkaOffsets offsets = new KafkaOffsets(clientProperties(), CLIENT_TIMEOUT)) {
            await("lag of " + config.applicationId()).atMost(TIMEOUT).pollInterval(POLL)
                    .until(() -> offsets.total(config.applicationId(), inputs) == 0);
        }
    }

    /** Waits until no transaction is open on run {@code config}'s output topics. */
    void awaitTransactionsSettled(final ChurnConfig config) {
        await("transactions on the outputs of " + config.applicationId()).atMost(TIMEOUT).pollInterval(POLL)
                .until(() -> broker.openTransactions(outputTopics(config)).isEmpty());
    }

    /** Run {@code config}'s outputs as a read_committed consumer sees them. */
    public RunOutputs outputs(final ChurnConfig config) {
        final ChurnTopics topics = ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config)));
        final Properties client = clientProperties();
        return new RunOutputs(
                TopicReader.readAll(client, topics.alerts().name(), topics.alerts().valueSerde().deserializer(), TIMEOUT),
                TopicReader.readAll(client, topics.health().name(), topics.health().valueSerde().deserializer(), TIMEOUT),
                TopicReader.readAll(client, topics.deadLetters().name(), new ByteArrayDeserializer(), TIMEOUT));
    }

    /** Plain client settings: the broker only (run settings may carry Kafka Streams keys for the pipeline). */
    public Properties clientProperties() {
        final Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return props;
    }

    static List<String> inputTopics(final ChurnConfig config) {
        return List.of(config.getString(ChurnConfig.TOPIC_USAGE), config.getString(ChurnConfig.TOPIC_TICKETS),
                config.getString(ChurnConfig.TOPIC_BILLING), config.getString(ChurnConfig.TOPIC_ACCOUNTS));
    }

    static List<String> outputTopics(final ChurnConfig config) {
        return List.of(config.getString(ChurnConfig.TOPIC_ALERTS), config.getString(ChurnConfig.TOPIC_HEALTH),
                config.getString(ChurnConfig.TOPIC_DLQ));
    }

    /** Group members, transactions and offsets on the broker. */
    BrokerView broker() {
        return broker;
    }

    /** Closes every pipeline the harness created and deletes the state directories. */
    @Override
    public void close() {
        pipelines.forEach(pipeline -> pipeline.close(CLIENT_TIMEOUT));
        broker.close();
        try {
            Utils.delete(stateRoot.toFile());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
