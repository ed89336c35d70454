package io.churnwatch.runtime;

import io.churnwatch.config.TopicsConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.churnwatch.config.ChurnConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    private static TopicSpec spec(final List<TopicSpec> specs, final String name) {
        return specs.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void shouldCompactAccountsAndHealthWhenBuiltFromDefaults() {
        final List<TopicSpec> specs = TopicSpec.of(ChurnConfig.defaults());

        assertThat(specs).filteredOn(s -> TopicConfig.CLEANUP_POLICY_COMPACT.equals(s.cleanupPolicy()))
                .extracting(TopicSpec::name).containsExactlyInAnyOrder("accounts", "account-health");
    }

    @Test
    void shouldMarkTheFourInputTopicsAsInputsWhenBuiltFromDefaults() {
        assertThat(TopicSpec.of(ChurnConfig.defaults())).filteredOn(TopicSpec::input).extracting(TopicSpec::name)
                .containsExactlyInAnyOrder("product-usage", "support-tickets", "billing", "accounts");
    }

    @Test
    void shouldGiveEventTopicsTheInputRetentionWhenConfigured() {
        final List<TopicSpec> specs = TopicSpec.of(new ChurnConfig(Map.of(TopicsConfig.INPUT_RETENTION_MS, "-1",
                ChurnConfig.TOPIC_USAGE, "events")));

        assertThat(List.of(spec(specs, "events"), spec(specs, "support-tickets"), spec(specs, "billing")))
                .allSatisfy(s -> assertThat(s.configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    @Test
    void shouldKeepDeadLettersThirtyDaysWhenNothingIsConfigured() {
        assertThat(spec(TopicSpec.of(ChurnConfig.defaults()), "churnwatch-dlq").configs())
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()));
    }

    @Test
    void shouldKeepAlertsAsLongAsInputsWhenCreated() {
        final List<TopicSpec> specs = TopicSpec.of(new ChurnConfig(Map.of(TopicsConfig.INPUT_RETENTION_MS, "123456")));

        assertThat(spec(specs, "churn-risk-alerts").configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "123456");
    }

    @Test
    void shouldStampDeadLettersWithAppendTimeWhenCreated() {
        assertThat(spec(TopicSpec.of(ChurnConfig.defaults()), "churnwatch-dlq").configs())
                .containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    }

    @Test
    void shouldUseConfiguredPartitionsAndReplicasWhenSet() {
        final List<TopicSpec> specs = TopicSpec.of(new ChurnConfig(Map.of(TopicsConfig.PARTITIONS, "12",
                TopicsConfig.REPLICATION_FACTOR, "3")));

        assertThat(specs).allSatisfy(s -> {
            assertThat(s.partitions()).isEqualTo(12);
            assertThat(s.replicationFactor()).contains((short) 3);
        });
    }

    @Test
    void shouldLeaveReplicationToTheBrokerWhenFactorIsMinusOne() {
        final List<TopicSpec> specs = TopicSpec.of(new ChurnConfig(Map.of(TopicsConfig.REPLICATION_FACTOR, "-1")));

        assertThat(specs).allSatisfy(s -> assertThat(s.replicationFactor()).isEqualTo(Optional.empty()));
    }

    @Test
    void shouldRejectConfigurationWhenReplicationFactorIsZero() {
        assertThatThrownBy(() -> new ChurnConfig(Map.of(TopicsConfig.REPLICATION_FACTOR, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TopicsConfig.REPLICATION_FACTOR);
    }
}
