package io.churnwatch.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code --timeout} option of commands that talk to the cluster (a picocli mixin). */
final class ClusterTimeout {

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "Give up when the cluster does not answer within this many seconds (default: "
                    + "${DEFAULT-VALUE}).")
    private int seconds;

    Duration timeout() {
        return Duration.ofSeconds(seconds);
    }
}
