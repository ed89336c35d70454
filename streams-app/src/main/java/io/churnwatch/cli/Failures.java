package io.churnwatch.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Reports an expected failure while running (the cluster cannot be reached, a send failed, a file cannot be
 * read) the way {@link ErrorHandler} reports a user's mistake: one line {@code churnwatch: <message>} on the
 * error stream, no stack trace, and exit code 1.
 */
final class Failures {

    static final int EXIT_FAILURE = 1;

    private Failures() {
    }

    static int report(final CommandSpec spec, final String message) {
        spec.commandLine().getErr().println("churnwatch: " + message);
        spec.commandLine().getErr().flush();
        return EXIT_FAILURE;
    }
}
