package io.churnwatch.connect.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.distributed.DistributedHerder;

/**
 * A real distributed Connect worker in the test JVM, started from connect-runtime's main classes as
 * {@code connect-distributed.sh} would ({@link ConnectDistributed#startConnect}), REST on a free loopback port,
 * plugins loaded from {@code plugin.path} (the module's packaged plugin directory). Workers started on the same
 * {@code cluster} name form one Connect cluster: they share its group and internal topics, so a second worker
 * picks up the connectors and committed offsets of a stopped one.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Connect<DistributedHerder> connect;
    private final URI rest;

    private ConnectWorker(final Connect<DistributedHerder> connect) {
        this.connect = connect;
        this.rest = connect.rest().serverUrl();
    }

    /**
     * Starts a worker of {@code cluster} on {@code bootstrapServers}, its default value converter ours on
     * {@code registryUrl} (as {@code connectors/config/worker-converter.properties} sets it), its sink consumers
     * read_committed (the pipeline writes transactionally); {@code extra} adds or overrides keys.
     */
    public static ConnectWorker start(final String bootstrapServers, final String cluster, final String registryUrl,
                                      final Map<String, String> extra) {
        final Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", cluster);
        props.put("config.storage.topic", cluster + "-configs");
        props.put("offset.storage.topic", cluster + "-offsets");
        props.put("status.storage.topic", cluster + "-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("listeners", "http://127.0.0.1:0");
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "io.churnwatch.connect.converter.ChurnwatchAvroConverter");
        props.put("value.converter.schema.registry.url", registryUrl);
        props.put("consumer.isolation.level", "read_committed");
        props.put("plugin.path", System.getProperty("churnwatch.plugin.dir"));
        props.put("offset.flush.interval.ms", "500");
        props.putAll(extra);
        return new ConnectWorker(new ConnectDistributed().startConnect(props));
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

    /** Stops the worker: its tasks are stopped wherever they are, as when a worker is taken down. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
