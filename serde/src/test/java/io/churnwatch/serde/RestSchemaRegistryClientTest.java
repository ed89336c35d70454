package io.churnwatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.events.BillingEvent;
import io.churnwatch.events.UsageEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final Schema USAGE = UsageEvent.getClassSchema();

    private final List<Duration> sleeps = new ArrayList<>();
    private final FakeRegistryServer confluent = FakeRegistryServer.confluent();

    RestSchemaRegistryClientTest() throws IOException {
    }

    @AfterEach
    void stop() {
        confluent.close();
    }

    @Test
    void shouldPostCanonicalTextWithRegistryMediaTypeWhenRegistering() {
        final int id = client(confluent.url()).register("usage-value", USAGE);

        final FakeRegistryServer.Request request = confluent.requests().get(0);
        assertThat(request.uri()).isEqualTo("/subjects/usage-value/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.body()).isEqualTo("{\"schema\":" + quoted(USAGE.toString()) + "}");
        assertThat(confluent.registry().getSchemaById(id)).isEqualTo(USAGE);
    }

    @Test
    void shouldParseSchemaWhenFetchingById() {
        final int id = confluent.registry().register("usage-value", USAGE);

        assertThat(client(confluent.url()).getSchemaById(id)).isEqualTo(USAGE);
    }

    @Test
    void shouldGiveIdAndVersionWhenLookingUpRegisteredSchema() {
        confluent.registry().register("usage-value", SchemaVariants.without(USAGE, Set.of("feature")));
        final int id = confluent.registry().register("usage-value", USAGE);

        assertThat(client(confluent.url()).lookup("usage-value", USAGE))
                .isEqualTo(new RegisteredSchema("usage-value", 2, id, USAGE));
    }

    @Test
    void shouldThrowNotRegisteredWhenLookupAnswers404() {
        assertThatThrownBy(() -> client(confluent.url()).lookup("usage-value", USAGE))
                .isInstanceOfSatisfying(SchemaNotRegisteredException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40401);
                })
                .hasMessageContaining(confluent.url());
    }

    @Test
    void shouldGiveLatestVersionWhenSubjectHasOne() {
        final int id = confluent.registry().register("usage-value", USAGE);

        assertThat(client(confluent.url()).getLatestSchema("usage-value"))
                .isEqualTo(new RegisteredSchema("usage-value", 1, id, USAGE));
    }

    @Test
    void shouldThrowUnknownIdWithStatusWhenIdAnswers404() {
        assertThatThrownBy(() -> client(confluent.url()).getSchemaById(77))
                .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(40403);
                    assertThat(e.registryMessage()).isEqualTo("Schema not found");
                });
    }

    @Test
    void shouldCarryStatusAndMessageWhenRegistryRejectsSchema() {
        confluent.registry().register("usage-value", USAGE);
        final Schema other = BillingEvent.getClassSchema();

        assertThatThrownBy(() -> client(confluent.url()).register("usage-value", other))
                .isInstanceOfSatisfying(RegistryRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("registry-error");
                })
                .hasMessageContaining("incompatible");
    }

    @Test
    void shouldGiveTheIdOfTheSameSchemaWhenApicurioAnswersConflictToAConcurrentRegistration() throws IOException {
        try (FakeRegistryServer apicurio = FakeRegistryServer.apicurio()) {
            final int id = apicurio.registry().register("usage-value", USAGE);
            apicurio.answerNext(1, 409, "{\"error_code\": 409, \"message\": \"An artifact with ID 'usage-value' in "
                    + "group 'null' already exists.\"}");

            assertThat(client(apicurio.url()).register("usage-value", USAGE)).isEqualTo(id);
        }
    }

    @Test
    void shouldGiveTheIdOfTheSameSchemaWhenApicurioAnswersServerErrorToAConcurrentRegistration() throws IOException {
        try (FakeRegistryServer apicurio = FakeRegistryServer.apicurio()) {
            final int id = apicurio.registry().register("usage-value", USAGE);
            apicurio.answerNext(1, 500, "{\"error_code\": 0, \"message\": \"RuntimeSqlException: Unique index or "
                    + "primary key violation\"}");

            assertThat(client(apicurio.url()).register("usage-value", USAGE)).isEqualTo(id);
        }
    }

    @Test
    void shouldRegisterAgainWhenApicurioAnswersServerErrorAndTheSchemaIsNotThere() throws IOException {
        try (FakeRegistryServer apicurio = FakeRegistryServer.apicurio()) {
            apicurio.answerNext(1, 500, "{\"error_code\": 0, \"message\": \"transient\"}");

            final int id = client(apicurio.url()).register("usage-value", USAGE);

            assertThat(apicurio.registry().getSchemaById(id)).isEqualTo(USAGE);
        }
    }

    @Test
    void shouldRegisterAgainWhenApicurioAnswersConflictAndTheOtherClientsVersionIsNotVisibleYet() throws IOException {
        try (FakeRegistryServer apicurio = FakeRegistryServer.apicurio()) {
            apicurio.answerNext(1, 409, "{\"error_code\": 409, \"message\": \"An artifact with ID 'usage-value' in "
                    + "group 'null' already exists.\"}");

            final int id = client(apicurio.url()).register("usage-value", USAGE);

            assertThat(apicurio.registry().getSchemaById(id)).isEqualTo(USAGE);
        }
    }

    @Test
    void shouldReportMessagesWhenConfluentFindsSchemaIncompatible() {
        confluent.registry().register("usage-value", USAGE);

        final CompatibilityResult result = client(confluent.url())
                .testCompatibility("usage-value", BillingEvent.getClassSchema());

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).isNotEmpty();
        assertThat(confluent.requests().get(0).uri()).endsWith("/versions/latest?verbose=true");
    }

    @Test
    void shouldSpeakApicurioDialectWhenServedUnderCcompatPath() throws IOException {
        try (FakeRegistryServer apicurio = FakeRegistryServer.apicurio()) {
            final RestSchemaRegistryClient client = client(apicurio.url());
            final int id = client.register("usage-value", USAGE);

            assertThat(client.getSchemaById(id)).isEqualTo(USAGE);
            assertThat(client.testCompatibility("usage-value", BillingEvent.getClassSchema()).messages()).isNotEmpty();
            assertThatThrownBy(() -> client.getSchemaById(id + 1))
                    .isInstanceOfSatisfying(UnknownSchemaIdException.class, e -> assertThat(e.errorCode()).isZero());
            assertThat(apicurio.requests()).allSatisfy(request ->
                    assertThat(request.uri()).startsWith("/apis/ccompat/v7/"));
        }
    }

    @Test
    void shouldSendBasicAuthWhenUserInfoIsConfigured() {
        final Map<String, Object> settings = settings(confluent.url());
        settings.put(RegistrySerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
        settings.put(RegistrySerdeConfig.BASIC_AUTH_USER_INFO, "alice:wonder land");

        RestSchemaRegistryClient.create(new RegistrySerdeConfig(settings), sleeps::add).register("usage-value", USAGE);

        assertThat(confluent.requests().get(0).authorization()).isEqualTo("Basic " + base64("alice:wonder land"));
    }

    @Test
    void shouldSendBasicAuthFromUrlWhenCredentialsSourceIsUrl() {
        final String url = confluent.url().replace("http://", "http://carol:s3cret@");

        client(url).register("usage-value", USAGE);

        assertThat(confluent.requests().get(0).authorization()).isEqualTo("Basic " + base64("carol:s3cret"));
    }

    @Test
    void shouldMoveToNextUrlWhenFirstRefusesConnections() throws IOException {
        final RestSchemaRegistryClient client = client(closedUrl() + "," + confluent.url());

        final int id = client.register("usage-value", USAGE);

        assertThat(confluent.registry().getSchemaById(id)).isEqualTo(USAGE);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldBackOffExponentiallyThenNameUrlWhenNothingListens() throws IOException {
        final String url = closedUrl();

        assertThatThrownBy(() -> client(url).getSchemaById(1))
                .isInstanceOfSatisfying(RegistryUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("registry-unavailable"))
                .hasMessageContaining(url)
                .hasMessageContaining("4 attempt(s)");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void shouldHideUrlCredentialsWhenRegistryIsUnreachable() throws IOException {
        final String url = closedUrl().replace("http://", "http://dave:s3cret@");

        assertThatThrownBy(() -> client(url).getSchemaById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .message().doesNotContain("s3cret", "dave");
    }

    @Test
    void shouldRetryWhenRegistryAnswersUnavailable() {
        final int id = confluent.registry().register("usage-value", USAGE);
        confluent.answerNext(2, 503, "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}");

        assertThat(client(confluent.url()).getSchemaById(id)).isEqualTo(USAGE);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldKeepBodyAsMessageWhenErrorIsNotJson() {
        confluent.answerNext(1, 500, "Internal Server Error");

        assertThatThrownBy(() -> client(confluent.url()).getSchemaById(1))
                .isInstanceOfSatisfying(RegistryRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.registryMessage()).isEqualTo("Internal Server Error");
                });
    }

    private RestSchemaRegistryClient client(final String urls) {
        return RestSchemaRegistryClient.create(new RegistrySerdeConfig(settings(urls)), sleeps::add);
    }

    private static Map<String, Object> settings(final String urls) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(RegistrySerdeConfig.SCHEMA_REGISTRY_URL, urls);
        settings.put(RegistrySerdeConfig.REQUEST_TIMEOUT_MS, 5_000);
        return settings;
    }

    /** The URL of a local port nothing listens on. */
    private static String closedUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String base64(final String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String quoted(final String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
