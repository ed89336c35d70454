package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.churnwatch.embedded.EmbeddedRegistry;
import io.churnwatch.events.Segment;
import io.churnwatch.events.UsageEvent;
import io.churnwatch.signals.AlertStatus;
import io.churnwatch.signals.ChurnRiskAlert;
import io.churnwatch.signals.ChurnSignal;
import io.churnwatch.signals.HealthBand;
import io.churnwatch.signals.HealthComponent;
import io.churnwatch.signals.HealthScoreUpdate;
import io.churnwatch.signals.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-client check: Confluent's own JavaScript client ({@code @confluentinc/schemaregistry}, run by
 * {@code interop/roundtrip.mjs} under Node) reads records our serde wrote, and our serde reads records it wrote,
 * through the embedded registry.
 *
 * <p>Needs {@code node} on the PATH and {@code npm ci} run in {@code interop/}; without them the class is
 * skipped, unless the environment sets {@value #REQUIRE_ENV}={@code required} (as {@code .ci/run} does where
 * Node is present), which makes a missing prerequisite a failure. Records cross as JSON in the JS client's
 * form: unions unwrapped, enums as symbols, timestamps as epoch millis.
 */
class JsClientInteropIT {

    /** Set to {@code required} to make missing Node or JS client a failure instead of a skip. */
    static final String REQUIRE_ENV = "CHURNWATCH_JS_INTEROP";
    private static final String SCRIPT = "roundtrip.mjs";
    private static final long NODE_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Numbers by value: the two sides print doubles such as 5.0 differently. */
    private static final Comparator<JsonNode> SAME_VALUE = (left, right) -> left.isNumber() && right.isNumber()
            ? Double.compare(left.doubleValue(), right.doubleValue()) : left.equals(right) ? 0 : 1;

    private static Path interopDir;
    private static Optional<String> missing;
    private static EmbeddedRegistry registry;
    private static SchemaRegistryClient client;

    @TempDir
    Path work;

