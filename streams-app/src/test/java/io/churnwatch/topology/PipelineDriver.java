package io.churnwatch.topology;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.RiskConfig;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.events.UsageKind;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.HealthScoreUpdate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The whole churnwatch topology in a {@link TopologyTestDriver}, on an in-memory schema registry, with
 * record timestamps set to each event's {@code occurredAt} as the importer does.
 */
final class PipelineDriver implements AutoCloseable {

    /** The account whose records {@link #advanceStreamTime} sends. */
    static final String STREAM_CLOCK_ACCOUNT = "stream-clock";
    private static final int MAX_SWEEP_SECONDS = 100_000;

    final ChurnConfig config;
    final ChurnTopics topics;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final Map<String, TestInputTopic<String, ?>> inputs = new HashMap<>();
    private final Path stateDir;
    private final TopologyTestDriver driver;
    private final TestOutputTopic<String, ChurnRiskAlert> alerts;
    private final TestOutputTopic<String, HealthScoreUpdate> health;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    PipelineDriver(final Map<String, ?> settings) {
        this.config = new ChurnConfig(settings);
        this.topics = ChurnTopics.of(config, ChurnSerdes.on(registry));
        try {
            this.stateDir = Files.createTempDirectory("churnwatch-ttd");
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "churnwatch-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(ChurnTopology.build(config, topics, new ChurnMetrics(meters)), props);
        this.alerts = driver.createOutputTopic(topics.alerts().name(), topics.alerts().keySerde().deserializer(),
                topics.alerts().valueSerde().deserializer());
        this.health = driver.createOutputTopic(topics.health().name(), topics.health().keySerde().deserializer(),
                topics.health().valueSerde().deserializer());
        this.deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * The defaults with one alert per signal ({@code alert.grouping=SIGNAL}): most topology tests follow one
     * signal's alerts; {@link #grouped} keeps the default account-level CHURN_RISK grouping.
     */
    static PipelineDriver withDefaults() {
        return with(Map.of());
    }

    static PipelineDriver with(final Map<String, ?> overrides) {
        final Map<String, Object> settings = new HashMap<>(overrides);
        settings.putIfAbsent(RiskConfig.GROUPING, "SIGNAL");
        return new PipelineDriver(settings);
    }

    static PipelineDriver grouped(final Map<String, ?> overrides) {
        return new PipelineDriver(new HashMap<>(overrides));
    }

    PipelineDriver send(final SpecificRecord event) {
        if (event instanceof UsageEvent e) {
            pipe(topics.usage(), e.getAccountId(), e, e.getOccurredAt());
        } else if (event instanceof SupportTicketEvent e) {
            pipe(topics.tickets(), e.getAccountId(), e, e.getOccurredAt());
        } else if (event instanceof BillingEvent e) {
            pipe(topics.billing(), e.getAccountId(), e, e.getOccurredAt());
        } else if (event instanceof AccountProfile e) {
            pipe(topics.accounts(), e.getAccountId(), e, e.getSignedUpAt());
        } else {
            throw new IllegalArgumentException(event.getClass().getName());
        }
        return this;
    }

    /** Raw bytes on an input topic, as a misbehaving producer would write them. */
    PipelineDriver sendBytes(final String topic, final String key, final byte[] value, final Instant timestamp) {
        final TestInputTopic<String, byte[]> input = driver.createInputTopic(topic, new StringSerializer(),
                new ByteArraySerializer());
        input.pipeInput(key, value, timestamp);
        return this;
    }

    /** A record whose key differs from its accountId, or whose record timestamp is not its event time. */
    <V> PipelineDriver sendAs(final Topic<String, V> topic, final String key, final V value, final Instant timestamp) {
        pipe(topic, key, value, timestamp);
        return this;
    }

    @SuppressWarnings("unchecked")
    private <V> void pipe(final Topic<String, V> topic, final String key, final V value, final Instant timestamp) {
        final TestInputTopic<String, V> input = (TestInputTopic<String, V>) inputs.computeIfAbsent(topic.name(),
                name -> driver.createInputTopic(name, topic.keySerde().serializer(), topic.valueSerde().serializer()));
        input.pipeInput(key, value, timestamp);
    }

    /**
     * Moves stream time to {@code to} with a usage record of an account no test looks at, so that deadline
     * sweeps run for accounts that send nothing themselves.
     */
    PipelineDriver advanceStreamTime(final Instant to) {
        return send(Events.usage(STREAM_CLOCK_ACCOUNT, to, UsageKind.ACTIVITY, null));
    }

    /** Advances the driver's wall clock, running the wall-clock punctuations due by then. */
    PipelineDriver advanceWallClock(final Duration by) {
        driver.advanceWallClockTime(by);
        return this;
    }

    /**
     * Lets wall-clock time pass, a second at a time, until no deadline sweep is unfinished.
     *
     * @return the seconds it took
     */
    int finishSweeps() {
        int seconds = 0;
        while (sweepsPending() > 0) {
            if (seconds == MAX_SWEEP_SECONDS) {
                throw new IllegalStateException("sweeps still unfinished after " + seconds + " s of wall-clock time");
            }
            advanceWallClock(Duration.ofSeconds(1));
            seconds++;
        }
        return seconds;
    }

    /** Tasks whose deadline sweep is unfinished. */
    double sweepsPending() {
        return meters.get(ChurnTopology.SWEEPS_PENDING_GAUGE).gauge().value();
    }

    List<ChurnRiskAlert> alerts() {
        return alerts.readValuesToList();
    }

    /** The alert records with their keys and record timestamps. */
    List<TestRecord<String, ChurnRiskAlert>> alertRecords() {
        return alerts.readRecordsToList();
    }

    List<HealthScoreUpdate> healthUpdates() {
        return health.readValuesToList();
    }

    /** The health-update records with their keys and record timestamps. */
    List<TestRecord<String, HealthScoreUpdate>> healthRecords() {
        return health.readRecordsToList();
    }

    /** Every output record as raw bytes, in order: what a consumer of the output topics would read. */
    List<TestRecord<byte[], byte[]>> rawOutputs(final String topic) {
        return driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    KeyValueStore<String, TrackedAccount> accountState() {
        return driver.getKeyValueStore(ChurnTopology.ACCOUNT_STATE_STORE);
    }

    /** The keys of the cohorts the {@code cohort-stats} store holds. */
    List<String> cohortKeys() {
        final KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ChurnTopology.COHORTS_STORE);
        final List<String> keys = new ArrayList<>();
        try (var all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }
        return keys;
    }

    double counter(final String name, final String... tags) {
        final Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
