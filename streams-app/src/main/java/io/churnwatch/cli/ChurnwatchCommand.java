package io.churnwatch.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code churnwatch} command: its subcommands, and the environment they read configuration from.
 *
 * <p>A new subcommand is one line in {@code subcommands} below: a picocli {@code @Command} class that takes
 * {@code @Mixin ConfigOptions} for its configuration. {@code --help} and {@code --version} are inherited by
 * every subcommand.
 */
@Command(name = "churnwatch",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = VersionProvider.class,
        description = "Kafka-native churn signals: usage, support and billing events in, account health and "
                + "churn-risk alerts out.",
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            CommandLine.HelpCommand.class,
            AclsCommand.class,
            ConfigCommand.class,
            DevStackCommand.class,
            GenerateCommand.class,
            ImportCommand.class,
            TopicsCommand.class,
            RunCommand.class,
            ReplayCommand.class,
            DemoCommand.class,
            BacktestCommand.class,
            BenchCommand.class,
        },
        footerHeading = "%nConfiguration:%n",
        footer = "Every command reads --config <file>, then CHURNWATCH_* environment variables "
                + "(CHURNWATCH_BOOTSTRAP_SERVERS sets bootstrap.servers), then --set key=value and specific flags, "
                + "each overriding the one before.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure while running",
            "2:invalid command line",
            "78:invalid configuration",
        })
public final class ChurnwatchCommand implements Callable<Integer> {

    /** Exit code of a configuration that is invalid or unreadable (EX_CONFIG of sysexits.h). */
    public static final int EXIT_CONFIG = 78;

    private final Map<String, String> environment;

    @Spec
    private CommandSpec spec;

    /** @param environment the variables configuration is read from, normally {@code System.getenv()} */
    public ChurnwatchCommand(final Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Without a subcommand there is nothing to do: show the usage and report a command-line error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return spec.exitCodeOnInvalidInput();
    }
}
