package io.churnwatch.cli;

import java.io.PrintWriter;
import io.churnwatch.runtime.StartupException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns failures into what a person at a terminal needs: a user's mistake (bad command line, bad or unreadable
 * configuration) becomes one line on stderr, {@code churnwatch: <what is wrong>}, and exit code 2 or 78;
 * anything else is a failure while running: one line, then the stack trace for a bug report, and exit code 1.
 */
final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final String PREFIX = "churnwatch: ";

    @Override
    public int handleParseException(final ParameterException ex, final String[] args) {
        final CommandLine command = ex.getCommandLine();
        final PrintWriter err = command.getErr();
        err.println(PREFIX + firstLine(ex.getMessage()) + suggestion(ex)
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(final Exception ex, final CommandLine command,
                                        final ParseResult parseResult) {
        final PrintWriter err = command.getErr();
        if (ex instanceof ConfigException) {
            err.println(PREFIX + firstLine(ex.getMessage()));
            err.flush();
            return ChurnwatchCommand.EXIT_CONFIG;
        }
        if (ex instanceof StartupException) {
            // The cluster, the registry or the topics are not usable: the user's to fix, not a bug to report.
            err.println(PREFIX + firstLine(ex.getMessage()));
            err.flush();
            return command.getCommandSpec().exitCodeOnExecutionException();
        }
        err.println(PREFIX + "failed: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return command.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String suggestion(final ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            return "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        return "";
    }

    private static String firstLine(final String message) {
        if (message == null) {
            return "invalid input";
        }
        final int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
