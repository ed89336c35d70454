package io.churnwatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.events.UsageEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the real registry child process through the Confluent REST API with plain HTTP. */
class EmbeddedRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Schema USAGE = UsageEvent.getClassSchema();

    private static EmbeddedRegistry registry;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedRegistry.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldReturnTheRegisteredSchemaWhenFetchedById() throws Exception {
        final Reply registered = register("usage-by-id-value", USAGE);

        final Reply fetched = send(HttpRequest.newBuilder(uri("/schemas/ids/" + registered.body().path("id").asInt())));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(fetched.body().path("schema").asText())).isEqualTo(USAGE);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWhenSubjectIsBackward() throws Exception {
        final String subject = "usage-incompatible-value";
        register(subject, USAGE);
        setBackward(subject);

        final Reply refused = register(subject, withExtraField(USAGE, null));

        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void shouldAcceptACompatibleSchemaWhenSubjectIsBackward() throws Exception {
        final String subject = "usage-compatible-value";
        final int first = register(subject, USAGE).body().path("id").asInt();
        setBackward(subject);

        final Reply accepted = register(subject, withExtraField(USAGE, "unknown"));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("id").asInt()).isNotEqualTo(first);
    }

    @Test
    void shouldLeaveNoProcessAliveWhenClosedTwice() {
        final EmbeddedRegistry own = EmbeddedRegistry.start();
        final long pid = own.pid();

        own.close();
        own.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    /** A copy of {@code base} with one more string field {@code plan}; a null default makes it required. */
    private static Schema withExtraField(final Schema base, final String defaultValue) {
        final List<Schema.Field> fields = new ArrayList<>();
        base.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(defaultValue == null
                ? new Schema.Field("plan", Schema.create(Schema.Type.STRING))
                : new Schema.Field("plan", Schema.create(Schema.Type.STRING), null, defaultValue));
        return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
    }

    private static Reply register(final String subject, final Schema schema) throws Exception {
        return send(HttpRequest.newBuilder(uri("/subjects/" + subject + "/versions"))
                .POST(body(Map.of("schema", schema.toString()))));
    }

    private static void setBackward(final String subject) throws Exception {
        final Reply reply = send(HttpRequest.newBuilder(uri("/config/" + subject))
                .PUT(body(Map.of("compatibility", "BACKWARD"))));
        assertThat(reply.body().path("compatibility").asText()).isEqualTo("BACKWARD");
    }

    private static HttpRequest.BodyPublisher body(final Map<String, String> fields) throws IOException {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fields));
    }

    private static URI uri(final String path) {
        return URI.create(registry.url() + path);
    }

    private static Reply send(final HttpRequest.Builder request) throws Exception {
        final HttpResponse<String> response = HTTP.send(
                request.header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private record Reply(int status, JsonNode body) {
    }
}
