package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.embedded.ScramLogin;
import io.churnwatch.generate.GeneratorOptions;
import io.churnwatch.runtime.AclAdmin;
import io.churnwatch.runtime.RequiredAcls;
import io.churnwatch.runtime.TopicDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * churnwatch on a cluster run as shared production clusters are: SASL_PLAINTEXT with SCRAM-SHA-512 and the
 * StandardAuthorizer (the embedded broker with a super user). An operator (the super user) creates the topics and
 * imports a history with the CLI; {@code churnwatch run} then runs, in a JVM of its own, as a principal granted
 * exactly {@link RequiredAcls} and nothing else, and must process the history. A wrong password and a missing ACL
 * must each be one line naming the cause, and no password may appear in anything churnwatch printed or logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureClusterIT {

    private static final GeneratorOptions HISTORY = GeneratorOptions.defaults().withAccounts(20)
            .withDays(GeneratorOptions.MIN_DAYS).withSeed(13L);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final ScramLogin operator = new ScramLogin("operator", secret());
    private final ScramLogin app = new ScramLogin("churnwatch", secret());
    private final ScramLogin partial = new ScramLogin("partial", secret());
    private final ScramLogin noTransactions = new ScramLogin("no-transactions", secret());
    private final String prefix = "secure-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final List<String> printed = new ArrayList<>();
    private Path dir;
    private EmbeddedKafka kafka;
    private EmbeddedRegistry registry;
    private ChurnConfig config;
    private String runLog;
    private int alerts;
    private int health;

    @BeforeAll
    void runAsALeastPrivilegedPrincipal() throws IOException, InterruptedException {
        dir = Files.createTempDirectory("churnwatch-secure-");
        kafka = EmbeddedKafka.builder().superUser(operator).start();
        registry = EmbeddedRegistry.start();
        config = new ChurnConfig(settings());
        try (AclAdmin admin = new AclAdmin(kafka.adminProperties())) {
            admin.upsertUser(app);
            admin.upsertUser(partial);
            admin.upsertUser(noTransactions);
            admin.grant(RequiredAcls.of(config, "User:" + app.user()));
            admin.grant(RequiredAcls.of(config, "User:" + partial.user()).stream()
                    .filter(acl -> !(acl.entry().operation() == AclOperation.WRITE
                            && acl.pattern().name().equals(prefix + "alerts"))).toList());
            admin.grant(RequiredAcls.of(config, "User:" + noTransactions.user()).stream()
                    .filter(acl -> acl.pattern().resourceType() != ResourceType.TRANSACTIONAL_ID).toList());
        }
        final Path data = dir.resolve("data");
        cli("generate", "--out", data.toString(), "--accounts", "" + HISTORY.accounts(), "--days", "" + HISTORY.days(),
                "--seed", "" + HISTORY.seed());
        cli(as(operator, "topics", "create", "--set", "topics.input.retention.ms=-1"));
        cli(as(operator, "import", data.resolve("accounts.jsonl.gz").toString(), data.resolve("usage.jsonl.gz").toString(),
                data.resolve("tickets.jsonl.gz").toString(), data.resolve("billing.jsonl.gz").toString()));

        final Path log = dir.resolve("run.log");
        final Process run = CliRun.inItsOwnJvm(log, as(app, "run", "--no-create-topics"));
        try {
            await("alerts and health from the least-privileged run").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !run.isAlive() || read("alerts") > 0 && read("health") > 0);
            alerts = read("alerts");
            health = read("health");
        } finally {
            run.destroy();
            run.waitFor(60, TimeUnit.SECONDS);
            run.destroyForcibly();
        }
        runLog = Files.readString(log, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "SecureClusterIT: run as %s with %d ACLs: %d alert and %d health records%n",
                app.user(), RequiredAcls.of(config, "User:" + app.user()).size(), alerts, health);
    }

    @AfterAll
    void stop() throws IOException {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        Utils.delete(dir.toFile());
    }

    @Test
    void shouldProcessTheHistoryWhenThePrincipalHasOnlyTheRequiredAcls() {
        assertThat(runLog).contains("churnwatch is running");
        assertThat(alerts).as(runLog).isPositive();
        assertThat(health).as(runLog).isPositive();
    }

    @Test
    void shouldFailInOneLineNamingTheLoginWhenThePasswordIsWrong() {
        final CliRun run = CliRun.run(Map.of(), as(new ScramLogin(app.user(), "wrong-" + app.password()), "run",
                "--no-create-topics", "--timeout", "120"));
        printed.add(run.out() + run.err());
        System.out.println("SecureClusterIT, wrong password: " + run.err().strip());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ")
                .contains("refused the login").contains("sasl.jaas.config").doesNotContain(app.password());
    }

    @Test
    void shouldNameTheOperationAndTopicWhenAnAclIsMissing() {
        final CliRun run = CliRun.run(Map.of(), as(partial, "run", "--no-create-topics", "--timeout", "60"));
        printed.add(run.out() + run.err());
        System.out.println("SecureClusterIT, missing ACL: " + run.err().strip());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ")
                .contains("WRITE on topic " + prefix + "alerts").doesNotContain(prefix + "health");
    }

    @Test
    void shouldNameTheTransactionalIdsWhenTheirAclIsMissing() {
        final CliRun run = CliRun.run(Map.of(), as(noTransactions, "run", "--no-create-topics", "--timeout", "60"));
        printed.add(run.out() + run.err());
        System.out.println("SecureClusterIT, missing transactional-id ACL: " + run.err().strip());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).singleElement().asString().startsWith("churnwatch: ")
                .contains("transactional ids prefixed '" + prefix + "app-'");
    }

    @Test
    void shouldPrintOrLogNoPasswordWhenRunningOnASecureCluster() {
        final String everything = runLog + String.join("\n", printed);
        assertThat(runLog).isNotBlank();
        for (final ScramLogin login : List.of(operator, app, partial, noTransactions)) {
            assertThat(everything).doesNotContain(login.password());
        }
    }

    /** The settings every command of this test shares: its topics, application id, state and registry. */
    private Map<String, String> settings() {
        final Map<String, String> settings = new HashMap<>();
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, registry.url());
        settings.put(ChurnConfig.APPLICATION_ID, prefix + "app");
        settings.put(ChurnConfig.STATE_DIR, dir.resolve("state").toString());
        settings.put(ChurnConfig.HTTP_PORT, "0");
        settings.put("topics.partitions", "2");
        for (final String topic : List.of("usage", "tickets", "billing", "accounts", "health", "alerts", "dlq")) {
            settings.put("topic." + topic, prefix + topic);
        }
        return settings;
    }

    /** {@code command} with this test's settings and {@code login}'s client settings as {@code --set} options. */
    private String[] as(final ScramLogin login, final String... command) {
        final List<String> args = new ArrayList<>(List.of(command));
        settings().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        login.clientProperties().forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return args.toArray(String[]::new);
    }

    private void cli(final String... args) {
        final CliRun run = CliRun.run(Map.of(), args);
        printed.add(run.out() + run.err());
        assertThat(run.exitCode()).as(args[0] + ": " + run.err()).isZero();
    }

    private int read(final String topic) {
        final Properties client = kafka.adminProperties();
        return TopicDump.read(client, prefix + topic).size();
    }

    private static String secret() {
        return "pw-" + UUID.randomUUID().toString().replace("-", "");
    }
}
