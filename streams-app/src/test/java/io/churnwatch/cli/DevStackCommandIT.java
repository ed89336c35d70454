package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code churnwatch dev-stack --secure} as a user starts it (a process of its own until SIGTERM): the client settings
 * it prints must be enough for churnwatch to work on it, and the broker must refuse a client without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevStackCommandIT {

    private static final Pattern SETTING = Pattern.compile("^  ([a-z.]+)=(.+)$");

    private Path dir;
    private Process stack;
    private String printed;
    private final List<String> settings = new ArrayList<>();

    @BeforeAll
    void startASecureDevStack() throws IOException {
        dir = Files.createTempDirectory("churnwatch-dev-stack-");
        final Path log = dir.resolve("dev-stack.log");
        stack = CliRun.inItsOwnJvm(log, "dev-stack", "--secure");
        await("dev-stack up").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> !stack.isAlive() || Files.readString(log, StandardCharsets.UTF_8).contains("Press Ctrl-C"));
        printed = Files.readString(log, StandardCharsets.UTF_8);
        for (final String line : printed.lines().toList()) {
            final Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                settings.add(setting.group(1) + "=" + setting.group(2));
            }
        }
    }

    @AfterAll
    void stop() throws InterruptedException, IOException {
        if (stack != null) {
            stack.destroy();
            stack.waitFor(60, TimeUnit.SECONDS);
            stack.destroyForcibly();
        }
        Utils.delete(dir.toFile());
    }

    @Test
    void shouldPrintBothUsersAndTheClientSettingsWhenSecure() {
        assertThat(printed).contains("secure (SASL_PLAINTEXT, SCRAM-SHA-512, ACLs)").containsPattern("admin / \\S{24}")
                .containsPattern("churnwatch / \\S{24}");
        assertThat(settings).anyMatch(s -> s.startsWith("security.protocol=SASL_PLAINTEXT"))
                .anyMatch(s -> s.startsWith("sasl.jaas.config=") && s.contains("username=\"churnwatch\""));
    }

    @Test
    void shouldCreateTheTopicsWhenTheClientUsesThePrintedSettings() {
        final CliRun run = CliRun.run(Map.of(), withSettings("topics", "create", "--timeout", "30"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("churn-risk-alerts");
    }

    @Test
    void shouldRefuseAClientWhenItHasNoLogin() {
        final String bootstrap = settings.stream().filter(s -> s.startsWith("bootstrap.servers=")).findFirst()
                .orElseThrow();
        final CliRun run = CliRun.run(Map.of(), "topics", "check", "--set", bootstrap, "--timeout", "5");

        assertThat(run.exitCode()).isNotZero();
    }

    private String[] withSettings(final String... command) {
        final List<String> args = new ArrayList<>(List.of(command));
        settings.forEach(setting -> args.addAll(List.of("--set", setting)));
        return args.toArray(String[]::new);
    }
}
