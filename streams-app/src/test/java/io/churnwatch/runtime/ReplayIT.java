package io.churnwatch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.config.TopicsConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.serde.InMemorySchemaRegistryClient;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import io.churnwatch.topology.Topic;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay on a real broker: a seeded generated history is imported, the live pipeline runs over it until it
 * has committed every input record, then {@link Replay} re-runs the same input beside it. The replay must write
 * exactly what the live run wrote (per account: key, value bytes with the schema id, timestamp, partition, in
 * order), create its missing outputs like the live ones, clean up after itself, and, bounded by {@code to}, write
 * the live run's alerts before that time and nothing at or after it.
 */
@ExtendWith(EmbeddedStackExtension.class)
class ReplayIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(100).withDays(70)
            .withSeed(23L);
    private static final Instant TO = HISTORY.dayStart(42).plusSeconds(12 * 3600);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SCOPE = "replay-it-" + UUID.randomUUID();
    private static final int PARTITIONS = 2;
    /**
     * Every topic of the test keeps every record. The records carry event times months old: under the broker's
     * default retention (7 days), checked 30 s after the broker starts and every 5 minutes after, the inputs would
     * be deleted under the replays (a replay that starts after that finds nothing left to replay), and the
     * outputs the runs are compared on would lose records from one run's topic and not the other's, as would
     * compaction of the health topic.
     */
    private static final Map<String, String> KEEP_EVERYTHING = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, "-1");

    @TempDir
    static Path stateDir;

    private static ChurnConfig config;
    private static ChurnTopics topics;
    private static Outputs live;
    private static Outputs liveAfterReplays;
    private static Outputs replayed;
    private static Outputs bounded;
    private static Replay fullReplay;
    private static List<Replay.Summary> summaries;

    /** What one run wrote to its alert and health topics. */
    private record Outputs(List<Output> alerts, List<Output> health) {
    }

    /** One output record as a consumer reads it: partition, key, raw value bytes (schema id included), time. */
    private record Output(int partition, long offset, String key, ByteBuffer value, long timestamp) {

        static Output of(final ConsumerRecord<String, byte[]> record) {
            return new Output(record.partition(), record.offset(), record.key(), ByteBuffer.wrap(record.value()),
                    record.timestamp());
        }

        /** Equal as a reader sees it; the offset is where it was written, not what. */
        boolean sameAs(final Output other) {
            return partition == other.partition && key.equals(other.key) && value.equals(other.value)
                    && timestamp == other.timestamp;
        }
    }

    @BeforeAll
    static void runLiveThenReplay(final EmbeddedKafka kafka) throws InterruptedException {
        final String name = "replay-it-" + UUID.randomUUID();
        final Map<String, Object> settings = new HashMap<>(Map.of(ChurnConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(), ChurnConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
                ChurnConfig.APPLICATION_ID, name, ChurnConfig.STATE_DIR, stateDir.toString(),
                TopicsConfig.PARTITIONS, PARTITIONS));
        for (final String topic : List.of(ChurnConfig.TOPIC_USAGE, ChurnConfig.TOPIC_TICKETS, ChurnConfig.TOPIC_BILLING,
                ChurnConfig.TOPIC_ACCOUNTS, ChurnConfig.TOPIC_ALERTS, ChurnConfig.TOPIC_HEALTH, ChurnConfig.TOPIC_DLQ)) {
            settings.put(topic, name + "-" + topic);
        }
        config = new ChurnConfig(settings);
        topics = ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config)));
        final ChurnTopics replayTopics = topics.withOutputPrefix("r1");
        kafka.createTopics(Stream.of(topics.usage(), topics.tickets(), topics.billing(), topics.accounts(),
                        topics.deadLetters(), topics.alerts(), topics.health(), replayTopics.alerts(), replayTopics.health())
                .map(topic -> new NewTopic(topic.name(), PARTITIONS, (short) 1).configs(KEEP_EVERYTHING)).toList());
        try (KafkaImporter importer = KafkaImporter.create(config)) {
            new HistoryGenerator(HISTORY).generate(importer);
            importer.flush();
        }

        runLive();
        live = read(topics);
        fullReplay = new Replay(config, "r1", HISTORY.start(), null);
        final Replay.Summary full = fullReplay.run(topics, ChurnMetrics.inMemory(), false, TIMEOUT);
        replayed = read(replayTopics);
        final Replay.Summary upToTo = new Replay(config, "r2", HISTORY.start(), TO).run(topics, ChurnMetrics.inMemory(),
                false, TIMEOUT);
        bounded = read(topics.withOutputPrefix("r2"));
        summaries = List.of(full, upToTo);
        liveAfterReplays = read(topics);
    }

    @AfterAll
    static void dropRegistryScope() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    /** Runs the live pipeline until its group has committed the end of every input, then closes it. */
    private static void runLive() throws InterruptedException {
        final List<String> inputs = List.of(topics.usage().name(), topics.tickets().name(), topics.billing().name(),
                topics.accounts().name());
        try (ChurnPipeline pipeline = ChurnPipeline.create(config, topics, ChurnMetrics.inMemory());
             KafkaOffsets offsets = new KafkaOffsets(StreamsSettings.clientProperties(config), TIMEOUT)) {
            pipeline.start();
            pipeline.awaitRunning(TIMEOUT);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250))
                    .until(() -> offsets.total(config.applicationId(), inputs) == 0);
        }
    }

    private static Outputs read(final ChurnTopics outputs) {
        return new Outputs(read(outputs.alerts()), read(outputs.health()));
    }

    /** The topic's records, partition by partition in offset order (a consumer interleaves partitions at will). */
    private static List<Output> read(final Topic<String, ?> topic) {
        return TopicReader.readAll(StreamsSettings.clientProperties(config), topic.name(), new ByteArrayDeserializer(),
                TIMEOUT).stream().map(Output::of)
                .sorted(Comparator.comparingInt(Output::partition).thenComparingLong(Output::offset)).toList();
    }

    /**
     * Each account's records in the order they were written. An account's records all go to one partition,
     * but how the records of different accounts interleave there depends on when a stream-time sweep runs,
     * which the engine keeps out of every result: the contract is per account.
     */
    private static Map<String, List<Output>> byAccount(final List<Output> outputs) {
        return outputs.stream().sorted(Comparator.comparingLong(Output::offset))
                .collect(Collectors.groupingBy(Output::key, TreeMap::new, Collectors.toList()));
    }

    /** The first place where two runs differ, decoded so that the difference can be read. */
    private static Optional<String> firstDifference(final List<Output> liveOutputs, final List<Output> replayOutputs,
                                                    final Topic<String, ?> topic) {
        final Map<String, List<Output>> expected = byAccount(liveOutputs);
        final Map<String, List<Output>> actual = byAccount(replayOutputs);
        final Set<String> accounts = new TreeSet<>(expected.keySet());
        accounts.addAll(actual.keySet());
        return accounts.stream().map(account -> firstDifference(account, expected.getOrDefault(account, List.of()),
                actual.getOrDefault(account, List.of()), topic)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> firstDifference(final String account, final List<Output> expected,
                                                    final List<Output> actual, final Topic<String, ?> topic) {
        final int common = Math.min(expected.size(), actual.size());
        return IntStream.range(0, common).filter(i -> !expected.get(i).sameAs(actual.get(i))).boxed().findFirst()
                .map(i -> account + ", record " + i + ": live " + describe(expected.get(i), topic) + " but replayed "
                        + describe(actual.get(i), topic))
                .or(() -> expected.size() == actual.size() ? Optional.empty() : Optional.of(account + ": live wrote "
                        + expected.size() + " records, the replay " + actual.size()));
    }

    private static String describe(final Output output, final Topic<String, ?> topic) {
        return "p" + output.partition() + " at " + Instant.ofEpochMilli(output.timestamp()) + " "
                + decode(output, topic);
    }

    private static <V> V decode(final Output output, final Topic<String, V> topic) {
        final byte[] bytes = new byte[output.value().remaining()];
        output.value().duplicate().get(bytes);
        return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
    }

    @Test
    void shouldWriteTheLiveAlertsWhenReplayingTheSameInput() {
        assertThat(live.alerts()).isNotEmpty();
        assertThat(firstDifference(live.alerts(), replayed.alerts(), topics.alerts())).isEmpty();
    }

    @Test
    void shouldWriteTheLiveHealthUpdatesWhenReplayingTheSameInput() {
        assertThat(live.health()).isNotEmpty();
        assertThat(firstDifference(live.health(), replayed.health(), topics.health())).isEmpty();
    }

    @Test
    void shouldLeaveTheLiveOutputsUntouchedWhenReplaying() {
        assertThat(liveAfterReplays).isEqualTo(live);
    }

    @Test
    void shouldDeleteItsInternalTopicsAndGroupWhenStateIsNotKept() throws Exception {
        try (KafkaOffsets offsets = new KafkaOffsets(StreamsSettings.clientProperties(config), TIMEOUT);
             Admin admin = Admin.create(StreamsSettings.clientProperties(config))) {
            assertThat(offsets.topicsStartingWith(config.applicationId() + "-"))
                    .contains(config.applicationId() + "-account-state-changelog")
                    .noneMatch(name -> name.startsWith(fullReplay.applicationId()));
            assertThat(admin.listGroups().all().get().stream().map(GroupListing::groupId)
                    .collect(Collectors.toSet())).doesNotContain(fullReplay.applicationId())
                    .contains(config.applicationId());
        }
    }

    /** Like the live outputs, except that none is compacted: a replay's outputs are read back whole. */
    @Test
    void shouldCreateItsOutputsKeepingEveryRecordWhenTheyAreMissing() throws Exception {
        final ChurnTopics outputs = topics.withOutputPrefix("r2");
        try (Admin admin = Admin.create(StreamsSettings.clientProperties(config))) {
            final Map<String, Integer> partitions = admin.describeTopics(List.of(outputs.alerts().name(),
                    outputs.health().name(), outputs.deadLetters().name())).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
            assertThat(partitions).containsOnlyKeys(outputs.alerts().name(), outputs.health().name(),
                    outputs.deadLetters().name()).allSatisfy((name, count) -> assertThat(count).isEqualTo(PARTITIONS));
            assertThat(topicConfig(admin, outputs.health().name(), TopicConfig.CLEANUP_POLICY_CONFIG))
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            assertThat(topicConfig(admin, outputs.health().name(), TopicConfig.RETENTION_MS_CONFIG))
                    .isEqualTo(String.valueOf(config.getLong(TopicsConfig.INPUT_RETENTION_MS)));
            assertThat(topicConfig(admin, outputs.alerts().name(), TopicConfig.RETENTION_MS_CONFIG))
                    .isEqualTo(String.valueOf(config.getLong(TopicsConfig.INPUT_RETENTION_MS)));
        }
    }

    private static String topicConfig(final Admin admin, final String topic, final String key) throws Exception {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }

    @Test
    void shouldWriteNothingAtOrAfterToWhenToIsSet() {
        assertThat(bounded.alerts()).isNotEmpty().allSatisfy(output -> {
            assertThat(output.timestamp()).isLessThan(TO.toEpochMilli());
            assertThat(decode(output, topics.alerts()).getEventTime()).isBefore(TO);
        });
        assertThat(bounded.health()).isNotEmpty().allSatisfy(output -> {
            assertThat(output.timestamp()).isLessThan(TO.toEpochMilli());
            assertThat(decode(output, topics.health()).getAsOf()).isBefore(TO);
        });
    }

    @Test
    void shouldWriteTheStartOfEachAccountsLiveAlertsWhenToIsSet() {
        // Alerts only: the replay's health topic is compacted like the live one, so it may have lost early updates.
        final List<Output> liveBeforeTo = live.alerts().stream().filter(output -> output.timestamp() < TO.toEpochMilli())
                .toList();
        assertThat(liveBeforeTo).isNotEmpty();
        assertThat(firstDifference(liveBeforeTo, bounded.alerts(), topics.alerts())).isEmpty();
    }

    @Test
    void shouldFindTheWholeHistoryWhenTheInputsKeepEveryRecord() {
        assertThat(summaries).hasSize(2).allSatisfy(summary -> assertThat(summary.incompleteHistory()).isEmpty());
    }
}
