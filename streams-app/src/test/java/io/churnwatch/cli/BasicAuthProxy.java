package io.churnwatch.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry that demands HTTP basic authentication, as Confluent's does with {@code authentication.method=BASIC}:
 * a local server in front of the embedded registry (Apicurio 2.4.2 authenticates through Keycloak only) that
 * answers 401 in Confluent's error format unless the request carries the expected {@code Authorization} header,
 * and passes every other request through unchanged. It counts both.
 */
final class BasicAuthProxy implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final HttpServer server;
    private final URI target;
    private final String expected;
    private final AtomicInteger authorized = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private BasicAuthProxy(final HttpServer server, final URI target, final String userInfo) {
        this.server = server;
        this.target = target;
        this.expected = "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** A proxy to the registry at {@code registryUrl} accepting {@code user:password}. */
    static BasicAuthProxy start(final String registryUrl, final String userInfo) throws IOException {
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        final URI target = URI.create(registryUrl);
        final BasicAuthProxy proxy = new BasicAuthProxy(server, target, userInfo);
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    /** The proxy's URL for the registry's URL: same path, this server's address. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + target.getPath();
    }

    int authorized() {
        return authorized.get();
    }

    int refused() {
        return refused.get();
    }

    private void handle(final HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refused.incrementAndGet();
                send(exchange, 401, "application/json",
                        "{\"error_code\":401,\"message\":\"Unauthorized\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            authorized.incrementAndGet();
            final byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            final HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()
                    .getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery())))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            final String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            final HttpResponse<byte[]> answer = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/json"),
                    answer.body());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(final HttpExchange exchange, final int status, final String contentType,
                             final byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
