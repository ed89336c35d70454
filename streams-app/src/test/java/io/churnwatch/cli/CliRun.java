package io.churnwatch.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One execution of the churnwatch command tree in a test: exit code and what it wrote on stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(final Map<String, String> environment, final String... args) {
        return run(Main.commandLine(environment), args);
    }

    static CliRun run(final CommandLine commandLine, final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        final int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    String[] errLines() {
        return err.lines().toArray(String[]::new);
    }
}
