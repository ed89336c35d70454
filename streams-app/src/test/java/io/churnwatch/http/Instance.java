package io.churnwatch.http;

import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.metrics.ChurnMetrics;
import io.churnwatch.ops.Monitoring;
import io.churnwatch.ops.PrometheusScrape;
import io.churnwatch.runtime.ChurnPipeline;
import io.churnwatch.runtime.Registries;
import io.churnwatch.runtime.StreamsSettings;
import io.churnwatch.topology.ChurnSerdes;
import io.churnwatch.topology.ChurnTopics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One churnwatch instance wired as {@code churnwatch run} wires it (HTTP server on a free port whose address is
 * the pipeline's {@code application.server}, Prometheus meters, monitoring attached), on the embedded broker and
 * an in-memory registry; the pipeline starts only when asked.
 */
final class Instance implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final OpsServer server;
    private final ChurnPipeline pipeline;
    private final Monitoring monitoring;
    private final ChurnConfig config;

    private Instance(final OpsServer server, final ChurnPipeline pipeline, final Monitoring monitoring,
                     final ChurnConfig config) {
        this.server = server;
        this.pipeline = pipeline;
        this.monitoring = monitoring;
        this.config = config;
    }

    /**
     * The configuration of a test's instances: its own topics, application id and registry scope, a free HTTP
     * port, fast lag and census refreshes, and a fresh state directory per call.
     */
    static ChurnConfig config(final EmbeddedKafka kafka, final String prefix, final Map<String, Object> extra)
            throws IOException {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(ChurnConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(ChurnConfig.SCHEMA_REGISTRY_URL, "mock://" + prefix);
        settings.put(ChurnConfig.APPLICATION_ID, prefix + "app");
        settings.put(ChurnConfig.STATE_DIR, Files.createTempDirectory("churnwatch-it").toString());
        for (final String key : new String[] {ChurnConfig.TOPIC_USAGE, ChurnConfig.TOPIC_TICKETS,
            ChurnConfig.TOPIC_BILLING, ChurnConfig.TOPIC_ACCOUNTS, ChurnConfig.TOPIC_HEALTH, ChurnConfig.TOPIC_ALERTS,
            ChurnConfig.TOPIC_DLQ}) {
            settings.put(key, prefix + ChurnConfig.CONFIG_DEF.defaultValues().get(key));
        }
        settings.put(ChurnConfig.HTTP_PORT, 0);
        settings.put(ChurnConfig.LAG_REFRESH_MS, 200L);
        settings.put(ChurnConfig.CENSUS_INTERVAL_MS, 200L);
        settings.put("topics.partitions", 2);
        settings.putAll(extra);
        return new ChurnConfig(settings);
    }

    /** An instance with its server up and its pipeline created, not started. */
    static Instance create(final ChurnConfig config) {
        final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        final ChurnMetrics metrics = new ChurnMetrics(prometheus);
        final OpsServer server = OpsServer.start(config, prometheus);
        final Properties settings = StreamsSettings.of(config);
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, server.applicationServer());
        final ChurnPipeline pipeline = ChurnPipeline.create(config,
                ChurnTopics.of(config, ChurnSerdes.on(Registries.client(config))), metrics, settings);
        final Monitoring monitoring = Monitoring.start(config, pipeline.streams(), metrics);
        server.attach(pipeline.streams(), monitoring);
        return new Instance(server, pipeline, monitoring, config);
    }

    Instance start() throws InterruptedException {
        pipeline.start();
        pipeline.awaitRunning(Duration.ofMinutes(2));
        return this;
    }

    ChurnPipeline pipeline() {
        return pipeline;
    }

    ChurnConfig config() {
        return config;
    }

    String applicationServer() {
        return server.applicationServer();
    }

    HttpResponse<String> get(final String pathAndQuery) {
        return get(server.uri(), pathAndQuery);
    }

    static HttpResponse<String> get(final URI base, final String pathAndQuery) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    URI uri() {
        return server.uri();
    }

    PrometheusScrape scrape() {
        return PrometheusScrape.parse(get("/metrics").body());
    }

    @Override
    public void close() {
        monitoring.close();
        pipeline.close();
        server.close();
    }
}
