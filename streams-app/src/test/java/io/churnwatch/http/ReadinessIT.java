package io.churnwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.churnwatch.config.ChurnConfig;
import io.churnwatch.embedded.EmbeddedKafka;
import io.churnwatch.embedded.EmbeddedStackExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probes of an instance whose pipeline starts during the test. */
@ExtendWith(EmbeddedStackExtension.class)
class ReadinessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChurnConfig config;

    ReadinessIT(final EmbeddedKafka kafka) throws Exception {
        this.config = Instance.config(kafka, "ready-" + UUID.randomUUID() + "-", Map.of());
        Traffic.createTopics(config);
    }

    @Test
    void shouldTurnReadyFrom503To200WhenThePipelineReachesRunning() throws Exception {
        try (Instance instance = Instance.create(config)) {
            final HttpResponse<String> before = instance.get("/health/ready");
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(before.body()).path("state").asText()).isEqualTo("CREATED");

            instance.pipeline().start();

            await().atMost(Duration.ofMinutes(2)).until(() -> instance.get("/health/ready").statusCode() == 200);
            final JsonNode ready = JSON.readTree(instance.get("/health/ready").body());
            assertThat(ready.path("state").asText()).isEqualTo("RUNNING");
            assertThat(ready.path("storesQueryable").asBoolean()).isTrue();
            assertThat(ready.path("threads").findValuesAsText("state")).isNotEmpty().containsOnly("RUNNING");
        }
    }

    @Test
    void shouldShowTheLagOfTheAppsGroupWhenReady() throws Exception {
        try (Instance instance = Instance.create(config).start()) {
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(JSON.readTree(
                    instance.get("/health/ready").body()).path("lag").path("groups").has(config.applicationId()))
                    .isTrue());
        }
    }

    @Test
    void shouldBeLiveBeforeThePipelineStartsWhenAsked() {
        try (Instance instance = Instance.create(config)) {
            assertThat(instance.get("/health/live").statusCode()).isEqualTo(200);
        }
    }
}
