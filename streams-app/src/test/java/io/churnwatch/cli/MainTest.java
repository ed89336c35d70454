package io.churnwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

    @Test
    void shouldListSubcommandsWhenHelpRequested() {
        final CliRun run = CliRun.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: churnwatch").contains("config");
    }

    @Test
    void shouldPrintChurnwatchAndKafkaVersionsWhenVersionRequested() {
        final CliRun run = CliRun.run(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("churnwatch ").contains("Kafka 4.");
    }

    @Test
    void shouldPrintUsageAndExitTwoWhenNoCommandGiven() {
        final CliRun run = CliRun.run(Map.of());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: churnwatch");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenOptionUnknown() {
        final CliRun run = CliRun.run(Map.of(), "config", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("churnwatch: ").contains("--no-such-option");
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenCommandUnknown() {
        final CliRun run = CliRun.run(Map.of(), "confg");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("'confg'").contains("config");
    }

    @Test
    void shouldPrintMessageAndStackTraceAndExitOneWhenCommandFailsUnexpectedly() {
        final CommandLine commandLine = Main.commandLine(Map.of()).addSubcommand(new Failing());

        final CliRun run = CliRun.run(commandLine, "failing");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(run.errLines()[0]).isEqualTo("churnwatch: failed: java.lang.IllegalStateException: broken");
        assertThat(run.err()).contains("at io.churnwatch.cli.MainTest$Failing.call");
    }

    @Command(name = "failing")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("broken");
        }
    }
}
