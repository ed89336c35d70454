package io.churnwatch.connect.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;
import org.awaitility.Awaitility;

/**
 * A real distributed Connect worker, started from connect-runtime's main classes as {@code connect-distributed.sh}
 * would ({@link ConnectDistributed}): in the test JVM ({@link #start}), or in a JVM of its own that a test can kill
 * ({@link #startProcess}). REST on a free loopback port, plugins loaded from {@code plugin.path} (the module's
 * packaged plugin directory). Workers started on the same {@code cluster} name form one Connect cluster: they share
 * its group and internal topics, so a second worker picks up the connectors and committed offsets of a stopped or
 * killed one.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI rest;
    private final Connect<DistributedHerder> connect;
    private final Process process;
    private final Path processDir;

    private ConnectWorker(final URI rest, final Connect<DistributedHerder> connect, final Process process,
                          final Path processDir) {
        this.rest = rest;
        this.connect = connect;
        this.process = process;
        this.processDir = processDir;
    }

    /**
     * Starts a worker of {@code cluster} on {@code bootstrapServers}, its default value converter ours on
     * {@code registryUrl} (as {@code connectors/config/worker-converter.properties} sets it), its sink consumers
     * read_committed (the pipeline writes transactionally); {@code extra} adds or overrides keys.
     */
    public static ConnectWorker start(final String bootstrapServers, final String cluster, final String registryUrl,
                                      final Map<String, String> extra) {
        final Map<String, String> props = properties(bootstrapServers, cluster, registryUrl, extra);
        props.put("listeners", "http://127.0.0.1:0");
        final Connect<DistributedHerder> connect = new ConnectDistributed().startConnect(props);
        return new ConnectWorker(connect.rest().serverUrl(), connect, null, null);
    }

    /**
     * Starts a worker as {@link #start} does, but in a JVM of its own ({@code connect-distributed.sh} on the test
     * classpath), so that {@link #kill} can take it down as a crashed machine goes: no task is stopped, no offset
     * committed on the way out. Returns once its REST API answers.
     */
    public static ConnectWorker startProcess(final String bootstrapServers, final String cluster,
                                             final String registryUrl, final Map<String, String> extra) {
        try {
            final Path dir = Files.createTempDirectory("churnwatch-connect-worker-");
            final Map<String, String> props = properties(bootstrapServers, cluster, registryUrl, extra);
            final int port = freePort();
            props.put("listeners", "http://127.0.0.1:" + port);
            final Properties file = new Properties();
            file.putAll(props);
            try (Writer out = Files.newBufferedWriter(dir.resolve("worker.properties"))) {
                file.store(out, "churnwatch test worker");
            }
            final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), ConnectDistributed.class.getName(),
                    dir.resolve("worker.properties").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile()).start();
            final ConnectWorker worker = new ConnectWorker(URI.create("http://127.0.0.1:" + port + "/"), null, process,
                    dir);
            final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!worker.answers()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Connect worker process did not start; see " + dir.resolve("worker.log"));
                }
                Thread.sleep(200);
            }
            return worker;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> properties(final String bootstrapServers, final String cluster,
                                                  final String registryUrl, final Map<String, String> extra) {
        final Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", cluster);
        props.put("config.storage.topic", cluster + "-configs");
        props.put("offset.storage.topic", cluster + "-offsets");
        props.put("status.storage.topic", cluster + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "io.churnwatch.connect.converter.ChurnwatchAvroConverter");
        props.put("value.converter.schema.registry.url", registryUrl);
        props.put("consumer.isolation.level", "read_committed");
        props.put("plugin.path", System.getProperty("churnwatch.plugin.dir"));
        props.put("offset.flush.interval.ms", "500");
        // A worker that vanished gets its tasks reassigned at once, not after Connect's default wait of 5 minutes
        // for it to come back.
        props.put("scheduled.rebalance.max.delay.ms", "0");
        props.putAll(extra);
        return props;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private boolean answers() {
        try {
            return HTTP.send(HttpRequest.newBuilder(rest).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (final IOException e) {
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills a worker started by {@link #startProcess} with SIGKILL and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process == null) {
            throw new IllegalStateException("only a worker process can be killed");
        }
        process.destroyForcibly().waitFor();
    }

    /** Creates or updates connector {@code name} through the REST API. */
    public void putConnector(final String name, final Map<String, String> config) {
        final HttpResponse<String> answer = send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/config"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(config))).build());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("PUT connector " + name + ": HTTP " + answer.statusCode() + " "
                    + answer.body());
        }
    }

    /** The connector's {@code /status}, or null while the worker does not know it yet. */
    public JsonNode status(final String name) {
        final HttpResponse<String> answer = send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/status"))
                .GET().build());
        try {
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connector's configuration as the worker stores it, or a missing node while it has none. */
    public JsonNode config(final String name) {
        final HttpResponse<String> answer = send(HttpRequest.newBuilder(rest.resolve("/connectors/" + name + "/config"))
                .GET().build());
        try {
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : JSON.missingNode();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The connector's configuration once the worker serves it: a create answers before the config is readable
     * through every request (404 or 409 for a moment, seen in CI), so a test reading it right after waits here.
     */
    public JsonNode awaitConfig(final String name) {
        return Awaitility.await("config of " + name).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> config(name), node -> !node.isMissingNode());
    }

    /** The REST API's base URL, without a trailing slash. */
    public String restUrl() {
        final String url = rest.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether the connector and {@code tasks} tasks of it are RUNNING. */
    public boolean running(final String name, final int tasks) {
        final JsonNode status = status(name);
        if (status == null || !"RUNNING".equals(status.path("connector").path("state").asText())) {
            return false;
        }
        int running = 0;
        for (final JsonNode task : status.path("tasks")) {
            running += "RUNNING".equals(task.path("state").asText()) ? 1 : 0;
        }
        return running == tasks;
    }

    /** The plugins the worker loaded, as its REST API lists them. */
    public JsonNode plugins() {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(rest.resolve("/connector-plugins?connectorsOnly=false"))
                    .GET().build()).body());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(final Map<String, String> config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(final HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops the worker: its tasks are stopped wherever they are, as when a worker is taken down (a worker process:
     * killed, if it still runs, and its directory deleted).
     */
    @Override
    public void close() {
        if (connect != null) {
            connect.stop();
            connect.awaitStop();
            return;
        }
        try {
            process.destroyForcibly().waitFor();
            Utils.delete(processDir.toFile());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
