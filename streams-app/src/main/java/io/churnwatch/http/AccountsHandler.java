package io.churnwatch.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.churnwatch.events.Segment;
import io.churnwatch.topology.ChurnTopology;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@code GET /accounts/{id}/health} and {@code GET /accounts/at-risk?limit=N&segment=S}.
 *
 * <p>An account's health is answered by the instance whose active task owns the account's partition
 * ({@link KafkaStreams#queryMetadataForKey}): locally when that is this instance, else by forwarding the
 * request to the owner's {@code application.server} and relaying its answer. An unknown account is a 404;
 * while ownership is unknown (starting, rebalancing) the answer is a 503 with {@code Retry-After}. The at-risk
 * list covers the accounts of this instance only ({@link AccountQueries}).
 *
 * <p>Validation: an account id is 1-{@value #MAX_ID_LENGTH} characters without control characters; limit is
 * 1-{@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}); segment is a {@link Segment} name (any case); other
 * parameters are rejected. Each failure is a 400 naming the problem.
 */
final class AccountsHandler implements HttpHandler {

    static final String SERVED_BY = "X-Churnwatch-Served-By";
    static final int MAX_ID_LENGTH = 256;
    static final int MAX_LIMIT = 1000;
    static final int DEFAULT_LIMIT = 20;
    private static final Set<String> AT_RISK_PARAMS = Set.of("limit", "segment");
    private static final String SEGMENTS = Arrays.stream(Segment.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final Supplier<Optional<Attachment>> attachment;

    AccountsHandler(final Supplier<Optional<Attachment>> attachment) {
        this.attachment = attachment;
    }

    @Override
    public void handle(final HttpExchange exchange) throws IOException {
        final String[] segments = exchange.getRequestURI().getRawPath().split("/", -1);
        if (segments.length == 3 && "at-risk".equals(segments[2])) {
            atRisk(exchange);
        } else if (segments.length == 4 && "health".equals(segments[3])) {
            health(exchange, accountId(segments[2]));
        } else {
            Exchanges.sendError(exchange, 404, "no such endpoint: " + exchange.getRequestURI().getPath()
                    + " (try /accounts/{id}/health or /accounts/at-risk)");
        }
    }

    private void health(final HttpExchange exchange, final String accountId) throws IOException {
        final Attachment app = ready();
        final KeyQueryMetadata owner = app.streams().queryMetadataForKey(ChurnTopology.ACCOUNT_STATE_STORE, accountId,
                Serdes.String().serializer());
        if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
            throw HttpProblem.notReady("the owner of account '" + accountId + "' is not known yet (rebalancing)");
        }
        final String forwardedBy = exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED_BY);
        if (!owner.activeHost().equals(app.self())) {
            if (forwardedBy != null) {
                throw HttpProblem.notReady("account '" + accountId + "' moved to " + address(owner.activeHost())
                        + " while the request was forwarded; retry");
            }
            relay(exchange, app, owner.activeHost());
            return;
        }
        final Optional<AccountViews.Health> health = local(() -> app.queries().health(accountId, owner.partition()));
        exchange.getResponseHeaders().set(SERVED_BY, address(app.self()));
        if (health.isEmpty()) {
            Exchanges.sendError(exchange, 404, "unknown account '" + accountId + "'");
        } else {
            Exchanges.sendJson(exchange, 200, health.get());
        }
    }

    private void relay(final HttpExchange exchange, final Attachment app, final HostInfo owner) throws IOException {
        final HttpResponse<byte[]> answer;
        try {
            answer = app.forwarder().forward(owner, exchange.getRequestURI().getRawPath());
        } catch (final IOException e) {
            Exchanges.sendError(exchange, 502, "the owner " + address(owner) + " did not answer: " + e.getMessage());
            return;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchanges.sendError(exchange, 503, "interrupted while asking the owner " + address(owner));
            return;
        }
        answer.headers().firstValue(SERVED_BY).ifPresent(v -> exchange.getResponseHeaders().set(SERVED_BY, v));
        answer.headers().firstValue("Retry-After").ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
        Exchanges.send(exchange, answer.statusCode(), Exchanges.JSON, answer.body());
    }

    private void atRisk(final HttpExchange exchange) throws IOException {
        final Map<String, String> params = Exchanges.query(exchange);
        params.keySet().stream().filter(name -> !AT_RISK_PARAMS.contains(name)).findFirst().ifPresent(name -> {
            throw HttpProblem.badRequest("unknown query parameter '" + name + "'; expected limit and segment");
        });
        final int limit = limit(params.get("limit"));
        final Segment segment = segment(params.get("segment"));
        final Attachment app = ready();
        exchange.getResponseHeaders().set(SERVED_BY, address(app.self()));
        Exchanges.sendJson(exchange, 200, local(() -> app.queries().atRisk(limit, segment)));
    }

    private Attachment ready() {
        final Attachment app = attachment.get().orElseThrow(() -> HttpProblem.notReady("churnwatch is starting"));
        if (app.streams().state() != KafkaStreams.State.RUNNING
                && app.streams().state() != KafkaStreams.State.REBALANCING) {
            throw HttpProblem.notReady("Kafka Streams is " + app.streams().state());
        }
        return app;
    }

    private static <T> T local(final Supplier<T> query) {
        try {
            return query.get();
        } catch (final InvalidStateStoreException e) {
            throw HttpProblem.notReady("the state stores cannot be queried now: " + e.getMessage());
        }
    }

    static String accountId(final String rawSegment) {
        final String id = Exchanges.decode(rawSegment, false);
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw HttpProblem.badRequest("an account id has 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw HttpProblem.badRequest("an account id cannot contain control characters");
        }
        return id;
    }

    static int limit(final String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        final int limit = raw.matches("\\d{1,9}") ? Integer.parseInt(raw) : -1;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw HttpProblem.badRequest("limit must be an integer from 1 to " + MAX_LIMIT + ", was '" + raw + "'");
        }
        return limit;
    }

    static Segment segment(final String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Segment.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw HttpProblem.badRequest("segment must be one of " + SEGMENTS + ", was '" + raw + "'");
        }
    }

    static String address(final HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
