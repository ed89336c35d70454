package io.churnwatch.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API (v1 media type), as served by
 * Confluent's registry and by Apicurio Registry under {@code /apis/ccompat/v7}.
 *
 * <p>Every schema is sent as {@code Schema.toString()}: one canonical text per schema, because Apicurio
 * matches schemas by exact text. Error answers ({@code {"error_code": N, "message": "..."}}, N being 0 from
 * Apicurio) become {@link RegistryRequestException}s with the HTTP status; a 404 on a schema id becomes an
 * {@link UnknownSchemaIdException}, a 404 on a subject a {@link SchemaNotRegisteredException}. No caching here:
 * put a {@link CachingSchemaRegistryClient} in front (as {@link RegistrySerdeConfig#createClient()} does).
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final int NOT_FOUND = 404;
    private static final int CONFLICT = 409;
    private static final int INTERNAL_ERROR = 500;

    private final RegistryTransport transport;

    RestSchemaRegistryClient(final RegistryTransport transport) {
        this.transport = transport;
    }

    /** A client for the URLs, credentials, TLS stores, timeout and retries of {@code config}. */
    public static RestSchemaRegistryClient create(final RegistrySerdeConfig config) {
        return create(config, duration -> Thread.sleep(duration.toMillis()));
    }

    static RestSchemaRegistryClient create(final RegistrySerdeConfig config, final RegistryTransport.Sleeper sleeper) {
        final HttpClient.Builder http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.requestTimeout());
        RegistrySsl.context(config).ifPresent(http::sslContext);
        return new RestSchemaRegistryClient(new RegistryTransport(RegistryEndpoint.fromConfig(config), http.build(),
                config.requestTimeout(), config.retries(), config.retryBackoffMs(), sleeper));
    }

    /**
     * Registers {@code schema} under {@code subject}, or finds it registered. A 409 answer is an incompatible
     * schema for Confluent's registry, but Apicurio also answers 409 when another client created the subject a
     * moment before (instances of one application starting together on a fresh registry), and 500 when two
     * clients insert the same schema at once (a unique-index violation in its database): the schema is then
     * looked up, and when it is not there (the other client's version not visible yet, or a real conflict) the
     * registration is sent once more, and its answer is final: a schema the subject's rule refuses stays a 409.
     */
    @Override
    public int register(final String subject, final Schema schema) {
        final String path = "/subjects/" + encode(subject) + "/versions";
        final RegistryTransport.Response answer = transport.send("POST", path, schemaBody(schema));
        if (answer.status() == CONFLICT || answer.status() == INTERNAL_ERROR) {
            try {
                return lookup(subject, schema).id();
            } catch (final SchemaNotRegisteredException e) {
                // Not there yet: ask once more below.
            }
            final RegistryTransport.Response again = transport.send("POST", path, schemaBody(schema));
            if (!again.ok()) {
                throw failure("POST", path, again);
            }
            return requiredInt(again, "POST", path, "id");
        }
        if (!answer.ok()) {
            throw failure("POST", path, answer);
        }
        return requiredInt(answer, "POST", path, "id");
    }

    @Override
    public RegisteredSchema lookup(final String subject, final Schema schema) {
        final String path = "/subjects/" + encode(subject);
        final RegistryTransport.Response answer = transport.send("POST", path, schemaBody(schema));
        if (answer.status() == NOT_FOUND) {
            throw notRegistered(subject, "POST", path, answer);
        }
        if (!answer.ok()) {
            throw failure("POST", path, answer);
        }
        return new RegisteredSchema(subject, requiredInt(answer, "POST", path, "version"),
                requiredInt(answer, "POST", path, "id"), schema);
    }

    @Override
    public Schema getSchemaById(final int id) {
        final String path = "/schemas/ids/" + id;
        final RegistryTransport.Response answer = transport.send("GET", path, null);
        if (answer.status() == NOT_FOUND) {
            throw new UnknownSchemaIdException(id, context("GET", path, answer), answer.status(), errorCode(answer),
                    message(answer));
        }
        if (!answer.ok()) {
            throw failure("GET", path, answer);
        }
        return parseSchema(answer, "GET", path);
    }

    @Override
    public RegisteredSchema getLatestSchema(final String subject) {
        final String path = "/subjects/" + encode(subject) + "/versions/latest";
        final RegistryTransport.Response answer = transport.send("GET", path, null);
        if (answer.status() == NOT_FOUND) {
            throw notRegistered(subject, "GET", path, answer);
        }
        if (!answer.ok()) {
            throw failure("GET", path, answer);
        }
        return new RegisteredSchema(subject, requiredInt(answer, "GET", path, "version"),
                requiredInt(answer, "GET", path, "id"), parseSchema(answer, "GET", path));
    }

    @Override
    public CompatibilityResult testCompatibility(final String subject, final Schema schema) {
        final String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true";
        final RegistryTransport.Response answer = transport.send("POST", path, schemaBody(schema));
        if (answer.status() == NOT_FOUND) {
            throw notRegistered(subject, "POST", path, answer);
        }
        if (!answer.ok() || !answer.body().path("is_compatible").isBoolean()) {
            throw failure("POST", path, answer);
        }
        final List<String> messages = new ArrayList<>();
        answer.body().path("messages").forEach(message -> messages.add(message.asText()));
        final JsonNode reason = answer.body().path("reason");
        if (!reason.isMissingNode() && !reason.isNull()) {
            messages.add(reason.isTextual() ? reason.asText() : reason.toString());
        }
        return new CompatibilityResult(answer.body().get("is_compatible").asBoolean(), messages);
    }

    private static ObjectNode schemaBody(final Schema schema) {
        return JsonNodeFactory.instance.objectNode().put("schema", schema.toString());
    }

    private static Schema parseSchema(final RegistryTransport.Response answer, final String method,
                                      final String path) {
        final String type = answer.body().path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw new SchemaResolutionException(context(method, path, answer) + ": schema type " + type
                    + " is not Avro");
        }
        if (!answer.body().path("schema").isTextual()) {
            throw failure(method, path, answer);
        }
        try {
            return new Schema.Parser().parse(answer.body().get("schema").asText());
        } catch (final SchemaParseException e) {
            throw new SchemaResolutionException(context(method, path, answer) + ": not an Avro schema: "
                    + e.getMessage(), e);
        }
    }

    private static int requiredInt(final RegistryTransport.Response answer, final String method, final String path,
                                   final String field) {
        final JsonNode value = answer.body().path(field);
        if (!value.canConvertToInt()) {
            throw failure(method, path, answer);
        }
        return value.asInt();
    }

    private static SchemaNotRegisteredException notRegistered(final String subject, final String method,
                                                              final String path,
                                                              final RegistryTransport.Response answer) {
        return new SchemaNotRegisteredException(subject, context(method, path, answer), answer.status(),
                errorCode(answer), message(answer));
    }

    /** An error answer, or a success answer without the fields the API promises. */
    private static RegistryRequestException failure(final String method, final String path,
                                                    final RegistryTransport.Response answer) {
        final String message = answer.ok() ? "unexpected answer " + abbreviate(answer.body().toString())
                : message(answer);
        return new RegistryRequestException(context(method, path, answer), answer.status(), errorCode(answer),
                message);
    }

    private static String context(final String method, final String path, final RegistryTransport.Response answer) {
        return String.format(Locale.ROOT, "%s %s at %s", method, path, answer.endpoint());
    }

    private static int errorCode(final RegistryTransport.Response answer) {
        return answer.body().path("error_code").asInt(0);
    }

    private static String message(final RegistryTransport.Response answer) {
        final JsonNode body = answer.body();
        return abbreviate(body.path("message").isTextual() ? body.get("message").asText()
                : body.isTextual() ? body.asText() : body.toString());
    }

    private static String abbreviate(final String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static String encode(final String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