    @BeforeAll
    static void startRegistryWhenNodeIsReady() {
        final Path workingDir = Path.of("").toAbsolutePath();
        // Failsafe runs in the module directory, an IDE often in the checkout's root.
        interopDir = Stream.of(workingDir, workingDir.getParent())
                .filter(Objects::nonNull)
                .map(dir -> dir.resolve("interop"))
                .filter(dir -> Files.isRegularFile(dir.resolve(SCRIPT)))
                .findFirst().orElse(null);
        missing = missingPrerequisite();
        if (missing.isPresent() && "required".equals(System.getenv(REQUIRE_ENV))) {
            fail(REQUIRE_ENV + "=required but " + missing.get());
        }
        if (missing.isEmpty()) {
            registry = EmbeddedRegistry.start();
            client = new RegistrySerdeConfig(Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url()))
                    .createClient();
        }
    }

    /** Skips each test, rather than the class, so that reports count the skipped checks. */
    @BeforeEach
    void requireNode() {
        assumeTrue(missing.isEmpty(), () -> "JS client check skipped: " + missing.orElseThrow());
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    static Stream<Named<SpecificRecord>> records() {
        return Stream.<SpecificRecord>of(TestRecords.usage(1), alert(), healthUpdate())
                .map(record -> Named.of(record.getClass().getSimpleName(), record));
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldDecodeWithJsClientWhenOurSerdeWroteRecord(final SpecificRecord record) throws Exception {
        final String topic = topic();
        final byte[] bytes = new AvroSerializer<>(client, false).serialize(topic, record);

        final JsonNode result = runNode(job(topic).put("decode", Base64.getEncoder().encodeToString(bytes)));

        final JsonNode decoded = result.path("decoded");
        final ObjectNode expected = asJson(record);
        assertThat(decoded.equals(SAME_VALUE, expected)).as("decoded by the JS client: %s%nwritten: %s", decoded,
                expected).isTrue();
    }

    @ParameterizedTest
    @MethodSource("records")
    void shouldReadWithOurSerdeWhenJsClientWroteRecord(final SpecificRecord record) throws Exception {
        final String topic = topic();
        final int id = client.register(topic + "-value", record.getSchema());

        final JsonNode result = runNode(job(topic).set("encode", asJson(record)));

        final byte[] bytes = Base64.getDecoder().decode(result.path("encoded").asText());
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
        assertThat(deserializer(record.getClass()).deserialize(topic, bytes)).isEqualTo(record);
    }

    @Test
    void shouldReadWithOurSerdeWhenJsClientRegisteredNewerSchemaAndWroteWithIt() throws Exception {
        final String topic = topic();
        final UsageEvent event = TestRecords.usage(2);
        final Schema newer = SchemaVariants.with(UsageEvent.getClassSchema(),
                new Schema.Field("plan", Schema.create(Schema.Type.STRING), null, "self-serve"));
        final ObjectNode written = asJson(event).put("plan", "enterprise");

        final JsonNode result = runNode(job(topic).put("register", newer.toString()).set("encode", written));

        final byte[] bytes = Base64.getDecoder().decode(result.path("encoded").asText());
        assertThat(WireFormat.schemaId(bytes)).isEqualTo(result.path("registeredId").asInt());
        assertThat(client.getSchemaById(WireFormat.schemaId(bytes))).isEqualTo(newer);
        assertThat(deserializer(UsageEvent.class).deserialize(topic, bytes)).isEqualTo(event);
    }

    private static Optional<String> missingPrerequisite() {
        if (interopDir == null) {
            return Optional.of("no interop/" + SCRIPT + " in the working directory or its parent");
        }
        if (!Files.isDirectory(interopDir.resolve("node_modules/@confluentinc/schemaregistry"))) {
            return Optional.of("the JS client is not installed: run 'npm ci' in " + interopDir);
        }
        try {
            final Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS) && node.exitValue() == 0 ? Optional.empty()
                    : Optional.of("'node --version' failed");
        } catch (final IOException e) {
            return Optional.of("no node on the PATH (" + e.getMessage() + ")");
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for node");
        }
    }

    /** Runs the script on {@code job} and returns its result; fails with the script's output when it fails. */
    private JsonNode runNode(final ObjectNode job) throws IOException, InterruptedException {
        final Path jobFile = work.resolve("job.json");
        final Path resultFile = work.resolve("result.json");
        final Path output = work.resolve("node.log");
        JSON.writeValue(jobFile.toFile(), job);
        final Process node = new ProcessBuilder("node", interopDir.resolve(SCRIPT).toString(), registry.url(),
                jobFile.toString(), resultFile.toString())
                .directory(interopDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!node.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("node %s did not finish within %d s; output:%n%s", SCRIPT, NODE_TIMEOUT_SECONDS,
                    Files.readString(output));
        }
        assertThat(node.exitValue()).as("exit code of node %s; output:%n%s", SCRIPT, Files.readString(output))
                .isZero();
        return JSON.readTree(resultFile.toFile());
    }

    private static ObjectNode job(final String topic) {
        return JsonNodeFactory.instance.objectNode().put("topic", topic);
    }

    private static <T extends SpecificRecord> AvroDeserializer<T> deserializer(final Class<T> type) {
        return new AvroDeserializer<>(type, new RegistrySerdeConfig(
                Map.of(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, registry.url())).createClient());
    }

    /** {@code record} as the JS client represents it. */
    private static ObjectNode asJson(final SpecificRecord record) {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        record.getSchema().getFields().forEach(field -> node.set(field.name(), toJson(record.get(field.pos()))));
        return node;
    }

    private static JsonNode toJson(final Object value) {
        if (value instanceof SpecificRecord record) {
            return asJson(record);
        }
        if (value instanceof Map<?, ?> map) {
            final ObjectNode node = JsonNodeFactory.instance.objectNode();
            map.forEach((key, entry) -> node.set(key.toString(), toJson(entry)));
            return node;
        }
        if (value instanceof List<?> list) {
            final ArrayNode node = JsonNodeFactory.instance.arrayNode();
            list.forEach(item -> node.add(toJson(item)));
            return node;
        }
        if (value instanceof Instant instant) {
            return JsonNodeFactory.instance.numberNode(instant.toEpochMilli());
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return JsonNodeFactory.instance.textNode(value.toString());
        }
        return JSON.valueToTree(value);
    }

    private static String topic() {
        return "js-interop-" + UUID.randomUUID();
    }

    private static ChurnRiskAlert alert() {
        return ChurnRiskAlert.newBuilder()
                .setAlertId("alert-acct-3-LOGIN_DECLINE-1767225600000").setAccountId("acct-3")
                .setSignal(ChurnSignal.LOGIN_DECLINE).setStatus(AlertStatus.OPEN).setSeverity(Severity.HIGH)
                .setHealthScore(41).setEvidence(Map.of("loginsLast7d", "2", "baselineWeekly", "11.5"))
                .setSummary("Logins fell from 11.5/wk to 2/wk").setSegment(Segment.HIGH_TOUCH).setOwnerId(null)
                .setPlay("Executive check-in within 48 h").setMrrAtRiskCents(129_900L)
                .setOpenedAt(Instant.ofEpochMilli(1_767_225_600_000L))
                .setEventTime(Instant.ofEpochMilli(1_767_312_000_000L)).setScoringVersion("v1")
                .build();
    }

    private static HealthScoreUpdate healthUpdate() {
        return HealthScoreUpdate.newBuilder()
                .setAccountId("acct-5").setScore(48).setPreviousScore(63).setBand(HealthBand.AT_RISK)
                .setComponents(List.of(
                        new HealthComponent("usage_trend", 30.0, 0.4, 12.0, "logins 3/wk vs 11/wk baseline"),
                        new HealthComponent("support", 72.5, 0.35, 25.375, "2 open tickets")))
                .setTopDriver("usage_trend").setAsOf(Instant.ofEpochMilli(1_767_398_400_000L))
                .setScoringVersion("v1")
                .build();
    }
}
