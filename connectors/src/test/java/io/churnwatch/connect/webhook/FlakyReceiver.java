package io.churnwatch.connect.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A CRM webhook on a real local HTTP server that fails on purpose: each request takes the next {@link Fault} of
 * its script (500s, 429 with Retry-After, answers slower than the client waits, connections closed without an
 * answer), or is accepted once the script is used up. Requests whose body matches {@link #refuseWhen} get a 400.
 * Like a CRM that upserts, it accepts each {@code Idempotency-Key} once: a repeat is answered 200 and counted as
 * a duplicate, not accepted again.
 */
public final class FlakyReceiver implements AutoCloseable {

    /** What the receiver does with one request. */
    sealed interface Fault {
        record Status(int code, String retryAfter) implements Fault {
        }

        record Slow(long millis) implements Fault {
        }

        record Reset() implements Fault {
        }

        record Accept() implements Fault {
        }
    }

    static Fault accept() {
        return new Fault.Accept();
    }

    static Fault status(final int code) {
        return new Fault.Status(code, null);
    }

    static Fault tooMany(final String retryAfter) {
        return new Fault.Status(429, retryAfter);
    }

    static Fault slow(final long millis) {
        return new Fault.Slow(millis);
    }

    static Fault reset() {
        return new Fault.Reset();
    }

    static {
        // The JDK server writes headers and body in two segments; without TCP_NODELAY the client's delayed ACK
        // holds each answer some 40 ms on loopback, and the receiver, not the sink, would set the pace.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final Deque<Fault> script = new ArrayDeque<>();
    private final Map<String, String> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile Predicate<String> refuseWhen = body -> false;

    public FlakyReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Appends faults to the script: the next requests meet them in order. */
    synchronized FlakyReceiver then(final Fault... faults) {
        script.addAll(List.of(faults));
        return this;
    }

    /** Appends a fault {@code times} times. */
    synchronized FlakyReceiver then(final int times, final Fault fault) {
        for (int i = 0; i < times; i++) {
            script.add(fault);
        }
        return this;
    }

    FlakyReceiver refuseWhen(final Predicate<String> body) {
        this.refuseWhen = body;
        return this;
    }

    private synchronized Fault next() {
        return script.poll();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            requests.add(Map.of("key", String.valueOf(key), "body", body,
                    "auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            final Fault fault = next();
            if (fault instanceof Fault.Reset) {
                return;
            }
            if (fault instanceof Fault.Slow slow) {
                sleep(slow.millis());
            }
            if (fault instanceof Fault.Status status) {
                if (status.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", status.retryAfter());
                }
                answer(exchange, status.code(), "{\"error\":\"scripted " + status.code() + "\"}");
                return;
            }
            if (refuseWhen.test(body)) {
                refused.incrementAndGet();
                answer(exchange, 400, "{\"error\":\"unknown owner\"}");
                return;
            }
            if (key == null || accepted.putIfAbsent(key, body) != null) {
                duplicates.incrementAndGet();
            }
            answer(exchange, 200, "{\"ok\":true}");
        }
    }

    private static void answer(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accepted bodies by idempotency key, in the order first accepted. */
    public Map<String, String> accepted() {
        synchronized (accepted) {
            return new LinkedHashMap<>(accepted);
        }
    }

    /** Every request received (key, body, auth), in arrival order. */
    public List<Map<String, String>> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int refused() {
        return refused.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
