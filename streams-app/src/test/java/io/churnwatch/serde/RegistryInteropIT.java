package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.UsageEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our serde against a real registry (Apicurio Registry's Confluent-compatible API, one per class): what our
 * serializer registers is what the REST API serves, and schemas registered over plain HTTP, as another client
 * would, are the ones our serde finds, writes with and reads with.
 */
class RegistryInteropIT {

    private static final long SEED = 20_261_126L;
    private static final Schema USAGE = UsageEvent.getClassSchema();
    private static final UsageEvent EVENT = TestRecords.usage(1);

    private static EmbeddedRegistry registry;
    private static SchemaRegistryClient client;
    private static RestApi rest;

    @BeforeAll
    static void startRegistry() {
        registry = EmbeddedRegistry.start();
        client = new RegistrySerdeConfig(settings(Map.of())).createClient();
        rest = new RestApi(registry.url());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    static List<Class<? extends SpecificRecord>> recordClasses() {
        return GeneratedRecords.all();
    }

    @ParameterizedTest
    @MethodSource("recordClasses")
    void shouldServeSchemaByIdWhenOurSerializerRegisteredIt(final Class<? extends SpecificRecord> type)
            throws Exception {
        final SpecificRecord record = GeneratedRecords.random(type, new Random(SEED));

        final int id = WireFormat.schemaId(new AvroSerializer<>(client, false).serialize(topic(), record));

        assertThat(new Schema.Parser().parse(rest.get("/schemas/ids/" + id).path("schema").asText()))
                .isEqualTo(record.getSchema());
    }

    @ParameterizedTest
    @MethodSource("recordClasses")
    void shouldServeSchemaAsLatestOfTopicSubjectWhenOurSerializerRegisteredIt(
            final Class<? extends SpecificRecord> type) throws Exception {
        final SpecificRecord record = GeneratedRecords.random(type, new Random(SEED));
        final String topic = topic();

        final int id = WireFormat.schemaId(new AvroSerializer<>(client, false).serialize(topic, record));

        final JsonNode latest = rest.get("/subjects/" + topic + "-value/versions/latest");
        assertThat(latest.path("id").asInt()).isEqualTo(id);
        assertThat(new Schema.Parser().parse(latest.path("schema").asText())).isEqualTo(record.getSchema());
    }

    @Test
    void shouldReuseIdRegisteredOverHttpWhenOurSerializerRegistersSameSchema() throws Exception {
        final String topic = topic();
        final int id = rest.register(topic + "-value", USAGE);

        final byte[] bytes = AvroSerde.of(UsageEvent.class, settings(Map.of()), false).serializer()
                .serialize(topic, EVENT);

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void shouldFindSchemaRegisteredOverHttpWhenAutoRegistrationDisabled() throws Exception {
        final String topic = topic();
        final int id = rest.register(topic + "-value", USAGE);

        final byte[] bytes = AvroSerde.of(UsageEvent.class,
                settings(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, false)), false).serializer()
                .serialize(topic, EVENT);

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    }

    @Test
    void shouldFailNamingSubjectWhenAutoRegistrationDisabledAndSchemaNotRegistered() {
        final String topic = topic();
        final AvroSerde<UsageEvent> serde = AvroSerde.of(UsageEvent.class,
                settings(Map.of(RegistrySerdeConfig.AUTO_REGISTER_SCHEMAS, false)), false);

        assertThatThrownBy(() -> serde.serializer().serialize(topic, EVENT))
                .isInstanceOf(SchemaNotRegisteredException.class)
                .hasMessageContaining(topic + "-value");
    }

    @Test
    void shouldWriteWithLatestSchemaRegisteredOverHttpWhenUseLatestVersion() throws Exception {
        final String topic = topic();
        final Schema newer = SchemaVariants.with(USAGE,
                new Schema.Field("plan", Schema.create(Schema.Type.STRING), null, "self-serve"));
        final int id = rest.register(topic + "-value", newer);

        final byte[] bytes = AvroSerde.of(UsageEvent.class,
                settings(Map.of(RegistrySerdeConfig.USE_LATEST_VERSION, true)), false).serializer()
                .serialize(topic, EVENT);

        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        final GenericRecord written = new GenericDatumReader<GenericRecord>(newer).read(null, DecoderFactory.get()
                .binaryDecoder(bytes, WireFormat.HEADER_LENGTH, bytes.length - WireFormat.HEADER_LENGTH, null));
        assertThat(written.get("eventId")).hasToString(EVENT.getEventId());
        assertThat(written.get("plan")).hasToString("self-serve");
    }

    @Test
    void shouldReadIntoGeneratedClassWhenWrittenWithOlderSchemaRegisteredOverHttp() throws Exception {
        final String topic = topic();
        final Schema older = SchemaVariants.without(USAGE, Set.of("feature"));
        final int id = rest.register(topic + "-value", older);

        final UsageEvent read = deserializer().deserialize(topic, SchemaVariants.frame(id, generic(EVENT, older)));

        assertThat(read).isEqualTo(UsageEvent.newBuilder(EVENT).setFeature(null).build());
    }

    @Test
    void shouldReadIntoGeneratedClassWhenWrittenWithNewerSchemaRegisteredOverHttp() throws Exception {
        final String topic = topic();
        final Schema newer = SchemaVariants.with(USAGE,
                new Schema.Field("plan", Schema.create(Schema.Type.STRING), null, "self-serve"));
        final int id = rest.register(topic + "-value", newer);
        final GenericRecord written = generic(EVENT, newer);
        written.put("plan", "enterprise");

        final UsageEvent read = deserializer().deserialize(topic, SchemaVariants.frame(id, written));

        assertThat(read).isEqualTo(EVENT);
    }

    @Test
    void shouldThrowUnknownSchemaIdWhenRecordCarriesIdRegistryLacks() throws Exception {
        final int unknown = 1_000_000;
        final byte[] bytes = SchemaVariants.frame(unknown, generic(EVENT, USAGE));

        assertThatThrownBy(() -> deserializer().deserialize(topic(), bytes))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class,
                        e -> assertThat(e.schemaId()).isEqualTo(unknown));
    }

    @Test
    void shouldReportIncompatibleWhenBackwardSubjectGetsRequiredField() throws Exception {
        final String subject = topic() + "-value";
        rest.register(subject, USAGE);
        rest.setCompatibility(subject, "BACKWARD");

        final CompatibilityResult verdict = client.testCompatibility(subject,
                SchemaVariants.with(USAGE, new Schema.Field("plan", Schema.create(Schema.Type.STRING))));

        assertThat(verdict.compatible()).isFalse();
    }

    @Test
    void shouldReportCompatibleWhenBackwardSubjectGetsDefaultedField() throws Exception {
        final String subject = topic() + "-value";
        rest.register(subject, USAGE);
        rest.setCompatibility(subject, "BACKWARD");

        final CompatibilityResult verdict = client.testCompatibility(subject, SchemaVariants.with(USAGE,
                new Schema.Field("plan", Schema.create(Schema.Type.STRING), null, "self-serve")));

        assertThat(verdict.compatible()).isTrue();
    }

    private static Map<String, Object> settings(final Map<String, Object> options) {
        final Map<String, Object> settings = new HashMap<>(options);
        settings.put(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        return settings;
    }

    /** A deserializer with a client of its own, so every writer schema is fetched from the registry. */
    private static Deserializer<UsageEvent> deserializer() {
        return AvroSerde.of(UsageEvent.class, settings(Map.of()), false).deserializer();
    }

    private static String topic() {
        return "interop-" + UUID.randomUUID();
    }

    /** {@code record} as a generic record of {@code schema}, as a producer holding only that schema builds it. */
    private static GenericRecord generic(final SpecificRecord record, final Schema schema) throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForClass(record.getClass()))
                .write(record, encoder);
        return new GenericDatumReader<GenericRecord>(record.getSchema(), schema)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }

    /** The registry's Confluent REST API over plain HTTP, as any other client sees it. */
    private record RestApi(String baseUrl) {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";

        int register(final String subject, final Schema schema) throws IOException, InterruptedException {
            return send("POST", "/subjects/" + encode(subject) + "/versions", Map.of("schema", schema.toString()))
                    .path("id").asInt();
        }

        void setCompatibility(final String subject, final String level) throws IOException, InterruptedException {
            send("PUT", "/config/" + encode(subject), Map.of("compatibility", level));
        }

        JsonNode get(final String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        private JsonNode send(final String method, final String path, final Map<String, String> body)
                throws IOException, InterruptedException {
            final HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", MEDIA_TYPE)
                    .header("Accept", MEDIA_TYPE)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            final HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        private static String encode(final String subject) {
            return URLEncoder.encode(subject, StandardCharsets.UTF_8);
        }
    }
}
