package io.churnwatch.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --timeout} option of commands that talk to the cluster (a picocli mixin). */
final class ClusterTimeout {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    private int seconds;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "Give up when the cluster does not answer within this many seconds (default: "
                    + "${DEFAULT-VALUE}).")
    void setSeconds(final int value) {
        if (value < 1) {
            throw new ParameterException(mixee.commandLine(), "--timeout must be at least 1 second (got " + value + ")");
        }
        seconds = value;
    }

    Duration timeout() {
        return Duration.ofSeconds(seconds);
    }
}
