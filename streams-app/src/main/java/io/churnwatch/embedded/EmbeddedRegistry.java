package io.churnwatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real schema registry speaking the Confluent REST API, run as a child JVM for the dev stack and the tests.
 *
 * <p>The child runs the uber-jar built by the {@code registry} module (Apicurio Registry 2.4.2, in-memory storage,
 * so every start begins empty) with the same {@code java} as this JVM, on 127.0.0.1 and a free port, with a small
 * heap. Its output goes to {@code registry.log} in a fresh temporary directory. {@link #start} returns once
 * {@code GET /health/ready} answers 200; {@link #url()} is the Confluent-compatible base URL
 * ({@code http://127.0.0.1:PORT/apis/ccompat/v7}) that any Confluent client or serde can use.
 *
 * <p>The child never outlives this JVM: {@link #close()} stops it (SIGTERM, then a forced kill after a bound),
 * a shutdown hook does the same when this JVM exits without closing it, and the child itself exits when this
 * process is gone (it is given this pid), which covers a SIGKILL of this JVM.
 */
public final class EmbeddedRegistry implements AutoCloseable {
    /** System property naming the runner jar; wins over {@link #JAR_ENV}. */
    public static final String JAR_PROPERTY = "churnwatch.registry.jar";
    /** Environment variable naming the runner jar. */
    public static final String JAR_ENV = "CHURNWATCH_REGISTRY_JAR";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    private static final Path DEFAULT_JAR = Path.of("registry", "target", "churnwatch-registry-runner.jar");
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;
    /** Quarkus's log line when its port was taken between our probe and its bind. */
    private static final String PORT_IN_USE = "seems to be in use by another process";
    /**
     * The registry reads many generic variables (AUTH_ENABLED, KAFKA_BOOTSTRAP_SERVERS, LOG_LEVEL, ...): the child
     * gets only these, so a developer's shell cannot reconfigure it.
     */
    private static final List<String> INHERITED_ENV = List.of("PATH", "HOME", "TMPDIR", "LANG", "TZ", "SYSTEMROOT");
    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedRegistry(final Process process, final int port, final Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::close, "churnwatch-registry-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a registry from the runner jar named by {@value #JAR_PROPERTY}, else {@value #JAR_ENV}, else
     * {@code registry/target/churnwatch-registry-runner.jar} under the working directory or its parent.
     *
     * @return a ready registry
     * @throws IllegalStateException if the jar is missing or the registry does not become ready
     */
    public static EmbeddedRegistry start() {
        return start(locateRunnerJar(System::getProperty, System::getenv, Path.of("")));
    }

    /**
     * Starts a registry from the given runner jar.
     *
     * @param runnerJar the uber-jar built by the {@code registry} module
     * @return a ready registry
     * @throws IllegalStateException if the jar is missing or the registry does not become ready
     */
    public static EmbeddedRegistry start(final Path runnerJar) {
        final Path jar = runnerJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "Schema registry runner jar not found at %s: build it with 'mvn -B install -pl registry' in the "
                            + "churnwatch checkout, or point -D%s or %s at it", jar, JAR_PROPERTY, JAR_ENV));
        }
        final long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            final EmbeddedRegistry registry = launch(jar, freePort());
            if (registry.awaitReady()) {
                LOG.info("Schema registry ready at {} in {} ms (log {})", registry.url(),
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), registry.logFile);
                return registry;
            }
            final String tail = registry.logTail();
            final boolean exited = !registry.process.isAlive();
            final String state = exited ? "exited with code " + registry.process.exitValue()
                    : "not ready after " + READY_TIMEOUT.toSeconds() + " s";
            registry.abandon();
            if (!(exited && tail.contains(PORT_IN_USE)) || attempt == PORT_ATTEMPTS) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "Schema registry at %s did not become ready (%s); last lines of %s:%n%s",
                        registry.url(), state, registry.logFile, tail));
            }
            LOG.info("Schema registry port {} was taken before it could bind; retrying on another", registry.port);
        }
    }

    /** Where {@link #start()} looks for the runner jar; the lookups are parameters so the order can be tested. */
    static Path locateRunnerJar(final UnaryOperator<String> properties, final UnaryOperator<String> environment,
                                final Path workingDir) {
        final String configured = Stream.of(properties.apply(JAR_PROPERTY), environment.apply(JAR_ENV))
                .filter(value -> value != null && !value.isBlank())
                .findFirst()
                .orElse(null);
        if (configured != null) {
            return Path.of(configured.strip());
        }
        final Path here = workingDir.toAbsolutePath().normalize();
        return Stream.of(here, here.getParent())
                .filter(dir -> dir != null && Files.isRegularFile(dir.resolve(DEFAULT_JAR)))
                .map(dir -> dir.resolve(DEFAULT_JAR))
                .findFirst()
                .orElse(here.resolve(DEFAULT_JAR));
    }

    /** @return the Confluent-compatible base URL, {@code http://127.0.0.1:PORT/apis/ccompat/v7} */
    public String url() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** @return the HTTP port the registry listens on (on 127.0.0.1) */
    public int port() {
        return port;
    }

    /** @return the process id of the registry's JVM */
    public long pid() {
        return process.pid();
    }

    /** Stops the registry and removes its log; a second call does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopChild();
            removeShutdownHook();
            deleteLog();
        }
    }

    private static EmbeddedRegistry launch(final Path jar, final int port) {
        try {
            final Path dir = Files.createTempDirectory("churnwatch-registry-");
            final Path log = dir.resolve("registry.log");
            final ProcessBuilder builder = new ProcessBuilder(command(jar, port))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().retainAll(INHERITED_ENV);
            return new EmbeddedRegistry(builder.start(), port, log);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not start the schema registry from " + jar, e);
        }
    }

    private static List<String> command(final Path jar, final int port) {
        final List<String> command = new ArrayList<>();
        command.add(javaBinary());
        // A dev registry holds a handful of schemas: a small heap and a quick JIT keep it light on 2 cores.
        command.addAll(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.host=" + HOST);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dchurnwatch.parent-pid=" + ProcessHandle.current().pid());
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    private static String javaBinary() {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    /** Polls readiness until it answers 200 (true), the child exits or the bound passes (false). */
    private boolean awaitReady() {
        final long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (isReady()) {
                    return true;
                }
                // Waiting on the child doubles as the poll pause and notices at once when it dies.
                if (process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            }
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon();
            throw new IllegalStateException("Interrupted while waiting for the schema registry at " + url(), e);
        }
    }

    private boolean isReady() throws InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        try {
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (final IOException notListeningYet) {
            return false;
        }
    }

    private String baseUrl() {
        return "http://" + HOST + ":" + port;
    }

    /** Stops a child that never became ready; its log stays for the error message's reader. */
    private void abandon() {
        if (closed.compareAndSet(false, true)) {
            stopChild();
            removeShutdownHook();
        }
    }

    private void stopChild() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Schema registry (pid {}) ignored SIGTERM for {} s; killing it", process.pid(),
                        STOP_TIMEOUT.toSeconds());
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (final InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is stopping the child already.
            LOG.debug("JVM shutting down; the shutdown hook stops the schema registry", shuttingDown);
        }
    }

    private String logTail() {
        try {
            final List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(),
                    lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (final IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private void deleteLog() {
        try {
            Files.deleteIfExists(logFile);
            Files.deleteIfExists(logFile.getParent());
        } catch (final IOException e) {
            LOG.warn("Could not delete the schema registry log {}: {}", logFile, e.getMessage());
        }
    }
}
