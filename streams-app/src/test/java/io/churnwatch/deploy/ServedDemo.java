package io.churnwatch.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Utils;

/**
 * {@code churnwatch demo --serve} run from the shaded jar in a process of its own, as a user runs it, until it
 * prints where it serves; closing it sends SIGTERM, on which the demo stops its embedded stack. Its heap is small
 * (384 MB), so that it collects garbage within seconds once idle too, as a busy instance does all the time.
 */
final class ServedDemo implements AutoCloseable {

    private static final Pattern KAFKA = Pattern.compile("^\\s+Kafka:\\s+(\\S+) .*");
    private static final Pattern METRICS = Pattern.compile("^\\s+Metrics:\\s+http://([^/]+)/metrics");

    private final Process process;
    private final Path workingDir;
    private final String bootstrapServers;
    private final String metricsTarget;
    private final List<String> output;

    private ServedDemo(final Process process, final Path workingDir, final String bootstrapServers,
                       final String metricsTarget, final List<String> output) {
        this.process = process;
        this.workingDir = workingDir;
        this.bootstrapServers = bootstrapServers;
        this.metricsTarget = metricsTarget;
        this.output = output;
    }

    /**
     * Starts {@code java -jar jar demo --serve args...} in a working directory of its own (where the demo keeps its
     * state, under {@code .churnwatch/}) and waits until it serves, at most {@code timeout}.
     */
    static ServedDemo start(final Path jar, final Duration timeout, final String... args) throws IOException {
        final Path workingDir = Files.createTempDirectory("churnwatch-served-demo-");
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dchurnwatch.registry.jar=" + System.getProperty("churnwatch.registry.jar"),
                "-jar",
                jar.toString(), "demo", "--serve"));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .start();
        final List<String> output = new ArrayList<>();
        final long deadline = System.nanoTime() + timeout.toNanos();
        String kafka = null;
        final BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null && System.nanoTime() < deadline) {
            output.add(line);
            final Matcher k = KAFKA.matcher(line);
            if (k.matches()) {
                kafka = k.group(1);
            }
            final Matcher m = METRICS.matcher(line);
            if (m.find() && kafka != null) {
                drain(lines);
                return new ServedDemo(process, workingDir, kafka, m.group(1), output);
            }
        }
        lines.close();
        process.destroyForcibly();
        throw new IllegalStateException("demo --serve did not start serving; it printed:\n" + String.join("\n", output));
    }

    /** Keeps reading the demo's output so that it never blocks on a full pipe. */
    private static void drain(final BufferedReader lines) {
        final Thread drain = new Thread(() -> {
            try (lines) {
                while (lines.readLine() != null) {
                    Thread.onSpinWait();
                }
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "demo-output");
        drain.setDaemon(true);
        drain.start();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@code host:port} of its {@code /metrics}. */
    String metricsTarget() {
        return metricsTarget;
    }

    List<String> output() {
        return output;
    }

    Path workingDir() {
        return workingDir;
    }

    /** Sends SIGTERM, as Ctrl-C does, and waits until the demo has exited; true when it exited by itself. */
    boolean stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(90, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor();
        return false;
    }

    /** Stops the demo and deletes its working directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            stop();
        }
        Utils.delete(workingDir.toFile());
    }
}
