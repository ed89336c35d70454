package io.churnwatch.cli;

import java.util.Map;
import picocli.CommandLine;

/** Entry point of {@code churnwatch} (the shaded jar's main class): runs a command and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(final String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The {@code churnwatch} command tree with churnwatch's error handling, reading configuration variables
     * from {@code environment}. Tests call {@code execute} on it with their own environment and writers.
     */
    public static CommandLine commandLine(final Map<String, String> environment) {
        final ErrorHandler errors = new ErrorHandler();
        return new CommandLine(new ChurnwatchCommand(environment))
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
