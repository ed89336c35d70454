package io.churnwatch.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request parsing and response writing shared by the handlers: JSON bodies (Jackson), JSON errors
 * ({@code {"error": "..."}}), GET-only routes, percent-decoding, and a wrapper that turns an
 * {@link HttpProblem} into its status and any other failure into a 500, so a bad request never kills the
 * server thread.
 */
final class Exchanges {

    static final String JSON = "application/json; charset=utf-8";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);

    private Exchanges() {
    }

    /** The handler, answering non-GET requests with 405 and failures with a JSON error. */
    static HttpHandler getOnly(final HttpHandler handler) {
        return exchange -> {
            try {
                exchange.getRequestBody().readAllBytes();
                if (!"GET".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", "GET");
                    sendError(exchange, 405, "only GET is supported");
                    return;
                }
                handler.handle(exchange);
            } catch (final HttpProblem e) {
                sendError(exchange, e.status(), e.getMessage());
            } catch (final RuntimeException e) {
                LOG.warn("Request {} failed", exchange.getRequestURI(), e);
                sendError(exchange, 500, "internal error: " + e.getClass().getSimpleName());
            } finally {
                exchange.close();
            }
        };
    }

    static void sendJson(final HttpExchange exchange, final int status, final Object body) throws IOException {
        send(exchange, status, JSON, toJson(body));
    }

    static void sendError(final HttpExchange exchange, final int status, final String message) throws IOException {
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        sendJson(exchange, status, Map.of("error", message));
    }

    static void send(final HttpExchange exchange, final int status, final String contentType, final byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static byte[] toJson(final Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (final JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes one percent-encoded path segment or query component; a '+' stays a '+' in a path segment.
     *
     * @throws HttpProblem 400 when the encoding is malformed
     */
    static String decode(final String raw, final boolean plusIsSpace) {
        try {
            return URLDecoder.decode(plusIsSpace ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (final IllegalArgumentException e) {
            throw HttpProblem.badRequest("malformed percent-encoding in '" + raw + "'");
        }
    }

    /** The query parameters of a request, decoded; a parameter given twice is a 400. */
    static Map<String, String> query(final HttpExchange exchange) {
        final Map<String, String> params = new LinkedHashMap<>();
        final String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (final String pair : raw.split("&")) {
            final int eq = pair.indexOf('=');
            final String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            final String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            if (params.put(name, value) != null) {
                throw HttpProblem.badRequest("query parameter '" + name + "' is given more than once");
            }
        }
        return params;
    }
}
