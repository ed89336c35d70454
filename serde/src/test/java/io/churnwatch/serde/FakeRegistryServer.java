package io.churnwatch.serde;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * A registry on 127.0.0.1 answering the Confluent REST API from an {@link InMemorySchemaRegistryClient}, in
 * Confluent's dialect or Apicurio's (base path {@code /apis/ccompat/v7}, {@code error_code} 0, compatibility
 * explained in {@code reason}). It records every request and can be told to answer the next ones with a
 * canned status and body.
 */
final class FakeRegistryServer implements AutoCloseable {

    record Request(String method, String uri, String authorization, String contentType, String body) {
    }

    private record Canned(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern LOOKUP = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
    private static final Pattern BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
    private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");

    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Queue<Canned> canned = new ConcurrentLinkedQueue<>();
    private final boolean apicurio;
    private final String basePath;
    private final HttpServer server;

    private FakeRegistryServer(final boolean apicurio) throws IOException {
        this.apicurio = apicurio;
        this.basePath = apicurio ? "/apis/ccompat/v7" : "";
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(basePath + "/", this::handle);
        server.start();
    }

    static FakeRegistryServer confluent() throws IOException {
        return new FakeRegistryServer(false);
    }

    static FakeRegistryServer apicurio() throws IOException {
        return new FakeRegistryServer(true);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + basePath;
    }

    InMemorySchemaRegistryClient registry() {
        return registry;
    }

    List<Request> requests() {
        return requests;
    }

    /** Answers the next {@code times} requests with {@code status} and {@code body} instead of serving them. */
    void answerNext(final int times, final int status, final String body) {
        for (int i = 0; i < times; i++) {
            canned.add(new Canned(status, body));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(final HttpExchange exchange) throws IOException {
        final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        final String method = exchange.getRequestMethod();
        final String path = exchange.getRequestURI().getRawPath().substring(basePath.length());
        requests.add(new Request(method, exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        final Canned next = canned.poll();
        if (next != null) {
            respond(exchange, next.status(), next.body());
            return;
        }
        try {
            respond(exchange, 200, JSON.writeValueAsString(serve(method, path, body)));
        } catch (final RegistryRequestException e) {
            respond(exchange, e.status(), error(apicurio ? 0 : e.errorCode(), e.registryMessage()));
        } catch (final SchemaParseException e) {
            respond(exchange, 422, error(apicurio ? 0 : 42201, "Invalid schema: " + e.getMessage()));
        }
    }

    private Object serve(final String method, final String path, final String body) throws IOException {
        final Matcher register = REGISTER.matcher(path);
        final Matcher lookup = LOOKUP.matcher(path);
        final Matcher latest = LATEST.matcher(path);
        final Matcher byId = BY_ID.matcher(path);
        final Matcher compatibility = COMPATIBILITY.matcher(path);
        if (method.equals("POST") && register.matches()) {
            return JSON.createObjectNode().put("id", registry.register(subject(register), schema(body)));
        } else if (method.equals("POST") && lookup.matches()) {
            return version(registry.lookup(subject(lookup), schema(body)));
        } else if (method.equals("GET") && latest.matches()) {
            return version(registry.getLatestSchema(subject(latest)));
        } else if (method.equals("GET") && byId.matches()) {
            return JSON.createObjectNode().put("schema",
                    registry.getSchemaById(Integer.parseInt(byId.group(1))).toString());
        } else if (method.equals("POST") && compatibility.matches()) {
            return compatibility(registry.testCompatibility(subject(compatibility), schema(body)));
        }
        throw new RegistryRequestException(method + " " + path, 404, 404, "HTTP 404 Not Found");
    }

    private ObjectNode compatibility(final CompatibilityResult result) {
        final ObjectNode answer = JSON.createObjectNode().put("is_compatible", result.compatible());
        if (apicurio) {
            result.messages().forEach(message -> answer.put("reason", message));
        } else {
            result.messages().forEach(answer.putArray("messages")::add);
        }
        return answer;
    }

    private static ObjectNode version(final RegisteredSchema version) {
        return JSON.createObjectNode().put("subject", version.subject()).put("version", version.version())
                .put("id", version.id()).put("schema", version.schema().toString());
    }

    private static String subject(final Matcher matcher) {
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static Schema schema(final String body) throws IOException {
        return new Schema.Parser().parse(JSON.readTree(body).path("schema").asText());
    }

    private static String error(final int code, final String message) throws IOException {
        return JSON.writeValueAsString(JSON.createObjectNode().put("error_code", code).put("message", message));
    }

    private static void respond(final HttpExchange exchange, final int status, final String body) throws IOException {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RegistryTransport.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
