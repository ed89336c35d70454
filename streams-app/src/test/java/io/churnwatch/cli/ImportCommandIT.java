package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.AccountProfile;
import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.SupportTicketEvent;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.generate.CollectingSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.jsonl.JsonlCodec;
import io.churnwatch.runtime.TopicDump;
import io.churnwatch.serde.AvroSerde;
import io.churnwatch.serde.RegistrySerdeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code churnwatch generate}, {@code topics create} and {@code import} end to end: embedded broker, real registry. */
@ExtendWith(EmbeddedStackExtension.class)
class ImportCommandIT {

    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withAccounts(25)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(5L);

    private final EmbeddedRegistry registry;

    private final EmbeddedKafka kafka;
    private final String prefix = "import-" + UUID.randomUUID() + "-";
    private final Map<String, String> environment;

    @TempDir
    Path dir;

    ImportCommandIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.environment = Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CHURNWATCH_SCHEMA_REGISTRY_URL", registry.url());
    }

    @BeforeEach
    void createTopics() {
        assertThat(run("topics", "create").exitCode()).isZero();
    }

    /** Runs a command with this test's topic names (renamed through configuration). */
    private CliRun run(final String... args) {
        return CliRun.run(environment, RenamedTopics.with(prefix, args));
    }

    private <T extends SpecificRecord> List<ConsumerRecord<String, T>> stored(final String topic, final Class<T> type) {
        final AvroSerde<T> serde = AvroSerde.of(type, Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url()),
                false);
        return TopicDump.read(kafka.bootstrapServers(), prefix + topic).stream()
                .map(r -> new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
                        r.serializedKeySize(), r.serializedValueSize(), r.key(),
                        serde.deserializer().deserialize(r.topic(), r.value()), r.headers(), r.leaderEpoch()))
                .toList();
    }

    private static <T> void assertStoredAsGenerated(final List<ConsumerRecord<String, T>> stored,
                                                    final List<T> generated, final Function<T, String> accountId,
                                                    final Function<T, Instant> time) {
        assertThat(stored).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(generated);
        assertThat(stored).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo(accountId.apply(record.value()));
            assertThat(record.timestamp()).isEqualTo(time.apply(record.value()).toEpochMilli());
        });
    }

    @Test
    void shouldStoreEveryGeneratedRecordKeyedByAccountAndStampedWithItsTimeWhenImported() {
        final Path data = dir.resolve("data");
        assertThat(CliRun.run(Map.of(), "generate", "--out", data.toString(), "--accounts", "" + OPTIONS.accounts(),
                "--days", "" + OPTIONS.days(), "--seed", "" + OPTIONS.seed()).exitCode()).isZero();

        final CliRun imported = run("import", data.resolve("accounts.jsonl.gz").toString(),
                data.resolve("usage.jsonl.gz").toString(), data.resolve("tickets.jsonl.gz").toString(),
                data.resolve("billing.jsonl.gz").toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        final CollectingSink generated = new CollectingSink();
        new HistoryGenerator(OPTIONS).generate(generated);
        assertStoredAsGenerated(stored("accounts", AccountProfile.class), generated.profiles(),
                AccountProfile::getAccountId, AccountProfile::getSignedUpAt);
        assertStoredAsGenerated(stored("usage", UsageEvent.class), generated.usage(),
                UsageEvent::getAccountId, UsageEvent::getOccurredAt);
        assertStoredAsGenerated(stored("tickets", SupportTicketEvent.class), generated.tickets(),
                SupportTicketEvent::getAccountId, SupportTicketEvent::getOccurredAt);
        assertStoredAsGenerated(stored("billing", BillingEvent.class), generated.billing(),
                BillingEvent::getAccountId, BillingEvent::getOccurredAt);
    }

    @Test
    void shouldSendOnlyValidLinesAndExitWithRejectedCodeWhenSomeLinesAreInvalid() throws IOException {
        final List<UsageEvent> events = sampleUsage();
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(events.get(0)), "{\"accountId\":\"x\"}",
                line(events.get(1)), "not json"));

        final CliRun run = run("import", file.toString());

        assertThat(run.exitCode()).isEqualTo(ImportCommand.EXIT_REJECTED);
        assertThat(run.err().lines()).contains("usage.jsonl:2: missing required field 'eventId'")
                .anyMatch(line -> line.startsWith("usage.jsonl:4: not valid JSON"));
        assertThat(stored("usage", UsageEvent.class)).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(events.subList(0, 2));
    }

    @Test
    void shouldExitZeroAndSendValidLinesWhenSkipInvalidIsGiven() throws IOException {
        final List<UsageEvent> events = sampleUsage();
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(events.get(0)), "not json"));

        final CliRun run = run("import", "--skip-invalid", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(stored("usage", UsageEvent.class)).extracting(ConsumerRecord::value).containsExactly(events.get(0));
    }

    @Test
    void shouldReportThroughputWhenImportFinishes() throws IOException {
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(sampleUsage().get(0))));

        final CliRun run = run("import", file.toString());

        assertThat(run.out()).startsWith(file + " -> " + prefix + "usage: 1 events in ")
                .contains(" events/s), 0 rejected");
    }

    @Test
    void shouldFailInOneLineWhenTheTopicDoesNotExist() throws IOException {
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(sampleUsage().get(0))));

        final CliRun run = CliRun.run(environment, "import", "--set", "topic.usage=" + prefix + "absent",
                file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("churnwatch: topic " + prefix + "absent does not exist");
    }

    @Test
    void shouldRefuseBeforeSendingAnythingWhenRecordsAreOlderThanTheTopicKeeps() throws IOException {
        final List<UsageEvent> events = sampleUsage();
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(events.get(0)),
                line(UsageEvent.newBuilder(events.get(1)).setOccurredAt(Instant.parse("2013-02-04T09:00:00Z")).build())));

        final CliRun run = run("import", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("records from 2013-02-04T09:00:00Z")
                .contains("retention.ms=63072000000").contains("--set topics.input.retention.ms=-1");
        assertThat(stored("usage", UsageEvent.class)).isEmpty();
    }

    @Test
    void shouldImportOldRecordsWhenTheTopicKeepsThemForever() throws IOException {
        final String forever = "import-forever-" + UUID.randomUUID() + "-";
        assertThat(CliRun.run(environment, RenamedTopics.with(forever, "topics", "create", "--set",
                "topics.input.retention.ms=-1")).exitCode()).isZero();
        final UsageEvent old = UsageEvent.newBuilder(sampleUsage().get(0))
                .setOccurredAt(Instant.parse("2013-02-04T09:00:00Z")).build();
        final Path file = Files.write(dir.resolve("usage.jsonl"), List.of(line(old)));

        final CliRun run = CliRun.run(environment, RenamedTopics.with(forever, "import", file.toString()));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(TopicDump.read(kafka.bootstrapServers(), forever + "usage")).hasSize(1);
    }

    private static List<UsageEvent> sampleUsage() {
        final CollectingSink sink = new CollectingSink();
        new HistoryGenerator(OPTIONS).generate(sink);
        return sink.usage().subList(0, 2);
    }

    private static String line(final UsageEvent event) {
        return JsonlCodec.usage().write(event);
    }
}
