package io.churnwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code churnwatch args...} in a JVM of its own ({@code java -cp <this class path> Main}, the registry jar of this
     * build), everything it prints into {@code log}: for commands that run until stopped, or whose whole log a test
     * reads.
     */
    static Process inItsOwnJvm(final Path log, final String... args) throws IOException {
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dchurnwatch.registry.jar=" + System.getProperty("churnwatch.registry.jar"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    String[] errLines() {
        return err.lines().toArray(String[]::new);
    }
}
