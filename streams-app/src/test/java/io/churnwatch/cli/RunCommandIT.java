package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.CollectingSink;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.generate.HistoryGenerator;
import io.churnwatch.runtime.TopicDump;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code churnwatch run} in this JVM against the embedded broker and registry: it starts, processes what is
 * imported while it runs, and stops when asked; an unreachable cluster or registry is one line on stderr.
 */
@ExtendWith(EmbeddedStackExtension.class)
class RunCommandIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(20)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(3L);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EmbeddedRegistry registry;

    private final EmbeddedKafka kafka;
    private final String prefix = "run-" + UUID.randomUUID() + "-";

    @TempDir
    Path dir;

    RunCommandIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    private Map<String, String> environment() {
        return Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CHURNWATCH_SCHEMA_REGISTRY_URL", registry.url());
    }

    /** {@code args} with this test's topics, application id and state directory. */
    private String[] own(final String... args) {
        final List<String> all = new ArrayList<>(List.of(RenamedTopics.with(prefix, args)));
        all.addAll(List.of("--set", "application.id=" + prefix + "app", "--set", "state.dir=" + dir.resolve("state"),
                "--set", "topics.partitions=2", "--set", "http.port=0"));
        return all.toArray(String[]::new);
    }

    /** {@code churnwatch run} executing in the background, its output captured; {@link #stop} as SIGTERM does. */
    private record BackgroundRun(CommandLine cli, StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {

        static BackgroundRun start(final Map<String, String> environment, final String... args) {
            final CommandLine cli = Main.commandLine(environment);
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            return new BackgroundRun(cli, out, err, CompletableFuture.supplyAsync(() -> cli.execute(args)));
        }

        void stop() {
            ((RunCommand) cli.getSubcommands().get("run").getCommand()).stop();
        }
    }

    @Test
    void shouldWriteHealthAndAlertsForImportedEventsWhileRunning() {
        // Created ahead with no time limit: under the broker's default retention, alerts stamped with the
        // history's event times (months old) can be deleted before they are read. 'run' checks and keeps it.
        kafka.createTopics(List.of(new NewTopic(prefix + "alerts", 2, (short) 1)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))));
        final BackgroundRun run = BackgroundRun.start(environment(), own("run"));
        final StringWriter out = run.out();
        final StringWriter err = run.err();
        final CompletableFuture<Integer> exit = run.exit();
        try {
            await().atMost(TIMEOUT).until(() -> out.toString().contains("churnwatch is running") || exit.isDone());
            assertThat(out.toString()).as(err.toString()).contains("churnwatch is running (application.id=" + prefix);

            final Path data = dir.resolve("data");
            assertThat(CliRun.run(Map.of(), "generate", "--out", data.toString(), "--accounts",
                    "" + HISTORY.accounts(), "--days", "" + HISTORY.days(), "--seed", "" + HISTORY.seed()).exitCode())
                    .isZero();
            final CliRun imported = CliRun.run(environment(), own("import", data.resolve("accounts.jsonl.gz").toString(),
                    data.resolve("usage.jsonl.gz").toString(), data.resolve("tickets.jsonl.gz").toString(),
                    data.resolve("billing.jsonl.gz").toString()));
            assertThat(imported.exitCode()).as(imported.err()).isZero();

            final Set<String> accounts = generatedAccounts();
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(keys("health")).isNotEmpty().isSubsetOf(accounts);
                assertThat(keys("alerts")).isNotEmpty().isSubsetOf(accounts);
            });
        } finally {
            run.stop();
        }
        assertThat(exit).succeedsWithin(TIMEOUT).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void shouldExitZeroWithoutAnErrorWhenStoppedWhileStarting() {
        final BackgroundRun run = BackgroundRun.start(environment(), own("run"));
        // Printed once the pipeline is started and before it waits for its first assignment (seconds away).
        await().atMost(TIMEOUT).until(() -> run.out().toString().contains("HTTP on ") || run.exit().isDone());

        run.stop();

        assertThat(run.exit()).succeedsWithin(TIMEOUT).isEqualTo(0);
        assertThat(run.out().toString()).as(run.err().toString()).contains("churnwatch stopped before it was running")
                .doesNotContain("churnwatch is running");
        assertThat(run.err().toString()).isEmpty();
    }

    private Set<String> keys(final String topic) {
        return TopicDump.read(kafka.bootstrapServers(), prefix + topic).stream().map(ConsumerRecord::key)
                .collect(Collectors.toSet());
    }

    private static Set<String> generatedAccounts() {
        final CollectingSink sink = new CollectingSink();
        new HistoryGenerator(HISTORY).generate(sink);
        return sink.profiles().stream().map(p -> p.getAccountId()).collect(Collectors.toSet());
    }

    @Test
    void shouldFailInOneLineNamingTheAddressWhenTheClusterIsUnreachable() {
        final CliRun run = CliRun.run(Map.of(), "run", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "3");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ").contains("127.0.0.1:1");
    }

    @Test
    void shouldFailInOneLineNamingTheUrlWhenTheRegistryIsUnreachable() {
        final CliRun run = CliRun.run(environment(), own("run", "--schema-registry-url", "http://127.0.0.1:1",
                "--timeout", "10"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ")
                .contains("http://127.0.0.1:1");
    }
}
