package io.churnwatch.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one JSON request to the registry over the JDK's {@link HttpClient}, moving to the next configured URL
 * when one cannot be reached, and retrying the whole list with exponential backoff.
 *
 * <p>A URL "cannot be reached" when the connection fails or times out, or it answers 502, 503 or 504; any
 * other answer, error or not, is returned. After {@code schema.registry.retries} retries a
 * {@link RegistryUnavailableException} names the URLs and the last failure. The last URL that answered is
 * tried first next time. Thread-safe.
 */
final class RegistryTransport {

    /** Waits between attempts; a parameter so tests can record the backoff instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** An answer of the registry: its HTTP status and JSON body (a text node when the body is not JSON). */
    record Response(int status, JsonNode body, RegistryEndpoint endpoint) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json, application/json";
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RegistryTransport.class);

    private final List<RegistryEndpoint> endpoints;
    private final HttpClient http;
    private final Duration timeout;
    private final int retries;
    private final long backoffMs;
    private final Sleeper sleeper;
    private volatile int preferred;

    RegistryTransport(final List<RegistryEndpoint> endpoints, final HttpClient http, final Duration timeout,
                      final int retries, final long backoffMs, final Sleeper sleeper) {
        this.endpoints = List.copyOf(endpoints);
        this.http = http;
        this.timeout = timeout;
        this.retries = retries;
        this.backoffMs = backoffMs;
        this.sleeper = sleeper;
    }

    /**
     * Sends {@code method path} with {@code body} (none when null) and returns the first answer of a reachable URL.
     *
     * @throws RegistryUnavailableException when no URL could be reached within the retries
     */
    Response send(final String method, final String path, final JsonNode body) {
        final HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        String lastFailure = "no attempt";
        Exception lastCause = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                backoff(attempt, method, path, lastFailure);
            }
            final int first = preferred;
            for (int offset = 0; offset < endpoints.size(); offset++) {
                final int index = (first + offset) % endpoints.size();
                final RegistryEndpoint endpoint = endpoints.get(index);
                try {
                    final HttpResponse<String> answer = http.send(request(endpoint, method, path, body, publisher),
                            HttpResponse.BodyHandlers.ofString());
                    if (!UNAVAILABLE.contains(answer.statusCode())) {
                        preferred = index;
                        return new Response(answer.statusCode(), parse(answer.body()), endpoint);
                    }
                    lastFailure = endpoint + " answered HTTP " + answer.statusCode();
                    lastCause = null;
                } catch (final IOException e) {
                    lastFailure = endpoint + ": " + describe(e);
                    lastCause = e;
                } catch (final InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw unavailable(method, path, "interrupted", attempt + 1, e);
                }
            }
        }
        throw unavailable(method, path, lastFailure, retries + 1, lastCause);
    }

    private void backoff(final int attempt, final String method, final String path, final String lastFailure) {
        final Duration wait = Duration.ofMillis(backoffMs << (attempt - 1));
        LOG.warn("Schema registry unreachable for {} {} ({}); retry {} of {} in {} ms", method, path, lastFailure,
                attempt, retries, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(method, path, "interrupted", attempt, e);
        }
    }

    private HttpRequest request(final RegistryEndpoint endpoint, final String method, final String path,
                                final JsonNode body, final HttpRequest.BodyPublisher publisher) {
        final HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(timeout)
                .header("Accept", ACCEPT)
                .method(method, publisher);
        if (body != null) {
            builder.header("Content-Type", CONTENT_TYPE);
        }
        endpoint.authorization().ifPresent(value -> builder.header("Authorization", value));
        return builder.build();
    }

    private RegistryUnavailableException unavailable(final String method, final String path, final String failure,
                                                     final int attempts, final Exception cause) {
        return new RegistryUnavailableException(String.format(Locale.ROOT,
                "Schema registry unreachable at %s: %s %s failed after %d attempt(s); last failure: %s",
                endpoints, method, path, attempts, failure), cause);
    }

    private static String describe(final IOException e) {
        // The JDK's ConnectException often has no message: the class name is then the only information.
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String write(final JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (final JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    private static JsonNode parse(final String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (final JsonProcessingException e) {
            return TextNode.valueOf(body);
        }
    }
}
