package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import static org.assertj.core.api.Assertions.assertThat;

import io.churnwatch.config.ChurnConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void shouldPassClientKeysThroughWhenChurnwatchDoesNotDeclareThem() {
        final ChurnConfig config = new ChurnConfig(Map.of("security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN"));

        assertThat(ClientSettings.of(config)).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void shouldLeaveOutChurnwatchKeysWhenBuildingClientSettings() {
        final ChurnConfig config = new ChurnConfig(Map.of(ChurnConfig.TOPIC_USAGE, "events",
                TopicsConfig.PARTITIONS, "12", ChurnConfig.SCHEMA_REGISTRY_URL, "http://registry:8081"));

        assertThat(ClientSettings.of(config)).doesNotContainKeys(ChurnConfig.TOPIC_USAGE, TopicsConfig.PARTITIONS,
                ChurnConfig.SCHEMA_REGISTRY_URL);
    }

    @Test
    void shouldJoinBootstrapServersWhenSeveralAreConfigured() {
        final ChurnConfig config = new ChurnConfig(Map.of(ChurnConfig.BOOTSTRAP_SERVERS, "a:9092, b:9092"));

        assertThat(ClientSettings.of(config)).containsEntry("bootstrap.servers", "a:9092,b:9092");
    }
}
