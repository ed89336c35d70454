package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.TopicDump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code churnwatch replay} on the embedded broker and registry, and its command-line checks. */
@ExtendWith(EmbeddedStackExtension.class)
class ReplayCommandIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(20)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(9L);

    private final EmbeddedRegistry registry;

    private final EmbeddedKafka kafka;
    private final String prefix = "replay-cmd-" + UUID.randomUUID() + "-";

    @TempDir
    Path dir;

    ReplayCommandIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Runs a command with this test's topics and application id. */
    private CliRun run(final String... args) {
        final List<String> all = new ArrayList<>(List.of(RenamedTopics.with(prefix, args)));
        all.addAll(List.of("--set", "application.id=" + prefix + "app", "--set", "topics.partitions=2"));
        return CliRun.run(Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CHURNWATCH_SCHEMA_REGISTRY_URL", registry.url()), all.toArray(String[]::new));
    }

    /** Generates the history and imports it; returns how many records were imported (events and profiles). */
    private long importHistory() {
        final Path data = dir.resolve("data");
        assertThat(CliRun.run(Map.of(), "generate", "--out", data.toString(), "--accounts", "" + HISTORY.accounts(),
                "--days", "" + HISTORY.days(), "--seed", "" + HISTORY.seed()).exitCode()).isZero();
        assertThat(run("topics", "create").exitCode()).isZero();
        final CliRun imported = run("import", data.resolve("accounts.jsonl.gz").toString(),
                data.resolve("usage.jsonl.gz").toString(), data.resolve("tickets.jsonl.gz").toString(),
                data.resolve("billing.jsonl.gz").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        return List.of("accounts", "usage", "tickets", "billing").stream()
                .mapToLong(topic -> TopicDump.read(kafka.bootstrapServers(), prefix + topic).size()).sum();
    }

    @Test
    void shouldPrintWhatItReplayedAndWroteWhenTheReplayFinishes() {
        final long records = importHistory();

        final CliRun replay = run("replay", "--from", HISTORY.start().toString(), "--output-prefix", "q1",
                "--timeout", "2m");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        final int alerts = TopicDump.read(kafka.bootstrapServers(), "q1." + prefix + "alerts").size();
        assertThat(alerts).isPositive();
        assertThat(replay.out().lines()).first().asString()
                .startsWith(String.format(Locale.ROOT, "Replayed %,d input records in ", records))
                .endsWith(" as " + prefix + "app-replay-q1");
        assertThat(replay.out().lines()).contains(
                String.format(Locale.ROOT, "  q1.%salerts: %,d alert records", prefix, alerts),
                "Deleted the replay's local state, internal topics and group.")
                // The health topic is compacted: how many updates are left depends on when the cleaner ran.
                .anyMatch(line -> line.matches("  q1\\." + prefix + "health: [1-9][0-9,]* health updates"));
    }

    @Test
    void shouldReplayTheRecordsLeftWhenTheStartOfAPartitionWasDeleted() throws Exception {
        final long records = importHistory();
        final long deleted = deleteFirstHalf(new TopicPartition(prefix + "usage", 0));

        final CliRun replay = run("replay", "--from", HISTORY.start().toString(), "--output-prefix", "q3",
                "--timeout", "2m");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out().lines()).first().asString()
                .startsWith(String.format(Locale.ROOT, "Replayed %,d input records in ", records - deleted));
    }

    @Test
    void shouldWarnThatTheHistoryMayBeIncompleteWhenTheStartOfAPartitionWasDeleted() throws Exception {
        importHistory();
        final TopicPartition usage = new TopicPartition(prefix + "usage", 0);
        final long oldestKept = deleteFirstHalf(usage);

        final CliRun replay = run("replay", "--from", HISTORY.start().toString(), "--output-prefix", "q4",
                "--timeout", "2m");

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out().lines()).contains("  Warning: the input history from " + HISTORY.start()
                + " may be incomplete: records were deleted (by retention?) before where the replay started on "
                + usage + " from offset " + oldestKept);
    }

    /** Deletes the first half of {@code partition}, as an operator's delete-records would; returns how many. */
    private long deleteFirstHalf(final TopicPartition partition) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            final long half = admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition).get()
                    .offset() / 2;
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(half))).all().get();
            return half;
        }
    }

    @Test
    void shouldExitTwoWithOneLineWhenTheOutputPrefixIsInvalid() {
        final CliRun replay = run("replay", "--from", "2026-01-05", "--output-prefix", "q 1/*");

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.errLines()).singleElement().asString()
                .startsWith("churnwatch: --output-prefix must be 1-100 letters, digits");
    }

    @Test
    void shouldExitTwoWithOneLineWhenToIsNotAfterFrom() {
        final CliRun replay = run("replay", "--from", "2026-02-01", "--to", "2026-01-15", "--output-prefix", "q2");

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.errLines()).singleElement().asString()
                .startsWith("churnwatch: --to must be after --from");
    }
}
