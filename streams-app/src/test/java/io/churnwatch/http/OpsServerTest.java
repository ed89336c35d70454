package io.churnwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.runtime.StartupException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP server before any pipeline is attached: scrape, probes, routing and input validation. */
class OpsServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private OpsServer server;

    @BeforeEach
    void start() {
        server = OpsServer.start(new ChurnConfig(Map.of(ChurnConfig.HTTP_PORT, 0)), registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(final String method, final String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private String error(final HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body()).path("error").asText();
    }

    @Test
    void shouldServeTheRegistryInPrometheusTextWhenScraped() throws Exception {
        Counter.builder("churnwatch.test.hits").register(registry).increment(3);

        final HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(MetricsHandler.CONTENT_TYPE);
        assertThat(response.body()).contains("churnwatch_test_hits_total 3.0");
    }

    @Test
    void shouldBeLiveWhenThePipelineIsNotAttachedYet() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotBeReadyWhenThePipelineIsNotAttachedYet() throws Exception {
        final HttpResponse<String> response = get("/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("state").asText()).isEqualTo("STARTING");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenAnAccountIsAskedForBeforeTheStart() throws Exception {
        final HttpResponse<String> response = get("/accounts/acct-1/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void shouldAnswer404WithTheEndpointsWhenThePathIsUnknown() throws Exception {
        final HttpResponse<String> response = get("/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("/accounts/{id}/health");
    }

    @Test
    void shouldAnswer405WhenTheMethodIsNotGet() throws Exception {
        final HttpResponse<String> response = send("POST", "/metrics");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/accounts/%00x/health", "/accounts/a%0Ab/health", "/accounts//health"})
    void shouldAnswer400WhenTheAccountIdIsInvalid(final String path) throws Exception {
        final HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isNotBlank();
    }

    @Test
    void shouldAnswer400WhenTheAccountIdIsTooLong() throws Exception {
        final HttpResponse<String> response = get("/accounts/" + "a".repeat(AccountsHandler.MAX_ID_LENGTH + 1)
                + "/health");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("1 to " + AccountsHandler.MAX_ID_LENGTH + " characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "1001", "ten", "99999999999"})
    void shouldAnswer400WhenTheLimitIsNotFrom1To1000(final String limit) throws Exception {
        final HttpResponse<String> response = get("/accounts/at-risk?limit=" + limit);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("limit must be an integer from 1 to 1000");
    }

    @Test
    void shouldAnswer400NamingTheSegmentsWhenTheSegmentIsUnknown() throws Exception {
        final HttpResponse<String> response = get("/accounts/at-risk?segment=VIP");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("HIGH_TOUCH, LOW_TOUCH, TECH_TOUCH").contains("'VIP'");
    }

    @Test
    void shouldAnswer400WhenAnUnknownParameterIsGiven() throws Exception {
        final HttpResponse<String> response = get("/accounts/at-risk?limt=5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).contains("'limt'");
    }

    @Test
    void shouldAdvertiseTheBoundAddressWhenApplicationServerIsNotSet() {
        assertThat(server.applicationServer()).isEqualTo("127.0.0.1:" + server.uri().getPort());
    }

    @Test
    void shouldAdvertiseTheConfiguredApplicationServerWhenSet() {
        try (OpsServer configured = OpsServer.start(new ChurnConfig(Map.of(ChurnConfig.HTTP_PORT, 0,
                "application.server", "churnwatch-0.churnwatch:8080")), registry)) {
            assertThat(configured.applicationServer()).isEqualTo("churnwatch-0.churnwatch:8080");
        }
    }

    @Test
    void shouldFailWithTheKeysWhenThePortIsTaken() {
        final ChurnConfig taken = new ChurnConfig(Map.of(ChurnConfig.HTTP_PORT, server.uri().getPort()));

        assertThatThrownBy(() -> OpsServer.start(taken, registry)).isInstanceOf(StartupException.class)
                .hasMessageContaining("http.bind.address, http.port");
    }
}
