package io.churnwatch.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: every meter of the registry in the Prometheus text format (0.0.4). */
final class MetricsHandler implements HttpHandler {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsHandler(final PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
            Exchanges.sendError(exchange, 404, "no such endpoint: " + exchange.getRequestURI().getPath());
            return;
        }
        Exchanges.send(exchange, 200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
