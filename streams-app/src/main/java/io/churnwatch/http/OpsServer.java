package io.churnwatch.http;

import com.sun.net.httpserver.HttpServer;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.ops.LocalStores;
import io.churnwatch.ops.Monitoring;
import io.churnwatch.runtime.StartupException;
import io.churnwatch.signals.AccountEngine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * churnwatch's one embedded HTTP server (the JDK's {@link HttpServer}), on {@code http.bind.address}:
 * {@code http.port}:
 * <ul>
 *   <li>{@code GET /metrics}: Prometheus scrape ({@link MetricsHandler});</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}: probes ({@link HealthHandler});</li>
 *   <li>{@code GET /accounts/{id}/health}, {@code GET /accounts/at-risk}: account queries
 *       ({@link AccountsHandler}).</li>
 * </ul>
 * Every answer but the scrape is JSON; an unknown path is a 404, a method other than GET a 405.
 *
 * <p>Started before the pipeline, so that probes and metrics answer while it starts (not ready), then
 * {@link #attach attached} to it. {@link #applicationServer()} is what the pipeline must set as
 * {@code application.server}: the other instances forward account queries there.
 */
public final class OpsServer implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final ChurnConfig config;
    private final String applicationServer;
    private final AtomicReference<Attachment> attachment = new AtomicReference<>();

    private OpsServer(final HttpServer server, final ExecutorService executor, final ChurnConfig config) {
        this.server = server;
        this.executor = executor;
        this.config = config;
        this.applicationServer = Optional.ofNullable(config.originals().get(StreamsConfig.APPLICATION_SERVER_CONFIG))
                .map(Object::toString).filter(s -> !s.isBlank())
                .orElseGet(() -> advertisedHost(server.getAddress()) + ":" + server.getAddress().getPort());
    }

    /**
     * Binds and starts the server.
     *
     * @throws StartupException naming the address when it cannot listen there (taken, or not local)
     */
    public static OpsServer start(final ChurnConfig config, final PrometheusMeterRegistry registry) {
        final String host = config.getString(ChurnConfig.HTTP_BIND_ADDRESS);
        final int port = config.getInt(ChurnConfig.HTTP_PORT);
        final HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (final IOException e) {
            throw new StartupException("cannot listen on " + host + ":" + port + " (http.bind.address, http.port): "
                    + e.getMessage());
        }
        final ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            final Thread thread = new Thread(task, "churnwatch-http");
            thread.setDaemon(true);
            return thread;
        });
        final OpsServer ops = new OpsServer(server, executor, config);
        server.createContext("/metrics", Exchanges.getOnly(new MetricsHandler(registry)));
        server.createContext("/health/", Exchanges.getOnly(new HealthHandler(ops::attached)));
        server.createContext("/accounts/", Exchanges.getOnly(new AccountsHandler(ops::attached)));
        server.createContext("/", Exchanges.getOnly(exchange -> Exchanges.sendJson(exchange, 404, Map.of(
                "error", "no such endpoint: " + exchange.getRequestURI().getPath(),
                "endpoints", List.of("/metrics", "/health/live", "/health/ready", "/accounts/{id}/health",
                        "/accounts/at-risk?limit=N&segment=S")))));
        server.setExecutor(executor);
        server.start();
        return ops;
    }

    /** Answers for {@code streams} from now on: readiness, account queries and lag in the probes. */
    public void attach(final KafkaStreams streams, final Monitoring monitoring) {
        final HostInfo self = HostInfo.buildFromEndpoint(applicationServer);
        final AccountEngine engine = new AccountEngine(config.signals(), config.scoringVersion());
        attachment.set(new Attachment(streams, self, monitoring,
                new AccountQueries(new LocalStores(streams), engine, applicationServer), new Forwarder(applicationServer)));
    }

    /**
     * The {@code host:port} other instances reach this server at: {@code application.server} when configured,
     * else the bind address (the local host name when bound to every interface) and the bound port.
     */
    public String applicationServer() {
        return applicationServer;
    }

    /** Base URI of the server as bound, e.g. {@code http://127.0.0.1:8080}. */
    public URI uri() {
        final InetSocketAddress address = server.getAddress();
        final String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    private Optional<Attachment> attached() {
        return Optional.ofNullable(attachment.get());
    }

    private static String advertisedHost(final InetSocketAddress bound) {
        if (!bound.getAddress().isAnyLocalAddress()) {
            return bound.getAddress().getHostAddress();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (final UnknownHostException e) {
            throw new StartupException("bound to every interface, but the local host name is unknown: set "
                    + "application.server to the host:port other instances reach this one at");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
