package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {

    @Test
    void shouldPrintEveryDeclaredKeyWhenNothingIsSet() {
        final CliRun run = CliRun.run(Map.of(), "config");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().map(line -> line.substring(0, line.indexOf('='))))
                .containsAll(ChurnConfig.CONFIG_DEF.names());
    }

    @Test
    void shouldPrintFlagValueWhenFlagAndEnvironmentSetSameKey() {
        final CliRun run = CliRun.run(Map.of("CHURNWATCH_BOOTSTRAP_SERVERS", "env:9092"),
                "config", "--bootstrap-servers", "flag:9092");

        assertThat(run.out().lines()).contains("bootstrap.servers=flag:9092");
    }

    @Test
    void shouldPrintSpecificFlagValueWhenSetOptionAlsoGivesKey() {
        final CliRun run = CliRun.run(Map.of(), "config",
                "--set", "schema.registry.url=http://set:1", "--schema-registry-url", "http://flag:2");

        assertThat(run.out().lines()).contains("schema.registry.url=http://flag:2");
    }

    @Test
    void shouldPrintEnvironmentValueWhenOnlyFileAndEnvironmentSetKey(@TempDir final Path dir) throws IOException {
        final Path file = Files.write(dir.resolve("c.properties"), List.of("application.id=from-file"));

        final CliRun run = CliRun.run(Map.of("CHURNWATCH_APPLICATION_ID", "from-env"),
                "config", "--config", file.toString());

        assertThat(run.out().lines()).contains("application.id=from-env");
    }

    @Test
    void shouldMaskSecretWhenPrintingPassThroughKey() {
        final CliRun run = CliRun.run(Map.of(), "config", "--set", "sasl.jaas.config=top-secret-value");

        assertThat(run.out()).doesNotContain("top-secret-value");
        assertThat(run.out().lines()).contains("sasl.jaas.config=" + SecretKeys.MASK);
    }

    @Test
    void shouldStartLinesWithOriginWhenShowOriginGiven() {
        final CliRun run = CliRun.run(Map.of("CHURNWATCH_SCORING_VERSION", "v9"),
                "config", "--show-origin", "--set", "topic.alerts=a");

        assertThat(run.out().lines()).contains("environment\tscoring.version=v9", "flag\ttopic.alerts=a",
                "default\tnum.standby.replicas=0");
    }

    @Test
    void shouldPrintOneLineNamingKeyAndExitWithConfigCodeWhenValueInvalid() {
        final CliRun run = CliRun.run(Map.of(), "config", "--set", "num.standby.replicas=-1");

        assertThat(run.exitCode()).isEqualTo(ChurnwatchCommand.EXIT_CONFIG);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("churnwatch: ").contains("num.standby.replicas");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldPrintOneLineAndExitWithConfigCodeWhenConfigFileMissing(@TempDir final Path dir) {
        final CliRun run = CliRun.run(Map.of(), "config", "--config", dir.resolve("nope.properties").toString());

        assertThat(run.exitCode()).isEqualTo(ChurnwatchCommand.EXIT_CONFIG);
        assertThat(run.errLines()).singleElement().asString().contains("nope.properties");
    }

    @Test
    void shouldWarnOnStderrAndStillPrintWhenKeyLooksMisspelled() {
        final CliRun run = CliRun.run(Map.of(), "config", "--set", "topic.usgae=x");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("warning").contains("topic.usage");
        assertThat(run.out().lines()).contains("topic.usgae=x");
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenSetValueHasNoEqualsSign() {
        final CliRun run = CliRun.run(Map.of(), "config", "--set", "bootstrap.servers");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
    }
}
