package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.TopicDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * churnwatch against a schema registry that demands HTTP basic authentication ({@link BasicAuthProxy} in front of
 * the embedded registry): {@code import} and {@code run} configured with {@code basic.auth.credentials.source=USER_INFO}
 * and {@code basic.auth.user.info} register and read every schema with the header, and {@code run} without them
 * stops at start-up in one line naming the registry.
 */
@ExtendWith(EmbeddedStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryBasicAuthIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(10)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(17L);
    private static final String USER_INFO = "churnwatch:" + UUID.randomUUID();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final EmbeddedKafka kafka;
    private final String prefix = "basic-auth-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final EmbeddedRegistry registry;
    private BasicAuthProxy proxy;
    private Path dir;

    RegistryBasicAuthIT(final EmbeddedKafka kafka, final EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    @BeforeAll
    void startAnAuthenticatingRegistry() throws IOException {
        proxy = BasicAuthProxy.start(registry.url(), USER_INFO);
        dir = Files.createTempDirectory("churnwatch-basic-auth-");
    }

    @AfterAll
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        Utils.delete(dir.toFile());
    }

    @Test
    void shouldImportAndProcessWhenTheRegistryCredentialsAreConfigured() {
        final Path data = dir.resolve("data");
        assertThat(CliRun.run(Map.of(), "generate", "--out", data.toString(), "--accounts", "" + HISTORY.accounts(),
                "--days", "" + HISTORY.days(), "--seed", "" + HISTORY.seed()).exitCode()).isZero();
        assertThat(CliRun.run(Map.of(), own(true, "topics", "create", "--set", "topics.input.retention.ms=-1"))
                .exitCode()).isZero();
        final CliRun imported = CliRun.run(Map.of(), own(true, "import", data.resolve("accounts.jsonl.gz").toString(),
                data.resolve("usage.jsonl.gz").toString(), data.resolve("tickets.jsonl.gz").toString(),
                data.resolve("billing.jsonl.gz").toString()));
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        final CommandLine cli = Main.commandLine(Map.of());
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        final CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute(own(true, "run")));
        try {
            await().atMost(TIMEOUT).until(() -> exit.isDone() || out.toString().contains("churnwatch is running")
                    && !TopicDump.read(kafka.bootstrapServers(), prefix + "health").isEmpty());
        } finally {
            ((RunCommand) cli.getSubcommands().get("run").getCommand()).stop();
        }
        assertThat(exit).succeedsWithin(TIMEOUT).as(err::toString).isEqualTo(0);
        assertThat(TopicDump.read(kafka.bootstrapServers(), prefix + "health")).isNotEmpty();
        assertThat(proxy.authorized()).isPositive();
        System.out.printf("RegistryBasicAuthIT: %d registry requests with the credentials%n", proxy.authorized());
        assertThat(out.toString() + err + imported.out() + imported.err()).doesNotContain(USER_INFO.split(":")[1]);
    }

    @Test
    void shouldStopInOneLineNamingTheRegistryWhenItRefusesTheCredentials() {
        final CliRun run = CliRun.run(Map.of(), own(false, "run", "--timeout", "20"));
        System.out.println("RegistryBasicAuthIT, no credentials: " + run.err().strip());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ").contains(proxy.url())
                .contains("401");
        assertThat(proxy.refused()).isPositive();
    }

    /** {@code command} on this test's topics and the authenticating registry, with or without its credentials. */
    private String[] own(final boolean credentials, final String... command) {
        final List<String> args = new ArrayList<>(List.of(RenamedTopics.with(prefix, command)));
        args.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(), "--schema-registry-url", proxy.url(),
                "--set", "application.id=" + prefix + "app", "--set", "state.dir=" + dir.resolve("state"),
                "--set", "topics.partitions=2", "--set", "http.port=0"));
        if (credentials) {
            args.addAll(List.of("--set", "basic.auth.credentials.source=USER_INFO", "--set",
                    "basic.auth.user.info=" + USER_INFO));
        }
        return args.toArray(String[]::new);
    }
}
